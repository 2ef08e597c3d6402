"""A small synchronous event bus: job events with one global, monotonic sequence number, and
engine events (queue paused or resumed, jobs forgotten, store failures, the when-done
countdown) for what views show."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from storyclip_gui.core.jobs import JobView

log = logging.getLogger(__name__)

# Progress ticks are not committed one by one, so after a crash the stored last seq can be
# behind what observers saw: a restarted bus starts this far above it, so a number is never
# handed out twice.
RESTART_SEQ_GAP = 1_000_000


class EventKind(StrEnum):
    JOB_REGISTERED = "jobRegistered"
    JOB_UPDATED = "jobUpdated"
    CLIP_COMPLETED = "clipCompleted"
    JOB_COMPLETED = "jobCompleted"  # every final state: completed, failed, cancelled


@dataclass(frozen=True)
class Event:
    kind: EventKind
    seq: int
    job_id: str
    job: dict[str, Any]  # Job.to_dict() at the time of the event: observers never see later edits
    clip: dict[str, Any] | None = None
    state_changed: bool = False  # False for a progress tick
    view: JobView | None = None  # the same moment, typed (views use this, wires use `job`)


@dataclass(frozen=True)
class QueuePaused:
    """The queue stopped starting jobs; `reason` is set when the engine paused it itself."""

    reason: str | None = None


@dataclass(frozen=True)
class QueueResumed:
    """The queue starts jobs again."""


@dataclass(frozen=True)
class JobForgotten:
    """Finished jobs left the live list (removed by a person, or expired); history keeps them."""

    job_ids: tuple[str, ...]


@dataclass(frozen=True)
class StoreFailed:
    """The job history could not be written (or opened); `message` is for a person."""

    message: str


@dataclass(frozen=True)
class WhenDoneState:
    """What the window, the terminal and observers show."""

    action: str
    phase: str = "idle"  # idle | countdown | running
    remaining: int | None = None  # seconds left in a countdown
    message: str | None = None  # the last outcome, for a person
    ok: bool | None = None  # whether that outcome went well

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "phase": self.phase, "remaining": self.remaining,
                "message": self.message, "ok": self.ok}  # fmt: skip


@dataclass(frozen=True)
class WhenDoneChanged:
    """The when-the-queue-is-done action changed phase: a countdown tick, a result."""

    state: WhenDoneState


EngineEvent = QueuePaused | QueueResumed | JobForgotten | StoreFailed | WhenDoneChanged
Subscriber = Callable[[Event], None]
EngineSubscriber = Callable[[EngineEvent], None]


class EventBus:
    """Publishes events to subscribers in subscription order, on the caller's thread.

    A subscriber that raises is logged and skipped; the others still get the event.
    """

    def __init__(self, start_seq: int = 0) -> None:
        self._seq = start_seq
        self._subscribers: list[Subscriber] = []
        self._engine_subscribers: list[EngineSubscriber] = []

    @classmethod
    def after(cls, stored_seq: int) -> EventBus:
        """The bus of a new run, given the last seq the previous runs stored (0: none)."""
        return cls(start_seq=stored_seq + RESTART_SEQ_GAP if stored_seq else 0)

    @property
    def last_seq(self) -> int:
        return self._seq

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def publish(
        self,
        kind: EventKind,
        job: dict[str, Any],
        clip: dict[str, Any] | None = None,
        state_changed: bool = False,
        view: JobView | None = None,
    ) -> Event:
        self._seq += 1
        event = Event(kind, self._seq, job["jobId"], job, clip, state_changed, view)
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception:
                log.exception("event subscriber %r failed on %s", callback, kind)
        return event

    def subscribe_engine(self, callback: EngineSubscriber) -> Callable[[], None]:
        """Engine events (not numbered, not on the WebSocket wire): for views and health."""
        self._engine_subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._engine_subscribers:
                self._engine_subscribers.remove(callback)

        return unsubscribe

    def announce(self, event: EngineEvent) -> None:
        for callback in list(self._engine_subscribers):
            try:
                callback(event)
            except Exception:
                log.exception("engine event subscriber %r failed on %r", callback, event)
