"""The whole engine on real media: real ffmpeg, real QProcess, real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.events import EventKind
from storyclip_gui.core.ffmpeg.errors import ErrorCode
from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.probe import parse_ffmpeg_banner
from storyclip_gui.runner.qprocess_runner import QProcessRunner
from tests.conftest import FAKE_FFMPEG
from tests.helpers.procs import alive, leftovers

pytestmark = pytest.mark.media

SMALL = {"width": 720, "height": 1280, "quality": "low"}


def probe(ffmpeg: str, path: str):
    import subprocess

    err = subprocess.run(
        [ffmpeg, "-hide_banner", "-i", path], capture_output=True, text=True
    ).stderr
    return parse_ffmpeg_banner(err), err


def run_jobs(run_async, specs, settings=None, timeout=180):
    engine = build_engine(settings or load_settings())
    events = []
    engine.bus.subscribe(events.append)

    async def go():
        jobs = [engine.manager.submit(spec) for spec in specs]
        await engine.manager.wait_until_idle()
        return jobs

    return run_async(go(), timeout=timeout), events, engine


def test_a_video_becomes_exact_verified_clips(run_async, video, ffmpeg):
    source = video("talk.mp4", seconds=7, size="320x240")
    [job], events, _ = run_jobs(
        run_async, [JobSpec(str(source), StoryOptions(clip_seconds=2, **SMALL))]
    )
    assert job.state is JobState.COMPLETED, job.error
    assert [(c.start, c.end) for c in job.clips] == [(0, 2), (2, 4), (4, 6), (6, 7)]
    for clip in job.clips:
        info, banner = probe(ffmpeg, clip.path)
        assert info.display_size == (720, 1280) and info.has_audio, banner
        assert abs(info.duration - (clip.end - clip.start)) <= 1 / 30 + 0.011
        assert Path(clip.path).name == f"talk_{clip.index:02d}.mp4"
    folder = Path(job.output_dir)
    assert not leftovers(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert [c["path"] for c in manifest["clips"]] == [f"talk_0{i}.mp4" for i in range(1, 5)]
    assert manifest["commands"][0][0] == ffmpeg
    # what observers saw: one clipCompleted per clip, progress never going back, the seed's words
    kinds = [e.kind for e in events]
    assert kinds.count(EventKind.CLIP_COMPLETED) == 4 and kinds[-1] is EventKind.JOB_COMPLETED
    progress = [e.job["progress"] for e in events if e.job["status"] == "processing"]
    assert progress == sorted(progress) and progress[0] == 0
    messages = [e.job["message"] for e in events]
    assert "Starting video processing..." in messages and "Processing video files..." in messages
    assert any(m.startswith("Generated ") and m.endswith(" of 4 clips") for m in messages)
    assert messages[-1] == "Video processing completed"
    phases = [e.job["phase"] for e in events if e.job["status"] == "processing"]
    order = ["starting", "preparing", "generating", "finalizing", "done"]
    assert [p for i, p in enumerate(phases) if i == 0 or phases[i - 1] != p] == [
        p for p in order if p in phases
    ]
    assert any(e.job["speed"] for e in events), "speed comes from ffmpeg's progress"


def test_rotated_phone_video_comes_out_upright(run_async, video, ffmpeg):
    source = video("phone.mp4", seconds=2, size="640x360", rotation=90)
    source_info, _ = probe(ffmpeg, str(source))
    assert source_info.rotation in (90, 270) and source_info.display_size == (360, 640)
    [job], _, _ = run_jobs(run_async, [JobSpec(str(source), StoryOptions(clip_seconds=5, **SMALL))])
    assert job.state is JobState.COMPLETED, job.error
    info, banner = probe(ffmpeg, job.clips[0].path)
    assert info.rotation == 0 and (info.width, info.height) == (720, 1280), banner


@pytest.mark.parametrize("layout", ["blur", "fit"])
def test_layouts_and_a_silent_source(run_async, video, ffmpeg, layout):
    source = video("silent.mp4", seconds=2, audio=False)
    [job], _, _ = run_jobs(run_async, [JobSpec(str(source), StoryOptions(layout=layout, **SMALL))])
    assert job.state is JobState.COMPLETED, job.error
    info, _ = probe(ffmpeg, job.clips[0].path)
    assert not info.has_audio and info.display_size == (720, 1280)


def test_fast_copy_reports_the_real_cut_points(run_async, video, ffmpeg):
    # a keyframe every 25 frames: 0.8333… s, not a whole microsecond
    source = video("vertical25.mp4", seconds=5, size="720x1280", extra_output=("-g", "25"))
    opts = StoryOptions(clip_seconds=2, fast_copy=True, **SMALL)
    [job], _, _ = run_jobs(run_async, [JobSpec(str(source), opts)])
    assert job.state is JobState.COMPLETED, job.error
    assert "-c" in job.commands[0] and job.commands[0][job.commands[0].index("-c") + 1] == "copy"
    assert job.clips[0].start == 0 and job.clips[-1].end == pytest.approx(5, abs=0.1)
    for a, b in zip(job.clips, job.clips[1:], strict=False):
        assert a.end == b.start
    for clip in job.clips:
        info, _ = probe(ffmpeg, clip.path)
        assert abs(info.duration - (clip.end - clip.start)) <= 0.05


def test_bad_inputs_fail_clearly_while_good_ones_complete(run_async, video, audio_only, tmp_path):
    good = video("good.mp4", seconds=2)
    odd_names = []
    for name in ("with space.mp4", "qu'o\"te.mp4", "ñandú 🎬.mp4", "-dash.mp4", "new\nline.mp4"):
        target = tmp_path / name
        shutil.copy(good, target)
        odd_names.append(target)
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    text = tmp_path / "notes.mp4"
    text.write_text("hello, I am not a video\n" * 50)
    truncated = tmp_path / "truncated.mp4"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    folder = tmp_path / "a folder.mp4"
    folder.mkdir()
    bad = {
        empty: (ErrorCode.INVALID_INPUT, "empty"),
        text: (ErrorCode.INVALID_INPUT, "not a video"),
        tmp_path / "missing.mp4": (ErrorCode.INVALID_INPUT, "does not exist"),
        audio_only: (ErrorCode.NO_VIDEO_STREAM, "only audio"),
        truncated: (ErrorCode.INVALID_INPUT, "damaged"),
        folder: (ErrorCode.INVALID_INPUT, "folder"),
    }
    specs = [JobSpec(str(p), StoryOptions(**SMALL)) for p in [*bad, *odd_names]]
    settings = load_settings(overrides={"concurrency": 2})
    jobs, _, _ = run_jobs(run_async, specs, settings)
    by_source = {Path(j.source): j for j in jobs}
    for path, (code, words) in bad.items():
        job = by_source[path.absolute()]
        assert job.state is JobState.FAILED, path
        assert job.error.code is code, (path, job.error)
        assert words in job.error.message, job.error.message
        assert path.name.split(".")[0] in job.error.message or code is ErrorCode.INVALID_INPUT
        assert job.output_dir is None  # nothing was written for it
    for path in odd_names:
        job = by_source[path.absolute()]
        assert job.state is JobState.COMPLETED, (path, job.error)
        assert all(Path(c.path).is_file() and "\n" not in c.path for c in job.clips)


@pytest.mark.slow
def test_cancel_stops_ffmpeg_and_leaves_no_partial_files(run_async, video):
    source = video("long.mp4", seconds=30, size="640x360")
    engine = build_engine(load_settings())
    seen_pids = []

    async def go():
        job = engine.manager.submit(
            JobSpec(
                str(source), StoryOptions(clip_seconds=5, width=1080, height=1920, quality="high")
            )
        )
        while job.progress < 35:
            if job.pid:
                seen_pids.append(job.pid)
            await __import__("asyncio").sleep(0.05)
        seen_pids.append(job.pid)
        engine.manager.cancel(job.id)
        await engine.manager.wait_until_idle()
        return job

    job = run_async(go())
    assert job.state is JobState.CANCELLED and job.error.code is ErrorCode.CANCELLED
    if job.output_dir is None:  # cancelled before its first clip: no folder left behind
        assert job.clips_verified == 0
    else:  # its verified clips, with a manifest naming the missing ones
        assert not leftovers(Path(job.output_dir))
        manifest = json.loads((Path(job.output_dir) / "manifest.json").read_text())
        assert manifest["complete"] is False and manifest["missingClips"]
    assert not [pid for pid in seen_pids if pid and alive(pid)]
    for clip in job.clips:  # whatever is under a final name is complete and verified
        assert Path(clip.path).exists() == (clip.state.value == "verified")


@pytest.mark.parametrize(
    ("mode", "code"),
    [
        ("stall", ErrorCode.STALLED),
        ("crash", ErrorCode.FFMPEG_ERROR),
        ("diskfull", ErrorCode.DISK_FULL),
    ],
)
def test_ffmpeg_faults_through_the_whole_pipeline(
    run_async, video, ffmpeg, monkeypatch, mode, code
):
    monkeypatch.setenv("FAKE_FFMPEG_MODE", mode)
    monkeypatch.setenv("FAKE_FFMPEG_REAL", ffmpeg)
    settings = load_settings(overrides={"ffmpeg": str(FAKE_FFMPEG), "stall_timeout_s": 1.0})
    source = video("good.mp4", seconds=2)
    engine = build_engine(settings, runner=QProcessRunner(terminate_grace=1.0))

    async def go():
        job = engine.manager.submit(JobSpec(str(source), StoryOptions(**SMALL)))
        await engine.manager.wait_until_idle()
        return job

    job = run_async(go())
    assert job.state is JobState.FAILED and job.error.code is code, job.error
    assert job.error.message
    if mode == "diskfull":  # what ffmpeg said is there for the detail panel, as it said it
        assert "No space left on device" in engine.manager.log_tail(job.id)
    # no clip was made: no folder is left behind (a retry reuses the name)
    assert job.output_dir is None
    out = Path(settings.output_dir)
    assert not out.exists() or not list(out.iterdir())


def test_trims_and_max_clips_are_exact(run_async, video, ffmpeg):
    source = video("good.mp4", seconds=3)
    opts = StoryOptions(clip_seconds=1, trim_start=0.5, trim_end=3.0, max_clips=2, **SMALL)
    [job], _, _ = run_jobs(run_async, [JobSpec(str(source), opts)])
    assert job.state is JobState.COMPLETED, job.error
    assert [(c.start, c.end) for c in job.clips] == [(0.5, 1.5), (1.5, 2.5)]
    for clip in job.clips:
        info, _ = probe(ffmpeg, clip.path)
        assert abs(info.duration - 1.0) <= 1 / 30 + 0.011


def test_fast_copy_retry_writes_over_its_own_clips_not_beside_them(run_async, video):
    source = video("vertical.mp4", seconds=5, size="720x1280")
    opts = StoryOptions(clip_seconds=2, fast_copy=True, **SMALL)
    engine = build_engine(load_settings())

    async def go():
        job = engine.manager.submit(JobSpec(str(source), opts))
        await engine.manager.wait_until_idle()
        first = [c.path for c in job.clips]
        job.state = JobState.FAILED  # as if the copy job had failed after writing its clips
        engine.manager.retry(job.id)
        await engine.manager.wait_until_idle()
        return job, first

    job, first = run_async(go())
    assert job.state is JobState.COMPLETED, job.error
    assert [c.path for c in job.clips] == first
    assert sorted(p.name for p in Path(job.output_dir).glob("*.mp4")) == sorted(
        Path(p).name for p in first
    )


def test_a_video_shorter_than_a_clip_is_one_exact_clip_by_default(run_async, video, ffmpeg):
    """The first thing people do: drop an 8 s video with the default 15 s clips (it used to
    fail with "ffmpeg wrote 2 of 1 planned clips": the segment muxer cut every 2 s)."""
    source = video("holiday.mp4", seconds=8, size="320x240")
    [job], _, _ = run_jobs(run_async, [JobSpec(str(source), StoryOptions(**SMALL))])
    assert job.state is JobState.COMPLETED, job.error
    [clip] = job.clips
    assert (clip.start, clip.end) == (0, 8)
    info, banner = probe(ffmpeg, clip.path)
    assert abs(info.duration - 8) <= 1 / 30 + 0.011, banner


def test_fast_copy_of_a_one_clip_video_keeps_all_of_it(run_async, video, ffmpeg):
    """With --fast-copy the same case completed with one 2 s clip and dropped the rest."""
    source = video("vertical.mp4", seconds=8, size="720x1280")
    opts = StoryOptions(fast_copy=True, **SMALL)
    [job], _, _ = run_jobs(run_async, [JobSpec(str(source), opts)])
    assert job.state is JobState.COMPLETED, job.error
    assert job.commands[0][job.commands[0].index("-c") + 1] == "copy"
    [clip] = job.clips
    assert (clip.start, clip.end) == (0, 8)
    info, banner = probe(ffmpeg, clip.path)
    assert abs(info.duration - 8) <= 1 / 30 + 0.011, banner
