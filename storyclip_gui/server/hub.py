"""WebSocketHub: bus events → WebSocket frames; seq, replay, throttling, slow-client drops."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import struct
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from storyclip_gui.core.events import Event, EventKind
from storyclip_gui.core.facade import EngineFacade
from storyclip_gui.server.messages import event_message, heartbeat_message, snapshot_message

log = logging.getLogger(__name__)

CLOSE_GOING_AWAY = 1001


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
class HubClient:
    """One authenticated WebSocket: the job it watches (None: all jobs) and its transport."""

    ws: web.WebSocketResponse
    transport: asyncio.Transport
    job_id: str | None
    sent: int = 0
    dropped: bool = field(default=False)


class WebSocketHub:
    """Fans bus events out to WebSocket clients.

    Each event is serialized and framed once; delivering it is one `transport.write` per
    watching client. A client's send queue is its transport's write buffer: when a client does
    not read and that buffer passes `client_buffer_limit`, the client is disconnected instead
    of growing memory. (aiohttp's own `send_str` writes the same unmasked frame synchronously
    to the same transport; a task per client awaiting it would cost a task switch per message
    and per client.)

    - `seq`: every message gets a global, strictly increasing number, equal to the bus event's
      seq unless a held-back progress tick went out later (then the next number up).
    - replay: the last `replay_size` frames are kept; `attach(since=N)` replays those after N,
      or sends a `snapshot` with `resync: true` when N is older than the buffer (or unknown).
    - throttle: at most 1/`progress_interval` progress ticks per job in a rolling 0.95 s,
      and none closer than half an interval to the previous one. A tick that comes too soon is
      held, and the newest held tick goes out as soon as it may. (A strict one-per-interval
      spacing would hold most ticks of a job that reports exactly every interval, by a timer's
      jitter.) State changes, clips and the final message are never held or dropped (they
      replace a held tick).
    """

    def __init__(
        self,
        manager: EngineFacade,
        *,
        heartbeat_interval: float = 2.0,
        replay_size: int = 4096,
        progress_interval: float = 0.1,
        client_buffer_limit: int = 1 << 20,
    ) -> None:
        self._manager = manager
        self.heartbeat_interval = heartbeat_interval
        self.progress_interval = progress_interval
        self.client_buffer_limit = client_buffer_limit
        self.replay_size = replay_size
        self._seq = manager.bus.last_seq
        self._floor = self._seq  # messages after this seq are all in the buffer
        self._buffer: deque[tuple[int, str, bytes]] = deque()
        self._all: set[HubClient] = set()
        self._by_job: dict[str, set[HubClient]] = {}
        self._held: dict[str, Event] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._sent_ticks: dict[str, deque[float]] = {}  # per job: send times in the last second
        self._per_second = max(1, round(1 / progress_interval)) if progress_interval > 0 else 0
        self._unsubscribe: Any = None
        self._beat_task: asyncio.Task[None] | None = None
        self.authenticating = 0  # sockets open but not yet authenticated
        self.messages_sent = 0  # frames written to clients
        self.clients_dropped = 0  # disconnected for not reading
        self.ticks_coalesced = 0

    # -- life --------------------------------------------------------------------------------
    def start(self) -> None:
        self._unsubscribe = self._manager.bus.subscribe(self._on_event)
        self._beat_task = asyncio.ensure_future(self._beat())

    async def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._beat_task is not None:
            self._beat_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._beat_task
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self._held.clear()
        clients = self.clients()
        closing = [c.ws.close(code=CLOSE_GOING_AWAY, message=b"server shutting down")
                   for c in clients]  # fmt: skip
        if closing:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*closing, return_exceptions=True), 2.0)
        for client in clients:
            self._drop(client, abort=True, slow=False)

    # -- queries -----------------------------------------------------------------------------
    @property
    def last_seq(self) -> int:
        return self._seq

    @property
    def oldest_replayable(self) -> int:
        """`since` values from this one up are served from the buffer."""
        return self._floor

    def clients(self) -> list[HubClient]:
        return [*self._all, *(c for group in self._by_job.values() for c in group)]

    @property
    def client_count(self) -> int:
        return len(self._all) + sum(len(group) for group in self._by_job.values())

    @property
    def connection_count(self) -> int:
        return self.client_count + self.authenticating

    # -- clients -----------------------------------------------------------------------------
    def attach(
        self,
        ws: web.WebSocketResponse,
        transport: asyncio.Transport,
        job_id: str | None,
        since: int | None = None,
    ) -> HubClient:
        """Start sending to an authenticated socket: the replay after `since` when the buffer
        still holds it, else a snapshot (`resync: true` when a `since` could not be served).
        Nothing can be published in between: this runs without awaiting."""
        client = HubClient(ws, transport, job_id)
        if since is not None and self._floor <= since <= self._seq:
            for seq, event_job, frame in self._buffer:
                if seq > since and (job_id is None or event_job == job_id):
                    self._write(client, frame)
        else:
            self._write(client, encode(self._snapshot(job_id, resync=since is not None)))
        if not client.dropped:
            if job_id is None:
                self._all.add(client)
            else:
                self._by_job.setdefault(job_id, set()).add(client)
        return client

    def detach(self, client: HubClient) -> None:
        if client.job_id is None:
            self._all.discard(client)
        else:
            group = self._by_job.get(client.job_id)
            if group is not None:
                group.discard(client)
                if not group:
                    del self._by_job[client.job_id]

    def _snapshot(self, job_id: str | None, resync: bool) -> dict[str, Any]:
        if job_id is None:
            jobs = [job.to_dict() for job in self._manager.jobs()]
        else:
            job = self._manager.lookup(job_id)
            jobs = [job.to_dict()] if job is not None else []
        return snapshot_message(self._seq, jobs, job_id, resync)

    # -- events ------------------------------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        job_id = event.job_id
        if event.kind is EventKind.JOB_UPDATED and not event.state_changed:
            loop = asyncio.get_running_loop()
            if job_id in self._held:
                self.ticks_coalesced += 1
                self._held[job_id] = event  # the newest tick wins; its timer is set
                return
            free_at = self._tick_free_at(job_id, loop.time())
            if free_at is None:
                self._emit_tick(event, loop.time())
                return
            self._held[job_id] = event
            self._timers[job_id] = loop.call_at(free_at, self._release, job_id)
            return
        # a state change, a clip or the final message: never held back; it carries a newer
        # snapshot of the job than any held tick, which is therefore dropped
        if self._held.pop(job_id, None) is not None:
            self.ticks_coalesced += 1
        timer = self._timers.pop(job_id, None)
        if timer is not None:
            timer.cancel()
        if event.kind is EventKind.JOB_COMPLETED:
            self._sent_ticks.pop(job_id, None)
        self._emit(event)

    def _tick_free_at(self, job_id: str, now: float) -> float | None:
        """None when a tick of this job may go out now, else the loop time when it may."""
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

    def _release(self, job_id: str) -> None:
        self._timers.pop(job_id, None)
        event = self._held.pop(job_id, None)
        if event is None:
            return
        loop = asyncio.get_running_loop()
        free_at = self._tick_free_at(job_id, loop.time())
        if free_at is not None:  # the timer fired early: wait the rest
            self._held[job_id] = event
            self._timers[job_id] = loop.call_at(free_at, self._release, job_id)
            return
        self._emit_tick(event, loop.time())

    def _emit(self, event: Event) -> None:
        seq = max(self._seq + 1, event.seq)
        self._seq = seq
        frame = encode(event_message(event, seq))
        self._buffer.append((seq, event.job_id, frame))
        if len(self._buffer) > self.replay_size:
            self._floor = self._buffer.popleft()[0]
        self._deliver(frame, self._by_job.get(event.job_id, ()))
        self._deliver(frame, self._all)

    def _deliver(self, frame: bytes, clients: Iterable[HubClient]) -> None:
        for client in list(clients):
            self._write(client, frame)

    def _write(self, client: HubClient, frame: bytes) -> None:
        transport = client.transport
        if transport.is_closing():
            self._drop(client, abort=False, slow=False)
            return
        transport.write(frame)
        client.sent += 1
        self.messages_sent += 1
        if transport.get_write_buffer_size() > self.client_buffer_limit:
            log.warning("dropping a WebSocket client that does not read (%d bytes waiting)",
                        transport.get_write_buffer_size())  # fmt: skip
            self._drop(client, abort=True, slow=True)

    def _drop(self, client: HubClient, *, abort: bool, slow: bool) -> None:
        if client.dropped:
            return
        client.dropped = True
        if slow:
            self.clients_dropped += 1
        self.detach(client)
        if abort:
            client.transport.abort()  # its unsent frames go with it

    # -- heartbeat ---------------------------------------------------------------------------
    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(self.heartbeat_interval)
            try:
                self.heartbeat()
            except Exception:  # a heartbeat must never stop the next one
                log.exception("WebSocket heartbeat failed")

    def heartbeat(self) -> None:
        active = sum(1 for job in self._manager.jobs() if not job.is_final)
        if self._all:
            self._deliver(encode(heartbeat_message(self._seq, None, active)), self._all)
        for job_id, group in list(self._by_job.items()):
            job = self._manager.lookup(job_id)
            view = job.to_dict() if job is not None else None
            self._deliver(encode(heartbeat_message(self._seq, view, active)), group)
