"""The observer protocol, without I/O: bus events and the time in; frames and a deadline out."""

from __future__ import annotations

import json
import struct
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar

from storyclip_gui.core.events import Event, EventKind, WhenDoneState
from storyclip_gui.core.jobs import Job
from storyclip_gui.server.messages import (
    event_message,
    heartbeat_message,
    snapshot_message,
    when_done_message,
)


def text_frame(payload: bytes) -> bytes:
    """One final, unmasked WebSocket text frame (server → client) carrying `payload`."""
    n = len(payload)
    if n < 126:
        header = struct.pack("!BB", 0x81, n)
    elif n < 65536:
        header = struct.pack("!BBH", 0x81, 126, n)
    else:
        header = struct.pack("!BBQ", 0x81, 127, n)
    return header + payload


def encode(message: dict[str, Any]) -> bytes:
    return text_frame(json.dumps(message, separators=(",", ":"), default=str).encode("utf-8"))


@dataclass(eq=False)
class Observer:
    """One authenticated socket as the protocol sees it: the job it watches (None: all jobs).
    The adapter subclasses it to carry its socket; the protocol never looks at that."""

    job_id: str | None
    closed: bool = field(default=False, kw_only=True)  # detached: nothing more goes to it


ObserverT = TypeVar("ObserverT", bound=Observer)


class Outgoing(NamedTuple, Generic[ObserverT]):
    """One frame and the observers to write it to, in order."""

    frame: bytes
    to: Sequence[ObserverT]


