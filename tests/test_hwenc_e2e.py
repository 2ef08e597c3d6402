"""Hardware encoders end to end: detection, `auto`, and the fallback to libx264, through the
engine (real QProcess, real files, the PyAV oracle). No GPU here: the two real builds fail
every hardware encoder for real, and the fake ffmpeg plays working or failing ones by running
the real ffmpeg with libx264 in their place (tests/helpers/fake_ffmpeg.py, FAKE_FFMPEG_HW)."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core import encoder_detect
from storyclip_gui.core.encoder_detect import detect
from storyclip_gui.core.ffmpeg.encoders import HARDWARE, encoder_in
from storyclip_gui.core.ffmpeg.locate import bundled_toolchain
from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.selftest import SubprocessRunner
from storyclip_gui.runner.qprocess_runner import QProcessRunner
from tests.conftest import FAKE_FFMPEG
from tests.helpers.oracle import check_clips

pytestmark = [pytest.mark.media, pytest.mark.slow]

SMALL = {"clip_seconds": 1, "width": 720, "height": 1280, "quality": "low"}
FAKE_REASON = "Cannot load the fake driver for h264_nvenc"


def real_builds() -> list[str]:
    bundled = bundled_toolchain()
    builds = [bundled.ffmpeg] if bundled else []
    return builds + (["/usr/bin/ffmpeg"] if os.access("/usr/bin/ffmpeg", os.X_OK) else [])


@pytest.fixture
def hardware(monkeypatch, ffmpeg):
    """Settings whose ffmpeg is the fake, playing the hardware encoders `spec` names."""

    def setup(spec: str):
        encoder_detect.forget()
        monkeypatch.setenv("FAKE_FFMPEG_HW", spec)
        monkeypatch.setenv("FAKE_FFMPEG_MODE", "passthrough")
        monkeypatch.setenv("FAKE_FFMPEG_REAL", ffmpeg)
        return load_settings(overrides={"ffmpeg": str(FAKE_FFMPEG)})

    yield setup
    encoder_detect.forget()


def run_job(run_async, settings, source, **options):
    engine = build_engine(settings, runner=QProcessRunner(terminate_grace=1.0))

    async def go():
        job = engine.manager.submit(JobSpec(str(source), StoryOptions(**SMALL, **options)))
        await engine.manager.wait_until_idle()
        return job

    job = run_async(go())
    return job, engine


def exact(source, job):
    report = check_clips(source, job.clips, min_tail_seconds=1.0, size=(720, 1280))
    assert not report.problems, report.table()


def clip_encoders(job):
    """(clip index read from the output name, encoder) of every clip run, in order."""
    return [(int(argv[-1].rsplit(".", 2)[-2]), encoder_in(argv)) for argv in job.commands]


def samples(engine):
    return [s.encoder for s in engine.manager.eta.log.recent(100)]


@pytest.mark.parametrize("build", real_builds())
def test_the_real_builds_here_have_no_working_hardware_encoder(build):
    encoder_detect.forget()
    statuses = asyncio.run(detect(SubprocessRunner(), build))
    assert list(statuses) == list(HARDWARE)
    assert not any(s.works for s in statuses.values()), statuses
    # listed ones fail with ffmpeg's own reason; a listed encoder is never called working
    for status in statuses.values():
        assert status.describe() == ("not in this build" if not status.listed
                                     else f"listed, fails: {status.reason}")  # fmt: skip
    assert sum(s.listed for s in statuses.values()) >= 3, statuses


@pytest.mark.parametrize("build", real_builds())
def test_auto_renders_exact_clips_with_libx264_on_the_real_builds(run_async, video, build):
    encoder_detect.forget()
    source = video("hw_real.mp4", seconds=3)
    settings = load_settings(overrides={"ffmpeg": build})
    job, _engine = run_job(run_async, settings, source)
    assert job.state is JobState.COMPLETED, job.error
    assert {e for _, e in clip_encoders(job)} == {"libx264"}
    assert job.to_dict()["encoder"] == "libx264"
    exact(source, job)


def test_auto_picks_the_working_hardware_encoder(run_async, video, hardware):
    source = video("hw_auto.mp4", seconds=3)
    settings = hardware("h264_nvenc=fail,h264_vaapi=work,h264_qsv=work")
    job, engine = run_job(run_async, settings, source)
    assert job.state is JobState.COMPLETED, job.error
    assert clip_encoders(job) == [(1, "h264_vaapi"), (2, "h264_vaapi"), (3, "h264_vaapi")]
    assert job.to_dict()["encoder"] == "h264_vaapi"
    manifest = json.loads((Path(job.output_dir) / "manifest.json").read_text())
    assert manifest["encoder"] == "h264_vaapi" and manifest["encoderNotes"] == []
    assert samples(engine) == ["h264_vaapi"] * 3  # the learned ETA keys the real encoder
    exact(source, job)


def test_auto_with_no_working_encoder_uses_libx264(run_async, video, hardware):
    source = video("hw_auto.mp4", seconds=3)
    job, engine = run_job(run_async, hardware("h264_nvenc=fail,h264_qsv=fail"), source)
    assert job.state is JobState.COMPLETED, job.error
    assert {e for _, e in clip_encoders(job)} == {"libx264"}
    assert "[storyclip]" not in engine.manager.log_tail(job.id)  # nothing was asked for


def test_a_clip_failing_mid_job_is_rendered_again_with_libx264(run_async, video, hardware):
    source = video("hw_auto.mp4", seconds=3)
    job, engine = run_job(run_async, hardware("h264_nvenc=fail@2"), source)
    assert job.state is JobState.COMPLETED, job.error
    assert clip_encoders(job) == [(1, "h264_nvenc"), (2, "h264_nvenc"), (2, "libx264"),
                                  (3, "libx264")]  # fmt: skip
    log = engine.manager.log_tail(job.id)
    assert (f"h264_nvenc failed on clip 2: {FAKE_REASON}; the job continues with libx264"
            in log), log  # fmt: skip
    assert job.to_dict()["encoder"] == "libx264"
    assert samples(engine) == ["h264_nvenc", "libx264", "libx264"]
    exact(source, job)


def test_an_explicit_encoder_that_does_not_work_falls_back_with_the_reason(run_async, video,
                                                                          hardware):  # fmt: skip
    source = video("hw_auto.mp4", seconds=3)
    job, engine = run_job(run_async, hardware("h264_nvenc=fail,h264_qsv=work"), source,
                          encoder="nvenc")  # fmt: skip
    assert job.state is JobState.COMPLETED, job.error
    assert {e for _, e in clip_encoders(job)} == {"libx264"}  # not qsv: nvenc was asked for
    log = engine.manager.log_tail(job.id)
    assert (f"h264_nvenc does not work here (listed, fails: {FAKE_REASON}); the job uses "
            "libx264") in log, log
    manifest = json.loads((Path(job.output_dir) / "manifest.json").read_text())
    assert manifest["encoderNotes"] and FAKE_REASON in manifest["encoderNotes"][0]


def test_x264_asked_for_is_used_without_detection(run_async, video, hardware):
    source = video("hw_auto.mp4", seconds=3)
    settings = hardware("h264_nvenc=work")
    job, _ = run_job(run_async, settings, source, encoder="x264")
    assert job.state is JobState.COMPLETED, job.error
    assert {e for _, e in clip_encoders(job)} == {"libx264"}
    assert encoder_detect.cached(str(FAKE_FFMPEG)) is None


def test_a_hanging_encoder_is_given_up_on_within_the_timeout(hardware):
    hardware("h264_nvenc=hang,h264_qsv=work")

    async def go():
        return await detect(SubprocessRunner(), str(FAKE_FFMPEG), timeout=1.0)

    statuses = asyncio.run(asyncio.wait_for(go(), 30))  # never hangs the caller
    assert statuses["h264_nvenc"].describe() == "listed, fails: no frame within 1 s"
    assert statuses["h264_qsv"].works
    assert not statuses["h264_vaapi"].listed
