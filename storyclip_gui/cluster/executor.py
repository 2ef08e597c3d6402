"""DaskClipExecutor: every clip is a Dask task on the cluster; the app keeps the truth.

The Dask client runs on its own thread (distributed's own event loop: its asyncio code does
not run on qasync's loop), so nothing here blocks the Qt thread: connecting and cancelling run
in a worker thread, a finished task and every worker event are handed to the app's loop with
`call_soon_threadsafe`. Workers publish each clip's progress on a topic (`log_event`); the
app verifies and renames every clip itself, exactly as for a local run.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from distributed import Client, Future, KilledWorker

from storyclip_gui.cluster.task import TOPIC, render_clip
from storyclip_gui.core.executor import (
    ClipCallbacks,
    ClipExecutor,
    ClipProgress,
    ClipResult,
    ClipRun,
    ExecutorUnavailable,
)
from storyclip_gui.core.ffmpeg.progress import ProgressUpdate
from storyclip_gui.core.ports import ProcessOutcome

log = logging.getLogger(__name__)
RECONNECT_EVERY_S = 2.0
STOP_WAIT_S = 3.0  # how long a cancel waits for the worker to say its ffmpeg is gone


@dataclass
class _Live:
    callbacks: ClipCallbacks
    started: bool = False
    ended: asyncio.Event = field(default_factory=asyncio.Event)


class DaskClipExecutor:
    """Implements core.executor.ClipExecutor on a Dask cluster at `address`.

    With `fallback` (the local executor) clips render on this machine while the scheduler
    cannot be reached; without it, ExecutorUnavailable tells the manager to wait for it.
    """

    parallel = 1024  # all of a job's clips at once: the scheduler spreads them over workers

    def __init__(
        self,
        address: str,
        *,
        connect_timeout: float = 5.0,
        fallback: ClipExecutor | None = None,
    ) -> None:
        self.address = address
        self.connect_timeout = connect_timeout
        self.fallback = fallback
        self._client: Client | None = None
        self._connecting = asyncio.Lock()
        self._live: dict[str, _Live] = {}
        self._futures: dict[str, Future[Any]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self.latencies: deque[float] = deque(maxlen=10_000)  # worker clock → app loop, s

    # -- connection --------------------------------------------------------------------------
    async def client(self) -> Client:
        """The connected client; raises ExecutorUnavailable when the scheduler cannot be
        reached within `connect_timeout`."""
        client = self._client
        if client is not None and client.status == "running":
            return client
        async with self._connecting:
            if self._client is not None and self._client.status == "running":
                return self._client
            self._loop = asyncio.get_running_loop()
            old, self._client = self._client, None
            if old is not None:
                await asyncio.to_thread(_close_quietly, old)
            try:
                self._client = await asyncio.to_thread(self._connect)
            except (OSError, TimeoutError) as exc:
                raise self._unavailable(f"cannot be reached ({_reason(exc)})") from None
            return self._client

    def _connect(self) -> Client:
        client = Client(self.address, timeout=self.connect_timeout, set_as_default=False)
        client.subscribe_topic(TOPIC, self._on_event)
        return client

    def _unavailable(self, what: str) -> ExecutorUnavailable:
        return ExecutorUnavailable(
            f"The Dask scheduler at {self.address} {what}. The job waits and goes on by itself "
            "when the scheduler is back.",
            self.wait_until_back,
        )

    async def wait_until_back(self) -> None:
        """Return once the scheduler answers again (tries every few seconds)."""
        while True:
            try:
                await self.client()
                return
            except ExecutorUnavailable:
                await asyncio.sleep(RECONNECT_EVERY_S)

    async def close(self) -> None:
        """Cancel every clip still on the cluster and disconnect (the app is stopping)."""
        client, self._client = self._client, None
        if client is None:
            return
        futures = list(self._futures.values())
        await asyncio.to_thread(_close_quietly, client, futures)

    # -- rendering -----------------------------------------------------------------------------
    async def render(self, run: ClipRun, callbacks: ClipCallbacks) -> ClipResult:
        try:
            client = await self.client()
        except ExecutorUnavailable:
            if self.fallback is None:
                raise
            log.warning("Dask scheduler %s unreachable: clip %d of job %s renders locally",
                        self.address, run.index, run.job_id)  # fmt: skip
            return await self.fallback.render(run, callbacks)
        loop = asyncio.get_running_loop()
        key = f"storyclip-{run.job_id}-{run.index:03d}-{uuid.uuid4().hex[:8]}"
        live = self._live[key] = _Live(callbacks)
        done: asyncio.Future[tuple[bool, Any]] = loop.create_future()
        spec = {"argv": run.argv, "output": run.output, "stall_timeout": run.stall_timeout}
        try:
            try:
                future = client.submit(render_clip, spec, key=key, pure=False)
            except Exception as exc:  # the connection went away since client() said running
                if client.status == "running":
                    raise
                raise self._unavailable(f"was lost ({_reason(exc)})") from None
            self._futures[key] = future

            def finished(f: Future[Any]) -> None:  # on distributed's callback thread
                try:
                    value: tuple[bool, Any] = (True, f.result())
                except BaseException as exc:  # handed over, judged below
                    value = (False, exc)
                loop.call_soon_threadsafe(_settle, done, value)

            future.add_done_callback(finished)
            try:
                ok, value = await asyncio.shield(done)
            except asyncio.CancelledError:
                await self._stop(client, future, live)
                raise
        finally:
            self._live.pop(key, None)
            self._futures.pop(key, None)
        if not ok:
            return self._failed(run, value)
        outcome = ProcessOutcome(
            exit_code=value.get("exit_code"),
            crashed=bool(value.get("crashed")),
            stalled=bool(value.get("stalled")),
            start_error=value.get("start_error"),
            stderr_tail=value.get("stderr_tail", ""),
        )
        return ClipResult(outcome, value["output"], value["worker"])

    def _failed(self, run: ClipRun, error: BaseException) -> ClipResult:
        """A task that raised: workers kept dying under it, or the scheduler went away."""
        if isinstance(error, KilledWorker):
            outcome = ProcessOutcome(None, crashed=True, stderr_tail=(
                f"Clip {run.index}: every worker that rendered it died ({error}); the "
                "cluster gave up on it."))  # fmt: skip
            return ClipResult(outcome, run.output, "?")
        client = self._client
        if client is None or client.status != "running" or isinstance(
            error, (asyncio.CancelledError, OSError, TimeoutError)
        ):
            raise self._unavailable(f"was lost during the run ({_reason(error)})")
        raise error

    async def _stop(self, client: Client, future: Future[Any], live: _Live) -> None:
        """Cancel the task; its worker stops the ffmpeg within a poll (about 0.1 s). Wait until
        the worker says so, like a local run that returns once its process is gone."""
        with contextlib.suppress(Exception):
            await asyncio.to_thread(client.cancel, [future], force=True)
        if live.started:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(live.ended.wait(), STOP_WAIT_S)

    # -- events from workers ---------------------------------------------------------------------
    def _on_event(self, event: tuple[float, dict[str, Any]]) -> None:
        """On the client's thread: hand the worker's event to the app's loop."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(self._dispatch, event[1])

    def _dispatch(self, msg: dict[str, Any]) -> None:
        live = self._live.get(msg.get("key", ""))
        if live is None:
            return
        self.latencies.append(time.time() - float(msg.get("t", time.time())))
        kind, worker = msg.get("kind"), str(msg.get("label", "?"))
        if kind == "started":
            live.started = True
            live.callbacks.started(worker, None)  # its pid is on another machine
        elif kind == "progress":
            update = ProgressUpdate(msg.get("out_time"), msg.get("frame"), msg.get("fps"),
                                    msg.get("speed"), msg.get("total_size"), False)  # fmt: skip
            live.callbacks.progress(ClipProgress(update, worker, msg.get("t")))
        elif kind == "ended":
            live.ended.set()


def _settle(done: asyncio.Future[tuple[bool, Any]], value: tuple[bool, Any]) -> None:
    if not done.done():
        done.set_result(value)


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return text or type(error).__name__


def _close_quietly(client: Client, futures: list[Future[Any]] | None = None) -> None:
    with contextlib.suppress(Exception):
        if futures:
            client.cancel(futures, force=True)
    with contextlib.suppress(Exception):
        client.close(timeout=5)
