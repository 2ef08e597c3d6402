"""The server under abuse, scaled down from bench/bench_ws_abuse.py: churn, silent clients, junk."""

from __future__ import annotations

import asyncio
import gc
import tracemalloc
from pathlib import Path

import aiohttp
import pytest

from bench.bench_ws_abuse import (
    AbuseConfig,
    Recorder,
    Tally,
    flood,
    http_raw,
    make_manager,
    malformed_round,
    run_abuse,
    slowloris_body,
    slowloris_headers,
    summarize,
)
from storyclip_gui.core.facade import EngineFacade
from storyclip_gui.server import ServerConfig, start_web_server
from tests.server.conftest import TOKEN, auth, next_json, running, wait_until
from tests.server.test_hub import _server_memory


@pytest.mark.slow
def test_churn_silent_clients_and_junk_leave_watchers_whole_and_memory_flat(
    run_async, tmp_path: Path
) -> None:
    source = tmp_path / "video.mp4"
    source.write_bytes(b"\0" * 1024)

    async def main() -> None:
        manager = make_manager(concurrency=8, rate=20, job_seconds=2)
        handle = await start_web_server(EngineFacade(manager, manager.store), ServerConfig(
            token=TOKEN, port=0, client_buffer_limit=64 * 1024, replay_size=500, header_timeout=2.0,
            body_timeout=1.0))  # fmt: skip
        recorder = Recorder(handle.hub)
        tracemalloc.start()
        try:
            before = _server_memory()
            cfg = AbuseConfig(seconds=5, churners=200, silent=6, submit_every=0.25,
                              slowloris=4, slowloris_limit=8)  # fmt: skip
            seen = await run_abuse(handle.port, TOKEN, str(source), cfg,
                                   extra=flood(manager, 1000, 5))
            await wait_until(lambda: handle.hub.connection_count == 0)
            await wait_until(lambda: not handle._runner.server.connections)  # type: ignore[union-attr]
            gc.collect()
            after = _server_memory()
        finally:
            tracemalloc.stop()
            await manager.shutdown()
            await handle.close()
        result = summarize(seen, recorder.emitted)
        assert result["unexpectedOutcomes"] == []
        # every churner connected and left at least once (how many times depends on the CPU)
        assert result["connectionsChurned"] >= cfg.churners
        for group in ("allJobsObservers", "jobWatchers"):
            checked = result[group]
            assert checked["messagesChecked"] > 0
            assert checked["missing"] == checked["unexpected"] == 0, checked
            assert checked["seqNotIncreasing"] == checked["jobWatchersWithoutFinal"] == 0
        assert result["healthAfter"] == [200, "ok"]
        assert handle.hub.clients_dropped == 6  # every silent client, and no one else
        # closed by the 2 s header and 1 s body timeouts, not held open: the bounds are loose
        # because the machine may be loaded (they would be the abuse's whole duration otherwise)
        assert max(result["slowlorisClosedAfterS"]) < 10
        assert max(result["slowBody408AfterS"]) < 8
        # what may stay: the replay buffer (500 frames of about 1.3 KB here) and finished jobs
        assert after - before < 1_500_000, (before, after)

    run_async(main(), timeout=60)


@pytest.mark.slow
def test_each_kind_of_junk_gets_its_documented_answer(run_async, engine) -> None:
    """One of each, fast, at the server's default limits except the timeouts."""

    async def main() -> None:
        tally = Tally()
        async with running(engine, header_timeout=1.0, body_timeout=0.5) as handle, \
                aiohttp.ClientSession() as http:  # fmt: skip
            await malformed_round(http, handle.port, TOKEN, tally)
            await slowloris_headers(handle.port, tally, limit=5)
            await slowloris_body(handle.port, TOKEN, tally, limit=5)
            # a WebSocket stays open past the header timeout (it is not an idle request)
            ws = await http.ws_connect(f"{handle.url}/ws", headers=auth())
            assert (await next_json(ws))["type"] == "snapshot"
            await asyncio.sleep(1.5)
            assert not ws.closed and handle.hub.client_count == 1
            await ws.close()
            answer = await http_raw(handle.port, b"\x00garbage\r\n\r\n")
            assert b"Traceback" not in answer and b"/work" not in answer
            await wait_until(lambda: handle.hub.connection_count == 0)
            await wait_until(lambda: not handle._runner.server.connections)  # type: ignore[union-attr]
        assert tally.unexpected == []
        assert set(tally.outcomes) >= {"rest_truncated_json", "rest_128k_body", "ws_binary",
                                       "ws_128k_first_message", "tcp_random_bytes",
                                       "slowloris_partial_headers", "slowloris_slow_body"}
        assert 0.8 < tally.slowloris_closed_after[0] < 3
        assert 0.4 < tally.body_timeout_after[0] < 2.5

    run_async(main())
