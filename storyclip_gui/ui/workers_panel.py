"""WorkersPanel: who renders what right now — each worker's clips, its speed, what it finished."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from storyclip_gui.core.jobs import ClipState, JobState, JobView


@dataclass
class WorkerLoad:
    rendering: list[str] = field(default_factory=list)  # "video.mp4 #3 (42 %)"
    speed: float = 0.0  # its running clips' speeds added up (x realtime)
    done: int = 0  # verified clips of the listed jobs it rendered


def worker_loads(jobs: Iterable[JobView]) -> dict[str, WorkerLoad]:
    """Per worker, from the jobs' live clip views."""
    loads: dict[str, WorkerLoad] = {}
    for job in jobs:
        name = os.path.basename(job.source)
        for clip in job.clips:
            if not clip.worker:
                continue
            load = loads.setdefault(clip.worker, WorkerLoad())
            if clip.verified:
                load.done += 1
            elif job.state is JobState.PROCESSING and clip.state is ClipState.PLANNED:
                percent = min(100.0, 100 * clip.rendered / max(1e-6, clip.end - clip.start))
                load.rendering.append(f"{name} #{clip.index} ({percent:.0f} %)")
                load.speed += clip.speed or 0.0
    return loads


class WorkersPanel(QWidget):
    """A small table: worker · clips rendering · speed · clips done. `refresh(jobs)` on every
    coalesced repaint of the job table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        self.title = QLabel(self.tr("Workers"))
        self.title.setObjectName("workersTitle")
        layout.addWidget(self.title)
        self.tree = QTreeWidget()
        self.tree.setObjectName("workersTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Worker"), self.tr("Rendering"), self.tr("Speed"),
                                   self.tr("Done")])  # fmt: skip
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(1, 330)
        self.tree.setColumnWidth(2, 60)
        layout.addWidget(self.tree)
        self._shown: list[tuple[str, str, str, str]] = []

    def refresh(self, jobs: Iterable[JobView]) -> None:
        rows = [
            (worker, ", ".join(load.rendering) or self.tr("idle"),
             f"{load.speed:.2f}×" if load.speed else "", str(load.done))
            for worker, load in sorted(worker_loads(jobs).items())
        ]  # fmt: skip
        if rows == self._shown:
            return
        self._shown = rows
        self.tree.clear()
        for row in rows:
            item = QTreeWidgetItem(list(row))
            item.setToolTip(1, row[1])
            self.tree.addTopLevelItem(item)
        self.title.setText(self.tr("Workers ({n})").replace("{n}", str(len(rows))))
