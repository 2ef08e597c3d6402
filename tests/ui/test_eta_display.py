"""The learned ETA in the window: its band in the ETA column, the queue's in status bar and tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyclip_gui.core.eta import Sample
from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.ui.job_table_model import COL_ETA


def test_a_queued_job_shows_its_learned_band_and_the_queue_its_finish(make_window, engine,
                                                                      qtbot: Any,
                                                                      tmp_path: Path) -> None:
    source = tmp_path / "talk.mp4"
    source.write_bytes(b"\0" * 3_000_000)
    for n in range(4):  # clips this machine made: 15 s of 30 s sources (3 MB) at 1.5x and 1x
        engine.manager.eta.model.add(Sample(n, "libx264", "medium", "1080x1920", "h264", 1080, 1,
                                            15.0, 10.0 if n < 3 else 15.0, 3_000_000, 30.0))
    window = make_window()
    engine.facade.pause()
    job = engine.facade.submit(JobSpec(str(source), StoryOptions()))
    assert job.state is JobState.QUEUED
    row = window.model.row_of(job.id)
    cell = window.model.index(row, COL_ETA)
    qtbot.waitUntil(lambda: window.model.data(cell) not in (None, ""), timeout=5_000)
    # 30 s of source (guessed from its size) at the median 1.5x; at the slow tenth, 1.15x
    assert window.model.data(cell) == "~0:20 – 0:26"
    assert "nine times in ten" in window.model.data(cell, 3)  # its tooltip says what it is
    window._show_counts(window.model.counts)
    assert "all done in" not in window.counts_label.text()  # paused: no promise


def test_while_a_job_runs_the_status_bar_says_when_the_queue_is_done(make_window, engine,
                                                                     qtbot: Any, video) -> None:
    source = video("eta-window.mp4", seconds=4, size="320x240")
    for n in range(3):
        engine.manager.eta.model.add(Sample(n, "libx264", "low", "720x1280", "h264", 240, 1,
                                            1.0, 1.0, source.stat().st_size, 4.0))
    window = make_window()
    engine.facade.submit(JobSpec(str(source), StoryOptions.from_dict(
        {"clip_seconds": 1, "size": "720x1280", "quality": "low"})))
    qtbot.waitUntil(lambda: "all done in ~" in window.counts_label.text(), timeout=10_000)
    queue_tab = window.tabs.indexOf(window.main_splitter)
    assert window.tabs.tabText(queue_tab).startswith("Queue · ~")  # the queue's header too
    qtbot.waitUntil(lambda: not engine.facade.running_ids and not engine.facade.queued_ids,
                    timeout=60_000)  # fmt: skip
    window._show_counts(window.model.counts)
    assert window.tabs.tabText(queue_tab) == "Queue"


def test_jobs_with_nothing_to_estimate_from_keep_the_window_from_promising_all_done(
    make_window, engine, monkeypatch
) -> None:
    from storyclip_gui.core.eta import Eta

    window = make_window()
    monkeypatch.setattr(engine.facade, "queue_eta", lambda: Eta(100.0, 130.0, "history", 1))
    window._show_counts(window.model.counts)
    text = window.counts_label.text()
    assert "all done" not in text and "not estimated yet" in text
    assert "estimated jobs done in ~1:40 – 2:10" in text
    assert window.tabs.tabText(window.tabs.indexOf(window.main_splitter)) == "Queue"
    monkeypatch.setattr(engine.facade, "queue_eta", lambda: Eta(100.0, 130.0, "history", 0))
    window._show_counts(window.model.counts)
    assert "all done in ~1:40 – 2:10" in window.counts_label.text()
