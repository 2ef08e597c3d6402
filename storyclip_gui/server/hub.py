"""WebSocketHub: the aiohttp side of the observer protocol (sockets, the one timer, the bus)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from aiohttp import web

from storyclip_gui.core.events import EngineEvent, Event, EventBus, WhenDoneChanged
from storyclip_gui.core.jobs import Job
from storyclip_gui.core.ports import StoreError
from storyclip_gui.server.observer_protocol import Observer, ObserverProtocol

log = logging.getLogger(__name__)

CLOSE_GOING_AWAY = 1001


@dataclass(eq=False)
class HubClient(Observer):
    """One authenticated WebSocket: the observer and the socket its frames are written to."""

    ws: web.WebSocketResponse
    transport: asyncio.Transport


class WebSocketHub:
    """Runs an `ObserverProtocol` on the event loop: feeds it bus events, attached sockets and
    the loop's time, writes what it returns, and keeps one timer at its next deadline.

    Delivering a frame is one `transport.write` per watching client. A client's send queue is
    its transport's write buffer; its size after each write goes to the protocol, which drops
    a client that does not read instead of growing memory. (aiohttp's own `send_str` writes
    the same unmasked frame synchronously to the same transport; a task per client awaiting it
    would cost a task switch per message and per client.)

    Collaborators, all narrow: the bus (subscribe, last seq), `lookup(job_id)` (a live or kept
    job), `live_jobs()`, and `record_seq(seq)`, which `close` calls so the next run's numbers
    continue above every number a client has seen.
    """

    def __init__(
        self,
        bus: EventBus,
        *,
        lookup: Callable[[str], Job | None],
        live_jobs: Callable[[], Iterable[Job]],
        record_seq: Callable[[int], None],
        heartbeat_interval: float = 2.0,
        replay_size: int = 4096,
        progress_interval: float = 0.1,
        client_buffer_limit: int = 1 << 20,
    ) -> None:
        self._bus = bus
        self._record_seq = record_seq
        self.protocol: ObserverProtocol[HubClient] = ObserverProtocol(
            last_seq=bus.last_seq,
            lookup=lookup,
            live_jobs=live_jobs,
            heartbeat_interval=heartbeat_interval,
            replay_size=replay_size,
            progress_interval=progress_interval,
            client_buffer_limit=client_buffer_limit,
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at: float | None = None
        self._unsubscribe: list[Callable[[], None]] = []
        # sockets open but not yet authenticated, oldest first (the handler adds and removes)
        self._waiting: dict[web.WebSocketResponse, None] = {}
        self._evictions: set[asyncio.Task[bool]] = set()  # their closes, while they finish
        self.messages_sent = 0  # frames written to clients

    # -- settings and counts, as the protocol has them ---------------------------------------
    @property
    def heartbeat_interval(self) -> float:
        return self.protocol.heartbeat_interval

    @property
    def progress_interval(self) -> float:
        return self.protocol.progress_interval

    @property
    def replay_size(self) -> int:
        return self.protocol.replay_size

    @property
    def last_seq(self) -> int:
        return self.protocol.last_seq

    @property
    def oldest_replayable(self) -> int:
        return self.protocol.oldest_replayable

    @property
    def clients_dropped(self) -> int:
        return self.protocol.clients_dropped

    @property
    def ticks_coalesced(self) -> int:
        return self.protocol.ticks_coalesced

    @property
    def client_count(self) -> int:
        return self.protocol.observer_count

    @property
    def authenticating(self) -> int:
        return len(self._waiting)

    @property
    def connection_count(self) -> int:
        return self.client_count + self.authenticating

    # -- sockets still owing their first message ----------------------------------------------
    def waiting(self, ws: web.WebSocketResponse) -> None:
        self._waiting[ws] = None

    def done_waiting(self, ws: web.WebSocketResponse) -> None:
        self._waiting.pop(ws, None)

    def evict_oldest_waiting(self, code: int, reason: bytes) -> bool:
        """Close the socket that has waited longest to authenticate, making room for a new
        one (False: none waits). Its own handler sees the close and returns."""
        oldest = next(iter(self._waiting), None)
        if oldest is None:
            return False
        self.done_waiting(oldest)
        task = asyncio.get_running_loop().create_task(oldest.close(code=code, message=reason))
        self._evictions.add(task)
        task.add_done_callback(self._evictions.discard)
        return True

    # -- life --------------------------------------------------------------------------------
    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.protocol.start(self._loop.time())
        self._unsubscribe = [self._bus.subscribe(self._on_event),
                             self._bus.subscribe_engine(self._on_engine_event)]  # fmt: skip
        self._flush()

    async def close(self) -> None:
        """Close every socket (1001 going away), then record the last seq."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self.protocol.stop()
        self._schedule()
        clients = self.protocol.observers()
        closing = [c.ws.close(code=CLOSE_GOING_AWAY, message=b"server shutting down")
                   for c in clients]  # fmt: skip
        if closing:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*closing, return_exceptions=True), 2.0)
        for client in clients:
            self.protocol.detach(client)
            client.transport.abort()
        for task in list(self._evictions):  # a peer that never answers our close frame
            task.cancel()
        try:
            self._record_seq(self.last_seq)
        except StoreError as exc:
            log.warning("last WebSocket seq not stored: %s", exc)

    # -- inputs ------------------------------------------------------------------------------
    def attach(
        self,
        ws: web.WebSocketResponse,
        transport: asyncio.Transport,
        job_id: str | None,
        since: int | None = None,
    ) -> HubClient:
        """Start sending to an authenticated socket (replay or snapshot first). Nothing can be
        published in between: this runs without awaiting."""
        client = HubClient(job_id, ws, transport)
        self.protocol.attach(client, since)
        self._flush()
        return client

    def detach(self, client: HubClient) -> None:
        self.protocol.detach(client)

    def _on_event(self, event: Event) -> None:
        assert self._loop is not None
        self.protocol.receive_event(event, self._loop.time())
        self._flush()

    def _on_engine_event(self, event: EngineEvent) -> None:
        if isinstance(event, WhenDoneChanged):
            self.protocol.receive_when_done(event.state)
            self._flush()

    def _on_timer(self) -> None:
        assert self._loop is not None
        self._timer = self._timer_at = None
        try:
            self.protocol.advance(self._loop.time(), time.time())
        except Exception:  # a failed heartbeat (history unreadable) must not stop the next one
            log.exception("WebSocket hub timer failed")
        self._flush()

    # -- outputs -----------------------------------------------------------------------------
    def _flush(self) -> None:
        """Write what the protocol has to send: one `transport.write` per client and frame
        (inline: this loop runs once per message and watching client)."""
        protocol = self.protocol
        for frame, to in protocol.data_to_send():
            for client in to:
                if client.closed:  # dropped by an earlier frame of the same batch
                    continue
                transport = client.transport
                if transport.is_closing():
                    protocol.detach(client)
                    continue
                transport.write(frame)
                self.messages_sent += 1
                waiting = transport.get_write_buffer_size()
                if waiting and protocol.backlog(client, waiting):
                    log.warning("dropping a WebSocket client that does not read "
                                "(%d bytes waiting)", waiting)  # fmt: skip
                    transport.abort()  # its unsent frames go with it
        self._schedule()

    def _schedule(self) -> None:
        """One timer, at the protocol's next deadline."""
        deadline = self.protocol.next_deadline()
        if deadline == self._timer_at:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer = self._timer_at = None
        if deadline is not None and self._loop is not None:
            self._timer = self._loop.call_at(deadline, self._on_timer)
            self._timer_at = deadline
