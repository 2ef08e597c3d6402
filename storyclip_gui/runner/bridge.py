"""JobSignals: the core event bus re-emitted as Qt signals, for models and views.

Signals (each carries the job's JSON-ready dict; clipCompleted also the clip's):
    jobRegistered(object), jobUpdated(object), clipCompleted(object, object), jobCompleted(object)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from storyclip_gui.core.events import Event, EventBus, EventKind


class JobSignals(QObject):
    jobRegistered = Signal(object)
    jobUpdated = Signal(object)
    clipCompleted = Signal(object, object)
    jobCompleted = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        if event.kind is EventKind.JOB_REGISTERED:
            self.jobRegistered.emit(event.job)
        elif event.kind is EventKind.JOB_UPDATED:
            self.jobUpdated.emit(event.job)
        elif event.kind is EventKind.CLIP_COMPLETED:
            self.clipCompleted.emit(event.job, event.clip)
        else:
            self.jobCompleted.emit(event.job)

    def detach(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
