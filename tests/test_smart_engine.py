"""Smart cuts through the whole engine: the analysis is its own phase with progress read from
ffmpeg, it is cached in the history database (a re-run does not analyse again), it can be
cancelled, and a failed analysis leaves the fixed cuts. Real ffmpeg, QProcess and SQLite."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.runner.qprocess_runner import QProcessRunner
from tests.conftest import FAKE_FFMPEG
from tests.helpers.procs import alive
from tests.helpers.smart_media import SMART_TRUTH, make_smart_source

pytestmark = pytest.mark.media

SMART = StoryOptions(clip_seconds=10, width=720, height=1280, quality="low", cuts="smart")


class CountingRunner:
    """The real runner, remembering every argv it ran."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.argvs: list[list[str]] = []
        self.log = ""  # the job's ffmpeg output, once it ran

    async def run(self, argv, **kwargs):
        self.argvs.append(list(argv))
        return await self.inner.run(argv, **kwargs)

    @property
    def analyses(self) -> int:
        return sum(any("scdet" in a for a in argv) for argv in self.argvs)


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory, ffmpeg_module: str) -> Path:
    return make_smart_source(ffmpeg_module, tmp_path_factory.mktemp("smart") / "known.mp4")


@pytest.fixture(scope="module")
def ffmpeg_module() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


def _run(run_async, settings, source: Path, options: StoryOptions = SMART, on_event=None):
    runner = CountingRunner(QProcessRunner(terminate_grace=1.0))
    engine = build_engine(settings, runner=runner)
    events: list[Any] = []
    engine.bus.subscribe(events.append)
    if on_event:
        engine.bus.subscribe(lambda e: on_event(engine, e))

    async def go():
        job = engine.manager.submit(JobSpec(str(source), options))
        await engine.manager.wait_until_idle()
        return job

    job = run_async(go(), timeout=300)
    runner.log = engine.manager.log_tail(job.id)
    close = getattr(engine.store, "close", None)
    if close:
        close()
    return job, events, runner


def test_analysis_is_a_phase_with_progress_and_is_cached_in_history(run_async, known):
    settings = load_settings()
    job, events, runner = _run(run_async, settings, known)
    assert job.state is JobState.COMPLETED, job.error
    assert runner.analyses == 1
    ticks = [e.job["progress"] for e in events if e.job["phase"] == "analysing"]
    assert len(set(ticks)) >= 2 and all(20 <= t <= 30 for t in ticks), ticks
    assert ticks == sorted(ticks)  # read from ffmpeg's -progress, never backwards
    reasons = [c.cut["endReason"] for c in job.clips[:-1]]
    assert sum(r is not None for r in reasons) == 3, reasons
    with sqlite3.connect(settings.data_dir / "storyclip.db") as con:
        rows = con.execute("SELECT source, data FROM analysis_cache").fetchall()
    assert [r[0] for r in rows] == [str(known)]
    manifest = json.loads((Path(job.output_dir) / "manifest.json").read_text())
    assert [c["cut"] for c in manifest["clips"]] == [c.cut for c in job.clips]
    assert all(c["qc"]["status"] in ("pass", "warn") for c in manifest["clips"])
    assert manifest["options"]["cuts"] == "smart"

    # a new engine on the same history: the same cuts, and no second analysis
    again, events, runner = _run(run_async, settings, known)
    assert again.state is JobState.COMPLETED, again.error
    assert runner.analyses == 0
    assert [(c.start, c.end, c.cut) for c in again.clips] == [
        (c.start, c.end, c.cut) for c in job.clips
    ]
    assert any(e.job["message"].endswith("from history") for e in events)


def test_a_changed_source_is_analysed_again(run_async, known, tmp_path):
    settings = load_settings()
    copy = tmp_path / "copy.mp4"
    copy.write_bytes(known.read_bytes())
    # the analysis covers the whole source whatever is rendered: one clip is enough here
    one_clip = replace(SMART, max_clips=1)
    job, _, runner = _run(run_async, settings, copy, one_clip)
    assert job.state is JobState.COMPLETED and len(job.clips) == 1, job.error
    assert runner.analyses == 1
    with copy.open("ab") as f:  # same head, different size and time: another file now
        f.write(b"\0" * 16)
    assert _run(run_async, settings, copy, one_clip)[2].analyses == 1


def test_cancel_during_the_analysis(run_async, known, ffmpeg_module, monkeypatch):
    monkeypatch.setenv("FAKE_FFMPEG_MODE", "slow")
    monkeypatch.setenv("FAKE_FFMPEG_STRIKE", "analysis")
    monkeypatch.setenv("FAKE_FFMPEG_REAL", ffmpeg_module)
    settings = load_settings(overrides={"ffmpeg": str(FAKE_FFMPEG)})
    pids: list[int] = []

    def cancel_when_analysing(engine, event) -> None:
        if event.job["phase"] == "analysing" and event.job.get("progress", 0) > 20 and not pids:
            job = engine.manager.get(event.job_id)
            pids.append(job.pid)
            engine.manager.cancel(event.job_id)

    job, _, _ = _run(run_async, settings, known, on_event=cancel_when_analysing)
    assert pids and pids[0], "the analysis never reported progress"
    assert job.state is JobState.CANCELLED
    assert not alive(pids[0])
    assert job.output_dir is None and job.clips_verified == 0


def test_a_failed_analysis_leaves_the_fixed_cuts(run_async, known, ffmpeg_module, monkeypatch):
    monkeypatch.setenv("FAKE_FFMPEG_MODE", "crash")
    monkeypatch.setenv("FAKE_FFMPEG_STRIKE", "analysis")
    monkeypatch.setenv("FAKE_FFMPEG_REAL", ffmpeg_module)
    settings = load_settings(overrides={"ffmpeg": str(FAKE_FFMPEG)})
    job, _, runner = _run(run_async, settings, known)
    assert job.state is JobState.COMPLETED, job.error
    assert runner.analyses == 1
    seconds = SMART_TRUTH.seconds
    assert [(c.start, c.end) for c in job.clips] == [
        (float(a), float(min(a + 10, seconds))) for a in range(0, int(seconds), 10)
    ]
    assert all(c.cut is None for c in job.clips)  # no analysis: nothing moved, nothing to say
    assert "cut analysis failed" in runner.log
    with sqlite3.connect(settings.data_dir / "storyclip.db") as con:  # a failure is not kept
        assert con.execute("SELECT count(*) FROM analysis_cache").fetchone()[0] == 0
