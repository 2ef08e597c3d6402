"""JobDetail: one job's options, ffmpeg command, log tail and clips with thumbnails."""

from __future__ import annotations

import asyncio
import html
import logging
import os
import shlex
import time
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storyclip_gui.core.jobs import ClipView, JobState, JobView
from storyclip_gui.core.ports import Runner
from storyclip_gui.ui.async_tasks import start_task
from storyclip_gui.ui.engine_text import engine_message
from storyclip_gui.ui.job_table_model import format_duration, status_icon, status_label
from storyclip_gui.ui.option_labels import describe_options
from storyclip_gui.ui.preview import SourcePreview, cached_image

log = logging.getLogger(__name__)
THUMB_SIZE = QSize(72, 128)
PREVIEW_MIN_HEIGHT = 440  # title, the source strip, the timeline and the clips' row
LOG_LINES = 200
QC_BADGES = {"pass": "✓", "warn": "⚠", "fail": "✗"}  # per clip, after its platform checks


def thumbnail_argv(ffmpeg: str, clip: str, out: str, at: float) -> list[str]:
    """One frame, scaled to fit the thumbnail height (the clips are 9:16)."""
    return [
        ffmpeg,
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-ss",
        f"{at:.3f}",
        "-i",
        clip,
        "-frames:v",
        "1",
        "-vf",
        f"scale=-2:{THUMB_SIZE.height()}",
        "-q:v",
        "4",
        out,
    ]


