"""The when-done countdown in the window: a visible, non-modal bar whose Cancel (click or
Esc) stops a real queue's shutdown countdown; the settings' own group with the stdin note."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QScrollArea

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.ui.main_window import MainWindow
from storyclip_gui.ui.settings_dialog import SettingsDialog, WindowPrefs
from tests.helpers.power import RecordingPower


def _window(qtbot: Any, action: str, power: RecordingPower) -> MainWindow:
    settings = load_settings(overrides={"when_done": action, "when_done_countdown_s": 120})
    engine = build_engine(settings, store=MemoryJobStore(), recover=False, power=power)
    window = MainWindow(engine, confirm_quit=lambda _n: True)
    qtbot.addWidget(window)
    window.show()
    return window


def _finish_a_queue(window: MainWindow, tmp_path: Path, name: str) -> None:
    """A real queue: one job whose source is gone fails, and nothing else waits."""
    window.facade.submit(JobSpec(str(tmp_path / f"{name}.mp4"), job_id=name))


def _stop(qtbot: Any, window: MainWindow) -> None:
    window.close()
    stopped = asyncio.ensure_future(window.engine.facade.shutdown())
    qtbot.waitUntil(stopped.done, timeout=15_000)


def test_the_countdown_bar_cancels_by_click_and_by_escape(qloop, qtbot, tmp_path) -> None:
    power = RecordingPower()
    window = _window(qtbot, "shutdown", power)
    bar = window.countdown
    assert not bar.isVisible()
    _finish_a_queue(window, tmp_path, "first")
    qtbot.waitUntil(bar.isVisible, timeout=10_000)
    assert bar.text.text().startswith("The queue is done. Shutting down in ")
    assert bar.cancel.isVisible() and bar.cancel.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert window.isEnabled() and window.table.isEnabled()  # non-modal: the window works on
    window.grab().save(str(tmp_path / "countdown.png"))
    qtbot.mouseClick(bar.cancel, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert not window.engine.when_done.counting
    assert "stays on" in window.statusBar().currentMessage()

    _finish_a_queue(window, tmp_path, "second")  # the next queue counts down again
    qtbot.waitUntil(bar.isVisible, timeout=10_000)
    bar.cancel.setFocus()
    qtbot.keyClick(bar.cancel, Qt.Key.Key_Escape)
    assert not bar.isVisible() and not window.engine.when_done.counting
    assert power.calls == []
    _stop(qtbot, window)


def test_the_settings_have_a_when_done_group(qloop, qtbot, tmp_path) -> None:
    settings = load_settings(overrides={"when_done": "command"})
    dialog = SettingsDialog(settings, WindowPrefs())
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.editor("when_done")
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "nothing", "command", "sleep", "shutdown"]  # fmt: skip
    assert combo.currentData() == "command"
    note = dialog.findChild(QLabel, "whenDoneCommandNote")
    assert note is not None and "JSON on the command's standard input" in note.text()
    dialog.editor("when_done_command").setText("notify-send 'done'")
    combo.setCurrentIndex(combo.findData("sleep"))
    result = dialog.result_settings()
    assert (result.when_done, result.when_done_command, result.keep_awake) == (
        "sleep", "notify-send 'done'", False)  # fmt: skip (tests turn keep-awake off)
    group = dialog.findChild(QLabel, "whenDoneCommandNote").parentWidget()
    group.grab().save(str(tmp_path / "when-done-settings.png"))


def test_a_failing_command_is_in_the_notice_bar(qloop, qtbot, tmp_path) -> None:
    settings = load_settings(overrides={"when_done": "command",
                                        "when_done_command": "/nonexistent/hook --go"})
    engine = build_engine(settings, store=MemoryJobStore(), recover=False)
    window = MainWindow(engine, confirm_quit=lambda _n: True)
    qtbot.addWidget(window)
    window.show()
    _finish_a_queue(window, tmp_path, "one")
    qtbot.waitUntil(window.notice.isVisible, timeout=10_000)
    text = window.notice_text.text()
    assert "hook could not start" in text and "when-done-results.json" in text
    assert not window.countdown.isVisible()
    _stop(qtbot, window)


def test_the_wheel_scrolls_the_settings_and_never_turns_an_unfocused_choice(qloop, qtbot) -> None:
    dialog = SettingsDialog(load_settings(), WindowPrefs())
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.editor("when_done")
    scroll = dialog.findChild(QScrollArea)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the General page scrolls at this size

    def wheel(widget, steps: int) -> None:  # a real wheel event, as the mouse sends it
        centre = QPointF(widget.rect().center())
        event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(), QPoint(0, -120 * steps),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
        QApplication.sendEvent(widget, event)

    bar.setValue(0)
    wheel(combo, 3)
    assert combo.currentData() == "nothing"  # a wheel passing over it changed nothing
    assert bar.value() > 0  # and scrolled the page
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2_000)
    wheel(combo, 1)
    assert combo.currentData() == "command"  # clicked or tabbed into: the wheel turns it
