"""Real-world shapes of source, on both ffmpeg builds, judged by the independent oracle.

Every source is generated once per session (tests/helpers/realworld_media.py, bundled ffmpeg),
then each build runs all of them through ONE engine (2 jobs at a time), and one test per
(build, source) applies tests/helpers/oracle.py: frame counts, durations, first frames, sound,
container duration and coverage, all measured with PyAV. A failure prints every clip's errors.
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from tests.exactness.conftest import (
    BUILDS,
    build_path,
    build_version,
    bundled_ffmpeg,
    judge,
    run_engine,
)
from tests.helpers.oracle import check_clips, file_clock
from tests.helpers.realworld_media import make_source

pytestmark = pytest.mark.slow

CLIP = 3.0
MIN_TAIL = StoryOptions().min_tail_seconds  # the product's default, whatever it is
# a clip length at which the tail rule is decided by min_tail alone (the planner never merges a
# tail of half a clip or more)
TAIL_CLIP = max(CLIP, 2 * MIN_TAIL + 1)


@dataclass(frozen=True)
class Case:
    recipe: str
    seconds: float
    options: dict[str, Any] = field(default_factory=dict)
    clips: int | None = None  # the number of clips the plan must give, where the case is about it


CASES: dict[str, Case] = {
    "vfr_jitter": Case("vfr_jitter", 5),
    "fps_26_777": Case("fps_26_777", 5),
    "ntsc_29_97": Case("ntsc_29_97", 5),
    "cinepak_15fps_avi": Case("cinepak_15fps", 4.5),
    "msmpeg4_15fps_avi": Case("msmpeg4_15fps", 5),
    "webm_no_durations": Case("webm_no_durations", 5),
    "audio_shorter": Case("audio_shorter", 6),
    "audio_longer": Case("audio_longer", 5),
    "late_video": Case("late_video", 5),
    "ts_offset_mp4": Case("ts_offset", 5),
    "mpegts": Case("mpegts", 5),
    "bframes_editlist": Case("bframes_editlist", 5),
    "fps_120": Case("fps_120", 4),
    "one_clip_8s_at_15": Case("plain_30", 8, {"clip_seconds": 15}, clips=1),
    "one_clip_plus_tail": Case("plain_30", 4.5, clips=2),
    "tail_just_under_min": Case(
        "plain_30", round(2 * TAIL_CLIP + MIN_TAIL - 0.1, 3), {"clip_seconds": TAIL_CLIP}, clips=2
    ),
    "tail_just_over_min": Case(
        "plain_30", round(2 * TAIL_CLIP + MIN_TAIL + 0.1, 3), {"clip_seconds": TAIL_CLIP}, clips=3
    ),
    "fast_copy_gop45": Case("copy_720x1280", 10, {"clip_seconds": 4, "fast_copy": True}),
}
ENCODED = [name for name, case in CASES.items() if not case.options.get("fast_copy")]


def story_options(case: Case) -> StoryOptions:
    values: dict[str, Any] = {"clip_seconds": CLIP, "width": 720, "height": 1280,
                              "quality": "low", "layout": "crop"}  # fmt: skip
    values.update(case.options)
    return StoryOptions(**values)


@dataclass
class BuildRun:
    name: str
    ffmpeg: str
    version: str
    sources: dict[str, Path]
    jobs: dict[str, Any]
    seconds: float


@pytest.fixture(scope="module")
def sources(realworld_dir: Path) -> dict[str, Path]:
    ffmpeg = bundled_ffmpeg()
    return {n: make_source(ffmpeg, realworld_dir, c.recipe, c.seconds) for n, c in CASES.items()}


@pytest.fixture(scope="module", params=BUILDS)
def build(request, qapp, sources, tmp_path_factory) -> BuildRun:
    ffmpeg = build_path(request.param)
    root = tmp_path_factory.mktemp(f"exact-{request.param}")
    specs = {name: JobSpec(str(sources[name]), story_options(CASES[name])) for name in CASES}
    started = time.monotonic()
    jobs = run_engine(qapp, ffmpeg, root, specs)
    run = BuildRun(request.param, ffmpeg, build_version(ffmpeg), sources, jobs,
                   time.monotonic() - started)  # fmt: skip
    print(f"[{run.name}: ffmpeg {run.version}] {len(jobs)} jobs in {run.seconds:.1f} s")
    return run


def _judge(build: BuildRun, name: str, **extra: Any):
    return judge(build.name, build.version, build.sources[name], build.jobs[name], **extra)


@pytest.mark.parametrize("name", ENCODED)
def test_clips_hold_exactly_the_source_frames(build: BuildRun, name: str) -> None:
    job, report, text = _judge(build, name)
    expected = CASES[name].clips
    if expected is not None and len(job.clips) != expected:
        pytest.fail(f"{len(job.clips)} clips where the plan must give {expected}\n{text}",
                    pytrace=False)  # fmt: skip
    if not report.ok:
        pytest.fail(text, pytrace=False)


def test_fast_copy_cuts_on_keyframes_and_holds_their_frames(build: BuildRun) -> None:
    """A source that already is 720x1280 H.264 with a keyframe every 45 frames (1.5 s): the
    cuts move to keyframes, and each clip must hold exactly the frames between its reported
    (real) cut points, start on a keyframe, and all of them cover the whole source."""
    name = "fast_copy_gop45"
    job, report, text = _judge(build, name, keyframe_cuts=True)
    assert any("copy" in argv for argv in job.commands), f"not copied: {job.commands}\n{text}"
    assert len(job.clips) >= 2, text
    if not report.ok:
        pytest.fail(text, pytrace=False)


# -- the oracle's own clock, against each build's `-ss` ----------------------------------------

CLOCK_CASES = ["mpegts", "ts_offset_mp4", "late_video", "webm_no_durations", "bframes_editlist",
               "ntsc_29_97"]


@pytest.mark.parametrize("build_name", BUILDS)
@pytest.mark.parametrize("seek", ["output", "input"])
@pytest.mark.parametrize("name", CLOCK_CASES)
def test_oracle_clock_is_the_clock_of_ffmpeg_ss(
    sources, tmp_path: Path, build_name: str, seek: str, name: str
) -> None:
    """`ffmpeg -ss T` must give, as its first frame, the first frame whose oracle time
    (tests/helpers/oracle.py: file_clock) is at or after T: checked just before a frame's
    time, at it (rounded down to the microsecond, as the engine passes it) and just after it.

    "output" puts -ss after -i (ffmpeg decodes from the start and drops frames by timestamp:
    this pins the clock down); "input" puts it before -i, as the engine does (ffmpeg seeks
    in the file first, then drops frames by timestamp: this also tests the seek). The sound is
    mapped too, as the engine maps it: ffmpeg's output-side clock for an MPEG-TS depends on it
    (mapped alone, a TS's video is counted from its own first frame, not the file's start)."""
    if seek == "input" and name == "mpegts":
        pytest.skip("a TS cannot seek to a time exactly (it lands inside a group of pictures): "
                    "the engine seeks to an earlier keyframe and cuts after -i there")
    if build_name == "system" and name == "webm_no_durations":
        pytest.skip("ffmpeg 5.1 starts a WebM's clock at the Opus pre-skip (-7 ms), PyAV at 0: "
                    "the engine counts clip times from the video's start, so both agree there "
                    "(test_clips_hold_exactly_the_source_frames[system-webm_no_durations])")
    ffmpeg = build_path(build_name)
    source = sources[name]
    with av.open(str(source)) as container:
        start_us = container.start_time or 0
        frames = [(file_clock(f.pts, f.time_base, start_us), f.to_ndarray(format="gray"))
                  for f in container.decode(video=0)]  # fmt: skip
    frames.sort(key=lambda f: f[0])
    stack = np.stack([f[1] for f in frames]).astype(np.int16)
    n = len(frames)
    wrong = []
    for k in (0, 1, n // 2, n - 2):
        t = frames[k][0]
        probes = [(float(t) - 0.0006, k), (int(t * 1_000_000) / 1_000_000, k),
                  (float(t) + 0.0006, k + 1)]  # fmt: skip
        for ss, want in probes:
            if ss < 0:
                continue
            image = _first_frame_at(ffmpeg, source, ss, seek, tmp_path / f"{k}_{want}_{ss}.nut")
            if isinstance(image, str):
                wrong.append(f"-ss {ss:.6f}: no frame ({image})")
                continue
            diffs = np.abs(stack - image.astype(np.int16)).mean(axis=(1, 2))
            got = int(np.argmin(diffs))
            if got != want:
                wrong.append(f"-ss {ss:.6f}: frame {got} (t={float(frames[got][0]):.6f}), "
                             f"oracle expects frame {want} (t={float(frames[want][0]):.6f})")
    assert not wrong, (f"{build_name} {build_version(ffmpeg)}, {seek} -ss, {source.name}: "
                       + "; ".join(wrong))


def _first_frame_at(ffmpeg: str, source: Path, ss: float, seek: str, out: Path):
    """The first video frame `ffmpeg -ss` gives (gray), or why there is none."""
    at = ["-ss", f"{ss:.6f}"]
    argv = [ffmpeg, "-nostdin", "-loglevel", "error", "-y", *(at if seek == "input" else []),
            "-i", str(source), *(at if seek == "output" else []), "-map", "0:v:0",
            "-map", "0:a:0?", "-frames:v", "1", "-c:v", "rawvideo", "-pix_fmt", "gray",
            "-c:a", "pcm_s16le", "-f", "nut", str(out)]  # fmt: skip
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0 or not out.exists():
        return done.stderr[-200:] or f"exit {done.returncode}"
    try:
        with av.open(str(out)) as container:
            for frame in container.decode(video=0):
                return frame.to_ndarray(format="gray")
    except av.error.FFmpegError as exc:
        return f"{done.stderr[-200:]} {exc}"
    return done.stderr[-200:] or "the output holds no video frame"


# -- the oracle catches what it is for --------------------------------------------------------


@dataclass
class _Clip:
    index: int
    start: float
    end: float
    path: str


def test_the_oracle_catches_a_clip_one_frame_off(sources, tmp_path: Path) -> None:
    """Clips cut exactly by hand (output-side -ss, which decodes from the start) pass; the same
    files claimed one frame later fail on frames, first frame and coverage."""
    ffmpeg = bundled_ffmpeg()
    source = sources["one_clip_plus_tail"]  # 4.5 s at 30 fps
    paths = []
    for index, (start, length) in enumerate(((0.0, 1.5), (1.5, 3.0)), 1):
        out = tmp_path / f"clip{index}.mp4"
        subprocess.run([ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-i", str(source),
                        "-ss", f"{start}", "-t", f"{length}", "-vf",
                        "scale=720:1280:force_original_aspect_ratio=increase,crop=720:1280",
                        "-c:v", "libx264", "-preset", "ultrafast", "-fps_mode", "vfr",
                        "-c:a", "aac", str(out)], check=True, capture_output=True)  # fmt: skip
        paths.append(str(out))
    honest = [_Clip(1, 0.0, 1.5, paths[0]), _Clip(2, 1.5, 4.5, paths[1])]
    report = check_clips(source, honest, min_tail_seconds=1.0)
    assert report.ok, report.table()
    late = [_Clip(1, 0.0, 1.5, paths[0]), _Clip(2, 1.5 + 1 / 30, 4.5, paths[1])]
    report = check_clips(source, late, min_tail_seconds=1.0)
    text = report.table()
    assert report.clips[1].frames_off == 1, text
    assert report.clips[1].first_frame_offset == -1, text
    assert any("do not meet" in p for p in report.problems), text
