"""Issue 16 in the window, driven as a person does: keys, clicks, menus, tabs and dialogs.

Queue order and positions (6), per-attempt times (7), the preset box (9), the menu bar, icons
and focus chain (13), Spanish (14), small windows (15) and the rough edges (16)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QMessageBox,
    QStyle,
    QStyleOptionViewItem,
    QTabBar,
    QToolButton,
)

from storyclip_gui.ui.delegates import ProgressBarDelegate
from storyclip_gui.ui.help_dialogs import AboutDialog, SetupCheckDialog
from storyclip_gui.ui.history_view import H_BUSY, H_MESSAGE
from storyclip_gui.ui.job_table_model import (
    COL_ELAPSED,
    COL_FOLDER,
    COL_MESSAGE,
    COL_PROGRESS,
    COL_SOURCE,
    HEADERS,
    JOB_ROLE,
    elapsed_seconds,
)
from storyclip_gui.ui.resources import install_translator, uninstall_translator


def sources(window) -> list[str]:
    return [window.model.index(r, COL_SOURCE).data() for r in range(window.model.rowCount())]


def row_jobs(window) -> list[dict]:
    return [window.model.index(r, 0).data(JOB_ROLE) for r in range(window.model.rowCount())]


# a menu opened with the mouse on the offscreen platform (tests, CI): it has no window manager
# to raise the popup or grab the keyboard for it, and says so
MENU_POPUP = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (raise\(\)|grabbing the keyboard)$"
)


def activate(qtbot, window) -> None:
    """Shortcuts reach the active window only (as on a desktop)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)


def click_menu(qtbot, window, menu_name: str, action_name: str) -> None:
    """Open a menu of the menu bar with the mouse and click one of its items."""
    bar = window.menuBar()
    menu = bar.findChild(QMenu, menu_name)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(menu.menuAction()).center())  # fmt: skip
    qtbot.waitUntil(menu.isVisible, timeout=2_000)
    [action] = [a for a in menu.actions() if a.objectName() == action_name]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2_000)


@pytest.fixture
def spanish(qapp):
    translator = install_translator(qapp, "es")
    assert translator is not None
    yield
    uninstall_translator(qapp, translator)


@pytest.fixture
def english(qapp):
    """The English catalogue the app installs: it holds the plural forms ("1 video")."""
    translator = install_translator(qapp, "en")
    assert translator is not None
    yield
    uninstall_translator(qapp, translator)


# -- 6: queue order ---------------------------------------------------------------------------
@MENU_POPUP
def test_added_jobs_show_their_place_and_a_move_moves_the_row(
    make_window, engine, video, qtbot, tmp_path, monkeypatch
):
    engine.manager.pause()
    window = make_window()
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("v10.mp4", "v2.mp4", "v1.mp4"):
        shutil.copy(video("src.mp4", seconds=1), folder / name)
    one = video("single.mp4", seconds=1)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(one)], "")))  # fmt: skip
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(folder)))  # fmt: skip
    click_menu(qtbot, window, "fileMenu", "addAction")
    activate(qtbot, window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    # every added job shows its place at once, the folder in natural order (v1, v2, v10)
    expected = ["1. single.mp4", "2. v1.mp4", "3. v2.mp4", "4. v10.mp4"]
    qtbot.waitUntil(lambda: sources(window) == expected, timeout=2_000)

    window.select_job(row_jobs(window)[3].id)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    # the row itself moves up, and stays selected
    qtbot.waitUntil(lambda: sources(window) == ["1. single.mp4", "2. v1.mp4", "3. v10.mp4",
                                                "4. v2.mp4"], timeout=2_000)  # fmt: skip
    assert window.selected_ids() == [row_jobs(window)[2].id]
    window.act_down.trigger()
    qtbot.waitUntil(lambda: sources(window) == expected, timeout=2_000)

    # re-run from History: the new job joins the end of the queue with its number
    done = row_jobs(window)[0].id
    engine.manager.cancel(done)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 4, timeout=5_000)
    history_row = next(r for r in range(4)
                       if window.history.model.job(r).id == done)  # fmt: skip
    window.history.table.selectRow(history_row)
    qtbot.mouseClick(window.history.rerun_same, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: sources(window)[-1] == "4. single.mp4", timeout=2_000)
    assert sources(window)[0] == "single.mp4"  # the cancelled one: above the queue, no number