class ObserverProtocol(Generic[ObserverT]):
    """What the WebSocket hub promises its observers, with the clock and sockets left out.

    Inputs: `receive_event(event, now)` for every bus event, `attach`/`detach` for observers,
    `advance(now, server_time)` when `next_deadline()` has come, `backlog(observer, bytes)`
    after a write left bytes waiting. Output: `data_to_send()`, the frames to write since
    the last call (each serialized and framed once, whatever the number of observers).
    `now` is any monotonic clock in seconds; the adapter gives its event loop's.

    - `seq`: every message gets a global, strictly increasing number, equal to the bus event's
      seq unless a held-back progress tick went out later (then the next number up).
    - replay: the last `replay_size` frames are kept; `attach(since=N)` replays those after N,
      or sends a `snapshot` with `resync: true` when N is older than the buffer (or unknown).
    - throttle: at most 1/`progress_interval` progress ticks per job in a rolling
      (1 - interval/2) s, and none closer than half an interval to the previous one. A tick
      that comes too soon is held, and the newest held tick goes out as soon as it may. (A
      strict one-per-interval spacing would hold most ticks of a job that reports exactly
      every interval, by a timer's jitter.) State changes, clips and the final message are
      never held or dropped (they replace a held tick).
    - heartbeat: every `heartbeat_interval` from `start(now)`, one per all-jobs group and one
      per watched job (carrying that job's state).
    - slow observers: one with more than `client_buffer_limit` bytes waiting is detached and
      counted in `clients_dropped`; the adapter closes its socket.
    """

    def __init__(
        self,
        *,
        last_seq: int,
        lookup: Callable[[str], Job | None],
        live_jobs: Callable[[], Iterable[Job]],
        heartbeat_interval: float = 2.0,
        replay_size: int = 4096,
        progress_interval: float = 0.1,
        client_buffer_limit: int = 1 << 20,
    ) -> None:
        self._lookup = lookup  # a live job or one from the history; None when unknown
        self._live_jobs = live_jobs
        self.heartbeat_interval = heartbeat_interval
        self.progress_interval = progress_interval
        self.client_buffer_limit = client_buffer_limit
        self.replay_size = replay_size
        self._seq = last_seq
        self._floor = last_seq  # messages after this seq are all in the buffer
        self._buffer: deque[tuple[int, str, bytes]] = deque()
        self._all: set[ObserverT] = set()
        self._by_job: dict[str, set[ObserverT]] = {}
        self._held: dict[str, tuple[Event, float]] = {}  # per job: newest tick, when it may go
        self._sent_ticks: dict[str, deque[float]] = {}  # per job: send times in the last second
        self._per_second = max(1, round(1 / progress_interval)) if progress_interval > 0 else 0
        self._next_beat: float | None = None
        self._out: list[Outgoing[ObserverT]] = []
        self.clients_dropped = 0  # detached for not reading
        self.ticks_coalesced = 0  # progress ticks replaced by a newer message of their job

    # -- queries -----------------------------------------------------------------------------
    @property
    def last_seq(self) -> int:
        return self._seq

    @property
    def oldest_replayable(self) -> int:
        """`since` values from this one up are served from the buffer."""
        return self._floor

    @property
    def observer_count(self) -> int:
        return len(self._all) + sum(len(group) for group in self._by_job.values())

    def observers(self) -> list[ObserverT]:
        return [*self._all, *(o for group in self._by_job.values() for o in group)]

    def held_jobs(self) -> list[str]:
        """Jobs with a progress tick waiting for its turn."""
        return list(self._held)

    def next_deadline(self) -> float | None:
        """When `advance` has something to do (a held tick, a heartbeat); None: nothing."""
        if not self._held:
            return self._next_beat
        times = [at for _, at in self._held.values()]
        if self._next_beat is not None:
            times.append(self._next_beat)
        return min(times)

    def data_to_send(self) -> list[Outgoing[ObserverT]]:
        out, self._out = self._out, []
        return out

    # -- life --------------------------------------------------------------------------------
    def start(self, now: float) -> None:
        """Heartbeats from now on (none when the interval is not positive)."""
        if self.heartbeat_interval > 0:
            self._next_beat = now + self.heartbeat_interval

    def stop(self) -> None:
        """No more heartbeats; held ticks are forgotten."""
        self._next_beat = None
        self._held.clear()

    # -- observers ---------------------------------------------------------------------------
    def attach(self, observer: ObserverT, since: int | None = None) -> None:
        """Start sending to an observer: the replay after `since` when the buffer still holds
        it, else a snapshot (`resync: true` when a `since` could not be served)."""
        job_id = observer.job_id
        if since is not None and self._floor <= since <= self._seq:
            to = (observer,)
            self._out.extend(Outgoing(frame, to) for seq, job, frame in self._buffer
                             if seq > since and (job_id is None or job == job_id))  # fmt: skip
        else:
            snapshot = self._snapshot(job_id, resync=since is not None)
            self._out.append(Outgoing(encode(snapshot), (observer,)))
        if job_id is None:
            self._all.add(observer)
        else:
            self._by_job.setdefault(job_id, set()).add(observer)

    def detach(self, observer: ObserverT) -> None:
        observer.closed = True
        if observer.job_id is None:
            self._all.discard(observer)
        else:
            group = self._by_job.get(observer.job_id)
            if group is not None:
                group.discard(observer)
                if not group:
                    del self._by_job[observer.job_id]

    def backlog(self, observer: ObserverT, waiting: int) -> bool:
        """`waiting` bytes are written to the observer's socket but not sent: True (and
        detached) when that is more than the limit, because it does not read."""
        if waiting <= self.client_buffer_limit or observer.closed:
            return False
        self.clients_dropped += 1
        self.detach(observer)
        return True

    def _snapshot(self, job_id: str | None, resync: bool) -> dict[str, Any]:
        if job_id is None:
            jobs = [job.to_dict() for job in self._live_jobs()]
        else:
            job = self._lookup(job_id)
            jobs = [job.to_dict()] if job is not None else []
        return snapshot_message(self._seq, jobs, job_id, resync)

    # -- events ------------------------------------------------------------------------------
    def receive_event(self, event: Event, now: float) -> None:
        job_id = event.job_id
        if event.kind is EventKind.JOB_UPDATED and not event.state_changed:
            held = self._held.get(job_id)
            if held is not None:
                self.ticks_coalesced += 1
                self._held[job_id] = (event, held[1])  # the newest tick wins, at the same time
                return
            free_at = self._tick_free_at(job_id, now)
            if free_at is None:
                self._emit_tick(event, now)
            else:
                self._held[job_id] = (event, free_at)
            return
        # a state change, a clip or the final message: never held back; it carries a newer
        # snapshot of the job than any held tick, which is therefore dropped
        if self._held.pop(job_id, None) is not None:
            self.ticks_coalesced += 1
        if event.kind is EventKind.JOB_COMPLETED:
            self._sent_ticks.pop(job_id, None)
        self._emit(event)

    def receive_when_done(self, state: WhenDoneState) -> None:
        """The when-done action changed: to observers of all jobs, now (never replayed)."""
        if self._all:
            self._out.append(Outgoing(encode(when_done_message(self._seq, state)),
                                      list(self._all)))  # fmt: skip

    def advance(self, now: float, server_time: float) -> None:
        """Time has passed: held ticks whose turn has come go out (earliest first), then the
        heartbeat if it is due. `server_time` is the wall clock heartbeats carry."""
        due = sorted((at, job_id) for job_id, (_, at) in self._held.items() if at <= now)
        for _, job_id in due:
            event = self._held[job_id][0]
            free_at = self._tick_free_at(job_id, now)
            if free_at is None:
                del self._held[job_id]
                self._emit_tick(event, now)
            else:  # asked early: wait the rest
                self._held[job_id] = (event, free_at)
        if self._next_beat is not None and now >= self._next_beat:
            self._next_beat = now + self.heartbeat_interval  # first: a failing beat is not retried
            self._heartbeat(server_time)

    def _tick_free_at(self, job_id: str, now: float) -> float | None:
        """None when a tick of this job may go out now, else the time when it may."""
        if self._per_second == 0:
            return None
        sent = self._sent_ticks.get(job_id)
        if not sent:
            return None
        # the window is a little shorter than a second: a job that ticks exactly ten times a
        # second must not be held on every tick by a millisecond of timer jitter
        window = 1.0 - self.progress_interval / 2
        while sent and now - sent[0] >= window:
            sent.popleft()
        free_at = sent[-1] + self.progress_interval / 2 if sent else now
        if len(sent) >= self._per_second:
            free_at = max(free_at, sent[0] + window)
        return None if free_at <= now else free_at

    def _emit_tick(self, event: Event, now: float) -> None:
        self._sent_ticks.setdefault(event.job_id, deque()).append(now)
        self._emit(event)

    def _emit(self, event: Event) -> None:
        seq = max(self._seq + 1, event.seq)
        self._seq = seq
        frame = encode(event_message(event, seq))
        self._buffer.append((seq, event.job_id, frame))
        if len(self._buffer) > self.replay_size:
            self._floor = self._buffer.popleft()[0]
        to = [*self._by_job.get(event.job_id, ()), *self._all]
        if to:
            self._out.append(Outgoing(frame, to))

    def _heartbeat(self, server_time: float) -> None:
        if not self._all and not self._by_job:
            return
        active = sum(1 for job in self._live_jobs() if not job.is_final)
        if self._all:
            message = heartbeat_message(self._seq, None, active, server_time)
            self._out.append(Outgoing(encode(message), list(self._all)))
        for job_id, group in list(self._by_job.items()):
            job = self._lookup(job_id)
            view = job.to_dict() if job is not None else None
            message = heartbeat_message(self._seq, view, active, server_time)
            self._out.append(Outgoing(encode(message), list(group)))
