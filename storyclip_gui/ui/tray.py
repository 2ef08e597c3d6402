"""Tray: a system tray icon that tells when a job fails and when the queue is done."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from storyclip_gui.core.jobs import JobState, JobView
from storyclip_gui.ui.engine_text import engine_message
from storyclip_gui.ui.job_table_model import JobTableModel


class Tray(QObject):
    """Decides what to notify (testable without a tray) and shows it when a tray exists.

    Signals:
        notified(str, str): a notification (title, text) was raised.
        showRequested(): the person asked for the window (click or "Show").
        quitRequested(): "Quit" from the tray menu.
    """

    notified = Signal(str, str)
    showRequested = Signal()
    quitRequested = Signal()

    def __init__(self, model: JobTableModel, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(icon, self)
            self.icon.setToolTip("StoryClip Studio")
            menu = QMenu()
            show = QAction(self.tr("Show"), menu)
            quit_ = QAction(self.tr("Quit"), menu)
            show.triggered.connect(self.showRequested)
            quit_.triggered.connect(self.quitRequested)
            menu.addAction(show)
            menu.addAction(quit_)
            self._menu = menu
            self.icon.setContextMenu(menu)
            self.icon.activated.connect(lambda _reason: self.showRequested.emit())
            self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def job_completed(self, job: JobView) -> None:
        """Called for every job reaching a final state (after the model has taken it in)."""
        if job.state is JobState.FAILED:
            name = os.path.basename(job.source)
            message = engine_message(job.error.message if job.error else job.message)
            self._notify(self.tr("A job failed"), f"{name}: {message}", failure=True)
        counts = self._model.counts  # exact at once; only its signal is coalesced
        if not (counts.get(JobState.PROCESSING) or counts.get(JobState.QUEUED)):
            done = counts.get(JobState.COMPLETED, 0)
            failed = counts.get(JobState.FAILED, 0)
            text = (
                self.tr("{done} completed, {failed} failed")
                .replace("{done}", str(done))
                .replace("{failed}", str(failed))
            )
            self._notify(self.tr("The queue is done"), text)

    def countdown(self, text: str | None, starting: bool = False) -> None:
        """The when-done countdown's words in the tooltip (None: over); said once at start."""
        if self.icon is not None:
            self.icon.setToolTip(text or "StoryClip Studio")
        if text and starting:
            self._notify(self.tr("The queue is done"), text)

    def _notify(self, title: str, text: str, failure: bool = False) -> None:
        self.notified.emit(title, text)
        if self.icon is not None:
            kind = (
                QSystemTrayIcon.MessageIcon.Warning
                if failure
                else QSystemTrayIcon.MessageIcon.Information
            )
            self.icon.showMessage(title, text, kind, 8000)
