"""Server fixtures: an engine on memory, a real server on 127.0.0.1 port 0, real clients."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest

from storyclip_gui.app import Engine, build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.events import EventKind
from storyclip_gui.core.jobs import Job
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.server import ServerConfig, ServerHandle, start_web_server

TOKEN = "Zp3u1Cq5m1bH2Vw0Xr7-T4s9_kLfYjN8aQeGdRcUvBo"  # strong: `serve` refuses weak ones
SMALL = {"width": 720, "height": 1280, "quality": "low"}


@pytest.fixture
def engine(run_async: Any) -> Engine:
    """The real engine (real ffmpeg, QProcess runner) on a memory store, nothing recovered."""
    return build_engine(load_settings(), store=MemoryJobStore(), recover=False)


@asynccontextmanager
async def running(engine: Engine, **config: Any) -> AsyncIterator[ServerHandle]:
    config.setdefault("token", TOKEN)
    config.setdefault("port", 0)
    handle = await start_web_server(engine.facade, ServerConfig(**config),
                                    when_done=engine.when_done)
    try:
        yield handle
    finally:
        await engine.manager.shutdown()
        await handle.close()


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def wait_until(predicate: Callable[[], Any], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.01)


async def next_json(ws: aiohttp.ClientWebSocketResponse, timeout: float = 10.0) -> dict[str, Any]:
    message = await ws.receive(timeout=timeout)
    assert message.type is aiohttp.WSMsgType.TEXT, (message.type, message.data, message.extra)
    data: dict[str, Any] = json.loads(message.data)
    return data


async def receive_until(
    ws: aiohttp.ClientWebSocketResponse,
    done: Callable[[dict[str, Any]], bool],
    timeout: float = 30.0,
    skip_heartbeats: bool = True,
) -> list[dict[str, Any]]:
    """Messages up to and including the first one `done` accepts."""
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while True:
        data = await next_json(ws, max(0.01, deadline - time.monotonic()))
        if not (skip_heartbeats and data["type"] == "heartbeat"):
            seen.append(data)
        if done(data):
            return seen


def make_job(job_id: str, source: str = "/videos/talk.mp4") -> Job:
    return Job(id=job_id, source=source, options=StoryOptions(**SMALL), output_root="/out")


def publish_tick(engine: Engine, job: Job, progress: float) -> None:
    """A progress tick on the bus, as the manager publishes it (not a state change)."""
    job.progress = progress
    job.updated_at = time.time()
    engine.bus.publish(EventKind.JOB_UPDATED, job.to_dict())


def publish_state(engine: Engine, job: Job, kind: EventKind = EventKind.JOB_UPDATED) -> None:
    job.updated_at = time.time()
    engine.bus.publish(kind, job.to_dict(), state_changed=True)


Runner = Callable[[Awaitable[Any]], Any]
