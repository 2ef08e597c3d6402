"""Engine benchmark: app vs raw ffmpeg, one pass vs per-clip runs, and the copy path.

Run: python bench/bench_engine.py [--seconds 60] [--rounds 2]
Prints ratios measured side by side in one run (the machine is shared: compare, don't trust
absolute seconds). Targets: app/raw <= 1.03; chosen pipeline faster than per-clip runs with every
clip within one frame; copy path >= 100x realtime.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyclip_gui.app import build_engine, run_headless
from storyclip_gui.config import load_settings
from storyclip_gui.core.ffmpeg.command import build_encode
from storyclip_gui.core.ffmpeg.locate import locate
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.plan import plan_clips
from storyclip_gui.core.probe import parse_ffmpeg_banner


def sh(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


def duration(ffmpeg: str, path: Path) -> float:
    err = subprocess.run([ffmpeg, "-hide_banner", "-i", str(path)], capture_output=True, text=True)
    return parse_ffmpeg_banner(err.stderr).duration or 0.0


def make_source(ffmpeg: str, path: Path, seconds: int, size: str) -> Path:
    """x264's default GOP (keyint 250, 8.3 s at 30 fps), as most real files have."""
    if not path.exists():
        sh([ffmpeg, "-y", "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=30:duration={seconds}",
            "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", "-c:v", "libx264",
            "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
            str(path)])  # fmt: skip
    return path


def run_app(settings, source: Path, options: StoryOptions):
    engine = build_engine(settings)

    async def go():
        start = time.perf_counter()
        job = engine.manager.submit(JobSpec(str(source), options))
        await engine.manager.wait_until_idle()
        return job, time.perf_counter() - start

    return run_headless(go, lambda: None)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    ffmpeg = locate().ffmpeg
    work = Path(tempfile.mkdtemp(prefix="storyclip-bench-"))
    cache = Path(tempfile.gettempdir()) / "storyclip-bench-media"
    cache.mkdir(exist_ok=True)
    source = make_source(
        ffmpeg, cache / f"src{args.seconds}_1080p_g250.mp4", args.seconds, "1920x1080"
    )
    vertical = make_source(ffmpeg, cache / f"src{args.seconds}_vertical_g250.mp4", args.seconds,
                           "1080x1920")  # fmt: skip
    options = StoryOptions(clip_seconds=15, quality="medium")  # veryfast, CRF 23
    media = parse_ffmpeg_banner(
        subprocess.run([ffmpeg, "-hide_banner", "-i", str(source)], capture_output=True,
                       text=True).stderr)  # fmt: skip
    plan = plan_clips(media.duration or 0, options)
    print(f"ffmpeg: {ffmpeg}\nsource: {args.seconds} s 1920x1080 30 fps → {len(plan)} clips of "
          f"{options.clip_seconds:g} s at {options.size}, x264 veryfast CRF 23, {os.cpu_count()} "
          f"cores\n")  # fmt: skip

    raw_times, app_times, per_clip_times = [], [], []
    per_clip_errors: list[float] = []
    app_errors: list[float] = []
    for r in range(args.rounds):
        out = work / f"raw{r}"
        out.mkdir()
        run = build_encode(ffmpeg, str(source), plan, media, options, str(out / "c%03d.mp4"),
                           out / "list.csv")  # fmt: skip
        raw_times.append(sh(run.argv))
        settings = load_settings(
            overrides={
                "output_dir": work / f"app{r}",
                "temp_dir": work / "tmp",
                "data_dir": work / "data",
            }
        )
        job, wall = run_app(settings, source, options)
        assert job.state.value == "completed", job.error
        app_times.append(wall)
        app_errors = [abs((c.duration or 0) - (c.end - c.start)) for c in job.clips]
        # the obvious alternative: one ffmpeg per clip, each seeking to its start
        per = work / f"per{r}"
        per.mkdir()
        graph = run.argv[run.argv.index("-filter_complex") + 1]
        total = 0.0
        per_clip_errors = []
        for clip in plan:
            target = per / f"clip{clip.index}.mp4"
            total += sh([ffmpeg, "-nostdin", "-y", "-ss", str(clip.start), "-to", str(clip.end),
                         "-i", str(source), "-filter_complex", graph, "-map", "[s3]", "-map",
                         "0:a:0", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
                         "-c:a", "aac", "-b:a", "128k", str(target)])  # fmt: skip
            per_clip_errors.append(abs(duration(ffmpeg, target) - clip.duration))
        per_clip_times.append(total)
        print(f"round {r + 1}: raw ffmpeg {raw_times[-1]:.2f} s, app {app_times[-1]:.2f} s, "
              f"per-clip {total:.2f} s")  # fmt: skip

    raw, app, per = min(raw_times), min(app_times), min(per_clip_times)
    frame = 1 / 30
    print(f"\n(1) app wall / raw ffmpeg (same argv): {app / raw:.3f}  (target <= 1.03; "
          f"includes probe + verification of every clip)")  # fmt: skip
    print(f"(2) one pass / per-clip runs:          {raw / per:.3f}  ({raw:.2f} s vs {per:.2f} s; "
          "target < 1)")  # fmt: skip
    print(
        "    clip duration error, one pass (s):  "
        + ", ".join(f"{e:.3f}" for e in app_errors)
        + f"  (max {max(app_errors) / frame:.2f} frames)"
    )
    print(
        "    clip duration error, per clip (s):  " + ", ".join(f"{e:.3f}" for e in per_clip_errors)
    )

    settings = load_settings(
        overrides={"output_dir": work / "copy", "temp_dir": work / "tmp", "data_dir": work / "data"}
    )
    job, wall = run_app(settings, vertical, StoryOptions(clip_seconds=15, fast_copy=True))
    assert job.state.value == "completed", job.error
    print(f"(3) copy path: {args.seconds / wall:.0f}x realtime ({wall:.2f} s for {args.seconds} s;"
          " target >= 100x)")  # fmt: skip
    print(
        "    actual cut points (s): " + ", ".join(f"{c.start:.3f}-{c.end:.3f}" for c in job.clips)
    )


if __name__ == "__main__":
    main()
