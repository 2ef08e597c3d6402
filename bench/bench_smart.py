"""Smart clips bench: what the analysis costs beside the render it steers, measured side by side.

Run: python bench/bench_smart.py [--part cuts|framing|all] [--rounds 2] [--quick] [--no-app]

Cuts (issue 13, target analysis / render <= 0.15): on the 60 s 1920x1080 benchmark source of
bench/bench_engine.py (same cache, same recipe),
  (1) the cut analysis the app runs (core/analysis.analysis_argv: scdet on 160 px frames +
      silencedetect, one decode) vs the fixed-cut render (the per-clip argvs the app runs for
      1080x1920 crop clips, raw ffmpeg): ratio of wall times, CPU seconds beside them;
  (2) PySceneDetect (ContentDetector, OpenCV backend, its default downscaling) on the same
      source, for the choice between the two (docs/user-guide.md, "Smart cuts");
  (3) both detectors on a source with known scene changes (tests/helpers/smart_media.py):
      what each finds against the truth;
  (4) unless --no-app: the app end to end, fixed vs smart cuts, wall time of each job.
The framing part is the framing helper's (issue 13, "Framing"); `--part framing` runs it when
it is there. Each time is the best of `--rounds`; the machine is shared, so compare ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engine import (
    Build,
    Timing,
    _cpu,
    best,
    completed,
    engine_state,
    loadavg,
    make_source,
    per_clip_argvs,
    prepare,
    run_app,
    run_argvs,
)

from storyclip_gui.core.analysis import AnalysisParser, analysis_argv
from storyclip_gui.core.ffmpeg.locate import bundled_toolchain
from storyclip_gui.core.options import StoryOptions
from tests.helpers.smart_media import SMART_TRUTH, make_smart_source

CUTS_TARGET = 0.15
OPTIONS = StoryOptions(clip_seconds=15, quality="medium")  # bench_engine's: 1080x1920 crop


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
    prep = prepare(ffmpeg, source, OPTIONS)
    out = work / "render"
    out.mkdir(parents=True, exist_ok=True)
    print(f"## cuts: {source.name} ({seconds} s 1920x1080 30 fps) -> {len(prep.plans)} clips "
          f"of {OPTIONS.clip_seconds:g} s, {OPTIONS.size} crop, x264 veryfast CRF 23")  # fmt: skip
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
        fixed_job, fixed_t = run_app(build, work, "app-fixed", source, OPTIONS)
        smart_job, smart_t = run_app(build, work, "app-smart", source, smart)
        completed(fixed_job), completed(smart_job)
        print(f"app end to end: fixed {fixed_t.wall:.2f} s, smart {smart_t.wall:.2f} s "
              f"(x{smart_t.wall / fixed_t.wall:.3f}); smart cuts: "
              f"{[c.end for c in smart_job.clips]}")  # fmt: skip


def bench_framing(*_: Any) -> None:
    """The framing helper's part (issue 13, "Framing"): added by them."""
    print("## framing: not in this tree yet")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--part", choices=["cuts", "framing", "all"], default="all")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="a 20 s source instead of 60 s")
    parser.add_argument("--no-app", action="store_true", help="skip the end-to-end app runs")
    args = parser.parse_args()
    started = time.perf_counter()
    bundled = bundled_toolchain()
    assert bundled, "no bundled ffmpeg (pip install imageio-ffmpeg)"
    cache = Path(tempfile.gettempdir()) / "storyclip-bench-media"
    cache.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="storyclip-bench-smart-"))
    seconds = 20 if args.quick else 60
    print(f"StoryClip smart clips bench, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} "
          f"cores, best of {args.rounds} round(s); load average {loadavg()}")  # fmt: skip
    print(f"engine: {engine_state()}; ffmpeg {bundled.ffmpeg}\n")
    if args.part in ("cuts", "all"):
        bench_cuts(bundled.ffmpeg, cache, work, args.rounds, seconds, not args.no_app)
    if args.part in ("framing", "all"):
        bench_framing(bundled.ffmpeg, cache, work, args.rounds, seconds)
    shutil.rmtree(work, ignore_errors=True)
    print(f"\nload average at end: {loadavg()}; bench took "
          f"{(time.perf_counter() - started) / 60:.1f} min")  # fmt: skip


if __name__ == "__main__":
    main()
