"""Settings: live where safe, "applies after restart" otherwise, the server's own group, the
environment never written, and a retention that deletes history asks first and says what."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QGroupBox, QLabel, QLineEdit

from storyclip_gui.app import build_engine
from storyclip_gui.config import LIVE_SETTINGS, SETTINGS, load_settings
from storyclip_gui.core.jobs import Job, JobState
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.ui.settings_dialog import SettingsDialog

DAY = 86400.0


def click_ok(qtbot: Any, dialog: SettingsDialog) -> None:
    [box] = dialog.findChildren(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def finished_job(job_id: str, days_ago: float) -> Job:
    ended = time.time() - days_ago * DAY
    return Job(id=job_id, source=f"/v/{job_id}.mp4", options=StoryOptions(), output_root="/o",
               state=JobState.COMPLETED, created_at=ended - 60, started_at=ended - 50,
               finished_at=ended)  # fmt: skip


def test_live_settings_apply_at_once_and_the_others_say_after_restart(make_window, engine,
                                                                      tmp_path):  # fmt: skip
    window = make_window()
    dialog = window.open_settings()
    notes = {n.objectName().removeprefix("restartNote_") for n in dialog.findChildren(QLabel)
             if n.objectName().startswith("restartNote_")}  # fmt: skip
    assert notes == {s.name for s in SETTINGS} - LIVE_SETTINGS
    assert {"ffmpeg", "server_port", "auto_resume"} <= notes and "temp_dir" not in notes
    dialog.editor("stall_timeout_s").setValue(7.5)
    dialog.editor("concurrency").setValue(3)
    dialog.editor("temp_dir").findChild(QLineEdit).setText(str(tmp_path / "work"))
    dialog.editor("ffmpeg").setText("system")
    dialog.accept()
    pipeline = engine.facade.pipeline
    assert pipeline.stall_timeout == 7.5 and pipeline.temp_root == tmp_path / "work"
    assert engine.manager.scheduler.concurrency == 3
    assert engine.settings.ffmpeg == "system"
    assert "Applies after restart: ffmpeg" in window.statusBar().currentMessage()


def test_the_server_settings_have_their_own_group_with_the_server_panel(make_window):
    window = make_window()
    window.set_server_status("http://127.0.0.1:8765", 2)
    dialog = window.open_settings()
    [box] = [b for b in dialog.findChildren(QGroupBox) if b.title() == "Server"]
    assert box.findChild(QLabel, "serverPanel").text().endswith("http://127.0.0.1:8765")
    for name in ("server_host", "server_port", "server_allowed_origins", "max_queued_jobs"):
        assert box.isAncestorOf(dialog.editor(name)), name
    dialog.editor("server_port").setValue(9001)
    dialog.accept()
    assert json.loads(window.engine.settings.settings_file.read_text()) == {"server_port": 9001}
    dialog = window.open_settings()
    dialog.resize(560, 900)
    dialog.grab().save(str(window.engine.settings.data_dir / "settings.png"))
    dialog.reject()


def test_settings_ok_never_writes_any_environment_value(make_window, engine, tmp_path, ffmpeg):
    env = {"STORYCLIP_DATA_DIR": str(engine.settings.data_dir),
           "OUTPUT_DIR": str(tmp_path / "env-out"), "TEMP_DIR": str(tmp_path / "env-tmp"),
           "STORYCLIP_FFMPEG": ffmpeg, "STORYCLIP_STALL_TIMEOUT": "33"}  # fmt: skip
    engine.settings = load_settings(env=env)
    window = make_window()
    dialog = window.open_settings()
    dialog.editor("concurrency").setValue(3)
    dialog.editor("history_retention_days").setValue(0.0)
    dialog.accept()
    assert json.loads(engine.settings.settings_file.read_text()) == {"concurrency": 3}
    assert load_settings(env=env).stall_timeout_s == 33.0  # still from the environment


def test_a_retention_that_deletes_history_asks_first_and_says_what(make_window, engine, qtbot):
    engine.store.add(finished_job("old1", days_ago=40))
    engine.store.add(finished_job("old2", days_ago=20))
    engine.store.add(finished_job("new", days_ago=1))
    window = make_window()
    asked: list[str] = []

    def dialog_with(answer: bool) -> SettingsDialog:
        dialog = window.open_settings()
        dialog.confirm = lambda text: asked.append(text) or answer
        dialog.editor("history_retention_days").setValue(10.0)
        return dialog

    dialog = dialog_with(False)
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and not engine.settings.settings_file.exists()
    oldest = time.strftime("%Y-%m-%d", time.localtime(time.time() - 40 * DAY))
    assert "2 jobs will be deleted" in asked[0] and oldest in asked[0]
    assert "clips are kept" in asked[0]
    dialog.reject()
    dialog = dialog_with(True)
    click_ok(qtbot, dialog)
    assert engine.settings.history_retention_days == 10.0 and len(asked) == 2
    dialog = window.open_settings()  # keeping as much as before or more asks nothing
    dialog.confirm = lambda text: asked.append(text) or False
    dialog.editor("history_retention_days").setValue(30.0)
    click_ok(qtbot, dialog)
    assert len(asked) == 2 and engine.settings.history_retention_days == 30.0


def test_retention_at_start_says_what_it_forgot(qloop: Any, tmp_path: Path) -> None:
    store = MemoryJobStore()
    for job in (finished_job("old1", 40), finished_job("old2", 20), finished_job("new", 1)):
        store.add(job)
    engine = build_engine(load_settings(overrides={"history_retention_days": 10}), store=store)
    assert engine.pruned is not None
    assert "forgetting 2 finished jobs" in engine.pruned and "clips are kept" in engine.pruned
    assert set(store.jobs) == {"new"}
    again = build_engine(load_settings(), store=store)  # 0: keep everything, say nothing
    assert again.pruned is None and set(store.jobs) == {"new"}
