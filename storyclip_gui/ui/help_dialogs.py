"""Help dialogs: the setup check (`storyclip doctor`'s report) and About with versions."""

from __future__ import annotations

import asyncio
import logging
import platform
from collections.abc import Callable
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storyclip_gui import __version__
from storyclip_gui.core.ports import Runner
from storyclip_gui.ui.settings_dialog import fit_to_parent

log = logging.getLogger(__name__)

# `storyclip doctor`'s checks for an output folder (blocking: starts ffmpeg), → the report text
SetupCheck = Callable[[Path], str]


class SetupCheckDialog(QDialog):
    """Runs the setup check in a worker thread (it starts ffmpeg several times) and shows it."""

    def __init__(self, check: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupCheckDialog")
        self.setWindowTitle(self.tr("Check setup"))
        self.resize(fit_to_parent(QSize(880, 420), parent))
        self._check = check
        self.task: asyncio.Future[None] | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "What “storyclip doctor” finds on this computer: ffmpeg, the H.264 encoder "
                "and the folders StoryClip writes to."
            )
        )
        intro.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setObjectName("setupReport")
        self.report.setReadOnly(True)
        # long paths wrap: the dialog scrolls down, never sideways, even in a small window
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setPlainText(self.tr("Checking ffmpeg, encoders and folders…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.report.toPlainText())
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(intro)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)

    def start(self) -> asyncio.Future[None]:
        """Run the check off the Qt thread; the report replaces the placeholder when done."""
        self.task = asyncio.ensure_future(self._run())
        self.finished.connect(self.task.cancel)  # closed before the check ended: drop its answer
        return self.task

    @property
    def finished_checking(self) -> bool:
        return self.task is not None and self.task.done()

    async def _run(self) -> None:
        try:
            text = await asyncio.get_running_loop().run_in_executor(None, self._check)
        except Exception as exc:  # a failing check must say so, not leave "Checking…"
            log.exception("setup check failed")
            text = self.tr("The setup check itself failed: {e}").replace("{e}", str(exc))
        self.report.setPlainText(text)
        self.copy_button.setEnabled(True)


def version_lines(ffmpeg_version: str) -> list[tuple[str, str]]:
    """(label, value) pairs the About dialog shows."""
    return [
        ("StoryClip Studio", __version__),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("ffmpeg", ffmpeg_version),
        ("Python", f"{platform.python_version()} ({platform.system()} {platform.machine()})"),
    ]


async def ffmpeg_version(runner: Runner, ffmpeg: str) -> str:
    """First line of `ffmpeg -version` without the copyright ("ffmpeg version 7.0.2-static")."""
    out = bytearray()

    def collect(data: bytes) -> None:
        out.extend(data)

    outcome = await runner.run([ffmpeg, "-hide_banner", "-version"], on_stdout=collect)
    lines = out.decode("utf-8", "replace").splitlines()
    if not outcome.ok or not lines:
        return f"{ffmpeg} (did not answer: {outcome})"
    return lines[0].split(" Copyright")[0].removeprefix("ffmpeg version ").strip()


class AboutDialog(QDialog):
    """Name, purpose and the versions of the app, Qt, PySide6 and ffmpeg (asked for at open)."""

    def __init__(
        self, runner: Runner, ffmpeg: str, extra: list[tuple[str, str]], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About StoryClip Studio"))
        self._runner, self._ffmpeg, self._extra = runner, ffmpeg, extra
        self.task: asyncio.Future[None] | None = None
        self.lines: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        title = QLabel("StoryClip Studio")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        icon = QLabel()
        if parent is not None and not parent.windowIcon().isNull():
            icon.setPixmap(parent.windowIcon().pixmap(64, 64))
        summary = QLabel(
            self.tr("Turns long videos into vertical story clips, and shows every job live.")
        )
        summary.setWordWrap(True)
        self.versions = QLabel()
        self.versions.setObjectName("aboutVersions")
        self.versions.setTextFormat(Qt.TextFormat.RichText)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._show(self.tr("asking…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for widget in (icon, title, summary, self.versions, buttons):
            layout.addWidget(widget)

    def _show(self, ffmpeg_text: str) -> None:
        self.lines = [*version_lines(ffmpeg_text), *self._extra]
        rows = "".join(
            f"<tr><td><b>{_escape(label)}</b>&nbsp;&nbsp;</td><td>{_escape(value)}</td></tr>"
            for label, value in self.lines
        )
        self.versions.setText(f"<table>{rows}</table>")

    def start(self) -> asyncio.Future[None]:
        self.task = asyncio.ensure_future(self._ask_ffmpeg())
        return self.task

    def text(self) -> str:
        """The versions as plain text (for tests and bug reports)."""
        return "\n".join(f"{label}: {value}" for label, value in self.lines)

    async def _ask_ffmpeg(self) -> None:
        try:
            answer = await ffmpeg_version(self._runner, self._ffmpeg)
        except Exception as exc:
            answer = f"{self._ffmpeg} ({exc})"
        self._show(answer)


def _escape(value: Any) -> str:
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
