"""WebSocket benchmark: 1,000 job observers + 10 all-jobs observers while 10 jobs tick 10/s.

Run: python bench/bench_ws.py [--observers 1000] [--all-observers 10] [--jobs 10] [--rate 10]
                              [--seconds 30] [--warmup 5]
A child process runs the real engine (JobManager, EventBus, the server's hub) on a qasync loop
over a QCoreApplication, as `storyclip serve` does; its jobs run a stand-in pipeline that
reports progress `--rate` times a second (no ffmpeg, so the numbers measure the server). This
process connects the observers (`--observers` spread evenly over the jobs) with aiohttp and
measures, after the warm-up: delivery latency (receive time - the event's updatedAt, both
wall clocks on this machine), messages delivered per second, and the server's resident memory
(VmRSS) growth. Targets (issue 4): p99 < 100 ms, memory growth < 50 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TOKEN = "bench-token"


# -- the server (child process) ------------------------------------------------------------------
def serve(args: argparse.Namespace) -> None:
    os.environ.setdefault("QT_API", "pyside6")
    from storyclip_gui.app import run_headless
    from storyclip_gui.core.events import EventBus
    from storyclip_gui.core.facade import EngineFacade
    from storyclip_gui.core.jobs import Job, Phase
    from storyclip_gui.core.manager import JobManager, JobSpec
    from storyclip_gui.core.memory_store import MemoryJobStore
    from storyclip_gui.core.pipeline import PipelineHooks
    from storyclip_gui.core.scheduler import Scheduler
    from storyclip_gui.server import ServerConfig, start_web_server
    from storyclip_gui.server.hub import WebSocketHub

    async def ticking_pipeline(job: Job, hooks: PipelineHooks) -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        ticks = int(args.seconds * args.rate)
        job.phase = Phase.GENERATING
        for i in range(1, ticks + 1):  # on a fixed grid, so a slow tick does not shift the rest
            await asyncio.sleep(max(0.0, start + i / args.rate - loop.time()))
            job.progress = 30 + 50 * i / ticks
            job.message = f"Generated {i * 8 // ticks} of 8 clips"
            hooks.progress(job)

    stop = asyncio.Event()

    async def main() -> None:
        manager = JobManager(store=MemoryJobStore(), bus=EventBus(), run_pipeline=ticking_pipeline,
                             output_root=Path("/tmp"), scheduler=Scheduler(args.jobs),
                             monitoring_interval=2.0)  # fmt: skip
        config = ServerConfig(token=TOKEN, port=0,
                              max_connections=args.observers + args.all_observers + 100,
                              progress_interval=args.progress_interval)  # fmt: skip
        fanout: list[float] = []  # seconds from an event to its frame written to every client

        def timed(method: Any) -> Any:
            """Times the hub's handling of a bus event or its timer when a message went out:
            the protocol's work (seq, throttle, one serialization) and every client's write."""
            def wrapper(hub: WebSocketHub, *args: Any) -> None:
                seq, started = hub.last_seq, time.perf_counter()
                method(hub, *args)
                if hub.last_seq != seq:
                    fanout.append(time.perf_counter() - started)
            return wrapper

        # on the class, before the server starts: the hub subscribes its bound method
        WebSocketHub._on_event = timed(WebSocketHub._on_event)  # type: ignore[method-assign]
        WebSocketHub._on_timer = timed(WebSocketHub._on_timer)  # type: ignore[method-assign]
        handle = await start_web_server(EngineFacade(manager, manager.store), config)
        manager.pause()
        for i in range(args.jobs):
            manager.submit(JobSpec(f"/bench/video{i}.mp4", job_id=f"job{i}"))
        print(f"PORT {handle.port}", flush=True)
        loop = asyncio.get_running_loop()
        command = await loop.run_in_executor(None, sys.stdin.readline)  # "go"
        assert command.strip() == "go", command
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        manager.resume()
        await loop.run_in_executor(None, sys.stdin.readline)  # "stop"
        cpu = (time.process_time() - cpu_start) / (time.perf_counter() - wall_start)
        fanout.sort()
        print(json.dumps({"messagesSent": handle.hub.messages_sent,
                          "dropped": handle.hub.clients_dropped,
                          "coalesced": handle.hub.ticks_coalesced,
                          "cpuShare": round(cpu, 2),
                          "fanoutMs": {"p50": round(fanout[len(fanout) // 2] * 1000, 2),
                                       "p99": round(fanout[int(len(fanout) * .99)] * 1000, 2)},
                          "loadAverage": os.getloadavg()[0]}), flush=True)  # fmt: skip
        await manager.shutdown()
        await handle.close()

    run_headless(main, stop.set)


# -- the observers (this process) ----------------------------------------------------------------
def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def observe(args: argparse.Namespace) -> dict[str, Any]:
    import aiohttp

    child = subprocess.Popen([sys.executable, __file__, "--child", "--jobs", str(args.jobs),
                              "--rate", str(args.rate),
                              "--seconds", str(args.seconds + args.warmup + 5),
                              "--observers", str(args.observers),
                              "--all-observers", str(args.all_observers),
                              "--progress-interval", str(args.progress_interval)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert child.stdout is not None and child.stdin is not None
    port = int(child.stdout.readline().split()[1])
    base = f"ws://127.0.0.1:{port}/ws"
    rss_idle = rss_mb(child.pid)
    window = {"open": False}
    latencies: list[float] = []
    counts = {"messages": 0}
    ready = 0

    async def observer(url: str, session: aiohttp.ClientSession, connected: asyncio.Event) -> None:
        nonlocal ready
        async with session.ws_connect(url, headers={"Authorization": f"Bearer {TOKEN}"},
                                      max_msg_size=0, autoping=True) as ws:  # fmt: skip
            ready += 1
            if ready == total:
                connected.set()
            async for message in ws:
                received = time.time()
                if not window["open"]:
                    continue
                data = json.loads(message.data)
                if data["type"] in ("status", "completed", "error"):
                    counts["messages"] += 1
                    latencies.append(received - data["updatedAt"])

    urls = [f"{base}?jobId=job{i % args.jobs}" for i in range(args.observers)]
    urls += [base] * args.all_observers
    total = len(urls)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        connected = asyncio.Event()
        started = time.perf_counter()
        tasks = []
        for start in range(0, total, 100):  # in batches, not to overrun the listen backlog
            tasks += [asyncio.ensure_future(observer(u, session, connected))
                      for u in urls[start:start + 100]]  # fmt: skip
            await asyncio.sleep(0.05)
        await asyncio.wait_for(connected.wait(), 120)
        connect_seconds = time.perf_counter() - started
        rss_connected = rss_mb(child.pid)
        child.stdin.write("go\n")
        child.stdin.flush()
        await asyncio.sleep(args.warmup)
        rss_warm = rss_mb(child.pid)
        window["open"] = True
        opened = time.perf_counter()
        samples = []
        for _ in range(int(args.seconds)):
            await asyncio.sleep(1)
            samples.append(rss_mb(child.pid))
        window["open"] = False
        measured = time.perf_counter() - opened
        rss_end = rss_mb(child.pid)
        child.stdin.write("stop\n")
        child.stdin.flush()
        server_counts = json.loads(child.stdout.readline())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    child.wait(timeout=30)
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    expected = (args.observers + args.all_observers * args.jobs) * args.rate
    return {
        "observers": args.observers, "allJobsObservers": args.all_observers,
        "jobs": args.jobs, "eventsPerSecondPerJob": args.rate,
        "connectSeconds": round(connect_seconds, 2),
        "measuredSeconds": round(measured, 1),
        "latencyMs": {"p50": round(pct(50), 1), "p90": round(pct(90), 1),
                      "p99": round(pct(99), 1), "max": round(latencies[-1] * 1000, 1),
                      "mean": round(statistics.fmean(latencies) * 1000, 1)},
        "messagesPerSecond": round(counts["messages"] / measured),
        "expectedMessagesPerSecond": expected,
        "serverRssMb": {"idle": round(rss_idle, 1), "connected": round(rss_connected, 1),
                        "warm": round(rss_warm, 1), "end": round(rss_end, 1),
                        "max": round(max(samples), 1)},
        "serverRssGrowthMb": {"whileRunning": round(rss_end - rss_warm, 1),
                              "sinceIdle": round(rss_end - rss_idle, 1)},
        "server": server_counts,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--observers", type=int, default=1000, help="one-job observers")
    parser.add_argument("--all-observers", type=int, default=10, help="all-jobs observers")
    parser.add_argument("--jobs", type=int, default=10)
    parser.add_argument("--rate", type=float, default=10, help="progress events/s per job")
    parser.add_argument("--seconds", type=float, default=30, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--progress-interval", type=float, default=0.1,
                        help="the hub's throttle (0.1: at most 10 messages/s per job)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        serve(args)
        return
    print(json.dumps(asyncio.run(observe(args)), indent=2))


if __name__ == "__main__":
    main()