# -- 7: elapsed and took ----------------------------------------------------------------------
def test_elapsed_counts_one_attempt_and_never_the_wait(make_window, engine, video, qtbot):
    window = make_window()
    [job] = window.add_paths([str(video("long.mp4", seconds=20, size="640x360"))])
    window.select_job(job.id)
    qtbot.waitUntil(lambda: row_jobs(window)[0].state == "processing", timeout=30_000)
    qtbot.waitUntil(lambda: window.model.index(0, COL_ELAPSED).data() not in ("", None),
                    timeout=5_000)  # fmt: skip
    tip = window.model.index(0, COL_ELAPSED).data(Qt.ItemDataRole.ToolTipRole)
    assert "this attempt" in tip and "queue is not counted" in tip
    engine.manager.pause()
    activate(qtbot, window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: row_jobs(window)[0].state == "cancelled", timeout=15_000)
    qtbot.waitUntil(window.act_retry.isEnabled, timeout=2_000)  # as a person waits for it
    qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # retry
    qtbot.waitUntil(lambda: row_jobs(window)[0].state == "queued", timeout=5_000)
    # waiting in the queue: nothing counts
    assert window.model.index(0, COL_ELAPSED).data() == ""
    qtbot.waitUntil(window.act_cancel.isEnabled, timeout=2_000)
    qtbot.keyClick(window.table, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: row_jobs(window)[0].state == "cancelled", timeout=5_000)
    assert window.model.index(0, COL_ELAPSED).data() == ""
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1, timeout=5_000)
    history = window.history.model
    assert history.index(0, H_MESSAGE).data() == "Cancelled before it started."
    assert history.index(0, H_BUSY).data() == ""  # it never ran this attempt
    assert "last attempt" in history.index(0, H_BUSY).data(Qt.ItemDataRole.ToolTipRole)


def test_elapsed_seconds_is_one_attempts_running_time():
    from storyclip_gui.core.jobs import Job, JobState
    from storyclip_gui.core.options import StoryOptions

    job = Job(id="j", source="/a.mp4", options=StoryOptions(), output_root="/out")
    job.transition(JobState.PROCESSING, now=100.0)
    assert elapsed_seconds(job.view(), now=130.0) == 30.0
    job.transition(JobState.CANCELLED, now=160.0)
    assert elapsed_seconds(job.view(), now=999.0) == 60.0
    job.transition(JobState.QUEUED, now=170.0)  # retried: waiting never counts
    assert elapsed_seconds(job.view(), now=999.0) is None
    job.transition(JobState.PROCESSING, now=200.0)
    job.transition(JobState.INTERRUPTED, now=210.0)  # no end time: no running count
    job.finished_at = None
    assert elapsed_seconds(job.view(), now=999.0) is None


# -- 9: the preset box ------------------------------------------------------------------------
def test_the_preset_box_says_custom_once_length_or_size_differ(make_window, qtbot):
    window = make_window()
    panel = window.options_panel
    panel.preset.setFocus()
    panel.preset.setCurrentIndex(panel.preset.findData("tiktok"))
    assert panel.clip_seconds.value() == 30 and panel.size.currentData() == "1080x1920"
    panel.clip_seconds.setFocus()
    panel.clip_seconds.selectAll()
    qtbot.keyClicks(panel.clip_seconds, "20")
    assert panel.preset.currentText() == "Custom"
    assert panel.options().clip_seconds == 20

    panel.preset.setCurrentIndex(panel.preset.findData("tiktok"))
    assert panel.clip_seconds.value() == 30
    panel.size.setFocus()
    qtbot.keyClick(panel.size, Qt.Key.Key_Down)  # another size
    assert panel.size.currentData() != "1080x1920"
    assert panel.preset.currentData() is None and panel.preset.currentText() == "Custom"
    # choosing the preset again puts its values back
    panel.preset.setCurrentIndex(panel.preset.findData("tiktok"))
    assert panel.size.currentData() == "1080x1920" and panel.preset.currentText() == "TikTok"


