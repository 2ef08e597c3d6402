"""Window benchmark: 10,000 jobs in the table while 1,000 progress events/s arrive.

Run: python bench/bench_table.py [--jobs 10000] [--rate 1000] [--seconds 20]
Prints, for each scenario, the UI thread's CPU share (thread CPU time / wall time), the event
loop's lag p50/p99 (a 20 ms QTimer probe's lateness), and the process RSS; then the time from
launching a fresh interpreter to the window being shown. Targets (issue 5): CPU <= 25 % of a
core, lag p99 < 50 ms, RSS < 250 MB, launch < 1.5 s. After each window scenario the table is
checked against the jobs (every shown row's progress, the rows the text filter keeps, the sort
order once the re-sort is due); any wrong row makes the script exit 1.

Progress events take the production path: JobManager's progress hook (the one the pipeline calls
for every ffmpeg progress block) → Job.to_dict() → EventBus → JobSignals → JobTableModel. The
"baseline" scenario runs the same events with no window, so the window's own share is the
difference.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def isolate() -> Path:
    root = Path(tempfile.mkdtemp(prefix="storyclip-bench-"))
    for name in ("STORYCLIP_DATA_DIR", "OUTPUT_DIR", "TEMP_DIR"):
        os.environ[name] = str(root / name.lower())
    os.environ["HOME"] = str(root / "home")
    return root


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return 0.0
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def run_scenario(app, engine, jobs, window, rate: int, seconds: float) -> dict[str, float]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    manager = engine.manager
    rng = random.Random(7)
    batch = max(1, rate // 100)  # 10 ms ticks
    lags: list[float] = []
    probe_clock = QElapsedTimer()
    state = {"last": 0.0, "sent": 0}

    def tick() -> None:
        for _ in range(batch):
            job = jobs[rng.randrange(len(jobs))]
            job.progress = (job.progress + 0.7) % 100
            job.message = f"Generated {int(job.progress) // 20} of 5 clips"
            manager._on_progress(job)  # the pipeline's progress hook
        state["sent"] += batch

    def probe() -> None:
        now = probe_clock.nsecsElapsed() / 1e6
        if state["last"]:
            lags.append(max(0.0, now - state["last"] - 20.0))
        state["last"] = now

    feeder, prober = QTimer(), QTimer()
    feeder.setTimerType(feeder.timerType().PreciseTimer)
    prober.setTimerType(prober.timerType().PreciseTimer)
    feeder.timeout.connect(tick)
    prober.timeout.connect(probe)
    probe_clock.start()
    wall0, cpu0, proc0 = time.perf_counter(), time.thread_time(), time.process_time()
    feeder.start(10)
    prober.start(20)
    waiting = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), waiting.quit)
    waiting.exec()  # a real Qt event loop: blocks in poll() between events, like the app
    feeder.stop()
    prober.stop()
    wall = time.perf_counter() - wall0
    result = {
        "events_per_s": state["sent"] / wall,
        "ui_cpu_pct": 100 * (time.thread_time() - cpu0) / wall,
        "process_cpu_pct": 100 * (time.process_time() - proc0) / wall,
        "lag_p50_ms": percentile(lags, 50),
        "lag_p99_ms": percentile(lags, 99),
        "lag_max_ms": max(lags, default=0.0),
        "rss_mb": rss_mb(),
    }
    if window is not None:
        settle = QEventLoop()
        QTimer.singleShot(1200, settle.quit)  # past the once-a-second re-sort: it must run
        settle.exec()
        window.model.flush()
        result["wrong_rows"] = check_table(window, jobs)
    return result


def check_table(window, jobs) -> float:
    """What the table shows against the jobs themselves: the progress of every job, the rows a
    filter keeps, the sort order. Returns how many rows are wrong (0 when all is right)."""
    from PySide6.QtCore import Qt

    from storyclip_gui.ui.job_table_model import COL_PROGRESS, JOB_ROLE

    model = window.model
    text = window.text_filter.text().strip().casefold()
    expected = {job.id for job in jobs if text in job.source.rsplit("/", 1)[-1].casefold()}
    shown = [model.index(row, 0).data(JOB_ROLE) for row in range(model.rowCount())]
    wrong = len({row["jobId"] for row in shown} ^ expected)
    by_id = {job.id: job for job in jobs}
    wrong += sum(1 for row in shown if row["progress"] != round(by_id[row["jobId"]].progress, 1))
    header = window.table.horizontalHeader()
    if header.sortIndicatorSection() == COL_PROGRESS:
        values = [row["progress"] for row in shown]
        if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
            values.reverse()
        wrong += sum(1 for a, b in itertools.pairwise(values) if a > b)
    return float(wrong)


def bench(n_jobs: int, rate: int, seconds: float) -> float:
    """Run the scenarios; returns how many rows the window showed wrongly (0: all right)."""
    isolate()
    import qasync
    from PySide6.QtWidgets import QApplication

    from storyclip_gui.app import build_engine
    from storyclip_gui.config import load_settings
    from storyclip_gui.core.manager import JobSpec
    from storyclip_gui.core.memory_store import MemoryJobStore
    from storyclip_gui.ui.application import prepare_application
    from storyclip_gui.ui.job_table_model import COL_PROGRESS
    from storyclip_gui.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    print(f"{n_jobs} jobs, {rate} progress events/s, {seconds:g} s per scenario; "
          f"RSS at start {rss_mb():.0f} MB")  # fmt: skip

    engine = build_engine(load_settings(), store=MemoryJobStore(), recover=False)
    engine.manager.pause()
    t0 = time.perf_counter()
    jobs = [engine.manager.submit(JobSpec(f"/videos/source-{i:05d}.mp4")) for i in range(n_jobs)]
    print(f"registered {n_jobs} jobs without a window in {time.perf_counter() - t0:.2f} s")
    baseline = run_scenario(app, engine, jobs, None, rate, seconds)
    report("baseline: events only, no window", baseline)

    engine = build_engine(load_settings(), store=MemoryJobStore(), recover=False)
    engine.manager.pause()
    prepare_application(app, engine)
    window = MainWindow(engine, confirm_quit=lambda _n: True)
    window.resize(1280, 800)
    window.show()
    t0 = time.perf_counter()
    jobs = [engine.manager.submit(JobSpec(f"/videos/source-{i:05d}.mp4")) for i in range(n_jobs)]
    app.processEvents()
    print(f"registered {n_jobs} jobs into the window in {time.perf_counter() - t0:.2f} s "
          f"({window.model.rowCount()} rows)")  # fmt: skip
    wrong = report("window, table in queue order",
                   run_scenario(app, engine, jobs, window, rate, seconds))  # fmt: skip
    window.table.sortByColumn(COL_PROGRESS, window.table.horizontalHeader().sortIndicatorOrder())
    wrong += report("window, table sorted by progress",
                    run_scenario(app, engine, jobs, window, rate, seconds))  # fmt: skip
    window.text_filter.setText("source-01")  # source-01000 … source-01999: hides 9 rows in 10
    shown = window.model.rowCount()
    wrong += report(f"window, sorted + text filter ({shown} rows)",
                    run_scenario(app, engine, jobs, window, rate, seconds))  # fmt: skip
    return wrong


def report(name: str, r: dict[str, float]) -> float:
    print(f"{name:38s} events/s {r['events_per_s']:6.0f}  UI thread CPU {r['ui_cpu_pct']:5.1f} %"
          f"  (process {r['process_cpu_pct']:5.1f} %)  lag p50 {r['lag_p50_ms']:5.1f} ms"
          f"  p99 {r['lag_p99_ms']:5.1f} ms  max {r['lag_max_ms']:5.1f} ms"
          f"  RSS {r['rss_mb']:4.0f} MB")  # fmt: skip
    if "wrong_rows" in r:
        print(f"{'':38s} table checked against the jobs: {r['wrong_rows']:.0f} rows wrong")
    return r.get("wrong_rows", 0.0)


LAUNCH_PROBE = """
import os, sys, time
start = float(sys.argv[1])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
import qasync, asyncio
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.ui.application import open_window
app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)
engine = build_engine(load_settings())
window = open_window(app, engine, [])
def shown():
    print(f"{time.time() - start:.3f} {window.isVisible()}")
    app.exit(0)
QTimer.singleShot(0, shown)  # runs after the first paint events of the shown window
app.exec()
"""


def launch_times(rounds: int) -> list[float]:
    """Fresh interpreter → window shown, doing what run_gui does (SQLite store included)."""
    times = []
    root = Path(__file__).resolve().parents[1]
    for _ in range(rounds):
        env = dict(os.environ)
        start = time.time()
        out = subprocess.run([sys.executable, "-c", LAUNCH_PROBE, str(start)], cwd=root,
                             env=env, capture_output=True, text=True, check=True)  # fmt: skip
        seconds, visible = out.stdout.split()
        assert visible == "True", out.stdout
        times.append(float(seconds))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=10_000)
    parser.add_argument("--rate", type=int, default=1_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--launch-rounds", type=int, default=5)
    args = parser.parse_args()
    isolate()
    times = launch_times(args.launch_rounds)
    print(f"launch → window shown: median {sorted(times)[len(times) // 2]:.2f} s, "
          f"best {min(times):.2f} s, worst {max(times):.2f} s ({len(times)} runs)")  # fmt: skip
    wrong = bench(args.jobs, args.rate, args.seconds)
    if wrong:
        print(f"FAILED: the table showed {wrong:.0f} rows wrongly")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
