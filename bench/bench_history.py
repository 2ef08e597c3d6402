"""History benchmark: a database of 1,000,000 jobs (and their clips), timed through the store.

Run: python bench/bench_history.py [--jobs 1000000] [--db PATH] [--repeat 5]
Fills a fresh file (or reuses --db when it already holds the jobs), then prints the median time
of: the first page (target < 100 ms), a filtered search (target < 300 ms), a deep keyset page,
the statistics query, and one state-change commit. Every answer is checked against plain SQL
on the same file (the right jobs in the right order, with their clips; the same counts and
p95); a wrong one is printed and makes the script exit 1. The machine may be shared: run twice.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyclip_gui.core.history import HistoryPager
from storyclip_gui.core.jobs import Job, JobState
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.ports import HistoryPage, HistoryQuery, HistoryStats
from storyclip_gui.store import open_store
from storyclip_gui.store.migrations import source_name

WORDS = ["talk", "holiday", "lecture", "interview", "podcast", "wedding", "demo", "game",
         "match", "concert", "tutorial", "vlog", "review", "keynote", "trip", "party"]  # fmt: skip
STATES = ["completed"] * 85 + ["failed"] * 8 + ["cancelled"] * 5 + ["queued"] * 2
CODES = ["invalid_input", "disk_full", "stalled", "ffmpeg_error", "verification_failed"]


def fill(path: Path, jobs: int, seed: int = 1) -> None:
    """Insert `jobs` jobs with 1-6 clips each, created over about three years."""
    open_store(path).close()  # the real schema, through the migrations
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA synchronous = OFF")  # a bulk load; the app never writes like this
    rng = random.Random(seed)
    options = json.dumps(StoryOptions().to_dict())
    start = time.time() - 3 * 365 * 86400
    step = 3 * 365 * 86400 / jobs
    batch = 20_000
    for first in range(0, jobs, batch):
        job_rows, clip_rows = [], []
        for n in range(first, min(jobs, first + batch)):
            created = start + n * step + rng.random() * step
            state = rng.choice(STATES)
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}.mp4"
            source = f"/home/user/Videos/{name}"
            clips = rng.randint(1, 6)
            took = rng.uniform(5, 300)
            final = state != "queued"
            verified = clips if state == "completed" else 0
            job_id = f"{n:016x}"
            job_rows.append((
                job_id, source, source_name(source), state, "done" if final else "waiting",
                100.0 if state == "completed" else 0.0, "", options, "/out", f"/out/{n}",
                rng.choice(CODES) if state == "failed" else None,
                "failed" if state == "failed" else None, None, None,
                clips * 15.0 if state == "completed" else None, "[]", None, None, 1, None,
                verified, verified, clips, None, None, None,
                took if final else None, created, created + 1 if final else None,
                created + 1 + took if final else None, created + 1 + took,
            ))  # fmt: skip
            for i in range(1, clips + 1):
                clip_rows.append((job_id, i, (i - 1) * 15.0, i * 15.0, f"/out/{n}/{n}_{i:02d}.mp4",
                                  "verified" if verified else "planned"))  # fmt: skip
        con.execute("BEGIN")
        con.executemany(f"INSERT INTO job (id, source, source_name, state, phase, progress, "
                        f"message, options, output_root, output_dir, error_code, error_message, "
                        f"error_detail, media, media_seconds, commands, pid, owner, attempts, "
                        f"parent_id, clips_generated, clips_verified, clips_total, speed, fps, "
                        f"eta_seconds, processing_seconds, created_at, started_at, finished_at, "
                        f"updated_at) VALUES ({','.join('?' * 31)})", job_rows)  # fmt: skip
        con.executemany("INSERT INTO clip (job_id, idx, start_s, end_s, path, state) "
                        "VALUES (?, ?, ?, ?, ?, ?)", clip_rows)  # fmt: skip
        con.execute("COMMIT")
    con.execute("ANALYZE")
    con.close()


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="reuse (or create) this file")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="storyclip-bench-")) / "storyclip.db"
    existing = 0
    if path.exists():
        with sqlite3.connect(path) as con:
            existing = con.execute("SELECT count(*) FROM job").fetchone()[0]
    if existing != args.jobs:
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        fill(path, args.jobs)
        print(f"filled {args.jobs:,} jobs in {time.perf_counter() - started:.1f} s → {path}")
    store = open_store(path)
    oracle = sqlite3.connect(path)  # plain SQL written here: shares no code with the store
    clips = oracle.execute("SELECT count(*) FROM clip").fetchone()[0]
    size = path.stat().st_size / 2**20
    print(f"database: {args.jobs:,} jobs, {clips:,} clips, {size:.0f} MiB; median of "
          f"{args.repeat} runs; every answer checked against plain SQL\n")
    wrong: list[str] = []

    def report(label: str, ms: float, target: float | None, detail: str,
               problem: str | None = None) -> None:  # fmt: skip
        verdict = "" if target is None else (
            f"target < {target:g} ms: {'OK' if ms < target else 'MISSED'}")
        print(f"{label:<34} {ms:9.1f} ms   {verdict:<28} {detail}")
        if problem:
            wrong.append(f"{label}: {problem}")
            print(f"{'':34} WRONG: {problem}")

    def ids(where: str = "", params: tuple[object, ...] = (), offset: int = 0) -> list[str]:
        return [r[0] for r in oracle.execute(
            f"SELECT id FROM job {where} ORDER BY created_at DESC, id DESC LIMIT 100 OFFSET ?",
            (*params, offset))]  # fmt: skip

    def page_problem(page: HistoryPage, expected: list[str]) -> str | None:
        got = [j.id for j in page.jobs]
        if got != expected:
            return f"{len(got)} jobs, {len(set(got) ^ set(expected))} differ from the SQL answer"
        clip_counts = dict(oracle.execute(
            f"SELECT job_id, count(*) FROM clip WHERE job_id IN ({','.join('?' * len(got))}) "
            "GROUP BY job_id", got))  # fmt: skip
        bad = [j.id for j in page.jobs if len(j.clips) != clip_counts.get(j.id, 0)]
        return f"clips missing on {len(bad)} jobs" if bad else None

    ms, page = timed(lambda: store.history(HistoryQuery(limit=100)), args.repeat)
    report("first page (100 newest)", ms, 100,
           f"{len(page.jobs)} jobs, {sum(len(j.clips) for j in page.jobs)} clips",
           page_problem(page, ids()))  # fmt: skip

    pager = HistoryPager(store, HistoryQuery(limit=100))
    for _ in range(50):  # walk 50 pages in to find a deep cursor
        pager.next_page()
    deep = replace(pager.query, before=pager.cursor)
    ms, page = timed(lambda: store.history(deep), args.repeat)
    report("page 51 by keyset cursor", ms, 100, f"{len(page.jobs)} jobs",
           page_problem(page, ids(offset=5000)))  # fmt: skip

    year_ago = time.time() - 365 * 86400
    search = HistoryQuery(limit=100, states=frozenset({JobState.FAILED}), search="holiday",
                          since=year_ago)  # fmt: skip
    ms, page = timed(lambda: store.history(search), args.repeat)
    expected = ids("WHERE state = 'failed' AND instr(lower(source), 'holiday') > 0 "
                   "AND created_at >= ?", (year_ago,))  # fmt: skip
    report("failed + 'holiday' + last year", ms, 300, f"{len(page.jobs)} jobs",
           page_problem(page, expected))  # fmt: skip
    rare = HistoryQuery(limit=100, search="wedding concert 4242")
    ms, page = timed(lambda: store.history(rare), args.repeat)
    expected = ids("WHERE instr(lower(source), 'wedding concert 4242') > 0")
    report("search that matches ~1 row", ms, 300,
           f"{len(page.jobs)} jobs (reads the whole created_at index)",
           page_problem(page, expected))  # fmt: skip

    def stats_problem(stats: HistoryStats, since: float | None) -> str | None:
        where, params = ("WHERE created_at >= ?", (since,)) if since else ("", ())
        counts = dict(oracle.execute(f"SELECT state, count(*) FROM job {where} GROUP BY state",
                                     params))  # fmt: skip
        busy = sorted(r[0] for r in oracle.execute(
            f"SELECT processing_seconds FROM job {where} {'AND' if where else 'WHERE'} "
            "state = 'completed' AND processing_seconds IS NOT NULL", params))  # fmt: skip
        p95 = busy[math.ceil(0.95 * len(busy)) - 1] if busy else None
        verified = oracle.execute(f"SELECT total(clips_verified) FROM job {where}",
                                  params).fetchone()[0]  # fmt: skip
        problems = [name for name, ok in (
            ("counts", stats.counts == counts), ("p95", stats.p95_processing_seconds == p95),
            ("clips", stats.clips_generated == int(verified)),
        ) if not ok]  # fmt: skip
        return f"{', '.join(problems)} differ from the SQL answer" if problems else None

    ms, stats = timed(store.stats, args.repeat)
    report("statistics (whole history)", ms, None,
           f"{sum(stats.counts.values()):,} jobs, p95 {stats.p95_processing_seconds:.0f} s, "
           f"speed {stats.mean_speed:.2f}x", stats_problem(stats, None))  # fmt: skip
    ms, stats = timed(lambda: store.stats(since=year_ago), args.repeat)
    report("statistics (last year)", ms, None, f"{sum(stats.counts.values()):,} jobs",
           stats_problem(stats, year_ago))  # fmt: skip

    job = Job(id="bench-commit", source="/tmp/x.mp4", options=StoryOptions(), output_root="/o")
    store.add(job)
    job.transition(JobState.PROCESSING)
    ms, _ = timed(lambda: store.save(job), args.repeat)
    stored = oracle.execute("SELECT state FROM job WHERE id = ?", (job.id,)).fetchone()
    report("one state-change commit (FULL)", ms, None, "fsync of the WAL included",
           None if stored == ("processing",) else f"stored as {stored}")  # fmt: skip
    store.close()
    oracle.close()
    if wrong:
        print(f"\nFAILED: {len(wrong)} wrong answers")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