# -- 13: menus, icons, keys, focus ------------------------------------------------------------
@MENU_POPUP
def test_the_menu_bar_holds_every_toolbar_action(make_window, qtbot):
    window = make_window(check_setup=lambda _o: "ok")
    bar = window.menuBar()
    titles = [a.text().replace("&", "") for a in bar.actions()]
    assert titles == ["File", "Edit", "View", "Queue", "Help"]
    in_menus = {a for m in bar.findChildren(QMenu) for a in m.actions()}
    for action in window.toolbar.actions():
        if not action.isSeparator():
            assert action in in_menus, action.text()
            assert not action.icon().isNull(), action.text()  # theme icon or ours
            assert action.toolTip(), action.text()
    file_menu = bar.findChild(QMenu, "fileMenu")
    assert file_menu.actions()[-1] is window.act_quit

    click_menu(qtbot, window, "helpMenu", "aboutAction")
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None, timeout=2_000)
    about = window.findChild(AboutDialog)
    qtbot.waitUntil(lambda: about.task is not None and about.task.done(), timeout=10_000)
    about.reject()

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(SetupCheckDialog) is not None, timeout=2_000)
    check = window.findChild(SetupCheckDialog)
    qtbot.waitUntil(lambda: check.finished_checking, timeout=5_000)
    assert check.report.toPlainText() == "ok"
    check.reject()

    click_menu(qtbot, window, "viewMenu", "showHistoryAction")
    assert window.tabs.currentIndex() == 1
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0


def test_tab_leaves_the_job_table_for_the_detail_without_moving_the_selection(
    make_window, engine, video, qtbot
):
    engine.manager.pause()
    window = make_window()
    jobs = window.add_paths([str(video(f"t{i}.mp4", seconds=1)) for i in range(3)])
    window.select_job(jobs[1].id)
    activate(qtbot, window)
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus, timeout=2_000)
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not window.table
    assert isinstance(focused, QTabBar) and focused.parent() is window.detail.tabs
    assert window.selected_ids() == [jobs[1].id]  # Tab did not walk the cells
    qtbot.keyClick(focused, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.table


# -- 14: Spanish ------------------------------------------------------------------------------
def test_the_window_is_all_spanish_while_the_api_keeps_english(
    spanish, make_window, engine, video, qtbot
):
    window = make_window(check_setup=lambda _o: "ok")
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(HEADERS))]
    assert headers == ["Origen", "Estado", "Progreso", "Mensaje", "Clips", "Velocidad",
                       "Restante", "Tiempo", "Carpeta", "Equipos"]  # fmt: skip
    panel = window.options_panel
    panel.clip_seconds.setValue(1.0)
    panel.size.setCurrentIndex(panel.size.findData("720x1280"))
    panel.quality.setCurrentIndex(panel.quality.findData("low"))
    [job] = window.add_paths([str(video("es.mp4", seconds=3))])
    assert window.statusBar().currentMessage() == "1 vídeo en cola"  # plural forms
    window.select_job(job.id)
    qtbot.waitUntil(lambda: row_jobs(window)[0].state == "completed", timeout=120_000)
    assert window.model.index(0, COL_MESSAGE).data() == "Procesamiento del vídeo terminado"
    assert engine.manager.get(job.id).message == "Video processing completed"  # the API's text
    log = window.detail.log.toPlainText()
    assert "Generado 1 de 3 clips" in log and "Generados 2 de 3 clips" in log, log
    options = window.detail.options.toPlainText()
    assert "Sonido: Sí" in options and "Terminar en: el final del vídeo" in options
    assert "trim_end" not in options and "True" not in options

    settings = window.open_settings()
    quality = settings.editor("default_quality")
    assert isinstance(quality, QComboBox) and quality.currentText() == "Media"
    settings.reject()
    window.act_doctor.trigger()
    check = window.findChild(SetupCheckDialog)
    close = check.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "Cerrar" and check.windowTitle() == "Comprobar instalación"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not check.isVisible(), timeout=2_000)
    qtbot.waitUntil(lambda: not window.thumbnails.busy, timeout=30_000)  # none left behind


