"""Smart clips benchmark: what the analysis phases cost beside the render they steer.

Run: python bench/bench_smart.py [--builds bundled,system] [--rounds 1] [--quick]

Framing part (layout smart), on the 60 s 1920x1080 30 fps benchmark source of
bench/bench_engine.py (`--quick`: 20 s), through the real engine, side by side in one run:
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
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_engine import (
    Build,
    engine_state,
    loadavg,
    make_source,
    pass_self_test,
    resolve_build,
)

from storyclip_gui.app import build_engine, run_headless
from storyclip_gui.config import load_settings
from storyclip_gui.core.ffmpeg.locate import bundled_toolchain
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions

FRAMING_TARGET = 0.30
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--builds", default="bundled")
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
        ok = framing_part(builds, source, seconds, args.rounds, work)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
