"""What the window shows that it used to hide: the queue paused by a full disk (checked Pause,
the reason, one click resumes), history writes that fail, failed jobs after a restart."""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.store import open_store
from storyclip_gui.ui.main_window import MainWindow
from tests.conftest import FAKE_FFMPEG


def stop(qtbot: Any, engine: Any) -> None:
    """What app.run_gui does once the window has closed."""
    stopped = asyncio.ensure_future(engine.facade.shutdown())
    qtbot.waitUntil(stopped.done, timeout=15_000)


def pause_button(window: MainWindow) -> Any:
    [toolbar] = [t for t in window.findChildren(QToolBar) if window.act_pause in t.actions()]
    return toolbar.widgetForAction(window.act_pause)


@pytest.mark.media
def test_a_full_disk_pauses_the_queue_visibly_and_one_click_resumes(
    qloop, qtbot, ffmpeg, video, monkeypatch, tmp_path
):
    monkeypatch.setenv("FAKE_FFMPEG_MODE", "diskfull")  # clip writes fail, probes are real
    monkeypatch.setenv("FAKE_FFMPEG_REAL", ffmpeg)
    settings = load_settings(overrides={"ffmpeg": str(FAKE_FFMPEG), "concurrency": 1})
    engine = build_engine(settings, store=MemoryJobStore(), recover=False)
    window = MainWindow(engine, confirm_quit=lambda _n: True)
    qtbot.addWidget(window)
    window.show()
    first, second = window.add_paths([str(video("full1.mp4", seconds=2)),
                                      str(video("full2.mp4", seconds=2))])  # fmt: skip
    qtbot.waitUntil(lambda: first.state is JobState.FAILED, timeout=60_000)
    assert first.error is not None and first.error.code.value == "disk_full"
    # at once, from QueuePaused: no count change needed, nothing to click first
    assert window.act_pause.isChecked() and window.act_pause.text() == "Resume queue"
    reason = engine.facade.pause_reason
    assert reason is not None and reason.startswith("Queue paused: ")
    assert window.pause_label.isVisible() and window.pause_label.text() == reason
    assert window.notice.isVisible() and window.notice_text.text() == reason
    assert window.counts_label.text().endswith("· paused")
    assert second.state is JobState.QUEUED
    window.model.flush()  # the coalesced counts, as a person sees them a moment later
    window.grab().save(str(tmp_path / "paused-disk-full.png"))

    qtbot.mouseClick(pause_button(window), Qt.MouseButton.LeftButton)  # one click
    assert not window.act_pause.isChecked() and not engine.facade.paused
    assert not window.pause_label.isVisible() and not window.notice.isVisible()
    assert "paused" not in window.counts_label.text()
    qtbot.waitUntil(lambda: second.state is JobState.FAILED, timeout=60_000)  # it ran
    assert window.act_pause.isChecked()  # and the disk, still full, paused the queue again
    window.close()
    stop(qtbot, engine)


def test_a_history_write_that_fails_reaches_the_notice_bar(qloop, qtbot, video, tmp_path):
    db = tmp_path / "history.db"
    engine = build_engine(load_settings(), store=open_store(db, busy_timeout_ms=50),
                          recover=False)  # fmt: skip
    engine.facade.pause()
    window = MainWindow(engine, confirm_quit=lambda _n: True)
    qtbot.addWidget(window)
    window.show()
    [job] = window.add_paths([str(video("locked.mp4", seconds=2))])
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        engine.facade.cancel(job.id)  # the state change cannot be written
        assert window.notice.isVisible()
        assert "locked" in window.notice_text.text()
        assert engine.facade.store_health() is not None
    finally:
        other.execute("ROLLBACK")
        other.close()
    engine.facade.retry(job.id)  # the next write catches up
    assert engine.facade.store_health() is None
    window.close()
    engine.store.close()  # type: ignore[attr-defined]


def test_failed_jobs_stay_listed_and_retryable_after_a_restart(qloop, qtbot, tmp_path):
    """Issue 16 item 12, through the real SQLite history and start-up recovery."""
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x01garbage" * 500)
    first = build_engine(load_settings(), list_failed=True)
    window = MainWindow(first, confirm_quit=lambda _n: True)
    qtbot.addWidget(window)
    [job] = window.add_paths([str(broken)])
    qtbot.waitUntil(lambda: job.state is JobState.FAILED, timeout=60_000)
    window.close()
    stop(qtbot, first)
    first.store.close()  # type: ignore[attr-defined]

    resume = build_engine(load_settings())  # `storyclip resume`, `serve`: nothing to resume
    assert resume.facade.get(job.id) is None
    resume.store.close()  # type: ignore[attr-defined]
    second = build_engine(load_settings(), list_failed=True)  # a restart: adopted again
    window = MainWindow(second, confirm_quit=lambda _n: True)
    qtbot.addWidget(window)
    assert window.model.job(job.id) is not None
    assert window.model.job(job.id).state is JobState.FAILED
    assert window.act_retry_failed.isEnabled()
    window.act_retry_failed.trigger()
    qtbot.waitUntil(lambda: second.facade.get(job.id).state is JobState.FAILED
                    and second.facade.get(job.id).attempts == 2, timeout=60_000)  # fmt: skip
    window.model.flush()
    window.select_job(job.id)
    window.act_remove.trigger()  # removed by a person: not back after the next restart
    window.close()
    stop(qtbot, second)
    second.store.close()  # type: ignore[attr-defined]

    third = build_engine(load_settings(), list_failed=True)
    assert third.facade.get(job.id) is None and third.facade.lookup(job.id) is not None
    third.store.close()  # type: ignore[attr-defined]


def test_the_paused_state_survives_into_a_new_window(qloop, qtbot, engine: Any) -> None:
    engine.facade.pause("Queue paused: The disk is full.")
    window = MainWindow(engine, confirm_quit=lambda _n: True)
    qtbot.addWidget(window)
    assert window.act_pause.isChecked() and window.pause_label.text().endswith("full.")
    assert window.counts_label.text().endswith("· paused")


@pytest.fixture
def engine(qloop: Any) -> Any:
    return build_engine(load_settings(), store=MemoryJobStore(), recover=False)
