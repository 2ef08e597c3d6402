"""Server under abuse: churning clients, clients that never read, malformed input, slowloris.

Run: python bench/bench_ws_abuse.py [--seconds 60] [--churners 1000] [--silent 40]
A child process runs the real engine (JobManager, EventBus, the server's hub) on a qasync loop
over a QCoreApplication, as `storyclip serve` does, with the server's default limits; its jobs
run a stand-in pipeline (no ffmpeg, so the numbers measure the server) that ticks progress
`--rate` times a second for `--job-seconds`, verifies 4 clips and completes (every fifth job
fails). This process, for `--seconds`:

- submits a job over REST every `--submit-every` s and watches each with 5 clients on its
  ticketed `websocketUrl` until its final message; 10 clients watch every job all along;
- runs `--churners` clients that connect and disconnect in a loop (token in the header or the
  first message, no token, wrong tokens, connections reset mid-handshake, after the upgrade or
  while authenticating), pausing 0.5-2 s between rounds;
- opens `--silent` clients (half at the start, half at mid-run) that never read, while the
  server also publishes `--flood` 1.3 KB state messages a second for an extra job;
- cycles malformed REST bodies and WebSocket messages, oversized frames, garbage bytes and
  partial (slowloris) requests, checking each answer.

It prints the server's RSS (start, peak, end) and open descriptors, the outcome counts, and
whether every well-behaved client received exactly the messages the hub emitted for it.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import collections
import json
import os
import random
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ws import rss_mb

TOKEN = "bench-abuse-token"
BIG = 128 * 1024
FINAL_TYPES = ("completed", "error")


# -- the job source and the record of what the hub emitted (used in the child and in tests) --
def stand_in_pipeline(
    rate: float, seconds: float, clips: int = 4
) -> Callable[..., Awaitable[None]]:
    """A pipeline that ticks `rate` times a second for `seconds`, verifies `clips` clips and
    completes, except every fifth job (by submission order), which fails at the end."""
    from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError, JobFailure
    from storyclip_gui.core.jobs import Clip, ClipState, Job, Phase

    counter = {"n": 0}

    async def pipeline(job: Job, hooks: Any) -> None:
        counter["n"] += 1
        fails = counter["n"] % 5 == 0
        loop = asyncio.get_running_loop()
        start = loop.time()
        ticks = max(1, int(seconds * rate))
        job.phase = Phase.GENERATING
        for i in range(1, ticks + 1):
            await asyncio.sleep(max(0.0, start + i / rate - loop.time()))
            job.progress = 100 * i / (ticks + 1)
            job.message = f"tick {i}"
            hooks.progress(job)
            if i % max(1, ticks // clips) == 0 and len(job.clips) < clips:
                n = len(job.clips)
                clip = Clip(n + 1, n * 2.0, n * 2.0 + 2, f"/tmp/abuse/{job.id}_{n + 1}.mp4",
                            ClipState.VERIFIED, 2.0, 720, 1280, 1000)  # fmt: skip
                job.clips.append(clip)
                hooks.clip_verified(job, clip)
        if fails:
            raise JobFailure(JobError(ErrorCode.FFMPEG_ERROR, "stand-in failure"))

    return pipeline


def make_manager(concurrency: int, rate: float, job_seconds: float) -> Any:
    from storyclip_gui.core.events import EventBus
    from storyclip_gui.core.manager import JobManager
    from storyclip_gui.core.memory_store import MemoryJobStore
    from storyclip_gui.core.scheduler import Scheduler

    return JobManager(store=MemoryJobStore(), bus=EventBus(),
                      run_pipeline=stand_in_pipeline(rate, job_seconds),
                      output_root=Path(tempfile.gettempdir()), scheduler=Scheduler(concurrency),
                      monitoring_interval=2.0)  # fmt: skip


async def flood(manager: Any, per_second: float, seconds: float) -> None:
    """State changes of a job with a long source name (about 1.3 KB a message), `per_second`
    for `seconds`: enough bytes that a client that does not read passes its limit."""
    from storyclip_gui.core.events import EventKind
    from storyclip_gui.core.jobs import Job
    from storyclip_gui.core.options import StoryOptions

    job = Job(id="flood", source="/videos/" + "long name " * 80 + ".mp4",
              options=StoryOptions(), output_root="/out")  # fmt: skip
    loop = asyncio.get_running_loop()
    start = loop.time()
    for i in range(int(per_second * seconds)):
        await asyncio.sleep(max(0.0, start + i / per_second - loop.time()))
        job.progress = i % 100
        job.updated_at = time.time()
        manager.bus.publish(EventKind.JOB_UPDATED, job.to_dict(), state_changed=True)


class Recorder:
    """Wraps the hub protocol's `_emit`: every message it numbered, as (seq, jobId, must), where
    `must` marks state changes, clips and final messages (never held back or coalesced)."""

    def __init__(self, hub: Any) -> None:
        from storyclip_gui.core.events import EventKind

        self.emitted: list[tuple[int, str, bool]] = []
        protocol = hub.protocol
        emit = protocol._emit

        def recording(event: Any) -> None:
            emit(event)
            must = event.kind is not EventKind.JOB_UPDATED or bool(event.state_changed)
            self.emitted.append((protocol.last_seq, event.job_id, must))

        protocol._emit = recording


# -- raw sockets ---------------------------------------------------------------------------------
def upgrade_request(port: int, path: str = "/ws", token: str | None = None) -> bytes:
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [f"GET {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Upgrade: websocket",
             "Connection: Upgrade", f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
    if token is not None:
        lines.append(f"Authorization: Bearer {token}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def raw_socket(port: int, rcvbuf: int | None = None) -> socket.socket:
    sock = socket.socket()
    if rcvbuf is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", port))
    return sock


def reset(sock: socket.socket) -> None:
    """Close with a TCP reset (no FIN, no close frame): an abrupt disconnect."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


