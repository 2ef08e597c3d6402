"""A small synchronous event bus with one global, monotonic sequence number per event."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

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


Subscriber = Callable[[Event], None]


class EventBus:
    """Publishes events to subscribers in subscription order, on the caller's thread.

    A subscriber that raises is logged and skipped; the others still get the event.
    """

    def __init__(self, start_seq: int = 0) -> None:
        self._seq = start_seq
        self._subscribers: list[Subscriber] = []

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
    ) -> Event:
        self._seq += 1
        event = Event(kind, self._seq, job["jobId"], job, clip, state_changed)
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception:
                log.exception("event subscriber %r failed on %s", callback, kind)
        return event
