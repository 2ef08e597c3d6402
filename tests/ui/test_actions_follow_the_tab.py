"""Issue 16 item 1: toolbar buttons and shortcuts act on what the person sees selected on the
current tab, never on the other tab's hidden selection; what does not apply is disabled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView, QToolBar

from storyclip_gui.core.jobs import JobState
from storyclip_gui.ui.main_window import MainWindow


def click_row(qtbot: Any, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_tab(qtbot: Any, window: MainWindow, index: int) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index


def click_action(qtbot: Any, window: MainWindow, name: str) -> None:
    action = getattr(window, name)
    [toolbar] = [t for t in window.findChildren(QToolBar) if action in t.actions()]
    button = toolbar.widgetForAction(action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def history_row(window: MainWindow, job_id: str) -> int:
    model = window.history.model
    [row] = [r for r in range(model.rowCount()) if model.job(r).id == job_id]
    return row


def active(qtbot: Any, window: MainWindow) -> None:
    """Shortcuts reach the active window only."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)


def states(engine: Any, *jobs: Any) -> list[JobState]:
    return [engine.facade.get(j.id).state for j in jobs]


def test_on_history_the_queue_selection_is_never_acted_on(make_window, engine, video, qtbot,
                                                          tmp_path: Path) -> None:  # fmt: skip
    engine.facade.pause()
    window = make_window()
    active(qtbot, window)
    trip, other = window.add_paths([str(video("trip.mp4", seconds=2)),
                                    str(video("other.mp4", seconds=2))])  # fmt: skip
    click_row(qtbot, window.table, window.model.row_of(trip.id))
    assert window.selected_ids() == [trip.id] and window.act_cancel.isEnabled()

    click_tab(qtbot, window, 1)  # History: nothing selected there
    for name in ("act_cancel", "act_retry", "act_remove", "act_up", "act_down", "act_open"):
        assert not getattr(window, name).isEnabled(), name
    qtbot.keyClick(window, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)  # Cancel
    qtbot.keyClick(window, Qt.Key.Key_Delete)  # Remove from list
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # Move up
    assert states(engine, trip, other) == [JobState.QUEUED, JobState.QUEUED]
    assert engine.facade.queued_ids == [trip.id, other.id]

    click_row(qtbot, window.history.table, history_row(window, other.id))
    assert window.act_cancel.isEnabled()  # what is selected here, live in the engine
    assert not window.act_remove.isEnabled() and not window.act_up.isEnabled()  # list only
    assert not window.history.rerun_same.isEnabled()  # queued: the engine still runs it
    window.model.flush()
    window.grab().save(str(tmp_path / "history-selected.png"))
    click_action(qtbot, window, "act_cancel")
    assert states(engine, trip, other) == [JobState.QUEUED, JobState.CANCELLED]

    qtbot.waitUntil(lambda: window.history.model.rowCount() == 2, timeout=5_000)  # reloaded
    click_row(qtbot, window.history.table, history_row(window, other.id))
    assert window.act_retry.isEnabled() and not window.act_remove.isEnabled()
    assert window.history.rerun_same.isEnabled()  # cancelled: it can be re-run
    qtbot.keyClick(window, Qt.Key.Key_Delete)  # on History it removes nothing
    assert engine.facade.get(other.id) is not None and engine.facade.get(trip.id) is not None
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # Retry
    assert states(engine, trip, other) == [JobState.QUEUED, JobState.QUEUED]

    click_tab(qtbot, window, 0)  # back on Queue: its own selection counts again
    assert window.selected_ids() == [trip.id] and window.act_cancel.isEnabled()


def test_on_the_queue_the_actions_act_on_its_selection(make_window, engine, video,
                                                       qtbot) -> None:  # fmt: skip
    engine.facade.pause()
    window = make_window()
    active(qtbot, window)
    trip, other = window.add_paths([str(video("trip.mp4", seconds=2)),
                                    str(video("other.mp4", seconds=2))])  # fmt: skip
    click_tab(qtbot, window, 1)
    click_row(qtbot, window.history.table, history_row(window, trip.id))  # hidden from now on
    click_tab(qtbot, window, 0)
    click_row(qtbot, window.table, window.model.row_of(other.id))
    click_action(qtbot, window, "act_up")
    assert engine.facade.queued_ids == [other.id, trip.id]
    click_action(qtbot, window, "act_cancel")
    assert states(engine, trip, other) == [JobState.QUEUED, JobState.CANCELLED]
    qtbot.waitUntil(lambda: window.act_remove.isEnabled(), timeout=5_000)
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.model.job_count == 1, timeout=5_000)
    assert engine.facade.get(other.id) is None and engine.facade.get(trip.id) is not None
    qtbot.waitUntil(lambda: "Cancelled" not in window.counts_label.text(), timeout=5_000)
    engine.facade.cancel(trip.id)
    qtbot.waitUntil(lambda: "Cancelled 1" in window.counts_label.text(), timeout=5_000)
