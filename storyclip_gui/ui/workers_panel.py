"""WorkersPanel: who renders what right now — each worker's clips, its speed, what it finished."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget


@dataclass
class WorkerLoad:
    rendering: list[str] = field(default_factory=list)  # "video.mp4 #3 (42 %)"
    speed: float = 0.0  # its running clips' speeds added up (x realtime)
    done: int = 0  # verified clips of the listed jobs it rendered


def worker_loads(jobs: Iterable[dict[str, Any]]) -> dict[str, WorkerLoad]:
    """Per worker, from the jobs' live clip views (the same dicts every observer sees)."""
    loads: dict[str, WorkerLoad] = {}
    for job in jobs:
        name = os.path.basename(job["source"])
        for clip in job.get("clips", []):
            worker = clip.get("worker")
            if not worker:
                continue
            load = loads.setdefault(worker, WorkerLoad())
            if clip["state"] == "verified":
                load.done += 1
            elif job["status"] == "processing" and clip["state"] == "planned":
                length = max(1e-6, clip["end"] - clip["start"])
                percent = min(100.0, 100 * clip.get("renderedSeconds", 0.0) / length)
                load.rendering.append(f"{name} #{clip['index']} ({percent:.0f} %)")
                load.speed += clip.get("speed") or 0.0
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

    def refresh(self, jobs: Iterable[dict[str, Any]]) -> None:
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
