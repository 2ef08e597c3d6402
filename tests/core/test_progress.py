"""ProgressParser on recorded real ffmpeg output and on hostile splits."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyclip_gui.core.ffmpeg.progress import ProgressParser

RECORDED = (Path(__file__).parents[1] / "data" / "progress_x264.txt").read_bytes()


def test_recorded_output_gives_every_block_in_order():
    updates = ProgressParser().feed(RECORDED)
    assert len(updates) == RECORDED.count(b"progress=")
    assert updates[0].out_time is None  # ffmpeg says N/A before the first frame is written
    times = [u.out_time for u in updates if u.out_time is not None]
    assert times == sorted(times) and times[-1] == pytest.approx(4.0, abs=0.05)
    assert updates[-1].ended and not any(u.ended for u in updates[:-1])
    assert updates[-1].frame == 120
    assert all(u.speed is None or u.speed > 0 for u in updates)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1000])
def test_any_split_gives_the_same_updates(chunk):
    whole = ProgressParser().feed(RECORDED)
    parser = ProgressParser()
    pieces = []
    for i in range(0, len(RECORDED), chunk):
        pieces.extend(parser.feed(RECORDED[i : i + chunk]))
    assert pieces == whole


def test_out_time_ms_is_microseconds_and_fallbacks():
    parser = ProgressParser()
    [u] = parser.feed(b"out_time_ms=2500000\nspeed=N/A\nprogress=continue\n")
    assert u.out_time == 2.5 and u.speed is None
    [u] = parser.feed(b"out_time_us=N/A\nout_time=00:01:02.500000\nprogress=continue\n")
    assert u.out_time == 62.5
    [u] = parser.feed(b"out_time=-577014:32:22.77\nprogress=continue\n")
    assert u.out_time is None


def test_partial_line_waits_for_its_end_and_crlf_is_fine():
    parser = ProgressParser()
    assert parser.feed(b"out_time_us=1000000\r\nspeed= 2.5x\r\nprogr") == []
    [u] = parser.feed(b"ess=end\r\n")
    assert (u.out_time, u.speed, u.ended) == (1.0, 2.5, True)


def test_garbage_lines_are_ignored():
    parser = ProgressParser()
    [u] = parser.feed(b"\xff\xfe junk\nframe=abc\nprogress=continue\n")
    assert u.frame is None and u.out_time is None


def test_pipeline_progress_never_goes_back_when_ffmpeg_says_na():
    """A block with out_time=N/A after real times must not pull the job's progress back."""
    from pathlib import Path

    from storyclip_gui.core.ffmpeg.locate import Toolchain
    from storyclip_gui.core.ffmpeg.progress import ProgressUpdate
    from storyclip_gui.core.jobs import Job
    from storyclip_gui.core.options import StoryOptions
    from storyclip_gui.core.pipeline import JobPipeline, PipelineConfig, PipelineHooks

    seen: list[float] = []
    job = Job(id="j", source="/a.mp4", options=StoryOptions(), output_root="/o")
    hooks = PipelineHooks(lambda j: seen.append(j.progress), lambda j, c: None, lambda j, p: None)
    config = PipelineConfig(None, Toolchain("ffmpeg", None, "test"), Path("/tmp"))  # type: ignore[arg-type]
    pipeline = JobPipeline(job, config, hooks)
    pipeline._pending_seconds = 10.0
    for out_time in (2.0, None, 1.9, 5.0):
        pipeline._on_progress(10.0, ProgressUpdate(out_time, None, None, 1.0, None, False))
    assert seen == [40.0, 40.0, 40.0, 55.0]
