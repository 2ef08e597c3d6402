"""Learned ETA, measured: record a real mixed queue, then replay it against the estimator.

Run: python bench/bench_eta.py                  (replays bench/data/eta-queue.json)
     python bench/bench_eta.py --record [--jobs 10]   (runs a new queue first, ~5 min)

--record runs a mixed queue through the real engine (concurrency 2): sources of different
lengths and sizes, three qualities, two output sizes, and writes what happened to
bench/data/eta-queue.json — each job's options, media, clip plan, source size, when it started,
when each clip was verified (with how many jobs ran then), ffmpeg's live speed over time, and
when it finished. The replay feeds those events, in time order, to a fresh EtaEstimator on a
fake clock (the history starts empty, as on a new machine) and asks it, at 10 %, 50 % and 90 %
of each job's real duration, for that job's P50/P90; and at 10/50/90 % of the whole run, for
the queue's. It prints, against the truth (when the job really finished):
  - the median absolute error of the P50, as a fraction of the real time left, over the jobs
    that started after 3 jobs had finished (target <= 15 %), and over all jobs;
  - how often the truth is at most the P90 ("it will be done by then");
  - how often the truth is inside the band P50 ± (P90 - P50) (target >= 80 %), and, for
    comparison, inside [P50, P90] (a median is above the truth half the time, so that interval
    holds at most ~40 % of the truths when both are honest quantiles).
It exits 1 when the targets, over all checkpoints of the jobs after 3 finished, are missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyclip_gui.core.eta import EtaEstimator
from storyclip_gui.core.jobs import Clip, ClipState, Job, JobState
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.probe import MediaInfo

DATA = Path(__file__).parent / "data" / "eta-queue.json"
# (seconds, source size, output size, quality): mixed as a real afternoon's queue is
QUEUE = [(20, "1280x720", "720x1280", "low"), (40, "1920x1080", "1080x1920", "medium"),
         (30, "1280x720", "1080x1920", "medium"), (15, "1920x1080", "720x1280", "high"),
         (45, "1280x720", "720x1280", "medium"), (25, "1920x1080", "1080x1920", "low"),
         (35, "1280x720", "1080x1920", "high"), (20, "1920x1080", "720x1280", "medium"),
         (50, "1280x720", "720x1280", "low"), (30, "1920x1080", "1080x1920", "medium")]  # fmt: skip
CHECKPOINTS = (0.1, 0.5, 0.9)


# -- recording -----------------------------------------------------------------------------------
def record(jobs: int, out: Path) -> None:
    from storyclip_gui.app import build_engine, run_headless
    from storyclip_gui.config import load_settings
    from storyclip_gui.core.events import Event, EventKind
    from storyclip_gui.core.ffmpeg.locate import bundled_toolchain
    from storyclip_gui.core.manager import JobSpec

    work = Path(tempfile.mkdtemp(prefix="bench-eta-"))
    ffmpeg_path = bundled_toolchain().ffmpeg
    specs = []
    for n, (seconds, size, out_size, quality) in enumerate(QUEUE[:jobs]):
        source = work / f"src{n:02d}_{seconds}s_{size}.mp4"
        subprocess.run([ffmpeg_path, "-nostdin", "-y", "-f", "lavfi", "-i",
                        f"testsrc2=size={size}:rate=30:duration={seconds}", "-f", "lavfi",
                        "-i", f"sine=frequency=440:duration={seconds}", "-c:v", "libx264",
                        "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                        "-shortest", str(source)], check=True, capture_output=True)  # fmt: skip
        specs.append(
            JobSpec(
                str(source),
                StoryOptions.from_dict({"clip_seconds": 10, "size": out_size, "quality": quality}),
            )
        )
    settings = load_settings(overrides={"output_dir": work / "out", "temp_dir": work / "tmp",
                                        "data_dir": work / "data", "concurrency": 2})  # fmt: skip
    engine = build_engine(settings)
    timeline: dict[str, dict[str, Any]] = {}

    def on_event(event: Event) -> None:
        now, job = time.time(), engine.manager.get(event.job_id)
        if job is None:
            return
        entry = timeline.setdefault(job.id, {"speeds": [], "clipsDone": []})
        if event.kind is EventKind.CLIP_COMPLETED and event.clip is not None:
            entry["clipsDone"].append([now, event.clip["index"],
                                       len(engine.manager.running_ids)])  # fmt: skip
        elif job.speed:
            entry["speeds"].append([now, job.speed, job.media_left])

    engine.bus.subscribe(on_event)

    async def go() -> list[Job]:
        submitted = [engine.manager.submit(spec) for spec in specs]
        await engine.manager.wait_until_idle()
        return submitted

    done = run_headless(go, lambda: None)
    recorded = []
    for job in done:
        if job.state is not JobState.COMPLETED or job.media is None:
            raise SystemExit(f"{job.source}: {job.state.value} {job.error}")
        recorded.append({
            "id": job.id, "options": job.options.to_dict(), "sourceBytes":
            os.stat(job.source).st_size, "media": {"duration": job.media.duration,
            "width": job.media.width, "height": job.media.height,
            "codec": job.media.video_codec}, "clips": [[c.start, c.end] for c in job.clips],
            "createdAt": job.created_at, "startedAt": job.started_at,
            "finishedAt": job.finished_at, **timeline[job.id]})  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"recordedAt": time.time(), "concurrency": 2, "cpus":
                               os.cpu_count(), "loadavg": os.getloadavg(),
                               "jobs": recorded}, indent=1))  # fmt: skip
    print(f"recorded {len(recorded)} jobs in {out}")


# -- replay --------------------------------------------------------------------------------------
class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def rebuild(entry: dict[str, Any]) -> Job:
    media = entry["media"]
    job = Job(id=entry["id"], source=entry["id"], options=StoryOptions.from_dict(entry["options"]),
              output_root="/tmp", created_at=entry["createdAt"])  # fmt: skip
    job.media = MediaInfo(duration=media["duration"], width=media["width"],
                          height=media["height"], has_video=True,
                          video_codec=media["codec"], pix_fmt="yuv420p")  # fmt: skip
    return job


def replay(data: dict[str, Any]) -> dict[str, Any]:
    clock = Clock()
    sizes = {e["id"]: e["sourceBytes"] for e in data["jobs"]}
    estimator = EtaEstimator(clock=clock, size_of=lambda path: sizes.get(path, 0))
    jobs = {e["id"]: rebuild(e) for e in data["jobs"]}

    def lineup() -> tuple[list[Job], int]:  # as the manager gives it: running, then queued
        order = sorted(
            jobs.values(),
            key=lambda j: (j.state is not JobState.PROCESSING, j.started_at or 0, j.created_at),
        )
        return (
            [j for j in order if j.state in (JobState.PROCESSING, JobState.QUEUED)],
            data["concurrency"],
        )

    estimator.lineup = lineup
    entries = {e["id"]: e for e in data["jobs"]}
    events: list[tuple[float, int, str, Any]] = []  # (time, order, kind, payload)
    for e in data["jobs"]:
        events.append((e["startedAt"], 0, "start", e["id"]))
        for at, index, running in e["clipsDone"]:
            events.append((at, 1, "clip", (e["id"], index, running)))
        for at, speed, *left in e["speeds"]:
            events.append((at, 2, "speed", (e["id"], speed, left[0] if left else None)))
        events.append((e["finishedAt"], 3, "end", e["id"]))
        for q in CHECKPOINTS:
            at = e["startedAt"] + q * (e["finishedAt"] - e["startedAt"])
            events.append((at, 4, "ask", (e["id"], q)))
    first = min(e["createdAt"] for e in data["jobs"])
    last = max(e["finishedAt"] for e in data["jobs"])
    for q in CHECKPOINTS:
        events.append((first + q * (last - first), 5, "askqueue", q))
    events.sort(key=lambda ev: (ev[0], ev[1]))
    finished = 0
    answers: list[dict[str, Any]] = []
    queue_answers: list[dict[str, Any]] = []
    for at, _, kind, payload in events:
        clock.now = at
        if kind == "start":
            job = jobs[payload]
            job.transition(JobState.PROCESSING, now=at)
            job.clips = [Clip(i + 1, s, e, "") for i, (s, e) in
                         enumerate(entries[payload]["clips"])]  # fmt: skip
            estimator.job_started(job)
        elif kind == "clip":
            job_id, index, running = payload
            clip = jobs[job_id].clips[index - 1]
            clip.state = ClipState.VERIFIED
            estimator.clip_verified(jobs[job_id], clip.end - clip.start, running)
        elif kind == "speed":  # a progress event: the manager asks for the job's ETA on each
            job = jobs[payload[0]]
            job.speed, job.media_left = payload[1], payload[2]
            estimator.job_eta(job, sum(1 for j in jobs.values()
                                       if j.state is JobState.PROCESSING))  # fmt: skip
        elif kind == "end":
            jobs[payload].transition(JobState.COMPLETED, now=at)
            estimator.job_ended(jobs[payload])
            finished += 1
        elif kind == "ask":
            job_id, q = payload
            running = sum(1 for j in jobs.values() if j.state is JobState.PROCESSING)
            eta = estimator.job_eta(jobs[job_id], running)
            answers.append({"q": q, "finishedBefore": finished, "eta": eta,
                            "truth": entries[job_id]["finishedAt"] - at})  # fmt: skip
        else:
            left = [j for j in jobs.values() if j.state in (JobState.PROCESSING, JobState.QUEUED)]
            running = [j for j in left if j.state is JobState.PROCESSING]
            queued = sorted((j for j in left if j.state is JobState.QUEUED),
                            key=lambda j: j.created_at)  # fmt: skip
            eta = estimator.queue_eta([*running, *queued], data["concurrency"])
            queue_answers.append({"q": payload, "eta": eta, "truth": last - at})
    return {"jobs": answers, "queue": queue_answers}


def score(answers: list[dict[str, Any]]) -> dict[str, Any]:
    known = [a for a in answers if a["eta"] is not None and a["truth"] > 0]
    if not known:
        return {"n": 0}
    errors = [abs(a["eta"].p50_seconds - a["truth"]) / a["truth"] for a in known]
    under_p90 = [a["truth"] <= a["eta"].p90_seconds for a in known]
    in_band = [
        abs(a["truth"] - a["eta"].p50_seconds)
        <= max(a["eta"].p90_seconds - a["eta"].p50_seconds, 1e-9)
        for a in known
    ]
    between = [a["eta"].p50_seconds <= a["truth"] <= a["eta"].p90_seconds for a in known]
    return {
        "n": len(known),
        "unanswered": len(answers) - len(known),
        "medianError": statistics.median(errors),
        "underP90": sum(under_p90) / len(known),
        "inBand": sum(in_band) / len(known),
        "between": sum(between) / len(known),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--record", action="store_true", help="run a new queue first")
    parser.add_argument("--jobs", type=int, default=len(QUEUE))
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if args.record:
        record(args.jobs, args.data)
    data = json.loads(args.data.read_text())
    result = replay(data)
    print(
        f"queue: {len(data['jobs'])} jobs, concurrency {data['concurrency']}, recorded with "
        f"load average {data['loadavg'][0]:.1f} on {data['cpus']} CPUs"
    )
    print(
        f"{'':28}{'n':>4}{'median |P50 err|':>18}{'truth<=P90':>12}{'in band':>9}"
        f"{'P50<=truth<=P90':>17}"
    )
    for q in CHECKPOINTS:
        for label, picked in (
            (f"jobs at {q:.0%}, >=3 finished", [a for a in result["jobs"]
                                                 if a["q"] == q and a["finishedBefore"] >= 3]),
            (f"jobs at {q:.0%}, all", [a for a in result["jobs"] if a["q"] == q]),
        ):  # fmt: skip
            s = score(picked)
            if not s["n"]:
                print(f"{label:28}{0:>4}  (no estimate yet)")
                continue
            print(f"{label:28}{s['n']:>4}{s['medianError']:>17.1%}{s['underP90']:>12.0%}"
                  f"{s['inBand']:>9.0%}{s['between']:>17.0%}"
                  + (f"  ({s['unanswered']} unanswered)" if s["unanswered"] else ""))  # fmt: skip
    for a in result["queue"]:
        eta = a["eta"]
        shown = (f"P50 {eta.p50_seconds:6.1f} s  P90 {eta.p90_seconds:6.1f} s  "
                 f"({eta.unknown_jobs} jobs unknown)") if eta else "no estimate"  # fmt: skip
        print(f"queue at {a['q']:.0%}: truth {a['truth']:6.1f} s  {shown}")
    all_scores = score([a for a in result["jobs"] if a["finishedBefore"] >= 3])
    error, band = all_scores.get("medianError", 1.0), all_scores.get("inBand", 0.0)
    print(
        f"targets (>=3 finished, all checkpoints): median error <= 15 %: {error:.1%}; "
        f"in band >= 80 %: {band:.0%}"
    )
    sys.exit(0 if error <= 0.15 and band >= 0.8 else 1)


if __name__ == "__main__":
    main()
