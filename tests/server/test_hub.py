"""The WebSocket hub on live sockets: the aiohttp adapter's wiring, timer, writes and close.

The protocol's rules, one by one on a fake clock, are in test_observer_protocol.py."""

from __future__ import annotations

import asyncio
import base64
import gc
import os
import socket
import tracemalloc
from typing import Any

import aiohttp

from storyclip_gui.core.events import EventKind
from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.ports import StoreError
from storyclip_gui.server import ServerConfig, observer_protocol, start_web_server
from storyclip_gui.server.hub import CLOSE_GOING_AWAY
from tests.server.conftest import (
    TOKEN,
    auth,
    make_job,
    next_json,
    publish_state,
    publish_tick,
    receive_until,
    running,
    wait_until,
)


def test_messages_follow_the_seed_contract_and_seq_only_grows(run_async, engine) -> None:
    async def main() -> None:
        job = make_job("job1")
        engine.store.add(job)
        async with running(engine) as server, aiohttp.ClientSession() as http:
            ws = await http.ws_connect(f"{server.url}/ws?jobId=job1", headers=auth())
            snapshot = await next_json(ws)
            assert snapshot["type"] == "snapshot" and snapshot["resync"] is False
            assert snapshot["jobId"] == "job1" and snapshot["status"] == "queued"
            publish_state(engine, job, EventKind.JOB_REGISTERED)
            job.transition(JobState.PROCESSING)
            publish_state(engine, job)
            job.transition(JobState.FAILED)
            from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError

            job.error = JobError(ErrorCode.DISK_FULL, "The disk is full.", "/secret/stderr")
            publish_state(engine, job, EventKind.JOB_COMPLETED)
            got = await receive_until(ws, lambda m: m["type"] == "error")
            assert [(m["type"], m["event"]) for m in got] == [
                ("status", "jobRegistered"), ("status", "jobUpdated"), ("error", "jobCompleted")
            ]
            for message in got:
                for key in ("seq", "jobId", "status", "progress", "phase", "message",
                            "updatedAt"):  # fmt: skip
                    assert key in message, key
            assert got[-1]["error"] == {"code": "disk_full", "message": "The disk is full."}
            seqs = [m["seq"] for m in got]
            assert seqs == sorted(set(seqs)) and seqs[0] > snapshot["seq"]
            await ws.close()

    run_async(main())


def test_reconnect_with_since_replays_exactly_what_was_missed(run_async, engine) -> None:
    async def main() -> None:
        a, b = make_job("jobA"), make_job("jobB")
        engine.store.add(a)
        engine.store.add(b)
        async with running(engine, replay_size=20) as server, aiohttp.ClientSession() as http:
            url = f"{server.url}/ws"
            ws = await http.ws_connect(url, headers=auth())
            await next_json(ws)
            publish_state(engine, a, EventKind.JOB_REGISTERED)
            seen = await receive_until(ws, lambda m: m["jobId"] == "jobA")
            last = seen[-1]["seq"]
            await ws.close()
            for i in range(3):  # missed while away: both jobs
                publish_state(engine, a if i % 2 else b)
            missed = server.hub.last_seq
            ws = await http.ws_connect(f"{url}?since={last}", headers=auth())
            replay = [await next_json(ws) for _ in range(3)]
            assert [m["type"] for m in replay] == ["status"] * 3
            assert [m["seq"] for m in replay] == list(range(last + 1, missed + 1))
            publish_state(engine, a)  # and then live, with no gap and no duplicate
            assert (await next_json(ws))["seq"] == missed + 1
            await ws.close()
            # one job's socket replays that job's messages only
            ws = await http.ws_connect(f"{url}?jobId=jobA&since={last}", headers=auth())
            replay = await receive_until(ws, lambda m: m["seq"] == missed + 1)
            assert {m["jobId"] for m in replay} == {"jobA"} and len(replay) == 2
            await ws.close()
            # too old for the buffer (20 messages): a fresh snapshot that says so
            for _ in range(30):
                publish_state(engine, b)
            ws = await http.ws_connect(f"{url}?since={last}", headers=auth())
            snapshot = await next_json(ws)
            assert snapshot["type"] == "snapshot" and snapshot["resync"] is True
            assert snapshot["seq"] == server.hub.last_seq
            await ws.close()
            for bad in ("-1", "soon"):
                async with http.get(f"{url}?since={bad}", headers=auth()) as r:
                    assert r.status == 400
            # a seq from the future (another server's life): resync too
            ws = await http.ws_connect(f"{url}?since={server.hub.last_seq + 100}", headers=auth())
            assert (await next_json(ws))["resync"] is True
            await ws.close()

    run_async(main())