class ThumbnailCache(QObject):
    """Makes clip thumbnails with ffmpeg through the engine's runner (async: the UI never waits).

    Signals:
        ready(str): the thumbnail of this clip path can now be had from `icon()`.
    """

    ready = Signal(str)

    def __init__(
        self, runner: Runner, ffmpeg: str, folder: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ffmpeg = ffmpeg
        self._folder = Path(folder)
        self._icons: dict[str, QIcon] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._gate = asyncio.Semaphore(2)
        self._previews: list[SourcePreview] = []

    def icon(self, clip_path: str, duration: float | None = None) -> QIcon | None:
        """The thumbnail if made; otherwise start making it and return None."""
        icon = self._icons.get(clip_path)
        if icon is not None:
            return icon
        target = self._target(clip_path)
        if target.is_file():
            icon = self._icons[clip_path] = QIcon(QPixmap(str(target)))
            return icon
        if clip_path not in self._pending and os.path.isfile(clip_path):
            task = start_task(lambda: self._make(clip_path, duration))
            if task is not None:
                self._pending[clip_path] = task
        return None

    @property
    def busy(self) -> bool:
        return bool(self._pending) or self.preview_busy

    @property
    def preview_busy(self) -> bool:
        return any(p.busy for p in self._previews)

    def stop(self) -> None:
        for task in self._pending.values():
            task.cancel()
        for preview in self._previews:
            preview.stop()

    def new_preview(self, parent: QWidget | None = None) -> SourcePreview:
        """A source preview that makes its frames the same way (ffmpeg through the runner)."""
        preview = SourcePreview(self._runner, self._ffmpeg, self._folder, parent)
        self._previews.append(preview)
        return preview

    def _target(self, clip_path: str) -> Path:
        return cached_image(self._folder, clip_path, "", "", ".jpg")

    async def _make(self, clip_path: str, duration: float | None) -> None:
        try:
            async with self._gate:
                self._folder.mkdir(parents=True, exist_ok=True)
                target = self._target(clip_path)
                at = min(1.0, (duration or 2.0) / 2)
                outcome = await self._runner.run(
                    thumbnail_argv(self._ffmpeg, clip_path, str(target), at)
                )
                if outcome.ok and target.is_file():
                    self._icons[clip_path] = QIcon(QPixmap(str(target)))
                    self.ready.emit(clip_path)
                else:
                    log.info("no thumbnail for %s: ffmpeg %s", clip_path, outcome)
        finally:
            self._pending.pop(clip_path, None)


class JobDetail(QWidget):
    """Shows the selected job; `show_job()` on every coalesced refresh of that job's row.

    Signals:
        openRequested(str): open this file or folder with the desktop's default application.
    """

    openRequested = Signal(str)

    def __init__(self, thumbnails: ThumbnailCache | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thumbs = thumbnails
        self._job: JobView | None = None
        self._log: list[str] = []
        self._last_line = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel(self.tr("Select a job to see its details."))
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        clips_page = QWidget()
        clips_layout = QVBoxLayout(clips_page)
        clips_layout.setContentsMargins(0, 4, 0, 0)
        self.clips = QListWidget()
        self.clips.setObjectName("clipList")
        self.clips.setViewMode(QListWidget.ViewMode.IconMode)  # a strip of 9:16 thumbnails
        self.clips.setFlow(QListWidget.Flow.LeftToRight)
        self.clips.setWrapping(True)
        self.clips.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.clips.setMovement(QListWidget.Movement.Static)
        self.clips.setIconSize(THUMB_SIZE)
        self.clips.setGridSize(QSize(THUMB_SIZE.width() + 104, THUMB_SIZE.height() + 84))
        self.clips.setWordWrap(True)
        self.clips.setSpacing(4)
        self.clips.itemActivated.connect(self._open_clip)
        self.clips.itemSelectionChanged.connect(self._update_buttons)
        clips_layout.addWidget(self.clips)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open clip"))
        self.open_button.setObjectName("openClipButton")
        self.open_button.setToolTip(self.tr("Open the selected clip in the video player"))
        self.reveal_button = QPushButton(self.tr("Show in folder"))
        self.reveal_button.setObjectName("revealButton")
        self.open_button.clicked.connect(lambda: self._open_clip(self.clips.currentItem()))
        self.reveal_button.clicked.connect(self._reveal)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reveal_button)
        buttons.addStretch(1)
        clips_layout.addLayout(buttons)
        # before processing: the source, its planned cuts and the crop window (ui/preview.py)
        self.preview = thumbnails.new_preview() if thumbnails is not None else None
        if self.preview is not None:
            # a short detail pane scrolls the preview instead of cutting off its clip row
            self.preview.setMinimumHeight(PREVIEW_MIN_HEIGHT)
            self.preview_page = QScrollArea()
            self.preview_page.setWidgetResizable(True)
            self.preview_page.setFrameShape(QScrollArea.Shape.NoFrame)
            self.preview_page.setWidget(self.preview)
            self.tabs.addTab(self.preview_page, self.tr("Preview"))
        self.tabs.addTab(clips_page, self.tr("Clips"))

        self.options = QPlainTextEdit(readOnly=True)
        self.options.setObjectName("optionsText")
        self.command = QPlainTextEdit(readOnly=True)
        self.log = QPlainTextEdit(readOnly=True)
        self.log.setMaximumBlockCount(LOG_LINES)
        self.ffmpeg_output = QPlainTextEdit(readOnly=True)
        self.ffmpeg_output.setObjectName("ffmpegOutput")
        for edit in (self.command, self.log, self.ffmpeg_output):
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            font = edit.font()
            font.setFamily("monospace")
            edit.setFont(font)
        self.tabs.addTab(self.log, self.tr("Log"))
        self.tabs.addTab(self.ffmpeg_output, self.tr("ffmpeg output"))
        self.tabs.addTab(self.options, self.tr("Options"))
        self.tabs.addTab(self.command, self.tr("ffmpeg command"))
        if thumbnails is not None:
            thumbnails.ready.connect(self._thumbnail_ready)
        self._update_buttons()

    @property
    def job_id(self) -> str | None:
        return self._job.id if self._job else None

    def clear(self) -> None:
        self._job = None
        self.title.setText(self.tr("Select a job to see its details."))
        for edit in (self.options, self.command, self.log, self.ffmpeg_output):
            edit.clear()
        self.clips.clear()
        if self.preview is not None:
            self.preview.clear()
        self._update_buttons()

    def show_job(
        self, job: JobView, commands: list[list[str]] | None = None, ffmpeg_log: str = ""
    ) -> None:
        """Show (or refresh) a job. `commands` are the argv lists ffmpeg ran, when known;
        `ffmpeg_log` is the live tail of what ffmpeg is writing."""
        new = self._job is None or self._job.id != job.id
        self._job = job
        name, source = html.escape(os.path.basename(job.source)), html.escape(job.source)
        self.title.setText(f"<b>{name}</b> — {status_label(job.state)}<br><small>{source}</small>")
        if new:
            self._log = []
            self._last_line = ""
            self.log.clear()
            self.clips.clear()
        rows = [*describe_options(job.options.to_dict()),
                (self.tr("Encoder used"), job.encoder or self.tr("(not started yet)")),
                (self.tr("Output folder"), job.output_dir or "—")]  # fmt: skip
        options = "\n".join(f"{label}: {value}" for label, value in rows)
        if options != self.options.toPlainText():
            self.options.setPlainText(options)
        self._append_log(job)
        if ffmpeg_log != self.ffmpeg_output.toPlainText():
            self.ffmpeg_output.setPlainText(ffmpeg_log)
            self.ffmpeg_output.moveCursor(QTextCursor.MoveOperation.End)
        text = "\n\n".join(shlex.join(argv) for argv in commands or [])
        if text != self.command.toPlainText():
            self.command.setPlainText(text or self.tr("(ffmpeg has not started yet)"))
        self._sync_clips(job)
        if self.preview is not None:
            self.preview.show_job(job)
        self._update_buttons()

    def _append_log(self, job: JobView) -> None:
        error = job.error if job.state is JobState.FAILED else None
        code = f"[{error.code.value}] " if error else ""
        key = f"{status_label(job.state)} · {code}{engine_message(job.message)}"
        if key == self._last_line:
            return  # only the percentage moved: keep the log readable
        self._last_line = key
        stamp = time.strftime("%H:%M:%S")
        self.log.appendPlainText(f"{stamp}  {job.progress:>3.0f} %  {key}")
        if error and error.detail:
            self.log.appendPlainText(self.tr("— ffmpeg's last output —"))
            self.log.appendPlainText(error.detail.rstrip()[-8000:])

    def _sync_clips(self, job: JobView) -> None:
        verified = [c for c in job.clips if c.verified]
        shown = [self.clips.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(self.clips.count())]  # fmt: skip
        if shown != [c.path for c in verified[: len(shown)]]:
            self.clips.clear()  # clips rendered side by side are verified in any order
        for clip in verified[self.clips.count() :]:
            item = QListWidgetItem(self._clip_text(clip))
            item.setData(Qt.ItemDataRole.UserRole, clip.path)
            item.setToolTip(self._clip_tooltip(clip))
            icon = self._thumbs.icon(clip.path, clip.duration) if self._thumbs else None
            item.setIcon(icon or status_icon(JobState.QUEUED))
            self.clips.addItem(item)

    def _clip_text(self, clip: ClipView) -> str:
        size = f"{clip.size / 1e6:.1f} MB" if clip.size else ""
        span = f"{format_duration(clip.start)}–{format_duration(clip.end)}"
        lines = [os.path.basename(clip.path), f"{span}  {size}".rstrip()]
        qc = clip.qc
        if qc:  # the badge: the worst check, named
            off = [c["check"] for c in qc["checks"] if c["status"] == qc["status"]]
            word = {"pass": self.tr("QC passed"), "warn": self.tr("QC: %1"),
                    "fail": self.tr("QC failed: %1")}[qc["status"]]  # fmt: skip
            lines.append(f"{QC_BADGES[qc['status']]} {word.replace('%1', ', '.join(off))}")
        reason = (clip.cut or {}).get("endReason")
        if reason:
            lines.append(f"↦ {reason}")
        if clip.worker and clip.worker != "local":
            lines.append(f"⚙ {clip.worker}")
        return "\n".join(lines)

    def _clip_tooltip(self, clip: ClipView) -> str:
        """The path, why each cut is where it is, and every platform check."""
        lines = [clip.path]
        if clip.cut:
            for label, key, nominal in ((self.tr("Start"), "startReason", "nominalStart"),
                                        (self.tr("End"), "endReason", "nominalEnd")):
                why = clip.cut.get(key) or self.tr("not moved")
                lines.append(f"{label}: {why} ({self.tr('planned at')} "
                             f"{format_duration(clip.cut[nominal])})")  # fmt: skip
        if clip.qc:
            lines.append(self.tr("Checked for %1:").replace("%1", clip.qc["platform"]))
            lines += [f"{QC_BADGES[c['status']]} {c['check']}: {c['message']}"
                      for c in clip.qc["checks"]]  # fmt: skip
        return "\n".join(lines)

    def _thumbnail_ready(self, path: str) -> None:
        for row in range(self.clips.count()):
            item = self.clips.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == path and self._thumbs is not None:
                icon = self._thumbs.icon(path)
                if icon is not None:
                    item.setIcon(icon)

    def _open_clip(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.isSelected():
            self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _reveal(self) -> None:
        item = self.clips.currentItem()
        if item is not None:
            self.openRequested.emit(os.path.dirname(item.data(Qt.ItemDataRole.UserRole)))
        elif self._job and self._job.output_dir:
            self.openRequested.emit(self._job.output_dir)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(bool(self.clips.selectedItems()))  # what would it open?
        self.reveal_button.setEnabled(bool(self._job and self._job.can_open))


def open_with_desktop(path: str) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))
