"""DropZone accepts files and folders from the file manager; sort_dropped() keeps the videos."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from storyclip_gui.core.sources import expand_inputs, looks_like_video


def _t(text: str) -> str:
    return QCoreApplication.translate("DropZone", text)


@dataclass
class DroppedPaths:
    """What a drop (or "Add videos…") yields: videos to queue and the refusals to show."""

    videos: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)

    def message(self) -> str:
        lines = [f"“{name}”: {reason}" for name, reason in self.refused]
        return "\n".join(lines)


def sort_dropped(paths: list[str]) -> DroppedPaths:
    """Folders are searched recursively; a file that is not a video is refused with the reason."""
    result = DroppedPaths()
    sources, problems = expand_inputs(paths)
    for problem in problems:
        result.refused.append(
            (
                Path(problem.path).name or problem.path,
                QCoreApplication.translate("DropZone", "no videos found in this folder"),
            )
        )
    for source in sources:
        path = Path(source)
        if not path.exists():
            result.refused.append(
                (path.name, QCoreApplication.translate("DropZone", "the file does not exist"))
            )
        elif path.name.startswith("."):
            result.refused.append(
                (path.name, QCoreApplication.translate("DropZone", "hidden files are not accepted"))
            )
        elif not looks_like_video(path):
            kind = path.suffix.lower() or QCoreApplication.translate("DropZone", "no extension")
            result.refused.append(
                (
                    path.name,
                    QCoreApplication.translate("DropZone", "not a video file ({kind})").replace(
                        "{kind}", kind
                    ),
                )
            )
        else:
            result.videos.append(str(path))
    return result


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
