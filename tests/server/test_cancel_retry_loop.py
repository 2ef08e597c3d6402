"""The issue's reproduction: POST cancel and POST retry sent at once, in a loop, to a real
server over the real engine (real ffmpeg, QProcess runner), one job at a time."""

from __future__ import annotations

import asyncio
import gc
import random
from typing import Any

import aiohttp
import pytest

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.memory_store import MemoryJobStore
from tests.server.conftest import SMALL, auth, running

OPTIONS = {"clipSeconds": 1, "quality": "low", "size": f"{SMALL['width']}x{SMALL['height']}"}
ITERATIONS = 60


def test_cancel_and_retry_sent_together_in_a_loop_the_queue_still_drains(
    run_async: Any, video: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYCLIP_CONCURRENCY", "1")
    engine = build_engine(load_settings(), store=MemoryJobStore(), recover=False)
    manager = engine.manager
    source = video("loop.mp4", seconds=2, size="160x120")
    names = ["a", "b", "c"]
    accepted: list[tuple[str, str]] = []  # (job, command) in the order the server took them
    cancel, retry = manager.cancel, manager.retry

    def recording_cancel(job_id: str) -> bool:
        taken = cancel(job_id)
        if taken:
            accepted.append((job_id, "cancel"))
        return taken

    def recording_retry(job_id: str) -> Any:
        job = retry(job_id)  # raises when refused
        accepted.append((job_id, "retry"))
        return job

    monkeypatch.setattr(manager, "cancel", recording_cancel)
    monkeypatch.setattr(manager, "retry", recording_retry)
    rng = random.Random(7)

    async def main() -> None:
        reports: list[dict[str, Any]] = []
        asyncio.get_running_loop().set_exception_handler(lambda _l, c: reports.append(c))
        async with running(engine) as server, aiohttp.ClientSession() as http:

            async def post(path: str) -> int:
                async with http.post(f"{server.url}{path}", headers=auth()) as r:
                    assert r.status in (202, 409), await r.text()
                    return r.status

            for name in names:
                body = {"jobId": name, "tempPath": str(source), "options": OPTIONS}
                async with http.post(f"{server.url}/api/v1/process/story", headers=auth(),
                                     json=body) as r:  # fmt: skip
                    assert r.status == 202, await r.text()
            for i in range(ITERATIONS):
                job_id = rng.choice(names)
                calls = [f"/api/v1/jobs/{job_id}/cancel", f"/api/v1/jobs/{job_id}/retry"]
                if i % 2:
                    calls.reverse()
                await asyncio.gather(*(post(c) for c in calls))
                await asyncio.sleep(rng.choice([0, 0, 0.01, 0.05, 0.2]))
            await asyncio.wait_for(manager.wait_until_idle(), 60)
            assert manager.running_ids == [] and manager.queued_ids == []
            for name in names:
                async with http.get(f"{server.url}/api/v1/jobs/{name}/status",
                                    headers=auth()) as r:  # fmt: skip
                    status = (await r.json())["status"]
                last = [command for job_id, command in accepted if job_id == name][-1:]
                if last == ["cancel"]:
                    assert status == "cancelled", (name, accepted)
                else:
                    assert status == "completed", (name, status, manager.get(name))
                job = manager.get(name)
                assert job is not None and job.state is JobState(status)
        gc.collect()
        await asyncio.sleep(0)
        assert not reports, [r.get("message") for r in reports]

    run_async(main(), timeout=240)
