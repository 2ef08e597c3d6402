"""JobSignals: the core event bus re-emitted as Qt signals, for models and views.

Signals:
    jobRegistered(object), jobUpdated(object), jobCompleted(object): the job's JobView
    clipCompleted(object, object): the JobView and the clip's dict
    queuePaused(object): the reason (str) when the engine paused the queue itself, else None
    queueResumed()
    jobsForgotten(list): ids of finished jobs that left the live list
    storeFailed(str): the job history could not be written; the message is for a person
    whenDoneChanged(object): the when-done action's WhenDoneState (countdown, result)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from storyclip_gui.core.events import (
    EngineEvent,
    Event,
    EventBus,
    EventKind,
    JobForgotten,
    QueuePaused,
    QueueResumed,
    StoreFailed,
    WhenDoneChanged,
)


class JobSignals(QObject):
    jobRegistered = Signal(object)
    jobUpdated = Signal(object)
    clipCompleted = Signal(object, object)
    jobCompleted = Signal(object)
    queuePaused = Signal(object)
    queueResumed = Signal()
    jobsForgotten = Signal(list)
    storeFailed = Signal(str)
    whenDoneChanged = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: list[Callable[[], None]] = [
            bus.subscribe(self._on_event), bus.subscribe_engine(self._on_engine_event)
        ]

    def _on_event(self, event: Event) -> None:
        view = event.view
        if view is None:  # published by hand, without the typed view (tests, benchmarks)
            return
        if event.kind is EventKind.JOB_REGISTERED:
            self.jobRegistered.emit(view)
        elif event.kind is EventKind.JOB_UPDATED:
            self.jobUpdated.emit(view)
        elif event.kind is EventKind.CLIP_COMPLETED:
            self.clipCompleted.emit(view, event.clip)
        else:
            self.jobCompleted.emit(view)

    def _on_engine_event(self, event: EngineEvent) -> None:
        if isinstance(event, QueuePaused):
            self.queuePaused.emit(event.reason)
        elif isinstance(event, QueueResumed):
            self.queueResumed.emit()
        elif isinstance(event, JobForgotten):
            self.jobsForgotten.emit(list(event.job_ids))
        elif isinstance(event, StoreFailed):
            self.storeFailed.emit(event.message)
        elif isinstance(event, WhenDoneChanged):
            self.whenDoneChanged.emit(event.state)

    def detach(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