def test_engine_messages_are_translated_with_plurals(spanish):
    from storyclip_gui.ui.engine_text import engine_message

    assert engine_message("Generated 1 of 3 clips") == "Generado 1 de 3 clips"
    assert engine_message("Generated 2 of 3 clips") == "Generados 2 de 3 clips"
    assert engine_message("Waiting in queue") == "Esperando en la cola"
    # a failure reason naming a file stays as the engine wrote it
    assert engine_message("'a.mp4' is empty (0 bytes).") == "'a.mp4' is empty (0 bytes)."


def test_the_quit_question_uses_plurals_and_translated_buttons(spanish, make_window, engine,
                                                               video, qtbot):  # fmt: skip
    engine.manager.pause()
    window = make_window()
    window.add_paths([str(video("q.mp4", seconds=1))])
    seen: dict[str, object] = {}

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]  # fmt: skip
        if not boxes:  # not shown yet: look again soon
            QTimer.singleShot(50, answer)
            return
        box = boxes[0]
        seen["text"] = box.text()
        seen["buttons"] = sorted(b.text().replace("&", "") for b in box.buttons())
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer)
    assert window._ask_quit(1) is False
    assert str(seen["text"]).startswith("1 trabajo sigue en cola")
    assert seen["buttons"] == ["No", "Sí"]


def test_english_plurals(english, make_window, engine, video):
    engine.manager.pause()
    window = make_window()
    window.add_paths([str(video("one.mp4", seconds=1))])
    assert window.statusBar().currentMessage() == "1 video queued"
    window.add_paths([str(video(f"two{i}.mp4", seconds=1)) for i in range(2)])
    assert window.statusBar().currentMessage() == "2 videos queued"


def test_the_spanish_toolbar_fits_1200_pixels(spanish, make_window, qtbot):
    window = make_window()
    window.resize(1200, 760)
    qtbot.waitUntil(lambda: window.width() == 1200, timeout=2_000)
    toolbar = window.toolbar
    assert toolbar.sizeHint().width() <= 1200
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()
    # the tabs sit below the toolbar, never under it
    assert window.tabs.mapTo(window, QPoint(0, 0)).y() >= toolbar.geometry().bottom()


# -- 15: small windows ------------------------------------------------------------------------
def test_everything_fits_an_800_by_600_window(spanish, make_window, qtbot):
    from storyclip_gui.ui.settings_dialog import SettingsDialog

    window = make_window(check_setup=lambda _o: "✓ " + "/a/very/long/path" * 12)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (800, 600), timeout=2_000)
    assert window.main_splitter.sizes()[0] <= 240  # the options: at most 30 % of the width
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=2_000)
    settings = window.findChild(SettingsDialog)
    qtbot.waitUntil(settings.isVisible, timeout=2_000)
    assert settings.width() <= 800 and settings.height() <= 600
    qtbot.wait(20)
    from PySide6.QtWidgets import QScrollArea

    assert settings.findChild(QScrollArea).horizontalScrollBar().maximum() == 0
    settings.reject()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    check = window.findChild(SetupCheckDialog)
    qtbot.waitUntil(lambda: check.finished_checking, timeout=5_000)
    assert check.width() <= 800
    assert check.report.horizontalScrollBar().maximum() == 0


