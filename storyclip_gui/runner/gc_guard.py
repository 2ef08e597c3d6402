"""Garbage collection on the Qt thread only, while other threads (Dask's) run Python code.

The cyclic collector runs on whichever thread happens to allocate when a threshold is crossed.
With the Dask client's threads in the process, that can be one of them, and a cycle holding Qt
objects (a closed job's timers) is then freed off the Qt thread, where Qt warns ("Timers cannot
be stopped from another thread") or worse. As qutebrowser does, automatic collection is turned
off and a timer on the Qt thread collects each generation when its threshold is crossed.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class QtThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._interval_ms = interval_ms
        self._was_enabled = gc.isenabled()

    def start(self) -> None:
        gc.disable()
        self._timer.start(self._interval_ms)

    def stop(self) -> None:
        self._timer.stop()
        self.check()
        if self._was_enabled:
            gc.enable()

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold (and the younger)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return