def test_progress_is_throttled_and_the_final_message_always_arrives(run_async, engine) -> None:
    async def main() -> None:
        job = make_job("job1")
        engine.store.add(job)
        async with running(engine, progress_interval=0.1) as server, \
                aiohttp.ClientSession() as http:  # fmt: skip
            ws = await http.ws_connect(f"{server.url}/ws?jobId=job1", headers=auth())
            await next_json(ws)
            job.transition(JobState.PROCESSING)
            publish_state(engine, job)
            for i in range(1, 101):  # 100 ticks at once
                publish_tick(engine, job, i * 0.5)
            got = await receive_until(ws, lambda m: m["progress"] == 50.0, timeout=5)
            ticks = [m for m in got if m["event"] == "jobUpdated" and m["status"] == "processing"]
            # the state change, the first tick at once, the newest tick after 0.1 s
            assert [m["progress"] for m in ticks] == [0.0, 0.5, 50.0]
            assert server.hub.ticks_coalesced == 98
            for i in range(101, 201):  # a burst followed at once by the final message
                publish_tick(engine, job, i * 0.5)
            job.transition(JobState.COMPLETED)
            job.progress = 100.0
            publish_state(engine, job, EventKind.JOB_COMPLETED)
            got = await receive_until(ws, lambda m: m["type"] == "completed", timeout=5)
            assert got[-1]["progress"] == 100.0 and got[-1]["clips"] == []
            assert len(got) <= 2
            seqs = [m["seq"] for m in ticks + got]
            assert seqs == sorted(set(seqs))
            await ws.close()

    run_async(main())


def test_heartbeat_every_interval(run_async, engine) -> None:
    async def main() -> None:
        job = make_job("job1")
        engine.store.add(job)
        async with running(engine, heartbeat_interval=0.1) as server, \
                aiohttp.ClientSession() as http:  # fmt: skip
            everything = await http.ws_connect(f"{server.url}/ws", headers=auth())
            one = await http.ws_connect(f"{server.url}/ws?jobId=job1", headers=auth())
            await next_json(everything)
            await next_json(one)
            beat = await next_json(everything)
            assert beat["type"] == "heartbeat" and beat["jobId"] is None
            assert beat["seq"] == server.hub.last_seq and "serverTime" in beat
            beat = await next_json(one)
            assert beat["type"] == "heartbeat" and beat["jobId"] == "job1"
            assert beat["status"] == "queued" and "updatedAt" in beat
            await everything.close()
            await one.close()

    run_async(main())


def test_a_failing_heartbeat_does_not_stop_the_next(run_async, engine, monkeypatch) -> None:
    """The history failing while a watched job's heartbeat reads it: logged, the other
    observers' heartbeats still go out, and the timer keeps beating."""

    async def main() -> None:
        engine.store.add(make_job("kept"))  # in the history only: its heartbeat reads the store
        async with running(engine, heartbeat_interval=0.1) as server, \
                aiohttp.ClientSession() as http:  # fmt: skip
            everything = await http.ws_connect(f"{server.url}/ws", headers=auth())
            kept = await http.ws_connect(f"{server.url}/ws?jobId=kept", headers=auth())
            await next_json(everything)
            await next_json(kept)
            read = engine.store.get

            def failing(job_id: str) -> Any:
                raise StoreError("the history cannot be read")

            monkeypatch.setattr(engine.store, "get", failing)
            for _ in range(3):
                assert (await next_json(everything))["type"] == "heartbeat"
            monkeypatch.setattr(engine.store, "get", read)
            beat = await receive_until(kept, lambda m: m["type"] == "heartbeat",
                                       skip_heartbeats=False)  # fmt: skip
            assert beat[-1]["jobId"] == "kept" and beat[-1]["status"] == "queued"
            await everything.close()
            await kept.close()

    run_async(main())


