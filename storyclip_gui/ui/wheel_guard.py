"""Mouse wheels scroll forms: a combo or number box changes by wheel only once it has focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)


class WheelGuard(QObject):
    """Installed on a form's combo and number boxes: a wheel turned over one that has not been
    clicked or tabbed into scrolls the form instead of changing the value under the pointer (a
    settings page scrolled with the wheel once set "Shut down" when the queue is done)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QApplication.sendEvent(area.viewport(), event)
        return True


def guard_wheels(form: QWidget) -> WheelGuard:
    """Guard every combo and number box under `form` (kept alive by `form`)."""
    guard = WheelGuard(form)
    for widget in [*form.findChildren(QComboBox), *form.findChildren(QAbstractSpinBox)]:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(guard)
    return guard
