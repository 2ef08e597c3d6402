"""Smart clips benchmark: what the analysis phases cost beside the render they steer.

Run: python bench/bench_smart.py [--part cuts|framing|all] [--builds bundled,system]
                                 [--rounds 1] [--quick] [--no-app]

On the 60 s 1920x1080 30 fps benchmark source of bench/bench_engine.py (`--quick`: 20 s).

Cuts part (cuts smart; target analysis / render <= 0.15), bundled build, side by side:
  (1) the cut analysis the app runs (core/analysis.analysis_argv: scdet on 160 px frames +
      silencedetect, one decode) vs the fixed-cut render (the per-clip argvs the app runs for
      1080x1920 crop clips, raw ffmpeg): ratio of wall times, CPU seconds beside them;
  (2) PySceneDetect (ContentDetector, OpenCV backend, its default downscaling) on the same
      source, for the choice between the two (docs/user-guide.md, "Smart cuts");
  (3) both detectors on a source with known scene changes (tests/helpers/smart_media.py);
  (4) unless --no-app: the app end to end, fixed vs smart cuts, wall time of each job.

Framing part (layout smart), through the real engine, side by side in one run:
  - the centre-crop job (layout crop): its wall time is the baseline;
  - the smart job: the time of its analysing phase (the framing detector: ffmpeg decode of
    sampled, downscaled frames + OpenCV, a process of its own) and of its render (generating
    and verifying the clips), read from the job's own events;
  - ratio analysis / render (target <= 0.30), and smart job / centre job.
The machine is shared: compare ratios, don't trust absolute seconds. Each time is the best of
`--rounds`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_engine import (
    Build,
    Timing,
    _cpu,
    best,
    completed,
    engine_state,
    loadavg,
    make_source,
    pass_self_test,
    per_clip_argvs,
    prepare,
    resolve_build,
    run_app,
    run_argvs,
)

from storyclip_gui.app import build_engine, run_headless
from storyclip_gui.config import load_settings
from storyclip_gui.core.analysis import AnalysisParser, analysis_argv
from storyclip_gui.core.ffmpeg.locate import bundled_toolchain
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from tests.helpers.smart_media import SMART_TRUTH, make_smart_source

CUTS_TARGET = 0.15
FRAMING_TARGET = 0.30
FIXED = StoryOptions(clip_seconds=15, quality="medium")  # bench_engine's: 1080x1920 crop
CENTRE = StoryOptions(clip_seconds=15, quality="medium", layout="crop")
SMART = StoryOptions(clip_seconds=15, quality="medium", layout="smart")


def run_job(build: Build, work: Path, tag: str, source: Path,
            options: StoryOptions) -> dict[str, float]:  # fmt: skip
    """Run one job through the engine; the seconds it spent in each phase, and in all."""
    settings = load_settings(overrides={"ffmpeg": build.ffmpeg, "output_dir": work / tag,
                                        "temp_dir": work / "tmp",
                                        "data_dir": build.data_dir})  # fmt: skip
    engine = build_engine(settings)
    entered: dict[str, float] = {}

    def on_event(event: Any) -> None:
        entered.setdefault(event.job["phase"], time.perf_counter())

    engine.bus.subscribe(on_event)

    async def go() -> Any:
        start = time.perf_counter()
        job = engine.manager.submit(JobSpec(str(source), options))
        await engine.manager.wait_until_idle()
        return job, start, time.perf_counter()

    job, start, end = run_headless(go, lambda: None)
    if job.state.value != "completed":
        raise SystemExit(f"{tag}: the job failed: {job.error}")
    generating = entered.get("generating", end)
    return {"total": end - start,
            "analysis": generating - entered["analysing"] if "analysing" in entered else 0.0,
            "render": end - generating}  # fmt: skip


def framing_part(builds: list[Build], source: Path, seconds: int, rounds: int,
                 work: Path) -> bool:  # fmt: skip
    print(f"\nFraming (layout smart) on {seconds} s 1920x1080 30 fps, 15 s clips at 1080x1920, "
          f"x264 veryfast CRF 23; best of {rounds}")  # fmt: skip
    ok = True
    for build in builds:
        centre: list[dict[str, float]] = []
        smart: list[dict[str, float]] = []
        for r in range(rounds):
            centre.append(run_job(build, work, f"{build.name}-centre-{r}", source, CENTRE))
            smart.append(run_job(build, work, f"{build.name}-smart-{r}", source, SMART))
            print(f"  round {r + 1} {build.name}: centre {centre[-1]['total']:.1f} s; smart "
                  f"analysis {smart[-1]['analysis']:.1f} s + render {smart[-1]['render']:.1f} s "
                  f"[load {loadavg()}]")  # fmt: skip
        c = min(centre, key=lambda t: t["total"])
        s = min(smart, key=lambda t: t["analysis"] / t["render"])
        ratio = s["analysis"] / s["render"]
        verdict = "ok" if ratio <= FRAMING_TARGET else "OVER TARGET"
        ok &= ratio <= FRAMING_TARGET
        print(f"  {build.name:8} analysis / render: {ratio:.3f} ({s['analysis']:.1f} / "
              f"{s['render']:.1f} s; target <= {FRAMING_TARGET}) {verdict}")  # fmt: skip
        print(f"  {build.name:8} centre-crop baseline: job {c['total']:.1f} s, render "
              f"{c['render']:.1f} s; smart job {s['total']:.1f} s = "
              f"{s['total'] / c['total']:.2f} x the centre crop")  # fmt: skip
    return ok


def timed(fn: Any) -> tuple[Any, Timing]:
    wall, cpu = time.perf_counter(), _cpu()
    result = fn()
    return result, Timing(time.perf_counter() - wall, _cpu() - cpu)


def ffmpeg_analysis(ffmpeg: str, source: Path) -> tuple[list[float], int]:
    """The app's analysis pass: scene change times, number of silences."""
    out = subprocess.run(analysis_argv(ffmpeg, str(source), has_audio=True), check=True,
                         capture_output=True, stdin=subprocess.DEVNULL)  # fmt: skip
    parser = AnalysisParser()
    parser.feed(out.stderr)
    found = parser.finish()
    return [t for t, _ in found.scenes], len(found.silences)