def test_each_event_is_serialized_once_for_many_clients(run_async, engine, monkeypatch) -> None:
    calls = []
    real_encode = observer_protocol.encode

    def counting(message: dict) -> bytes:
        calls.append(message["type"])
        return real_encode(message)

    monkeypatch.setattr(observer_protocol, "encode", counting)

    async def main() -> None:
        job = make_job("job1")
        engine.store.add(job)
        async with running(engine) as server, aiohttp.ClientSession() as http:
            sockets = [await http.ws_connect(f"{server.url}/ws" + ("?jobId=job1" if i % 2 else ""),
                                             headers=auth()) for i in range(40)]  # fmt: skip
            for ws in sockets:
                assert (await next_json(ws))["type"] == "snapshot"
            calls.clear()
            for _ in range(5):
                publish_state(engine, job)
            for ws in sockets:
                got = await receive_until(ws, lambda m: m["seq"] == server.hub.last_seq)
                assert len(got) == 5
            assert calls == ["status"] * 5
            for ws in sockets:
                await ws.close()

    run_async(main())


async def _silent_client(port: int) -> socket.socket:
    """A WebSocket client that completes the handshake, then never reads again."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Authorization: Bearer {TOKEN}\r\n\r\n".encode()
    )
    sock.setblocking(False)
    loop = asyncio.get_running_loop()
    head = await loop.sock_recv(sock, 1024)
    assert head.startswith(b"HTTP/1.1 101"), head
    return sock


def _server_memory() -> int:
    """Bytes held by the server side (hub, aiohttp, transports), after collecting garbage; the
    test's own client-side timers and buffers do not count."""
    gc.collect()
    snapshot = tracemalloc.take_snapshot().filter_traces([
        tracemalloc.Filter(True, "*storyclip_gui*"),
        tracemalloc.Filter(True, "*aiohttp/web*"),
        tracemalloc.Filter(True, "*asyncio/selector_events.py"),
    ])  # fmt: skip
    return sum(stat.size for stat in snapshot.statistics("filename"))


def test_a_client_that_never_reads_is_dropped_memory_stays_flat(run_async, engine) -> None:
    async def main() -> None:
        job = make_job("job1", source="/videos/" + "long name " * 80 + ".mp4")
        async with running(engine, client_buffer_limit=256 * 1024, replay_size=50) as server, \
                aiohttp.ClientSession() as http:  # fmt: skip
            silent = await _silent_client(server.port)
            reader = await http.ws_connect(f"{server.url}/ws", headers=auth())
            await next_json(reader)
            await wait_until(lambda: server.hub.client_count == 2)
            received = 0
            tracemalloc.start()
            try:
                before = _server_memory()
                for batch in range(40):  # 4,000 events of about 1.3 KB
                    for _ in range(100):
                        publish_state(engine, job)
                    got = await receive_until(reader, lambda m: m["seq"] == server.hub.last_seq)
                    received += len(got)
                    if batch == 0:
                        base = _server_memory()
                after = _server_memory()
            finally:
                tracemalloc.stop()
            assert server.hub.clients_dropped == 1 and server.hub.client_count == 1
            assert received == 4000  # the reading client missed nothing
            # 4,000 events x 1.3 KB kept for the silent client would be 5 MB
            assert after - base < 300_000, after - base
            assert after - before < 600_000, after - before
            silent.close()
            await reader.close()

    run_async(main(), timeout=120)


def test_close_says_going_away_and_records_the_last_seq(run_async, engine) -> None:
    """Closing the server closes every socket with 1001, forgets a held tick with its timer,
    and hands the last seq to the recorder it was given (the store), so a restarted engine's
    numbers continue above it."""

    async def main() -> None:
        job = make_job("job1")
        engine.store.add(job)
        server = await start_web_server(engine.facade, ServerConfig(token=TOKEN, port=0))
        async with aiohttp.ClientSession() as http:
            sockets = [await http.ws_connect(f"{server.url}/ws{query}", headers=auth())
                       for query in ("", "?jobId=job1")]  # fmt: skip
            for ws in sockets:
                await next_json(ws)
            publish_tick(engine, job, 1)
            publish_tick(engine, job, 2)  # held, with the hub's timer set
            assert engine.store.last_seq() < server.hub.last_seq  # ticks are not stored
            await server.close()
            for ws in sockets:
                message = await ws.receive(timeout=5)
                while message.type is aiohttp.WSMsgType.TEXT:  # the first tick
                    message = await ws.receive(timeout=5)
                assert message.type is aiohttp.WSMsgType.CLOSE, message
                assert message.data == CLOSE_GOING_AWAY
            assert server.hub.client_count == 0
            assert engine.store.last_seq() == server.hub.last_seq == engine.bus.last_seq - 1
            assert server.hub.protocol.next_deadline() is None
        await engine.manager.shutdown()

    run_async(main())
