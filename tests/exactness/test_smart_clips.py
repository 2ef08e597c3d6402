"""Smart cuts and per-clip QC on a source with known scene changes and silences, on both
ffmpeg builds, judged by how the source was made and by the independent PyAV oracle.

- every boundary that has a silence within its window lands inside that silence; else, with a
  scene change in reach, within one frame of it; else it stays at its nominal place;
- the clips hold exactly the source frames of their (moved) ranges (tests/helpers/oracle.py);
- fixed cuts on the same source are unchanged (every clip_seconds);
- each clip's `qc` values agree with an independent measurement (PyAV for the picture, size
  and duration; pyloudnorm, a separate BS.1770 implementation, for loudness), and two-pass
  loudnorm brings the clips to the platform target.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import av
import numpy as np
import pyloudnorm
import pytest

from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.presets import PRESETS
from tests.exactness.conftest import BUILDS, build_path, build_version, bundled_ffmpeg, judge
from tests.exactness.conftest import run_engine as run_jobs
from tests.helpers.smart_media import FPS, SMART_TRUTH, make_smart_source

# not `media`: like the other exactness modules it runs both builds itself (run_engine drops
# STORYCLIP_FFMPEG), so CI's Debian pass ran exactly the first pass's tests again
pytestmark = pytest.mark.slow

CLIP, WINDOW = 10.0, 2.0
FRAME = 1 / FPS
BASE = {"clip_seconds": CLIP, "width": 720, "height": 1280, "quality": "low",
        "preset": "tiktok"}  # fmt: skip
JOBS = {
    "smart": {**BASE, "cuts": "smart", "cut_window": WINDOW},
    "fixed": {**BASE, "cuts": "fixed"},
    "smart_loudnorm": {**BASE, "cuts": "smart", "loudnorm": True},
}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_smart_source(bundled_ffmpeg(), tmp_path_factory.mktemp("smart") / "known.mp4")


@pytest.fixture(scope="module", params=BUILDS)
def build(request, qapp, source, tmp_path_factory) -> dict[str, Any]:
    ffmpeg = build_path(request.param)
    root = tmp_path_factory.mktemp(f"smart-{request.param}")
    specs = {name: JobSpec(str(source), StoryOptions.from_dict(o)) for name, o in JOBS.items()}
    jobs = run_jobs(qapp, ffmpeg, root, specs)
    return {"name": request.param, "version": build_version(ffmpeg), "jobs": jobs}


def _expected_place(nominal: float) -> tuple[str, Any]:
    """What the spec says about the boundary near `nominal`, from the source's truth."""
    lo, hi = nominal - WINDOW, nominal + WINDOW
    gaps = [g for g in SMART_TRUTH.silences if g[0] < hi and g[1] > lo]
    if gaps:
        return "silence", gaps
    scenes = [s for s in SMART_TRUTH.scenes if lo <= s <= hi]
    if scenes:
        return "scene", scenes
    return "nominal", nominal


def test_smart_boundaries_land_in_silences_then_scene_changes(build, source) -> None:
    job, _, text = judge(build["name"], build["version"], source, build["jobs"]["smart"])
    clips = sorted(job.clips, key=lambda c: c.index)
    assert len(clips) == 5, text
    for clip in clips[:-1]:
        nominal = clip.cut["nominalEnd"]
        kind, where = _expected_place(nominal)
        b = clip.end
        if kind == "silence":
            assert any(a < b < z for a, z in where), f"{b} is not inside a silence of {where}"
            assert clip.cut["endReason"] == f"silence at {b:.1f} s"
        elif kind == "scene":
            assert min(abs(b - s) for s in where) <= FRAME + 1e-6, f"{b} vs scenes {where}"
            assert clip.cut["endReason"].startswith("scene change at")
        else:
            assert b == pytest.approx(nominal, abs=1e-6)
            assert clip.cut["endReason"] is None
    # the cases the source was made for are all there
    kinds = [_expected_place(c.cut["nominalEnd"])[0] for c in clips[:-1]]
    assert kinds == ["silence", "scene", "nominal", "silence"]
    assert clips[0].start == 0.0 and clips[0].cut["startReason"] is None
    assert clips[-1].end == pytest.approx(SMART_TRUTH.seconds, abs=FRAME)


def test_smart_clips_are_exact_to_their_moved_boundaries(build, source) -> None:
    _, report, text = judge(build["name"], build["version"], source, build["jobs"]["smart"])
    assert report.ok, text


def test_fixed_cuts_are_unchanged(build, source) -> None:
    job, report, text = judge(build["name"], build["version"], source, build["jobs"]["fixed"])
    assert report.ok, text
    assert [(c.start, c.end) for c in job.clips] == [
        (0.0, 10.0), (10.0, 20.0), (20.0, 30.0), (30.0, 40.0), (40.0, 50.0)
    ]
    assert all(c.cut is None for c in job.clips)


def _independent(path: str) -> dict[str, Any]:
    """Measured with PyAV and pyloudnorm, sharing nothing with the app's ffmpeg runs."""
    with av.open(path) as container:
        video = container.streams.video[0]
        frames = [f for f in container.decode(video)]
        times = [float(f.pts * video.time_base) for f in frames]
    with av.open(path) as container:
        stream = container.streams.audio[0]
        rate = stream.rate
        chunks = [f.to_ndarray() for f in container.decode(stream)]
    samples = np.concatenate(chunks, axis=1).T.astype(np.float64)  # (n, channels), planar fltp
    step = float(np.median(np.diff(times)))
    return {
        "duration": times[-1] - times[0] + step,
        "size": f"{frames[0].width}x{frames[0].height}",
        "fps": len(frames) / (times[-1] - times[0] + step),
        "bytes": os.path.getsize(path),
        "loudness": pyloudnorm.Meter(rate).integrated_loudness(samples),
    }


def _value(qc: dict[str, Any], name: str) -> Any:
    return next(c["value"] for c in qc["checks"] if c["check"] == name)


def test_qc_values_agree_with_an_independent_measurement(build) -> None:
    job = build["jobs"]["smart"]
    rules = PRESETS["tiktok"]
    for clip in job.clips:
        qc, truth = clip.qc, _independent(clip.path)
        assert qc["platform"] == "tiktok"
        assert _value(qc, "duration") == pytest.approx(truth["duration"], abs=FRAME)
        assert _value(qc, "resolution") == truth["size"] == "720x1280"
        assert _value(qc, "fps") == pytest.approx(truth["fps"], abs=0.05)
        assert _value(qc, "size") == truth["bytes"]
        assert qc["loudness"] == pytest.approx(truth["loudness"], abs=0.5)
        # the tone is about -11.7 LUFS: louder than the target by more than the tolerance
        assert truth["loudness"] > rules.loudness_target + rules.loudness_tolerance
        statuses = {c["check"]: c["status"] for c in qc["checks"]}
        assert statuses["loudness"] == "warn" and qc["status"] == "warn"
        assert {k: v for k, v in statuses.items() if k != "loudness"} == dict.fromkeys(
            ("duration", "resolution", "fps", "size", "bitrate", "audio"), "pass")


def test_loudnorm_brings_clips_to_the_platform_target(build, source) -> None:
    job, report, text = judge(build["name"], build["version"], source,
                              build["jobs"]["smart_loudnorm"])  # fmt: skip
    assert report.ok, text
    target = PRESETS["tiktok"].loudness_target
    for clip in job.clips:
        measured = _independent(clip.path)["loudness"]
        assert measured == pytest.approx(target, abs=1.0), f"clip {clip.index}: {measured}"
        assert clip.qc["status"] == "pass", clip.qc
