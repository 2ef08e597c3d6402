"""The window: drops, refusals, the live table, context-menu actions, settings, language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu

from storyclip_gui.ui.job_table_model import COL_SOURCE, COL_STATUS, JOB_ROLE
from storyclip_gui.ui.main_window import MainWindow


def drop(widget, paths: list[Path]) -> QDropEvent:
    """A real drag-enter then drop of file URLs, as a file manager sends them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(20, 20), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(20, 20), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)
    return event


def statuses(window: MainWindow) -> list[str]:
    model = window.model
    return [model.index(r, 0).data(JOB_ROLE).state for r in range(model.rowCount())]


def sources(window: MainWindow) -> list[str]:
    return [window.model.index(r, COL_SOURCE).data() for r in range(window.model.rowCount())]


def menu_action(menu: QMenu, name: str):
    [action] = [a for a in menu.actions() if a.objectName() == name]
    return action


def test_dropping_files_and_a_folder_creates_one_job_per_video(
    make_window, engine, video, tmp_path
):
    engine.manager.pause()  # nothing runs: this test is about registration
    window = make_window()
    assert window.pages.currentIndex() == 0  # the welcome page
    folder = tmp_path / "holiday"
    (folder / "day2").mkdir(parents=True)
    shutil.copy(video("a.mp4", seconds=2), folder / "one.mp4")
    shutil.copy(video("a.mp4", seconds=2), folder / "day2" / "two.mov")
    event = drop(window.drop_zone, [video("b.mp4", seconds=2), folder])
    assert event.isAccepted()
    assert [Path(j.source).name for j in engine.manager.jobs()] == ["b.mp4", "one.mp4", "two.mov"]
    assert window.model.rowCount() == 3
    assert window.pages.currentIndex() == 1  # the table
    assert not window.notice.isVisible()


def test_a_non_video_is_refused_by_name_and_the_rest_still_queued(
    make_window, engine, video, tmp_path
):
    engine.manager.pause()
    window = make_window()
    notes = tmp_path / "notes.txt"
    notes.write_text("not a video")
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    drop(window.drop_zone, [notes, video("c.mp4", seconds=2), empty])
    assert window.notice.isVisible()
    text = window.notice_text.text()
    assert "“notes.txt” is not a video file (.txt)" in text
    assert f"“{empty}” holds no videos" in text  # a folder by its absolute path
    assert [Path(j.source).name for j in engine.manager.jobs()] == ["c.mp4"]


def test_a_job_runs_end_to_end_and_its_row_lists_the_clips(make_window, engine, video, qtbot):
    window = make_window()
    panel = window.options_panel
    panel.clip_seconds.setValue(1.0)
    panel.size.setCurrentIndex(panel.size.findData("720x1280"))
    panel.quality.setCurrentIndex(panel.quality.findData("low"))
    [job] = window.add_paths([str(video("e2e.mp4", seconds=3))])
    window.select_job(job.id)
    qtbot.waitUntil(lambda: statuses(window) == ["completed"], timeout=120_000)
    qtbot.waitUntil(lambda: window.detail.clips.count() == 3, timeout=5_000)
    names = [window.detail.clips.item(i).text().split("\n")[0] for i in range(3)]
    assert names == ["e2e_01.mp4", "e2e_02.mp4", "e2e_03.mp4"]
    row = window.model.index(0, 0).data(JOB_ROLE)
    assert row.clips_verified == 3 and row.progress == 100
    assert "ffmpeg" in window.detail.command.toPlainText()
    assert "Video processing completed" in window.detail.log.toPlainText()
    # ffmpeg's own words, as it wrote them (it announces its outputs on stderr)
    assert "Output #0, mp4" in window.detail.ffmpeg_output.toPlainText()
    # thumbnails are made by ffmpeg through the engine's runner, off the UI's back
    qtbot.waitUntil(lambda: not window.thumbnails.busy, timeout=30_000)
    assert len(list((engine.settings.data_dir / "thumbnails").glob("*.jpg"))) == 3
    assert "Done 1" in window.counts_label.text()


def test_a_damaged_file_fails_with_its_reason_in_the_row(make_window, engine, qtbot, tmp_path):
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x01garbage" * 500)
    window = make_window()
    [job] = window.add_paths([str(broken)])
    window.select_job(job.id)
    qtbot.waitUntil(lambda: statuses(window) == ["failed"], timeout=60_000)
    index = window.model.index(0, COL_STATUS)
    assert "broken.mp4" in index.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(lambda: "[invalid_input]" in window.detail.log.toPlainText(), timeout=5_000)
    assert window.act_retry_failed.isEnabled()