async def read_head(sock: socket.socket, timeout: float = 10.0) -> bytes:
    loop = asyncio.get_running_loop()
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = await asyncio.wait_for(loop.sock_recv(sock, 4096), timeout)
        if not chunk:
            break
        data += chunk
    return data


async def read_to_eof(sock: socket.socket, timeout: float) -> bytes:
    loop = asyncio.get_running_loop()
    data = b""
    while True:
        chunk = await asyncio.wait_for(loop.sock_recv(sock, 65536), timeout)
        if not chunk:
            return data
        data += chunk


async def silent_client(port: int, token: str) -> socket.socket:
    """Upgrades with the token (every job), then never reads again."""
    sock = await raw_socket(port, rcvbuf=4096)
    await asyncio.get_running_loop().sock_sendall(sock, upgrade_request(port, token=token))
    head = await read_head(sock)
    assert head.startswith(b"HTTP/1.1 101"), head[:100]
    return sock


# -- what the clients saw ------------------------------------------------------------------------
@dataclass
class Watch:
    """One well-behaved client: its snapshot seq and the seqs of the job messages it got."""

    job_id: str | None
    snapshot_seq: int = -1
    seqs: list[int] = field(default_factory=list)
    final: bool = False
    out_of_order: int = 0
    latencies: list[float] = field(default_factory=list)


@dataclass
class Tally:
    outcomes: dict[str, collections.Counter[str]] = field(
        default_factory=lambda: collections.defaultdict(collections.Counter))
    unexpected: list[str] = field(default_factory=list)
    slowloris_closed_after: list[float] = field(default_factory=list)
    body_timeout_after: list[float] = field(default_factory=list)

    def add(self, kind: str, got: str, expected: str) -> None:
        self.outcomes[kind][got] += 1
        if got != expected and len(self.unexpected) < 50:
            self.unexpected.append(f"{kind}: expected {expected}, got {got}")


async def watch(http: Any, url: str, record: Watch, headers: dict[str, str] | None = None,
                until_final: bool = False, stop: asyncio.Event | None = None) -> None:  # fmt: skip
    import aiohttp

    async with http.ws_connect(url, headers=headers or {}, autoping=True) as ws:
        async for message in ws:
            if message.type is not aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            kind = data["type"]
            if kind == "snapshot":
                record.snapshot_seq = data["seq"]
                continue
            if kind == "heartbeat":
                if stop is not None and stop.is_set():
                    break
                continue
            if record.seqs and data["seq"] <= record.seqs[-1]:
                record.out_of_order += 1
            record.seqs.append(data["seq"])
            record.latencies.append(time.time() - data["updatedAt"])
            if kind in FINAL_TYPES and data["jobId"] == record.job_id:
                record.final = True
                if until_final:
                    break