def pyscenedetect(source: Path) -> list[float]:
    """PySceneDetect's ContentDetector (its defaults): the times where new scenes start."""
    from scenedetect import ContentDetector, detect

    scenes = detect(str(source), ContentDetector())
    return [start.seconds for start, _ in scenes[1:]]


def bench_cuts(ffmpeg: str, cache: Path, work: Path, rounds: int, seconds: int,
               app: bool) -> None:  # fmt: skip
    source = make_source(ffmpeg, cache / f"src{seconds}_1920x1080_g250.mp4", seconds, "1920x1080")
    prep = prepare(ffmpeg, source, FIXED)
    out = work / "render"
    out.mkdir(parents=True, exist_ok=True)
    print(f"## cuts: {source.name} ({seconds} s 1920x1080 30 fps) -> {len(prep.plans)} clips "
          f"of {FIXED.clip_seconds:g} s, {FIXED.size} crop, x264 veryfast CRF 23")  # fmt: skip
    renders, analyses, scds = [], [], []
    for _ in range(rounds):
        renders.append(run_argvs(per_clip_argvs(ffmpeg, source, prep, out)))
        analyses.append(timed(lambda: ffmpeg_analysis(ffmpeg, source))[1])
        scds.append(timed(lambda: pyscenedetect(source))[1])
    render, analysis, scd = best(renders), best(analyses), best(scds)
    ratio = analysis.wall / render.wall
    verdict = "OK" if ratio <= CUTS_TARGET else "OVER TARGET"
    print(f"fixed-cut render (raw ffmpeg, the app's argvs): {render.wall:7.2f} s wall "
          f"{render.cpu:7.2f} s CPU")  # fmt: skip
    print(f"cut analysis (scdet + silencedetect, 1 pass):   {analysis.wall:7.2f} s wall "
          f"{analysis.cpu:7.2f} s CPU")  # fmt: skip
    print(f"PySceneDetect ContentDetector (scenes only):    {scd.wall:7.2f} s wall "
          f"{scd.cpu:7.2f} s CPU")  # fmt: skip
    print(f"analysis / render = {ratio:.3f} (target <= {CUTS_TARGET}) {verdict}; "
          f"CPU {analysis.cpu / render.cpu:.3f}; PySceneDetect / render = "
          f"{scd.wall / render.wall:.3f}")  # fmt: skip

    known = make_smart_source(ffmpeg, cache / "smart_known_50s.mp4")
    ours, silences = ffmpeg_analysis(ffmpeg, known)
    theirs = pyscenedetect(known)
    print(f"known source ({SMART_TRUTH.seconds:g} s): true scene changes {list(SMART_TRUTH.scenes)}"
          f", silences {len(SMART_TRUTH.silences)}")  # fmt: skip
    print(f"  scdet found         {[round(t, 3) for t in ours]}, silencedetect {silences}")
    print(f"  PySceneDetect found {[round(t, 3) for t in theirs]} (no sound analysis)")

    if app:
        smart = StoryOptions(clip_seconds=15, quality="medium", cuts="smart")
        build = Build("bundled", ffmpeg, "", work / "data")
        fixed_job, fixed_t = run_app(build, work, "app-fixed", source, FIXED)
        smart_job, smart_t = run_app(build, work, "app-smart", source, smart)
        completed(fixed_job), completed(smart_job)
        print(f"app end to end: fixed {fixed_t.wall:.2f} s, smart {smart_t.wall:.2f} s "
              f"(x{smart_t.wall / fixed_t.wall:.3f}); smart cuts: "
              f"{[c.end for c in smart_job.clips]}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--part", choices=["cuts", "framing", "all"], default="all")
    parser.add_argument("--no-app", action="store_true", help="cuts: skip the app end to end")
    parser.add_argument("--builds", default="bundled", help="framing: the ffmpeg builds")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="a 20 s source instead of 60 s")
    args = parser.parse_args()
    cache = Path(tempfile.gettempdir()) / "storyclip-bench-media"
    cache.mkdir(exist_ok=True)
    bundled = bundled_toolchain()
    assert bundled, "no bundled ffmpeg (pip install imageio-ffmpeg)"
    with tempfile.TemporaryDirectory(prefix="storyclip-bench-smart-") as tmp:
        work = Path(tmp)
        builds = [resolve_build(name.strip(), work) for name in args.builds.split(",")]
        seconds = 20 if args.quick else 60
        source = make_source(bundled.ffmpeg, cache / f"src{seconds}_1920x1080_g250.mp4",
                             seconds, "1920x1080")  # fmt: skip
        print(f"StoryClip smart bench, {time.strftime('%Y-%m-%d %H:%M')}, engine: "
              f"{engine_state()}; load {loadavg()}")  # fmt: skip
        for build in builds:
            print(f"build {build.name}: ffmpeg {build.version} "
                  f"({pass_self_test(build, bundled.ffmpeg)})")  # fmt: skip
        ok = True
        if args.part in ("cuts", "all"):
            bench_cuts(bundled.ffmpeg, cache, work, args.rounds, seconds, not args.no_app)
        if args.part in ("framing", "all"):
            ok = framing_part(builds, source, seconds, args.rounds, work)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