# -- 16: rough edges --------------------------------------------------------------------------
def test_open_clip_needs_a_clip_and_says_when_nothing_opens_it(make_window, engine, video,
                                                               qtbot):  # fmt: skip
    window = make_window()
    opened: list[str] = []
    window.opener = lambda path: opened.append(path) or False  # no desktop application
    panel = window.options_panel
    panel.clip_seconds.setValue(1.0)
    panel.size.setCurrentIndex(panel.size.findData("720x1280"))
    panel.quality.setCurrentIndex(panel.quality.findData("low"))
    [job] = window.add_paths([str(video("open.mp4", seconds=2))])
    window.select_job(job.id)
    qtbot.waitUntil(lambda: window.detail.clips.count() == 2, timeout=120_000)
    detail = window.detail
    assert not detail.open_button.isEnabled()  # no clip selected: nothing to open
    item = detail.clips.item(1)
    qtbot.mouseClick(detail.clips.viewport(), Qt.MouseButton.LeftButton,
                     pos=detail.clips.visualItemRect(item).center())  # fmt: skip
    assert detail.open_button.isEnabled()
    qtbot.mouseClick(detail.open_button, Qt.MouseButton.LeftButton)
    assert opened == [item.data(Qt.ItemDataRole.UserRole)]
    assert window.notice.isVisible()
    assert "Nothing on this computer opened" in window.notice_text.text()
    options = detail.options.toPlainText()
    assert "End at: the end of the video" in options and "Sound: Yes" in options
    assert "None" not in options and "True" not in options
    qtbot.waitUntil(lambda: not window.thumbnails.busy, timeout=30_000)


@MENU_POPUP
def test_same_names_from_different_folders_show_their_folder(make_window, engine, video,
                                                             qtbot, tmp_path):  # fmt: skip
    engine.manager.pause()
    window = make_window()
    paths = []
    for folder in ("trip", "work", "home"):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "a.mp4")
        shutil.copy(video("a.mp4", seconds=1), paths[-1])
    window.add_paths([str(p) for p in paths])
    assert window.table.isColumnHidden(COL_FOLDER)  # hidden by default
    tips = {window.model.index(r, COL_SOURCE).data(Qt.ItemDataRole.ToolTipRole)
            for r in range(3)}  # fmt: skip
    assert tips == {str(p) for p in paths}
    click_menu(qtbot, window, "viewMenu", "folderColumnAction")
    assert not window.table.isColumnHidden(COL_FOLDER)
    folders = {window.model.index(r, COL_FOLDER).data() for r in range(3)}
    assert folders == {str(p.parent) for p in paths}
    window.close()
    again = make_window()  # the choice is remembered
    assert not again.table.isColumnHidden(COL_FOLDER) and again.act_folder_column.isChecked()
    # a window state saved before the column existed (8 columns) keeps it hidden
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    old = QTableView()
    old.setModel(QStandardItemModel(0, 8, old))
    again.qsettings.setValue("window/jobColumns", old.horizontalHeader().saveState())
    again.qsettings.remove("window/folderColumn")
    again.qsettings.sync()
    upgraded = make_window()
    assert upgraded.table.isColumnHidden(COL_FOLDER) and not upgraded.act_folder_column.isChecked()


