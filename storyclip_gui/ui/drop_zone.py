"""DropZone accepts files and folders from the file manager; the intake's refusals in words."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from storyclip_gui.core.sources import Refusal, Refused


def _t(text: str) -> str:
    return QCoreApplication.translate("DropZone", text)


# core.sources' reasons, for lupdate (the English text is the same: a test holds them in step)
REASONS: dict[Refused, str] = {
    Refused.TOO_LONG: QT_TRANSLATE_NOOP("Intake", "is longer than 4096 characters, so it names no file"),  # noqa: E501
    Refused.NOT_TEXT: QT_TRANSLATE_NOOP("Intake", "is not a valid path (it holds a NUL character)"),
    Refused.NOT_UTF8: QT_TRANSLATE_NOOP("Intake", "has a name that is not valid UTF-8, so it cannot be handed to ffmpeg; rename the file"),  # noqa: E501
    Refused.RELATIVE: QT_TRANSLATE_NOOP("Intake", "is not an absolute path"),
    Refused.MISSING: QT_TRANSLATE_NOOP("Intake", "does not exist (was it moved?)"),
    Refused.UNREACHABLE: QT_TRANSLATE_NOOP("Intake", "cannot be opened: {detail}"),
    Refused.FOLDER: QT_TRANSLATE_NOOP("Intake", "is a folder, not a video file"),
    Refused.NO_VIDEOS: QT_TRANSLATE_NOOP("Intake", "holds no videos"),
    Refused.NOT_REGULAR: QT_TRANSLATE_NOOP("Intake", "is not a regular file"),
    Refused.HIDDEN: QT_TRANSLATE_NOOP("Intake", "is hidden (hidden files are often partial copies; they are not taken)"),  # noqa: E501
    Refused.NOT_VIDEO: QT_TRANSLATE_NOOP("Intake", "is not a video file ({detail})"),
    Refused.EMPTY: QT_TRANSLATE_NOOP("Intake", "is empty (0 bytes)"),
    Refused.UNREADABLE: QT_TRANSLATE_NOOP("Intake", "cannot be read (permission denied)"),
}  # fmt: skip


def refusal_line(refusal: Refusal) -> str:
    """“name” reason, in the window's language."""
    reason = QCoreApplication.translate("Intake", REASONS[refusal.why])
    return f"“{refusal.name}” {reason.replace('{detail}', refusal.detail)}"


def local_paths(mime: QMimeData) -> list[str]:
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class DropZone(QFrame):
    """A widget that accepts dropped local files and folders (children may be any content).

    Signals:
        pathsDropped(list): local paths of the dropped files and folders.
        addRequested(): the "Add videos…" button of the welcome page was clicked.
    """

    pathsDropped = Signal(list)
    addRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("dropZone")
        self._hover = False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
            self._set_hover(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: object) -> None:
        self._set_hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hover(False)
        paths = local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.pathsDropped.emit(paths)

    def _set_hover(self, hover: bool) -> None:
        self._hover = hover
        self.setProperty("hover", hover)
        self.style().unpolish(self)
        self.style().polish(self)


class WelcomePage(QWidget):
    """What an empty queue shows: where to drop, a button for people who do not drag, and
    where the clips will go (with a button to change it).

    Signals:
        changeOutputRequested(): the "Change…" button beside the output folder was clicked.
    """

    changeOutputRequested = Signal()

    def __init__(self, zone: DropZone, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel(QCoreApplication.translate("DropZone", "Drop videos or folders here"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(
            QCoreApplication.translate(
                "DropZone",
                "Each video is cut into vertical story clips with the options on the "
                "left. Folders are searched for videos.",
            )
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(QCoreApplication.translate("DropZone", "Add videos…"))
        button.setObjectName("welcomeAdd")
        button.clicked.connect(zone.addRequested)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addSpacing(24)
        self.output_label = QLabel()
        self.output_label.setObjectName("welcomeOutput")
        self.output_label.setWordWrap(True)
        self.output_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.output_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = QPushButton(QCoreApplication.translate("DropZone", "Change folder…"))
        change.setObjectName("welcomeChangeOutput")
        change.clicked.connect(self.changeOutputRequested)
        layout.addWidget(self.output_label)
        layout.addWidget(change, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(3)

    def set_output_folder(self, folder: str) -> None:
        """Show where clips go: one sub-folder per video inside `folder`."""
        text = QCoreApplication.translate(
            "DropZone", "Clips are saved in {folder}, in one folder per video."
        )
        self.output_label.setText(text.replace("{folder}", _home_relative(folder) or "?"))
        self.output_label.setToolTip(folder)


def _home_relative(folder: str) -> str:
    """~/Videos/StoryClip rather than /home/ana/Videos/StoryClip (POSIX only)."""
    home = Path.home()
    path = Path(folder)
    if os.name != "posix" or not folder or not path.is_relative_to(home) or path == home:
        return folder
    return str(Path("~") / path.relative_to(home))