def check_watches(watches: list[Watch], emitted: list[tuple[int, str, bool]]) -> dict[str, Any]:
    """Every well-behaved client must have received exactly the hub's messages for its scope
    after its snapshot (up to its job's final message for one-job watchers)."""
    by_job: dict[str | None, list[tuple[int, bool]]] = collections.defaultdict(list)
    for seq, job_id, must in emitted:
        by_job[job_id].append((seq, must))
        by_job[None].append((seq, must))
    missing = extra = missing_must = out_of_order = no_final = 0
    for w in watches:
        last = w.seqs[-1] if w.seqs else w.snapshot_seq
        if w.job_id is None:  # every job: everything up to the end
            last = emitted[-1][0] if emitted else last
        expected = [(s, m) for s, m in by_job[w.job_id] if w.snapshot_seq < s <= last]
        got = set(w.seqs)
        lost = [(s, m) for s, m in expected if s not in got]
        missing += len(lost)
        missing_must += sum(1 for _, m in lost if m)
        extra += len(got - {s for s, _ in expected})
        out_of_order += w.out_of_order
        if w.job_id is not None and not w.final:
            no_final += 1
    return {"clients": len(watches), "messagesChecked": sum(len(w.seqs) for w in watches),
            "missing": missing, "missingStateOrFinal": missing_must, "unexpected": extra,
            "seqNotIncreasing": out_of_order, "jobWatchersWithoutFinal": no_final}  # fmt: skip


# -- the abuse --------------------------------------------------------------------------------
CHURN_KINDS = ("header", "first_message", "unauth_leave", "wrong_header", "wrong_first",
               "reset_mid_handshake", "reset_after_upgrade", "reset_while_authenticating")