def test_the_history_summary_follows_its_filters(make_window, engine, video, qtbot):
    engine.manager.pause()
    window = make_window()
    jobs = window.add_paths([str(video(n, seconds=1)) for n in ("alpha.mp4", "beta.mp4",
                                                                "gamma.mp4")])  # fmt: skip
    engine.manager.cancel(jobs[0].id)
    window.tabs.setCurrentIndex(1)
    history = window.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 3, timeout=5_000)
    assert history.stats.text().startswith("Jobs: 3")
    history.status.setCurrentIndex(3)  # Cancelled
    assert history.model.rowCount() == 1 and history.stats.text().startswith("Jobs: 1")
    history.status.setCurrentIndex(0)
    history.search.setFocus()
    qtbot.keyClicks(history.search, "ta")  # beta
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=5_000)
    assert history.stats.text().startswith("Jobs: 1")
    qtbot.keyClick(history.search, Qt.Key.Key_Backspace)  # "t": beta only still; "": all
    qtbot.keyClick(history.search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: history.model.rowCount() == 3, timeout=5_000)
    assert history.stats.text().startswith("Jobs: 3")


def _paint_progress(selected: bool, progress: float) -> tuple[QImage, QRect]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from storyclip_gui.ui.job_table_model import PROGRESS_ROLE, STATUS_ROLE

    model = QStandardItemModel(1, 1)
    item = QStandardItem()
    item.setData(progress, PROGRESS_ROLE)
    item.setData("processing", STATUS_ROLE)
    model.setItem(0, 0, item)
    option = QStyleOptionViewItem()
    rect = QRect(0, 0, 200, 26)
    option.rect = rect
    option.palette = QApplication.palette()
    option.state = QStyle.StateFlag.State_Enabled | (
        QStyle.StateFlag.State_Selected if selected else QStyle.StateFlag.State_None
    )
    image = QImage(200, 26, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    ProgressBarDelegate().paint(painter, option, model.index(0, 0))
    painter.end()
    return image, rect


@pytest.mark.parametrize("selected", [False, True])
def test_progress_text_is_readable_on_a_selected_row(qapp, selected):
    """At 55 % the text straddles the bar's end: the part over the empty trough must be dark,
    not white on white."""
    image, rect = _paint_progress(selected, 55.0)
    fill_end = int((rect.width() - 8) * 0.55) + 4
    dark = [
        (x, y)
        for x in range(fill_end + 2, rect.width() - 4)
        for y in range(6, rect.height() - 6)
        if QColor(image.pixel(x, y)).lightness() < 100
    ]
    assert dark, "no readable text over the unfilled part of the bar"


def test_progress_column_is_painted_by_the_delegate(make_window):
    window = make_window()
    assert isinstance(window.table.itemDelegateForColumn(COL_PROGRESS), ProgressBarDelegate)


def test_natural_order_when_sorted_by_name(make_window, engine, video, qtbot, tmp_path):
    engine.manager.pause()
    window = make_window()
    for name in ("v10.mp4", "v2.mp4", "v1.mp4"):
        shutil.copy(video("n.mp4", seconds=1), tmp_path / name)
    jobs = window.add_paths([str(tmp_path / n) for n in ("v10.mp4", "v2.mp4", "v1.mp4")])
    for job in jobs:
        engine.manager.cancel(job.id)
    qtbot.waitUntil(lambda: all(j.state == "cancelled" for j in row_jobs(window)),
                    timeout=2_000)  # fmt: skip
    header = window.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(COL_SOURCE) + 10, 5))  # fmt: skip
    qtbot.waitUntil(lambda: sources(window) == ["v1.mp4", "v2.mp4", "v10.mp4"], timeout=3_000)
    assert Path(row_jobs(window)[0].source).name == "v1.mp4"


def test_closing_check_setup_before_it_ends_is_fine(make_window, qtbot):
    """Found under Xvfb: Escape while the check ran left it writing into a deleted dialog."""
    import threading

    release = threading.Event()

    def slow_check(_output: Path) -> str:
        release.wait(10)
        return "late report"

    window = make_window(check_setup=slow_check)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    check = window.findChild(SetupCheckDialog)
    task = check.task
    qtbot.keyClick(check, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(SetupCheckDialog) is None, timeout=2_000)
    release.set()
    qtbot.waitUntil(task.done, timeout=5_000)
    assert task.cancelled()