def test_cancel_and_retry_from_the_context_menu(make_window, engine, video, qtbot):
    engine.manager.pause()
    window = make_window()
    [job] = window.add_paths([str(video("d.mp4", seconds=2))])
    window.select_job(job.id)
    menu = window.context_menu()
    cancel, retry = menu_action(menu, "cancelAction"), menu_action(menu, "retryAction")
    assert cancel.isEnabled() and not retry.isEnabled()
    cancel.trigger()
    qtbot.waitUntil(lambda: statuses(window) == ["cancelled"], timeout=2_000)
    menu = window.context_menu()
    assert not menu_action(menu, "cancelAction").isEnabled()
    menu_action(menu, "retryAction").trigger()
    qtbot.waitUntil(lambda: statuses(window) == ["queued"], timeout=2_000)
    assert engine.manager.queued_ids == [job.id]


def test_remove_move_and_clear_finished(make_window, engine, video, qtbot):
    engine.manager.pause()
    window = make_window()
    jobs = window.add_paths([str(video(f"m{i}.mp4", seconds=2)) for i in range(3)])
    window.select_job(jobs[2].id)
    menu_action(window.context_menu(), "moveUpAction").trigger()
    assert engine.manager.queued_ids == [jobs[0].id, jobs[2].id, jobs[1].id]
    qtbot.waitUntil(lambda: sources(window) == ["1. m0.mp4", "2. m2.mp4", "3. m1.mp4"],
                    timeout=2000)  # fmt: skip
    engine.manager.cancel(jobs[0].id)
    qtbot.waitUntil(lambda: statuses(window)[0] == "cancelled", timeout=2_000)
    window.select_job(jobs[0].id)
    menu_action(window.context_menu(), "removeAction").trigger()
    assert window.model.rowCount() == 2 and engine.manager.get(jobs[0].id) is None
    assert engine.store.get(jobs[0].id) is not None  # still in history
    engine.manager.cancel(jobs[1].id)
    qtbot.waitUntil(lambda: "cancelled" in statuses(window), timeout=2_000)
    window.act_clear.trigger()
    assert statuses(window) == ["queued"]


def test_status_and_text_filters(make_window, engine, video, qtbot):
    engine.manager.pause()
    window = make_window()
    jobs = window.add_paths([str(video("alpha.mp4", seconds=2)), str(video("beta.mp4", seconds=2))])
    engine.manager.cancel(jobs[0].id)
    qtbot.waitUntil(lambda: statuses(window)[0] == "cancelled", timeout=2_000)
    window.status_filter.setCurrentIndex(2)  # Queued
    assert window.model.rowCount() == 1
    assert window.model.index(0, COL_SOURCE).data().endswith("beta.mp4")
    window.status_filter.setCurrentIndex(0)
    window.text_filter.setText("ALP")
    assert window.model.rowCount() == 1
    assert window.model.index(0, COL_SOURCE).data() == "alpha.mp4"


def test_window_state_persists_across_a_restart(make_window, engine, qtbot, tmp_path):
    window = make_window()
    window.resize(760, 540)
    total = sum(window.main_splitter.sizes())  # as a drag does: the sizes fill the splitter
    window.main_splitter.setSizes([300, total - 300])
    window.table.horizontalHeader().resizeSection(COL_SOURCE, 333)
    window.options_panel.clip_seconds.setValue(42)
    window.options_panel.quality.setCurrentIndex(2)
    window.qsettings.setValue("ui/lastFolder", str(tmp_path))
    window.close()
    again = make_window()
    assert again.size().width() == 760 and again.size().height() == 540
    assert again.main_splitter.sizes()[0] == 300
    assert again.table.horizontalHeader().sectionSize(COL_SOURCE) == 333
    assert again.options_panel.clip_seconds.value() == 42
    assert again.options_panel.quality.currentData() == "high"
    assert again._last_folder() == str(tmp_path)
    assert Path(again.qsettings.fileName()).parent == engine.settings.data_dir