async def churn_once(http: Any, port: int, token: str, kind: str, tally: Tally) -> None:
    import aiohttp

    url = f"http://127.0.0.1:{port}/ws"
    try:
        if kind in ("header", "first_message", "unauth_leave", "wrong_first"):
            headers = {"Authorization": f"Bearer {token}"} if kind == "header" else {}
            async with http.ws_connect(url, headers=headers) as ws:
                if kind == "unauth_leave":
                    tally.add(kind, "left", "left")
                    return
                if kind == "first_message":
                    await ws.send_json({"type": "auth", "token": token})
                if kind == "wrong_first":
                    await ws.send_json({"type": "auth", "token": "wrong-" + token})
                message = await ws.receive(timeout=15)
                if message.type is aiohttp.WSMsgType.TEXT:
                    got = json.loads(message.data)["type"]
                else:
                    got = f"close {ws.close_code}"
                tally.add(kind, got, "close 4401" if kind == "wrong_first" else "snapshot")
        elif kind == "wrong_header":
            try:
                async with http.ws_connect(url, headers={"Authorization": "Bearer nope"}):
                    tally.add(kind, "accepted", "401")
            except aiohttp.WSServerHandshakeError as exc:
                tally.add(kind, str(exc.status), "401")
        else:
            sock = await raw_socket(port)
            loop = asyncio.get_running_loop()
            request = upgrade_request(port, token=None if "authenticating" in kind else token)
            if kind == "reset_mid_handshake":
                await loop.sock_sendall(sock, request[: len(request) // 2])
                reset(sock)
                tally.add(kind, "reset", "reset")
                return
            await loop.sock_sendall(sock, request)
            head = await read_head(sock, 15)
            reset(sock)
            tally.add(kind, head[:12].decode("latin-1"), "HTTP/1.1 101")
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        tally.add(kind, type(exc).__name__, "-")


async def churner(http: Any, port: int, token: str, deadline: float, rng: random.Random,
                  tally: Tally, counter: collections.Counter[str]) -> None:  # fmt: skip
    await asyncio.sleep(rng.uniform(0, 2))
    while time.monotonic() < deadline:
        kind = rng.choice(CHURN_KINDS)
        await churn_once(http, port, token, kind, tally)
        counter["connections"] += 1
        await asyncio.sleep(rng.uniform(0.5, 2.0))


async def expect_close(ws: Any, timeout: float = 10) -> str:
    import aiohttp

    while True:
        message = await ws.receive(timeout=timeout)
        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                            aiohttp.WSMsgType.CLOSING):  # fmt: skip
            return f"close {ws.close_code}"


async def http_raw(port: int, data: bytes, timeout: float = 10) -> bytes:
    sock = await raw_socket(port)
    try:
        await asyncio.get_running_loop().sock_sendall(sock, data)
        return await read_to_eof(sock, timeout)
    finally:
        sock.close()


async def malformed_round(http: Any, port: int, token: str, tally: Tally) -> None:
    """One pass over every malformed request; each answer is checked."""
    import aiohttp

    base = f"http://127.0.0.1:{port}"
    good = {"Authorization": f"Bearer {token}"}
    rest = [("rest_truncated_json", "/api/v1/process/story", b'{"tempPath": ', "400 invalid_json"),
            ("rest_json_array", "/api/v1/process/story", b"[1, 2]", "400 invalid_json"),
            ("rest_not_utf8", "/api/v1/process/story", b"\xff\xfe{\x00", "400 invalid_json"),
            ("rest_ticket_garbage", "/api/v1/tickets", b"nope{", "400 invalid_json"),
            ("rest_128k_body", "/api/v1/process/story", b"{" + b" " * BIG + b"}",
             "413 body_too_large")]  # fmt: skip
    for kind, path, body, expected in rest:
        try:
            async with http.post(base + path, data=body, headers=good) as r:
                code = (await r.json())["error"]["code"]
                tally.add(kind, f"{r.status} {code}", expected)
        except (aiohttp.ClientError, ValueError) as exc:
            tally.add(kind, type(exc).__name__, expected)
    async with http.get(base + "/api/v1/jobs", headers={"Authorization": "Bearer x"}) as r:
        tally.add("rest_wrong_token", f"{r.status} {(await r.json())['error']['code']}",
                  "401 unauthorized")  # fmt: skip
    ws_cases: list[tuple[str, dict[str, str], Any, str]] = [
        ("ws_128k_after_auth", good, "x" * BIG, "close 1009"),
        ("ws_128k_first_message", {}, "x" * BIG, "close 1009"),
        ("ws_binary", good, b"\x00\x01", "close 1003"),
        ("ws_garbage_first_message", {}, "{not json", "close 4401"),
        ("ws_json_array_first_message", {}, "[]", "close 4401"),
    ]
    for kind, headers, payload, expected in ws_cases:
        try:
            async with http.ws_connect(f"{base}/ws", headers=headers, max_msg_size=0) as ws:
                if isinstance(payload, bytes):
                    await ws.send_bytes(payload)
                else:
                    await ws.send_str(payload)
                tally.add(kind, await expect_close(ws), expected)
        except (aiohttp.ClientError, TimeoutError) as exc:
            tally.add(kind, type(exc).__name__, expected)
    # malformed messages after authenticating are ignored: the socket stays open
    async with http.ws_connect(f"{base}/ws", headers=good) as ws:
        for text in ("{not json", "[]", '{"type": "cancel", "jobId": "x"}', "", "\x00" * 100):
            await ws.send_str(text)
        try:
            message = await ws.receive(timeout=0.5)
            got = "closed" if message.type is not aiohttp.WSMsgType.TEXT else "open"
        except TimeoutError:
            got = "open"
        tally.add("ws_malformed_after_auth", got, "open")
    tcp = [("tcp_random_bytes", os.urandom(4096)),
           ("tcp_tls_client_hello",
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(64)),
           ("tcp_20k_header", f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX: {'a' * 20000}"
                              "\r\n\r\n".encode()),
           ("tcp_nul_bytes", b"\x00" * 1000 + b"\r\n\r\n")]  # fmt: skip
    for kind, data in tcp:
        try:
            answer = await http_raw(port, data)
            tally.add(kind, answer[:24].decode("latin-1").strip(), "HTTP/1.0 400 Bad Request")
        except (OSError, TimeoutError) as exc:
            tally.add(kind, type(exc).__name__, "HTTP/1.0 400 Bad Request")


async def slowloris_headers(port: int, tally: Tally, limit: float) -> None:
    """Sends a request line and then one header byte every second: the server must close."""
    sock = await raw_socket(port)
    loop = asyncio.get_running_loop()
    started = time.monotonic()
    head = f"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-"
    await loop.sock_sendall(sock, head.encode())
    got = "still open"
    try:
        while time.monotonic() - started < limit:
            try:
                data = await asyncio.wait_for(loop.sock_recv(sock, 1024), 1.0)
                got = "closed" if not data else data[:12].decode("latin-1")
                break
            except TimeoutError:
                await loop.sock_sendall(sock, b"a")
    except OSError:
        got = "closed"
    tally.slowloris_closed_after.append(round(time.monotonic() - started, 1))
    tally.add("slowloris_partial_headers", got, "closed")
    sock.close()


async def slowloris_body(port: int, token: str, tally: Tally, limit: float) -> None:
    """Headers promise 1,000 bytes of body; one byte a second follows: 408."""
    sock = await raw_socket(port)
    loop = asyncio.get_running_loop()
    started = time.monotonic()
    await loop.sock_sendall(sock, (f"POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                                   f"Authorization: Bearer {token}\r\nContent-Type: "
                                   "application/json\r\nContent-Length: 1000\r\n\r\n{").encode())
    got = "still open"
    try:
        while time.monotonic() - started < limit:
            try:
                data = await asyncio.wait_for(loop.sock_recv(sock, 4096), 1.0)
                got = "closed" if not data else data.split(b"\r\n")[0].decode("latin-1")
                if b'"request_timeout"' in data or b"\r\n\r\n" in data:
                    got += " request_timeout" if b'"request_timeout"' in data else ""
                break
            except TimeoutError:
                await loop.sock_sendall(sock, b" ")
    except OSError:
        got = "closed"
    tally.body_timeout_after.append(round(time.monotonic() - started, 1))
    tally.add("slowloris_slow_body", got, "HTTP/1.1 408 Request Timeout request_timeout")
    sock.close()


@dataclass
class AbuseConfig:
    seconds: float = 60
    churners: int = 1000
    silent: int = 40
    all_observers: int = 10
    watchers_per_job: int = 5
    submit_every: float = 0.4
    slowloris: int = 20
    slowloris_limit: float = 45  # longest a slowloris client waits for the server to close
    seed: int = 1


async def run_abuse(port: int, token: str, source: str, cfg: AbuseConfig,
                    sample: Callable[[], None] = lambda: None,
                    extra: Awaitable[None] | None = None) -> dict[str, Any]:  # fmt: skip
    """Everything above at once against the server on 127.0.0.1:`port`; returns what was seen.
    `sample` is called about once a second (memory sampling by the caller)."""
    import aiohttp

    rng = random.Random(cfg.seed)
    tally = Tally()
    counter: collections.Counter[str] = collections.Counter()
    base = f"http://127.0.0.1:{port}"
    good = {"Authorization": f"Bearer {token}"}
    observers = [Watch(None) for _ in range(cfg.all_observers)]
    job_watches: list[Watch] = []
    stop_observers = asyncio.Event()
    connector = aiohttp.TCPConnector(limit=0, force_close=True)
    async with aiohttp.ClientSession(connector=connector) as http:
        observer_tasks = [asyncio.ensure_future(watch(http, f"{base}/ws", w, good,
                                                      stop=stop_observers))
                          for w in observers]  # fmt: skip
        started = time.monotonic()
        deadline = started + cfg.seconds
        tasks: list[asyncio.Future[Any]] = []
        watcher_tasks: list[asyncio.Future[Any]] = []

        async def feed() -> None:
            n = 0
            while time.monotonic() < deadline:
                async with http.post(f"{base}/api/v1/process/story", headers=good,
                                     json={"jobId": f"j{n}", "tempPath": source}) as r:
                    assert r.status == 202, (r.status, await r.text())
                    accepted = await r.json()
                n += 1
                for _ in range(cfg.watchers_per_job):
                    w = Watch(accepted["jobId"])
                    job_watches.append(w)
                    watcher_tasks.append(asyncio.ensure_future(
                        watch(http, accepted["websocketUrl"], w, until_final=True)))
                await asyncio.sleep(cfg.submit_every)
            counter["jobs"] = n

        async def silent_waves() -> list[socket.socket]:
            socks = [await silent_client(port, token) for _ in range(cfg.silent // 2)]
            await asyncio.sleep(cfg.seconds / 2)
            socks += [await silent_client(port, token)
                      for _ in range(cfg.silent - cfg.silent // 2)]
            return socks

        async def malformed() -> None:
            while time.monotonic() < deadline:
                await malformed_round(http, port, token, tally)
                counter["malformedRounds"] += 1
                await asyncio.sleep(0.2)

        async def sampler() -> None:
            while True:
                sample()
                await asyncio.sleep(1.0)

        sampling = asyncio.ensure_future(sampler())
        tasks.append(asyncio.ensure_future(feed()))
        silent_task = asyncio.ensure_future(silent_waves())
        tasks.append(asyncio.ensure_future(malformed()))
        if extra is not None:  # e.g. a flood of events published in this process
            tasks.append(asyncio.ensure_future(extra))
        tasks += [asyncio.ensure_future(slowloris_headers(port, tally, cfg.slowloris_limit))
                  for _ in range(cfg.slowloris)]  # fmt: skip
        tasks += [asyncio.ensure_future(slowloris_body(port, token, tally, cfg.slowloris_limit))
                  for _ in range(max(1, cfg.slowloris // 4))]  # fmt: skip
        tasks += [asyncio.ensure_future(churner(http, port, token, deadline, rng, tally, counter))
                  for _ in range(cfg.churners)]  # fmt: skip
        await asyncio.gather(*tasks)
        silent = await silent_task
        churn_seconds = time.monotonic() - started
        await asyncio.wait_for(asyncio.gather(*watcher_tasks), 60)  # every job's final message
        async with http.get(f"{base}/api/ws/info", headers=good) as r:
            info = await r.json()
        for w in observers:  # wait until every observer has everything the hub sent
            while not w.seqs or w.seqs[-1] < info["lastSeq"]:
                await asyncio.sleep(0.05)
        async with http.get(f"{base}/api/health") as r:
            health = (r.status, (await r.json())["status"])
        async with http.get(f"{base}/api/ws/stats", headers=good) as r:
            live = (await r.json())["live"]
        for sock in silent:
            sock.close()
        sampling.cancel()
        result = {"churnSeconds": round(churn_seconds, 1), "tally": tally,
                  "counter": counter, "observers": observers, "jobWatches": job_watches,
                  "health": health, "live": live, "info": info, "stop": stop_observers,
                  "observerTasks": observer_tasks}  # fmt: skip
        stop_observers.set()
        await asyncio.wait_for(asyncio.gather(*observer_tasks, return_exceptions=True), 10)
    return result


def summarize(seen: dict[str, Any], emitted: list[tuple[int, str, bool]]) -> dict[str, Any]:
    tally: Tally = seen["tally"]
    latencies = sorted(x for w in seen["observers"] for x in w.latencies)

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000, 1)

    return {
        "churnSeconds": seen["churnSeconds"],
        "connectionsChurned": seen["counter"]["connections"],
        "jobs": seen["counter"]["jobs"],
        "malformedRounds": seen["counter"]["malformedRounds"],
        "outcomes": {k: dict(v) for k, v in sorted(tally.outcomes.items())},
        "unexpectedOutcomes": tally.unexpected,
        "slowlorisClosedAfterS": [min(tally.slowloris_closed_after, default=0),
                                  max(tally.slowloris_closed_after, default=0)],
        "slowBody408AfterS": [min(tally.body_timeout_after, default=0),
                              max(tally.body_timeout_after, default=0)],
        "allJobsObservers": check_watches(seen["observers"], emitted),
        "jobWatchers": check_watches(seen["jobWatches"], emitted),
        "observerLatencyMs": {"p50": pct(50), "p99": pct(99)} if latencies else {},
        "emitted": len(emitted),
        "healthAfter": list(seen["health"]),
        "liveAfter": seen["live"],
        "connectedClientsAfter": seen["info"]["connectedClients"],
    }  # fmt: skip


# -- the server (child process) ------------------------------------------------------------------
def serve(args: argparse.Namespace) -> None:
    os.environ.setdefault("QT_API", "pyside6")
    from storyclip_gui.app import run_headless
    from storyclip_gui.core.facade import EngineFacade
    from storyclip_gui.server import ServerConfig, start_web_server

    async def main() -> None:
        manager = make_manager(args.concurrency, args.rate, args.job_seconds)
        handle = await start_web_server(EngineFacade(manager, manager.store),
                                        ServerConfig(token=TOKEN, port=0))  # fmt: skip
        recorder = Recorder(handle.hub)
        print(f"PORT {handle.port}", flush=True)
        loop = asyncio.get_running_loop()
        flooding = asyncio.ensure_future(flood(manager, args.flood, args.flood_seconds))
        await loop.run_in_executor(None, sys.stdin.readline)  # "dump"
        hub = handle.hub
        print(json.dumps({"emitted": recorder.emitted, "messagesSent": hub.messages_sent,
                          "clientsDropped": hub.clients_dropped,
                          "ticksCoalesced": hub.ticks_coalesced,
                          "connections": len(handle._runner.server.connections)
                          if handle._runner.server else None}), flush=True)  # fmt: skip
        await loop.run_in_executor(None, sys.stdin.readline)  # "stop"
        flooding.cancel()
        await manager.shutdown()
        await handle.close()

    run_headless(main, lambda: None)


def open_fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="storyclip-abuse-"))
    source = workdir / ("a long video name for bigger messages " * 5).replace(" ", "_")
    source = source.with_suffix(".mp4")
    source.write_bytes(b"\0" * 1024)
    stderr_path = workdir / "server-stderr.txt"
    with stderr_path.open("w") as stderr:
        child = subprocess.Popen([sys.executable, __file__, "--child", "--rate", str(args.rate),
                                  "--job-seconds", str(args.job_seconds),
                                  "--concurrency", str(args.concurrency),
                                  "--flood", str(args.flood),
                                  "--flood-seconds", str(args.seconds)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                 text=True)  # fmt: skip
    assert child.stdout is not None and child.stdin is not None
    port = int(child.stdout.readline().split()[1])
    idle = rss_mb(child.pid), open_fds(child.pid)
    samples: list[float] = []
    cfg = AbuseConfig(seconds=args.seconds, churners=args.churners, silent=args.silent,
                      submit_every=args.submit_every, seed=args.seed)  # fmt: skip
    seen = await run_abuse(port, TOKEN, str(source), cfg,
                           sample=lambda: samples.append(rss_mb(child.pid)))
    after = rss_mb(child.pid), open_fds(child.pid)
    child.stdin.write("dump\n")
    child.stdin.flush()
    server = json.loads(child.stdout.readline())
    await asyncio.sleep(5)
    settled = rss_mb(child.pid), open_fds(child.pid)
    child.stdin.write("stop\n")
    child.stdin.flush()
    child.wait(timeout=30)
    emitted = [tuple(e) for e in server.pop("emitted")]
    log = stderr_path.read_text()
    summary = summarize(seen, emitted)  # type: ignore[arg-type]
    summary.update({
        "serverRssMb": {"idle": round(idle[0], 1), "start": round(samples[0], 1),
                        "peak": round(max(samples), 1), "end": round(after[0], 1),
                        "settled5s": round(settled[0], 1),
                        "every10s": [round(x, 1) for x in samples[::10]]},
        "serverOpenFds": {"idle": idle[1], "end": after[1], "settled5s": settled[1]},
        "server": server,
        "serverExit": child.returncode,
        "serverLog": {"lines": len(log.splitlines()), "tracebacks": log.count("Traceback"),
                      "droppedWarnings": log.count("does not read")},
    })  # fmt: skip
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--churners", type=int, default=1000)
    parser.add_argument("--silent", type=int, default=40)
    parser.add_argument("--rate", type=float, default=20, help="progress ticks/s per job")
    parser.add_argument("--job-seconds", type=float, default=5)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--submit-every", type=float, default=0.4)
    parser.add_argument("--flood", type=float, default=200,
                        help="extra 1.3 KB state messages/s of a job nobody watches by id")
    parser.add_argument("--flood-seconds", type=float, default=60, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        serve(args)
        return
    print(json.dumps(asyncio.run(bench(args)), indent=2))


if __name__ == "__main__":
    main()
