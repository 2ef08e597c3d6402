"""ProgressBarDelegate: paints a job's progress bar from the model's roles, keeping no state."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from storyclip_gui.ui.job_table_model import PROGRESS_ROLE, STATUS_COLORS, STATUS_ROLE


class ProgressBarDelegate(QStyledItemDelegate):
    """Draws a rounded bar in the status colour with the percentage centred on it."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        progress = index.data(PROGRESS_ROLE)
        if progress is None:
            super().paint(painter, option, index)
            return
        status = index.data(STATUS_ROLE) or ""
        palette = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect.adjusted(4, 5, -4, -5)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        if selected:
            painter.fillRect(option.rect, palette.highlight())  # type: ignore[attr-defined]
            trough = palette.color(QPalette.ColorRole.Base)  # the bar must not melt into the row
        else:
            trough = palette.color(QPalette.ColorRole.Mid)
            trough.setAlpha(90)
        trough_text = palette.color(QPalette.ColorRole.Text)  # Text is drawn on Base
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(trough)
        painter.drawRoundedRect(rect, 3, 3)
        fraction = max(0.0, min(1.0, float(progress) / 100.0))
        filled = QRect(rect)
        filled.setWidth(max(6, int(rect.width() * fraction)) if fraction > 0 else 0)
        if fraction > 0:
            painter.setBrush(QColor(STATUS_COLORS.get(status, "#2f7de1")))
            painter.drawRoundedRect(filled, 3, 3)
        # the text in two clips: white over the coloured part, the trough's text colour over
        # the rest, so no part of it is ever drawn in the colour it sits on
        text = f"{float(progress):.0f} %"
        empty = QRect(rect)
        empty.setLeft(filled.right() + 1 if fraction > 0 else rect.left())
        for part, colour in ((filled, QColor("white")), (empty, trough_text)):
            if part.width() > 0:
                painter.setClipRect(part)
                painter.setPen(colour)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class MiddleElideDelegate(QStyledItemDelegate):
    """Cuts a long file or folder name in the middle ("holiday…day2.mp4", "/home/…/trip"), where
    the ends that tell files apart stay visible; other columns cut at the end as usual."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle  # type: ignore[attr-defined]
