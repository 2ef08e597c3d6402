"""/api/health says `degraded` while the job history cannot be written, and why (no paths)."""

from __future__ import annotations

import sqlite3
from typing import Any

import aiohttp

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.events import StoreFailed
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.store import open_store
from tests.server.conftest import running


def test_a_failing_history_makes_health_degraded_until_it_writes_again(run_async, tmp_path):
    db = tmp_path / "history.db"
    engine = build_engine(load_settings(), store=open_store(db, busy_timeout_ms=50),
                          recover=False)  # fmt: skip
    failures: list[Any] = []
    engine.bus.subscribe_engine(lambda e: failures.append(e) if isinstance(e, StoreFailed) else 0)
    engine.facade.pause()
    (tmp_path / "a.mp4").write_bytes(b"x")  # a retry checks that its source is still there
    job = engine.facade.submit(JobSpec(str(tmp_path / "a.mp4")))

    async def health(http: aiohttp.ClientSession, url: str) -> dict[str, Any]:
        async with http.get(f"{url}/api/health") as r:
            assert r.status == 200
            body: dict[str, Any] = await r.json()
            return body

    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            assert (await health(http, server.url))["status"] == "ok"
            other = sqlite3.connect(db, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
            try:
                engine.facade.cancel(job.id)  # this state change cannot be written
                body = await health(http, server.url)
            finally:
                other.execute("ROLLBACK")
                other.close()
            assert body["status"] == "degraded"
            assert body["reasons"] == [{"code": "history_not_written", "message": (
                "The job history cannot be written now: jobs run, their history is saved "
                "once it can be.")}]  # fmt: skip
            assert str(tmp_path) not in str(body)  # public: names no local path
            assert len(failures) == 1 and "locked" in failures[0].message
            engine.facade.retry(job.id)  # the next write succeeds and catches up
            after = await health(http, server.url)
            assert after["status"] == "ok" and "reasons" not in after

    run_async(main(), timeout=30)
    engine.store.close()  # type: ignore[attr-defined]


def test_a_history_that_could_not_be_opened_is_degraded_too(run_async):
    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "storyclip.db").write_bytes(b"not a database" * 100)
    engine = build_engine(settings, recover=False)
    assert engine.store_error is not None

    async def main() -> None:
        async with running(engine) as server, aiohttp.ClientSession() as http:
            async with http.get(f"{server.url}/api/health") as r:
                body = await r.json()
            assert body["status"] == "degraded"
            assert [reason["code"] for reason in body["reasons"]] == ["history_in_memory"]

    run_async(main(), timeout=30)
