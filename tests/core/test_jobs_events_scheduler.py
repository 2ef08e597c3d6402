"""Job state transitions, the event bus, the scheduler, error classification, ffmpeg lookup."""

from __future__ import annotations

import os
import stat

import pytest

from storyclip_gui.core.events import EventBus, EventKind
from storyclip_gui.core.ffmpeg.errors import ErrorCode, classify
from storyclip_gui.core.ffmpeg.locate import FFmpegNotFound, locate
from storyclip_gui.core.jobs import TRANSITIONS, IllegalTransition, Job, JobState
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.scheduler import Scheduler


def job() -> Job:
    return Job(id="j1", source="/a.mp4", options=StoryOptions(), output_root="/out")


def test_happy_path_and_timestamps():
    j = job()
    j.transition(JobState.PROCESSING, now=10)
    assert j.started_at == 10
    j.transition(JobState.COMPLETED, now=20)
    assert j.finished_at == 20 and j.is_final


def test_a_retried_job_times_its_new_attempt_only():
    """Elapsed/Took are one attempt's running time: a retried job waiting in the queue has no
    start, and cancelling it before it runs leaves no running time (issue 16 item 7)."""
    j = job()
    j.transition(JobState.PROCESSING, now=10)
    j.transition(JobState.CANCELLED, now=20)
    j.transition(JobState.QUEUED, now=30)
    assert j.started_at is None and j.finished_at is None
    j.transition(JobState.CANCELLED, now=125)
    assert j.started_at is None and j.finished_at == 125


@pytest.mark.parametrize("state", list(JobState))
def test_every_illegal_transition_raises(state):
    for target in JobState:
        j = job()
        j.state = state
        if target in TRANSITIONS[state]:
            j.transition(target)
            assert j.state is target
        else:
            with pytest.raises(IllegalTransition):
                j.transition(target)


def test_bus_sequence_is_global_and_a_bad_subscriber_is_isolated(caplog):
    bus = EventBus(start_seq=41)
    seen = []

    def bad(event):
        raise RuntimeError("boom")

    bus.subscribe(bad)
    unsubscribe = bus.subscribe(seen.append)
    bus.publish(EventKind.JOB_REGISTERED, {"jobId": "a"})
    bus.publish(EventKind.JOB_UPDATED, {"jobId": "b"})
    assert [(e.seq, e.job_id) for e in seen] == [(42, "a"), (43, "b")]
    assert "boom" in caplog.text
    unsubscribe()
    bus.publish(EventKind.JOB_UPDATED, {"jobId": "c"})
    assert len(seen) == 2 and bus.last_seq == 44


def test_scheduler_order_concurrency_pause_and_move():
    s = Scheduler(concurrency=2)
    for name in "abcd":
        s.enqueue(name)
    assert s.move("d", -10) and s.order == ["d", "a", "b", "c"]
    assert not s.move("zz", 1)
    s.paused = True
    assert s.take_startable(0) == []
    s.paused = False
    assert s.take_startable(1) == ["d"]
    assert s.take_startable(0) == ["a", "b"]
    with pytest.raises(ValueError):
        s.concurrency = 0


@pytest.mark.parametrize(
    ("stderr", "code"),
    [
        ("av_interleaved_write_frame(): No space left on device", ErrorCode.DISK_FULL),
        ("Unknown encoder 'libx264'", ErrorCode.ENCODER_UNAVAILABLE),
        ("moov atom not found", ErrorCode.INVALID_INPUT),
        ("Stream map '0:a:0' matches no streams.", ErrorCode.NO_VIDEO_STREAM),
        ("something odd happened", ErrorCode.FFMPEG_ERROR),
    ],
)
def test_classify(stderr, code):
    error = classify(1, False, stderr)
    assert error.code is code and error.message and error.detail == stderr


def test_classify_crash_mentions_the_last_line():
    error = classify(None, True, "frame=1\nSegmentation fault\n")
    assert error.code is ErrorCode.FFMPEG_ERROR and "Segmentation fault" in error.message


def test_locate_prefers_setting_then_env_then_bundled_then_path(tmp_path, monkeypatch):
    fake = tmp_path / "myffmpeg"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    assert locate(str(fake), env={}).source == "setting"
    assert locate(None, env={"STORYCLIP_FFMPEG": str(fake)}).source == "environment"
    assert locate(str(fake), env={"STORYCLIP_FFMPEG": "/nope"}).source == "setting"
    with pytest.raises(FFmpegNotFound, match="does not exist"):
        locate(str(tmp_path / "missing"), env={})
    bindir = tmp_path / "bin"
    bindir.mkdir()
    os.symlink(fake, bindir / "ffmpeg")
    monkeypatch.setenv("PATH", str(bindir))
    assert locate(None, env={}).source == "imageio-ffmpeg"  # the tested build before PATH's
    assert locate("system", env={}).ffmpeg == str(bindir / "ffmpeg")
    assert locate(None, env={"STORYCLIP_FFMPEG": "system"}).source == "environment"
    monkeypatch.setattr("storyclip_gui.core.ffmpeg.locate._bundled_ffmpeg", lambda: None)
    assert locate(None, env={}).source == "PATH"


def test_ffprobe_only_from_the_same_build(tmp_path, monkeypatch):
    """An ffprobe elsewhere on PATH is another build: never mixed with the chosen ffmpeg."""
    build, other = tmp_path / "build", tmp_path / "other"
    for folder, names in ((build, ("ffmpeg-9",)), (other, ("ffmpeg", "ffprobe"))):
        folder.mkdir()
        for name in names:
            (folder / name).write_text("#!/bin/sh\n")
            (folder / name).chmod(0o755)
    monkeypatch.setenv("PATH", str(other))
    assert locate(str(build / "ffmpeg-9"), env={}).ffprobe is None
    (build / "ffprobe-9").write_text("#!/bin/sh\n")
    (build / "ffprobe-9").chmod(0o755)
    assert locate(str(build / "ffmpeg-9"), env={}).ffprobe == str(build / "ffprobe-9")
    assert locate("system", env={}).ffprobe == str(other / "ffprobe")
