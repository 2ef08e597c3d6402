"""Crash loop: kill -9 the headless engine at random moments while 3 jobs render, restart it.

Run: python bench/bench_crash_loop.py [--kills 20] [--seed 1] [--workdir DIR]

Each cycle starts `storyclip process --jobs 3` on three videos (4 clips each), waits until the
three jobs are processing, kills the app with SIGKILL after a random delay, sometimes starts
`storyclip resume` and kills that too, then runs `storyclip resume` to the end. After every kill
and every restart it checks: no ffmpeg of the killed app survives, nothing finished before the
kill changed in the history; at the end of a cycle: no job lost, every job completed with
exactly its planned clips (checked with ffmpeg), no temporary files anywhere. Every violation
is counted and named in the summary (the counts for docs/reliability.md); the script exits 1 if
there was any.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyclip_gui.core.ffmpeg.locate import locate  # noqa: E402
from storyclip_gui.core.probe import parse_ffmpeg_banner  # noqa: E402
from tests.helpers.procs import processes_mentioning, query, wait_for  # noqa: E402

CLIP_SECONDS = 2
SOURCE_SECONDS = 8
PLANNED = [(i + 1, float(i * CLIP_SECONDS), float((i + 1) * CLIP_SECONDS))
           for i in range(SOURCE_SECONDS // CLIP_SECONDS)]  # fmt: skip


@dataclass
class Kill:
    cycle: int
    command: str  # process | resume
    delay: float  # seconds after the three jobs were seen processing
    parts_on_disk: int  # hidden .part files present just before the kill (ffmpeg mid-write)
    clips_verified: int  # clips committed as verified at the kill, over the cycle's 3 jobs
    orphan_seconds: float  # how long until no process of the killed app was left


@dataclass
class Report:
    kills: list[Kill] = field(default_factory=list)
    missed: int = 0  # the random moment came after the run had already ended: not counted
    cycles: int = 0
    jobs: int = 0
    interrupted_jobs: int = 0  # jobs found unfinished after a kill (resumed by the next start)
    clips_checked: int = 0
    seconds: float = 0.0
    orphans: int = 0  # kills after which a process of the killed app outlived the 10 s wait
    violations: list[str] = field(default_factory=list)

    def summary(self) -> str:
        mid_write = sum(1 for k in self.kills if k.parts_on_disk)
        before_first = sum(1 for k in self.kills if k.clips_verified == 0)
        late = sum(1 for k in self.kills if k.clips_verified >= 6)
        resumes = sum(1 for k in self.kills if k.command == "resume")
        return (
            f"{len(self.kills)} kill -9 ({resumes} of them of `storyclip resume`), "
            f"{self.missed} late draws not counted, {self.cycles} cycles, {self.jobs} jobs, "
            f"{self.interrupted_jobs} jobs interrupted and resumed, {self.clips_checked} clips "
            f"checked with ffmpeg; kills with ffmpeg mid-write: {mid_write}; kills before any "
            f"clip was verified: {before_first}; with 6 or more of the 12 clips verified: {late}; "
            f"kills leaving an orphan process: {self.orphans} "
            f"(max {max((k.orphan_seconds for k in self.kills), default=0):.2f} s to be gone); "
            f"violations: {len(self.violations)}; {self.seconds:.0f} s"
            + "".join(f"\n  violation: {v}" for v in self.violations)
        )


def make_sources(ffmpeg: str, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for n in (1, 2, 3):
        path = folder / f"crash-{n}.mp4"
        if not path.exists():
            video = f"testsrc2=size=320x240:rate=30:duration={SOURCE_SECONDS}"
            tone = f"sine=frequency={220 * n}:duration={SOURCE_SECONDS}"
            subprocess.run([ffmpeg, "-nostdin", "-loglevel", "error", "-y",
                            "-f", "lavfi", "-i", video, "-f", "lavfi", "-i", tone,
                            "-c:v", "libx264", "-preset", "ultrafast", "-g", "15",
                            "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)],
                           check=True, capture_output=True)  # fmt: skip
        sources.append(path)
    return sources


class CrashLoop:
    def __init__(self, workdir: Path, ffmpeg: str, seed: int, log: Callable[[str], None]):
        self.workdir = workdir
        self.ffmpeg = ffmpeg
        self.rng = random.Random(seed)
        self.log = log
        self.data = workdir / "data"
        self.db = self.data / "storyclip.db"
        self.temp = workdir / "temp"
        self.sources = make_sources(ffmpeg, workdir / "sources")
        self.env = {**os.environ, "STORYCLIP_DATA_DIR": str(self.data),
                    "TEMP_DIR": str(self.temp), "STORYCLIP_CONCURRENCY": "3",
                    "STORYCLIP_FFMPEG": ffmpeg, "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
        self.window = 4.0  # seconds the 3 jobs take once processing (measured by calibrate)
        self.report = Report()

    def check(self, ok: object, what: str) -> bool:
        """Count a violation (and go on: one broken cycle must not hide the others)."""
        if not ok:
            self.report.violations.append(what)
            self.log(f"VIOLATION: {what}")
        return bool(ok)

    def storyclip(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "storyclip_gui", *args]

    def cycle_jobs(self, out: Path) -> list[tuple[Any, ...]]:
        return query(self.db, "SELECT id, state, clips_verified, attempts FROM job "
                              "WHERE output_root = ?", str(out))  # fmt: skip

    def finished_snapshot(self) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """Every finished job's row and its clips' rows, as stored."""
        if not self.db.exists():
            return [], []
        final = "('completed', 'failed', 'cancelled')"
        rows = query(self.db, f"SELECT * FROM job WHERE state IN {final} ORDER BY id")
        clips = query(self.db, "SELECT c.* FROM clip c JOIN job j ON j.id = c.job_id "
                               f"WHERE j.state IN {final} ORDER BY c.id")  # fmt: skip
        return rows, clips

    def run(self, kills: int) -> Report:
        started = time.monotonic()
        self.calibrate()
        while len(self.report.kills) < kills:
            self.cycle(kills)
        self.report.seconds = time.monotonic() - started
        return self.report

    def process_args(self, out: Path) -> list[str]:
        return ["process", "--jobs", "3", "--output-dir", str(out), "--json", "--clip-seconds",
                str(CLIP_SECONDS), "--size", "720x1280", "--quality", "low",
                *map(str, self.sources)]  # fmt: skip

    def calibrate(self) -> None:
        """One uninterrupted run: the random moments are drawn over its length."""
        out = self.workdir / "out" / "calibration"
        proc = subprocess.Popen(self.storyclip(*self.process_args(out)), cwd=ROOT, env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL)  # fmt: skip

        def processing() -> bool:
            return self.db.exists() and any(r[1] == "processing" for r in self.cycle_jobs(out))

        wait_for(processing, 120, "the calibration run's jobs processing")
        started = time.monotonic()
        assert proc.wait(timeout=300) == 0, "the calibration run failed"
        self.window = time.monotonic() - started
        self.log(f"calibration: the 3 jobs take {self.window:.2f} s once processing")
        self.check_cycle(0, out)

    def cycle(self, kills: int) -> None:
        n = self.report.cycles = self.report.cycles + 1
        out = self.workdir / "out" / f"cycle-{n:02d}"
        self.kill_at_random(n, "process", self.process_args(out), out)
        if len(self.report.kills) < kills and self.rng.random() < 0.5:
            self.kill_at_random(n, "resume", ["resume", "--json"], out)
        self.finish(n, out)

    def kill_at_random(self, n: int, command: str, args: list[str], out: Path) -> None:
        before = self.finished_snapshot()
        proc = subprocess.Popen(self.storyclip(*args), cwd=ROOT, env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL)  # fmt: skip

        def processing() -> bool:
            if proc.poll() is not None:
                return True  # ended on its own (counted as a late draw below)
            rows = self.cycle_jobs(out) if self.db.exists() else []
            running = [r for r in rows if r[1] == "processing"]
            waiting = [r for r in rows if r[1] != "completed"]
            return len(rows) == 3 and bool(running) and len(running) == len(waiting)

        wait_for(processing, 120, f"cycle {n}: the jobs processing under `storyclip {command}`")
        delay = self.rng.uniform(0, self.window)
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)  # the random moment; polling so a finished run is noticed
        parts = len(list(out.rglob(".*.part")))
        if proc.poll() is not None:
            self.report.missed += 1
            self.log(f"cycle {n}: {command} ended before its random moment ({delay:.2f} s)")
            return
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed_at = time.monotonic()
        try:
            wait_for(lambda: not processes_mentioning(str(out)), 10, "the killed app's processes")
        except AssertionError:
            self.report.orphans += 1
            self.check(False, f"cycle {n}: {processes_mentioning(str(out))} outlived the kill")
        orphan_seconds = time.monotonic() - killed_at
        rows = self.cycle_jobs(out)
        verified = sum(r[2] for r in rows)
        kill = Kill(n, command, round(delay, 2), parts, verified, round(orphan_seconds, 3))
        self.report.kills.append(kill)
        self.log(f"kill {len(self.report.kills)}: {kill}")
        self.assert_unchanged(before, "a kill changed finished history")

    def finish(self, n: int, out: Path) -> None:
        before = self.finished_snapshot()
        unfinished = [r[0] for r in self.cycle_jobs(out) if r[1] != "completed"]
        result = subprocess.run(self.storyclip("resume", "--json"), cwd=ROOT, env=self.env,
                                capture_output=True, text=True, timeout=300,
                                stdin=subprocess.DEVNULL)  # fmt: skip
        self.check(result.returncode == 0, f"cycle {n}: resume exited {result.returncode}: "
                   f"{result.stderr[-500:]}")  # fmt: skip
        resumed = json.loads(result.stdout) if result.stdout.strip() else []
        self.check(sorted(r["jobId"] for r in resumed) == sorted(unfinished),
                   f"cycle {n}: resume ran {[r['jobId'] for r in resumed]}, not {unfinished}")
        self.check(all(r["status"] == "completed" for r in resumed),
                   f"cycle {n}: resumed jobs ended {[r['status'] for r in resumed]}")
        self.report.interrupted_jobs += len(unfinished)
        self.assert_unchanged(before, "finished history changed")
        self.check_cycle(n, out)

    def assert_unchanged(self, before: tuple[list[Any], list[Any]], what: str) -> None:
        """Jobs finished before stay exactly as stored (jobs that finished since may be added)."""
        jobs_after, clips_after = self.finished_snapshot()
        old = {row[0] for row in before[0]}
        self.check([r for r in jobs_after if r[0] in old] == before[0], f"{what} (jobs)")
        self.check([c for c in clips_after if c[1] in old] == before[1], f"{what} (clips)")

    def check_cycle(self, n: int, out: Path) -> None:
        jobs = query(self.db, "SELECT id, state, output_dir, attempts FROM job "
                              "WHERE output_root = ?", str(out))  # fmt: skip
        self.check(len(jobs) == 3, f"cycle {n}: a job was lost: {jobs}")
        self.report.jobs += len(jobs)
        for job_id, state, output_dir, attempts in jobs:
            if not self.check(state == "completed" and 1 <= attempts <= 3,
                              f"cycle {n}: job {job_id} {state} after {attempts} attempts"):
                continue
            clips = query(self.db, "SELECT idx, start_s, end_s, path, state FROM clip "
                                   "WHERE job_id = ? ORDER BY idx", job_id)  # fmt: skip
            self.check([(i, s, e) for i, s, e, _, _ in clips] == PLANNED,
                       f"cycle {n}: job {job_id} clips {clips} are not the plan")
            self.check(all(state == "verified" for *_, state in clips),
                       f"cycle {n}: job {job_id} has unverified clips")
            names = sorted(p.name for p in Path(output_dir).iterdir())
            expected = sorted([Path(p).name for _, _, _, p, _ in clips] + ["manifest.json"])
            self.check(names == expected, f"cycle {n}: not exactly the planned clips: {names}")
            for _, start, end, path, _ in clips:
                banner = subprocess.run([self.ffmpeg, "-hide_banner", "-i", path],
                                        capture_output=True, text=True).stderr  # fmt: skip
                info = parse_ffmpeg_banner(banner)
                self.check(info.display_size == (720, 1280) and info.has_audio
                           and abs((info.duration or 0) - (end - start)) <= 1 / 30 + 0.011,
                           f"cycle {n}: {path} is not the planned clip: {banner[-300:]}")
                self.report.clips_checked += 1
        self.check(not list(out.rglob(".*")), f"cycle {n}: temporary files left")
        self.check(not [p for p in self.temp.rglob("*") if p.is_file()],
                   f"cycle {n}: temp folder not empty")
        self.check(not processes_mentioning(str(out)), f"cycle {n}: a process still runs")


def crash_loop(kills: int, workdir: Path, ffmpeg: str | None = None, seed: int = 1,
               log: Callable[[str], None] = print) -> Report:  # fmt: skip
    """Run the loop until `kills` kills have landed; violations are in the report."""
    return CrashLoop(workdir, ffmpeg or locate().ffmpeg, seed, log).run(kills)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, help="keep the files here (default: a temp dir)")
    args = parser.parse_args()
    if args.workdir:
        report = crash_loop(args.kills, args.workdir, seed=args.seed)
    else:
        with tempfile.TemporaryDirectory(prefix="storyclip-crash-") as tmp:
            report = crash_loop(args.kills, Path(tmp), seed=args.seed)
    print(report.summary())
    return 1 if report.violations else 0


if __name__ == "__main__":
    sys.exit(main())
