"""The same 8-clip job on this machine vs a Dask LocalCluster (2 worker processes × 1 thread).

Run: python bench/bench_cluster.py [--rounds 2] [--workdir DIR]

On a 2-core machine the cluster cannot be faster (x264 already uses both cores for one clip):
the ratio shows what the cluster path costs. Printed, side by side in one run:
- wall time of the job, local (the runner, clips one after another; concurrency 2) vs cluster,
  rounds interleaved, medians and their ratio (target <= 1.15);
- per-task overhead: a clip whose "ffmpeg" is /bin/true, run 60 times through each executor
  one after another; the difference of the medians is what the cluster adds per clip
  (submit, schedule, the worker's subprocess, events and the result back);
- event-loop lag while each job runs: a 10 ms timer on the app's (qasync) loop, how late it
  fires, p50/p99/max (target p99 < 50 ms);
- worker → app latency of progress events (worker clock at parse → app loop), p50/p99/max.
Every clip of every run is verified by the engine (else the run fails).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

CLIPS = 8
CLIP_SECONDS = 3.0
OPTIONS = {"clip_seconds": CLIP_SECONDS, "width": 720, "height": 1280, "quality": "low"}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class LagProbe:
    """How late a 10 ms timer fires on the running loop (the UI's responsiveness)."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(0.01)
            self.samples.append(max(0.0, time.perf_counter() - start - 0.01))

    def __enter__(self) -> LagProbe:
        self._task = asyncio.ensure_future(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()

    def summary(self) -> str:
        ms = [s * 1000 for s in self.samples]
        return (f"p50 {percentile(ms, 50):.1f} ms, p99 {percentile(ms, 99):.1f} ms, "
                f"max {max(ms):.1f} ms ({len(ms)} samples)")  # fmt: skip


def make_source(folder: Path) -> Path:
    from storyclip_gui.core.ffmpeg.locate import bundled_toolchain
    from tests.helpers.media import make_video

    bundled = bundled_toolchain()
    assert bundled is not None
    return make_video(bundled.ffmpeg, folder / "bench-8-clips.mp4",
                      seconds=CLIPS * CLIP_SECONDS, size="640x360")  # fmt: skip


def engine_for(root: Path, executor: str, address: str = "") -> Any:
    from storyclip_gui.app import build_engine
    from storyclip_gui.config import load_settings
    from storyclip_gui.core.ports import MemoryJobStore

    overrides: dict[str, Any] = {
        "data_dir": root / "data", "output_dir": root / "out", "temp_dir": root / "tmp",
        "concurrency": 2, "executor": executor,
    }  # fmt: skip
    if address:
        overrides["dask_scheduler"] = address
    return build_engine(load_settings(overrides=overrides), store=MemoryJobStore(),
                        recover=False)  # fmt: skip


async def run_job(engine: Any, source: Path) -> tuple[float, LagProbe]:
    from storyclip_gui.core.jobs import JobState
    from storyclip_gui.core.manager import JobSpec
    from storyclip_gui.core.options import StoryOptions

    with LagProbe() as lag:
        start = time.perf_counter()
        job = engine.manager.submit(JobSpec(str(source), StoryOptions(**OPTIONS)))
        await engine.manager.wait_until_idle()
        elapsed = time.perf_counter() - start
    if job.state is not JobState.COMPLETED or job.clips_verified != CLIPS:
        raise SystemExit(f"the job did not complete with {CLIPS} verified clips: {job.error}")
    return elapsed, lag


async def cancel_time(engine: Any, source: Path, out: Path) -> float:
    """Seconds from cancelling a job whose clips render on both workers until no ffmpeg of it
    is left on the machine (the workers' processes, seen in /proc)."""
    from storyclip_gui.core.manager import JobSpec
    from storyclip_gui.core.options import StoryOptions
    from tests.helpers.procs import processes_mentioning

    job = engine.manager.submit(JobSpec(str(source), StoryOptions(**OPTIONS)))
    while len(processes_mentioning(str(out))) < 2:
        if job.is_final:
            raise SystemExit(f"the job ended before two clips rendered: {job.error}")
        await asyncio.sleep(0.05)
    start = time.perf_counter()
    engine.manager.cancel(job.id)
    while processes_mentioning(str(out)):
        await asyncio.sleep(0.01)
    elapsed = time.perf_counter() - start
    await engine.manager.wait_until_idle()
    return elapsed


async def task_overhead(executor: Any, n: int) -> list[float]:
    """Seconds per trivial clip run through `executor`, one after another."""
    from storyclip_gui.core.executor import ClipCallbacks, ClipRun

    times = []
    for i in range(n):
        run = ClipRun("overhead", i, ["/bin/true"], "/nonexistent/.x.part", 0.0)
        start = time.perf_counter()
        result = await executor.render(run, ClipCallbacks())
        times.append(time.perf_counter() - start)
        assert result.outcome.exit_code == 0, result.outcome
    return times


async def bench(workdir: Path, address: str, rounds: int) -> None:
    from storyclip_gui.core.executor import LocalClipExecutor

    source = make_source(workdir / "media")
    with LagProbe() as idle:  # the machine's own noise floor: the loop with no job at all
        await asyncio.sleep(10)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    local_times: list[float] = []
    dask_times: list[float] = []
    lags: dict[str, LagProbe] = {}
    latencies: list[float] = []
    for r in range(rounds):
        for kind in ("local", "dask"):
            engine = engine_for(workdir / f"{kind}-{r}", kind, address)
            elapsed, lag = await run_job(engine, source)
            (local_times if kind == "local" else dask_times).append(elapsed)
            lags.setdefault(kind, LagProbe()).samples.extend(lag.samples)
            if kind == "dask":
                latencies.extend(engine.executor.latencies)
            await engine.stop()
            print(f"round {r + 1} {kind:5}: {elapsed:6.2f} s", flush=True)
    cancels = []
    for r in range(3):
        engine = engine_for(workdir / f"cancel-{r}", "dask", address)
        cancels.append(await cancel_time(engine, source, workdir / f"cancel-{r}" / "out"))
        await engine.stop()
    engine = engine_for(workdir / "overhead", "dask", address)
    local = await task_overhead(LocalClipExecutor(engine.runner), 60)
    remote = await task_overhead(engine.executor, 60)
    await engine.close_services()
    lo, da = statistics.median(local_times), statistics.median(dask_times)
    print()
    print(f"8-clip job, median of {rounds}: local {lo:.2f} s, cluster {da:.2f} s, "
          f"ratio {da / lo:.3f} (target <= 1.15)")
    print(f"per-task time, median of 60 trivial clips: local {statistics.median(local) * 1000:.1f}"
          f" ms, cluster {statistics.median(remote) * 1000:.1f} ms → cluster overhead "
          f"{(statistics.median(remote) - statistics.median(local)) * 1000:.1f} ms per clip "
          f"(cluster p90 {percentile(remote, 90) * 1000:.1f} ms)")  # fmt: skip
    print(f"event-loop lag with no job (noise floor): {idle.summary()}")
    print("cancel → every worker-side ffmpeg gone: "
          + ", ".join(f"{c * 1000:.0f} ms" for c in cancels) + " (target < 1 s)")
    for kind, probe in lags.items():
        print(f"event-loop lag while the {kind} job runs: {probe.summary()}")
    ms = [v * 1000 for v in latencies]
    print(f"worker → app progress latency: p50 {percentile(ms, 50):.1f} ms, p99 "
          f"{percentile(ms, 99):.1f} ms, max {max(ms):.1f} ms ({len(ms)} events); the job "
          "table repaints at most 100 ms later")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    import qasync
    from distributed import LocalCluster
    from PySide6.QtCore import QCoreApplication

    logging.getLogger("distributed").setLevel(logging.ERROR)  # after distributed set its own

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0", scheduler_port=0)  # fmt: skip
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            loop.run_until_complete(bench(workdir, cluster.scheduler_address, args.rounds))
    finally:
        cluster.close()
    print(f"load average at the end: {os.getloadavg()[0]:.1f}; work files in {workdir}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.ERROR)
    main()