def test_settings_dialog_applies_and_saves(make_window, engine, tmp_path):
    window = make_window()
    dialog = window.open_settings()
    dialog.editor("concurrency").setValue(3)
    dialog.close_to_tray.setChecked(True)
    dialog.watch_list.addItem(str(tmp_path / "inbox"))
    dialog.accept()
    assert engine.manager.scheduler.concurrency == 3
    assert '"concurrency": 3' in engine.settings.settings_file.read_text()
    assert window.prefs.close_to_tray and window.prefs.watch_folders == [str(tmp_path / "inbox")]
    dialog = window.open_settings()
    dialog.editor("stall_timeout_s").setValue(0.1)
    dialog.editor("concurrency").setValue(2)
    dialog.reject()
    assert engine.manager.scheduler.concurrency == 3


def test_the_spanish_translation_loads(qapp):
    from storyclip_gui.ui.resources import (
        install_translator,
        pick_language,
        resources_dir,
        uninstall_translator,
    )

    assert (resources_dir() / "translations" / "storyclip_es.qm").is_file()
    translator = install_translator(qapp, "es")
    assert translator is not None
    try:
        assert QCoreApplication.translate("MainWindow", "Add videos…") == "Añadir vídeos…"
        assert QCoreApplication.translate("JobTableModel", "Completed") == "Completado"
        assert QCoreApplication.translate("Intake", "is not a video file ({detail})") == (
            "no es un archivo de vídeo ({detail})"
        )
    finally:
        uninstall_translator(qapp, translator)
    assert pick_language("es") == "es" and pick_language("de") in ("en", "es")


def test_the_window_words_every_intake_reason_as_the_core_does(qapp):
    """The window's lupdate marks are core.sources' reasons, word for word, one per reason."""
    from storyclip_gui.core.sources import Refused
    from storyclip_gui.ui.drop_zone import REASONS

    assert {why: why.value for why in Refused} == REASONS


def test_the_window_speaks_spanish(qapp, make_window):
    from storyclip_gui.ui.resources import install_translator, uninstall_translator

    translator = install_translator(qapp, "es")
    try:
        window = make_window()
        assert window.act_add.text() == "Añadir vídeos…"
        assert window.tabs.tabText(1) == "Historial"
    finally:
        uninstall_translator(qapp, translator)


@pytest.mark.parametrize("argv", [["gui", "x.mp4"], []])
def test_storyclip_and_storyclip_gui_open_the_window(monkeypatch, argv):
    import storyclip_gui.app as app
    from storyclip_gui.__main__ import gui_main, main

    seen = []
    monkeypatch.setattr(app, "run_gui", lambda settings, paths: seen.append(paths) or 0)
    assert main(argv) == 0
    assert gui_main(["a.mp4", "b.mov"]) == 0
    assert seen == [argv[1:], ["a.mp4", "b.mov"]]


def test_settings_round_trip_writes_nothing_and_changes_nothing(make_window, engine,
                                                                monkeypatch):  # fmt: skip
    """Open Settings, press OK: no file written, no value changed — for every setting, at its
    default, at its "off" value and at unusual values (OK used to write a retention of 0.1
    days, and the next start deleted the history)."""
    from storyclip_gui.config import SETTINGS, with_overrides

    window = make_window()
    unusual = {"history_retention_days": 0.0, "finished_display_s": 0.0, "server_port": 0,
               "stall_timeout_s": 0.25, "default_clip_seconds": 7.5,
               "monitoring_interval_ms": 1, "concurrency": 16}  # fmt: skip
    for values in ({}, unusual):
        engine.settings = with_overrides(engine.settings, **values)
        dialog = window.open_settings()
        assert dialog.result_settings() == engine.settings, [
            s.name for s in SETTINGS
            if getattr(dialog.result_settings(), s.name) != getattr(engine.settings, s.name)
        ]
        dialog.accept()
        assert not engine.settings.settings_file.exists()


def test_settings_ok_never_writes_values_from_the_environment(make_window, engine, tmp_path):
    import json

    from storyclip_gui.config import load_settings

    engine.settings = load_settings(env={"STORYCLIP_DATA_DIR": str(engine.settings.data_dir),
                                         "OUTPUT_DIR": str(tmp_path / "from-env")})  # fmt: skip
    window = make_window()
    dialog = window.open_settings()
    dialog.editor("concurrency").setValue(3)
    dialog.accept()
    assert json.loads(engine.settings.settings_file.read_text()) == {"concurrency": 3}
