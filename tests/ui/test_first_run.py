"""First run: the welcome page says where clips go and lets it change; Help: setup check, About."""

from __future__ import annotations

import threading
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from storyclip_gui import __version__
from storyclip_gui.ui.help_dialogs import AboutDialog, SetupCheckDialog


def test_the_welcome_page_says_what_to_do_and_where_clips_go(make_window, engine):
    window = make_window()
    assert window.pages.currentWidget() is window.welcome
    texts = " ".join(label.text() for label in window.welcome.findChildren(QLabel))
    assert "Drop videos or folders here" in texts
    expected = str(engine.settings.output_dir)
    assert expected in window.welcome.output_label.text()
    assert window.welcome.output_label.isVisible()
    buttons = {b.objectName(): b for b in window.welcome.findChildren(QPushButton)}
    assert buttons["welcomeAdd"].isVisible() and buttons["welcomeChangeOutput"].isVisible()


def test_change_folder_on_the_welcome_page_sets_where_the_next_job_goes(
    make_window, engine, video, tmp_path, monkeypatch
):
    engine.manager.pause()  # registration only
    chosen = tmp_path / "my stories"
    chosen.mkdir()
    asked: list[str] = []

    def fake_dialog(_parent, _title, start):
        asked.append(start)
        return str(chosen)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(fake_dialog))
    window = make_window()
    button = window.welcome.findChild(QPushButton, "welcomeChangeOutput")
    button.click()
    assert asked == [str(engine.settings.output_dir)]
    assert str(chosen) in window.welcome.output_label.text()
    assert window.options_panel.output_root() == str(chosen)
    [job] = window.add_paths([str(video("first.mp4", seconds=2))])
    assert Path(job.output_root) == chosen
    window.options_panel.output.setText("")  # empty: back to the setting, and it says so
    assert str(engine.settings.output_dir) in window.welcome.output_label.text()


def test_help_offers_check_setup_and_about(make_window):
    window = make_window(check_setup=lambda _output: "report")
    names = [a.objectName() for a in window.help_menu.actions()]
    assert names == ["checkSetupAction", "aboutAction"]
    assert window.help_menu.menuAction() in window.menuBar().actions()
    assert window.act_doctor.shortcut() == QKeySequence("F1")
    assert window.act_doctor.isEnabled()
    assert not make_window().act_doctor.isEnabled()  # nothing to run it with: greyed out


def test_check_setup_runs_off_the_ui_thread_and_shows_the_report(make_window, engine, qtbot):
    seen: list[tuple[Path, int]] = []
    ui_thread = threading.get_ident()

    def check(output: Path) -> str:
        seen.append((output, threading.get_ident()))
        return "✓ ffmpeg  /opt/ffmpeg\n\nEverything the engine needs is here."

    window = make_window(check_setup=check)
    window.act_doctor.trigger()
    dialog = window.findChild(SetupCheckDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.finished_checking, timeout=5_000)
    assert dialog.report.toPlainText().endswith("Everything the engine needs is here.")
    assert dialog.copy_button.isEnabled()
    [(output, thread)] = seen
    assert output == engine.settings.output_dir and thread != ui_thread


def test_a_failing_check_says_so(make_window, qtbot):
    def check(_output: Path) -> str:
        raise OSError("no space left")

    window = make_window(check_setup=check)
    dialog = window.open_setup_check()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.finished_checking, timeout=5_000)
    assert "The setup check itself failed: no space left" in dialog.report.toPlainText()


def test_the_real_doctor_report_from_the_composition_root(make_window, engine, qtbot):
    from storyclip_gui.app import setup_report

    window = make_window(check_setup=lambda output: setup_report(engine.settings, output))
    dialog = window.open_setup_check()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.finished_checking, timeout=30_000)
    text = dialog.report.toPlainText()
    assert "libx264" in text and engine.toolchain.ffmpeg in text
    assert "Everything the engine needs is here." in text


def test_about_shows_the_versions_of_the_app_qt_and_ffmpeg(make_window, engine, qtbot):
    window = make_window()
    window.act_about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.done(), timeout=10_000)
    lines = dict(dialog.lines)
    assert lines["StoryClip Studio"] == __version__
    assert lines["Qt"] == qVersion() and lines["PySide6"] == PySide6.__version__
    assert lines["ffmpeg"][0].isalnum() and "Copyright" not in lines["ffmpeg"]
    assert "did not answer" not in lines["ffmpeg"]
    assert lines["ffmpeg in use"] == engine.toolchain.ffmpeg
    assert f"Qt: {qVersion()}" in dialog.text()
    assert qVersion() in dialog.versions.text()
