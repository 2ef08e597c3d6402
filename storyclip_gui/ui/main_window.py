"""MainWindow: the drop zone, the live job table, job detail, history, settings and tray."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QItemSelectionModel,
    QPoint,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from storyclip_gui.config import Settings, SettingsError
from storyclip_gui.core.events import EventBus, WhenDoneState
from storyclip_gui.core.facade import EngineFacade
from storyclip_gui.core.ffmpeg.locate import Toolchain
from storyclip_gui.core.intake import IntakeError, IntakeRequest, Problem
from storyclip_gui.core.jobs import FINAL_STATES, Job, JobState, JobView, SubmitError
from storyclip_gui.core.ports import Runner
from storyclip_gui.core.sources import VIDEO_EXTENSIONS
from storyclip_gui.core.watch import FolderWatcher, SeenFiles, watch_folders
from storyclip_gui.runner.bridge import JobSignals
from storyclip_gui.ui.async_tasks import start_task
from storyclip_gui.ui.countdown_bar import CountdownBar
from storyclip_gui.ui.delegates import MiddleElideDelegate, ProgressBarDelegate
from storyclip_gui.ui.drop_zone import DropZone, WelcomePage, refusal_line
from storyclip_gui.ui.engine_text import engine_message
from storyclip_gui.ui.help_dialogs import AboutDialog, SetupCheck, SetupCheckDialog
from storyclip_gui.ui.history_view import HistoryView
from storyclip_gui.ui.job_detail import JobDetail, ThumbnailCache, open_with_desktop
from storyclip_gui.ui.job_table_model import (
    COL_CLIPS,
    COL_ELAPSED,
    COL_ETA,
    COL_FOLDER,
    COL_MESSAGE,
    COL_PROGRESS,
    COL_SOURCE,
    COL_SPEED,
    COL_STATUS,
    COL_WORKERS,
    JOB_ROLE,
    JobTableModel,
    eta_band,
)
from storyclip_gui.ui.options_panel import OptionsPanel
from storyclip_gui.ui.resources import action_icon, app_icon
from storyclip_gui.ui.settings_dialog import SettingsDialog, WindowPrefs
from storyclip_gui.ui.tray import Tray
from storyclip_gui.ui.workers_panel import WorkersPanel

log = logging.getLogger(__name__)

S = JobState
QUEUE_FILTERS: tuple[tuple[str, frozenset[JobState]], ...] = (
    (QT_TRANSLATE_NOOP("MainWindow", "All jobs"), frozenset()),
    (QT_TRANSLATE_NOOP("MainWindow", "Active"), frozenset({S.QUEUED, S.PROCESSING})),
    (QT_TRANSLATE_NOOP("MainWindow", "Queued"), frozenset({S.QUEUED})),
    (QT_TRANSLATE_NOOP("MainWindow", "Processing"), frozenset({S.PROCESSING})),
    (QT_TRANSLATE_NOOP("MainWindow", "Completed"), frozenset({S.COMPLETED})),
    (QT_TRANSLATE_NOOP("MainWindow", "Failed"), frozenset({S.FAILED})),
    (QT_TRANSLATE_NOOP("MainWindow", "Cancelled"), frozenset({S.CANCELLED, S.INTERRUPTED})),
)
# the status bar's counts, in this order; the first three always, the others when not 0
COUNTED: tuple[tuple[JobState, str], ...] = (
    (S.PROCESSING, QT_TRANSLATE_NOOP("MainWindow", "Running {n}")),
    (S.QUEUED, QT_TRANSLATE_NOOP("MainWindow", "Queued {n}")),
    (S.COMPLETED, QT_TRANSLATE_NOOP("MainWindow", "Done {n}")),
    (S.FAILED, QT_TRANSLATE_NOOP("MainWindow", "Failed {n}")),
    (S.CANCELLED, QT_TRANSLATE_NOOP("MainWindow", "Cancelled {n}")),
    (S.INTERRUPTED, QT_TRANSLATE_NOOP("MainWindow", "Interrupted {n}")),
)


class EngineParts(Protocol):
    """What the window needs from app.Engine (the window never imports the composition root)."""

    settings: Settings
    toolchain: Toolchain
    bus: EventBus
    runner: Runner  # the thumbnails and About run ffmpeg through it
    facade: EngineFacade  # everything the window does to jobs goes through it (intake included)

    def apply_settings(self, settings: Settings) -> list[str]:
        """Save and apply; returns the changed names that apply at the next start."""
        ...


def window_settings(data_dir: Path) -> QSettings:
    """Window state in an INI file in the data dir (tests get their own; no registry, no ~)."""
    return QSettings(str(Path(data_dir) / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """The desktop window. It drives the engine through `engine.facade` only; every job it
    makes goes through the facade's intake."""

    def __init__(
        self,
        engine: EngineParts,
        *,
        qsettings: QSettings | None = None,
        signals: JobSignals | None = None,
        confirm_quit: Callable[[int], bool] | None = None,
        watch_interval: float = 1.0,
        watch_settle: float = 2.0,
        check_setup: SetupCheck | None = None,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.check_setup = check_setup  # app.py passes `storyclip doctor`'s checks
        self.facade = engine.facade
        self.qsettings = qsettings or window_settings(engine.settings.data_dir)
        self.signals = signals or JobSignals(engine.bus, self)
        self.prefs = WindowPrefs.load(self.qsettings)
        self.confirm_quit = confirm_quit or self._ask_quit
        self.server_url: str | None = None
        self.job_ws_url: Callable[[str], str] | None = None
        self._watch_interval = watch_interval
        self._watch_settle = watch_settle
        self._watch_task: asyncio.Task[None] | None = None
        self._closed: asyncio.Future[None] | None = None
        self._quitting = False
        self._history_stale = True
        self.opener: Callable[[str], bool] = open_with_desktop  # tests and platforms may swap it

        self.setWindowTitle("StoryClip Studio")
        self.setWindowIcon(app_icon())
        self.model = JobTableModel(
            self.signals, queue_order=lambda: self.facade.queued_ids, parent=self
        )
        self.thumbnails = ThumbnailCache(
            engine.runner, engine.toolchain.ffmpeg, engine.settings.data_dir / "thumbnails", self
        )
        self._build_actions()
        self._build_ui()
        self.tray = Tray(self.model, self.windowIcon(), self)
        self.tray.showRequested.connect(self._show_from_tray)
        self.tray.quitRequested.connect(self.quit)
        self.signals.jobCompleted.connect(self._job_completed)
        self.signals.jobRegistered.connect(lambda _job: self._update_page())
        self.signals.jobsForgotten.connect(self._jobs_forgotten)
        self.signals.queuePaused.connect(self._queue_paused)
        self.signals.queueResumed.connect(self._queue_resumed)
        self.signals.storeFailed.connect(self.show_notice)
        self.signals.whenDoneChanged.connect(self._when_done_changed)
        self.model.flushed.connect(self._rows_refreshed)
        self.model.countsChanged.connect(self._show_counts)
        self.model.rowsRemoved.connect(lambda *_: self._update_page())
        self.model.countsChanged.connect(lambda _counts: self._update_page())  # hidden rows
        for view in self.facade.views():  # adopted at start-up, before this window existed
            self.model.upsert(view)
        self._restore_state()
        if self.facade.paused:
            self._queue_paused(self.facade.pause_reason)
        self._update_page()
        self._update_actions()
        self._show_counts(self.model.counts)
        self._eta_timer = QTimer(self)  # the queue's learned ETA moves with every clip
        self._eta_timer.timeout.connect(lambda: self._show_counts(self.model.counts))
        self._eta_timer.start(2000)
        self.restart_watching()

    # -- building --------------------------------------------------------------------------
    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any],
        shortcut: str | None = None,
        tip: str | None = None,
        icon: QIcon | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if icon is not None:
            action.setIcon(icon)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a, icon = self._action, action_icon
        self.act_add = a("addAction", self.tr("Add videos…"), self.add_videos_dialog, "Ctrl+O",
                         icon=icon("list-add"))  # fmt: skip
        self.act_add_folder = a("addFolderAction", self.tr("Add folder…"), self.add_folder_dialog,
                                "Ctrl+Shift+O", icon=icon("folder-new"))  # fmt: skip
        self.act_cancel = a(
            "cancelAction",
            self.tr("Cancel"),
            self.cancel_selected,
            "Ctrl+Backspace",
            self.tr("Stop the selected jobs"),
            icon("process-stop"),
        )
        self.act_retry = a("retryAction", self.tr("Retry"), self.retry_selected, "Ctrl+R",
                           icon=icon("view-refresh"))  # fmt: skip
        self.act_remove = a("removeAction", self.tr("Remove from list"), self.remove_selected,
                            "Delete", icon=icon("edit-delete"))  # fmt: skip
        self.act_up = a("moveUpAction", self.tr("Move up"), lambda: self.move_selected(-1),
                        "Ctrl+Up", icon=icon("go-up"))  # fmt: skip
        self.act_down = a("moveDownAction", self.tr("Move down"), lambda: self.move_selected(1),
                          "Ctrl+Down", icon=icon("go-down"))  # fmt: skip
        self.act_open = a("openOutputAction", self.tr("Open output folder"),
                          self.open_selected_output, "Ctrl+E",
                          icon=icon("folder-open"))  # fmt: skip
        self.act_copy_ws = a("copyWsAction", self.tr("Copy WebSocket URL"), self.copy_ws_url,
                             icon=icon("edit-copy"))  # fmt: skip
        self.act_pause = a("pauseAction", self.tr("Pause queue"), self.toggle_pause, "Ctrl+P",
                           icon=icon("media-playback-pause"))  # fmt: skip
        self.act_pause.setCheckable(True)
        self.act_clear = a("clearFinishedAction", self.tr("Clear finished"), self.clear_finished,
                           icon=icon("edit-clear"))  # fmt: skip
        self.act_retry_failed = a("retryFailedAction", self.tr("Retry all failed"),
                                  self.retry_all_failed,
                                  icon=icon("retry-failed", themed=False))  # fmt: skip
        self.act_settings = a("settingsAction", self.tr("Settings…"), self.open_settings, "Ctrl+,",
                              icon=icon("preferences-system"))  # fmt: skip
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_quit = a("quitAction", self.tr("Quit"), self.quit, "Ctrl+Q",
                          icon=icon("application-exit"))  # fmt: skip
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_doctor = a(
            "checkSetupAction",
            self.tr("Check setup…"),
            self.open_setup_check,
            "F1",
            tip=self.tr("Run `storyclip doctor`: ffmpeg, encoders and folders"),
            icon=icon("help-contents"),
        )
        self.act_doctor.setEnabled(self.check_setup is not None)
        self.act_about = a("aboutAction", self.tr("About StoryClip Studio"), self.open_about,
                           icon=icon("help-about"))  # fmt: skip
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        # View
        self.act_show_queue = a("showQueueAction", self.tr("Queue"),
                                lambda: self.tabs.setCurrentIndex(0), "Ctrl+1")  # fmt: skip
        self.act_show_history = a("showHistoryAction", self.tr("History"),
                                  lambda: self.tabs.setCurrentIndex(1), "Ctrl+2")  # fmt: skip
        self.act_find = a("findAction", self.tr("Filter by name"), self.focus_filter, "Ctrl+F")
        self.act_folder_column = a("folderColumnAction", self.tr("Folder column"),
                                   self.toggle_folder_column)  # fmt: skip
        self.act_folder_column.setCheckable(True)
        self.act_queue_order = a("queueOrderAction", self.tr("Queue order"),
                                 lambda: self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder),
                                 tip=self.tr("List the jobs as they run: finished and running "
                                             "first, then the queue in its order"))  # fmt: skip

    def _build_ui(self) -> None:
        self._build_menus()
        self.toolbar = toolbar = self.addToolBar(self.tr("Queue"))
        toolbar.setObjectName("queueToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # names in tooltips
        for action in (
            self.act_add,
            self.act_add_folder,
            None,
            self.act_cancel,
            self.act_retry,
            self.act_remove,
            self.act_up,
            self.act_down,
            None,
            self.act_pause,
            self.act_clear,
            self.act_retry_failed,
            None,
            self.act_open,
            self.act_settings,
        ):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self._worded = [self.act_add, self.act_add_folder, self.act_pause]  # words when room
        self._toolbar_text_width = 0  # width the toolbar needs with those words (_fit_toolbar)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.notice = QFrame()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet(
            "#notice { background: #fdecea; border-bottom: 1px solid "
            "#d64541; } #notice QLabel { color: #611a15; }"
        )
        notice_row = QHBoxLayout(self.notice)
        notice_row.setContentsMargins(10, 6, 6, 6)
        self.notice_text = QLabel()
        self.notice_text.setObjectName("noticeText")
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.notice.hide)
        notice_row.addWidget(self.notice_text, 1)
        notice_row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.notice.hide()
        outer.addWidget(self.notice)
        self.countdown = CountdownBar()  # the when-done sleep/shutdown countdown
        self.countdown.cancelRequested.connect(self.cancel_when_done)
        outer.addWidget(self.countdown)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        # queue tab: options | (drop zone with the table) over (detail)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.options_panel = OptionsPanel(self.qsettings, str(self.engine.settings.output_dir))
        options_box = QWidget()
        ob = QVBoxLayout(options_box)
        ob.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Story options"))
        heading.setStyleSheet("font-weight: bold; padding: 8px 8px 0 8px;")
        ob.addWidget(heading)
        ob.addWidget(self.options_panel)
        ob.addStretch(1)
        self.main_splitter.addWidget(options_box)

        self.queue_splitter = QSplitter(Qt.Orientation.Vertical)
        self.queue_splitter.setObjectName("queueSplitter")
        self.drop_zone = DropZone()
        self.drop_zone.pathsDropped.connect(self.add_paths)
        self.drop_zone.addRequested.connect(self.add_videos_dialog)
        self.drop_zone.setStyleSheet('#dropZone[hover="true"] { border: 2px dashed #2f7de1; }')
        zone_layout = QVBoxLayout(self.drop_zone)
        zone_layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        zone_layout.addWidget(self.pages)
        self.welcome = WelcomePage(self.drop_zone)
        self.welcome.changeOutputRequested.connect(self.options_panel.browse_output)
        self.options_panel.output.textChanged.connect(lambda _t: self._show_output_folder())
        self._show_output_folder()
        self.pages.addWidget(self.welcome)
        table_page = QWidget()
        tl = QVBoxLayout(table_page)
        tl.setContentsMargins(4, 4, 4, 0)
        filters = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        for label, _states in QUEUE_FILTERS:
            self.status_filter.addItem(self.tr(label))
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("textFilter")
        self.text_filter.setPlaceholderText(self.tr("Filter by name…"))
        self.text_filter.setClearButtonEnabled(True)
        self.status_filter.currentIndexChanged.connect(
            lambda i: self.model.set_states(QUEUE_FILTERS[i][1])
        )
        self.text_filter.textChanged.connect(self.model.set_text)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.text_filter, 1)
        tl.addLayout(filters)
        self.table = QTableView()
        self.table.setObjectName("jobTable")
        self.table.setModel(self.model)  # it filters and sorts itself
        self.table.setItemDelegateForColumn(COL_PROGRESS, ProgressBarDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        names = MiddleElideDelegate(self.table)  # keeps ".mp4" and the folders' last parts
        self.table.setItemDelegateForColumn(COL_SOURCE, names)
        self.table.setItemDelegateForColumn(COL_FOLDER, names)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu_at)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for col, width in (
            (COL_SOURCE, 220),
            (COL_STATUS, 110),
            (COL_PROGRESS, 130),
            (COL_CLIPS, 55),
            (COL_SPEED, 60),
            (COL_ETA, 100),  # a band: "~1:40 – 2:10"
            (COL_ELAPSED, 60),
            (COL_WORKERS, 240),
        ):
            # a header's words (in any language) are never cut off
            header.resizeSection(col, max(width, header.sectionSizeHint(col)))
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionHidden(COL_FOLDER, True)  # View ▸ Folder column, or the header's menu
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header.addAction(self.act_folder_column)
        header.addAction(self.act_queue_order)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        tl.addWidget(self.table, 1)
        self.pages.addWidget(table_page)
        self.queue_splitter.addWidget(self.drop_zone)
        self.detail = JobDetail(self.thumbnails)
        self.detail.openRequested.connect(self.open_path)
        self.queue_splitter.addWidget(self.detail)
        self.workers = WorkersPanel()  # a cluster's workers and the clips each renders
        on_cluster = getattr(self.engine.settings, "executor", "local") == "dask"
        self.workers.setVisible(on_cluster)
        self.table.horizontalHeader().setSectionHidden(COL_WORKERS, not on_cluster)
        self.queue_splitter.addWidget(self.workers)
        self.queue_splitter.setStretchFactor(0, 3)
        self.queue_splitter.setStretchFactor(1, 2)
        self.queue_splitter.setStretchFactor(2, 1)
        self.main_splitter.addWidget(self.queue_splitter)
        # the options share a window's change in width (a quarter of it), up to a readable
        # width, so at 800 px they leave the table most of the room
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 3)
        options_box.setMaximumWidth(420)
        self.main_splitter.setSizes([290, 910])
        self.tabs.addTab(self.main_splitter, self.tr("Queue"))
        QWidget.setTabOrder(self.table, self.detail.tabs)  # Tab: filters → table → detail

        self.history = HistoryView(self.facade)
        self.history.rerunRequested.connect(self.rerun)
        self.history.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.history.model.modelReset.connect(self._update_actions)
        self.history.exported.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.pause_label = QLabel()  # why the engine paused the queue, while it is paused
        self.pause_label.setObjectName("pauseLabel")
        self.pause_label.setStyleSheet("color: #b03a2e; padding-right: 8px;")
        self.pause_label.hide()
        self.statusBar().addPermanentWidget(self.pause_label)
        self.server_label = QLabel(self.tr("Server: off"))
        self.server_label.setStyleSheet("padding-left: 12px; border-left: 1px solid palette(mid);")
        self.server_label.setObjectName("serverLabel")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.server_label)

    def _build_menus(self) -> None:
        """The menu bar holds every action (the toolbar a selection), each with its shortcut."""
        bar = self.menuBar()
        menus = (
            ("fileMenu", self.tr("&File"), (self.act_add, self.act_add_folder, None,
                                            self.act_open, None, self.act_quit)),
            ("editMenu", self.tr("&Edit"), (self.act_copy_ws, self.act_find, None,
                                            self.act_settings)),
            ("viewMenu", self.tr("&View"), (self.act_show_queue, self.act_show_history, None,
                                            self.act_queue_order, self.act_folder_column)),
            ("queueMenu", self.tr("&Queue"), (self.act_cancel, self.act_retry, self.act_remove,
                                              None, self.act_up, self.act_down, None,
                                              self.act_pause, self.act_clear,
                                              self.act_retry_failed)),
            ("helpMenu", self.tr("&Help"), (self.act_doctor, self.act_about)),
        )  # fmt: skip
        for name, title, actions in menus:
            menu = bar.addMenu(title)
            menu.setObjectName(name)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
            menu.aboutToShow.connect(self._update_actions)  # match the selection when opened
        self.help_menu = bar.findChild(QMenu, "helpMenu")

    def _fit_toolbar(self) -> None:
        """The main actions (add, pause) show their words while the toolbar fits the window
        with them; when narrower, icons alone (every name is in its tooltip and the menus),
        so the toolbar never spills into an overflow menu in any language."""
        buttons = [b for a in self._worded
                   if isinstance(b := self.toolbar.widgetForAction(a), QToolButton)]  # fmt: skip
        if not self._toolbar_text_width:
            for button in buttons:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self._toolbar_text_width = self.toolbar.sizeHint().width()
        style = (Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                 if self.width() >= self._toolbar_text_width
                 else Qt.ToolButtonStyle.ToolButtonIconOnly)  # fmt: skip
        for button in buttons:
            button.setToolButtonStyle(style)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbar()

    def focus_filter(self) -> None:
        """Ctrl+F: the name filter of the tab in view."""
        field = self.text_filter if self.tabs.currentIndex() == 0 else self.history.search
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    def toggle_folder_column(self) -> None:
        self.table.setColumnHidden(COL_FOLDER, not self.act_folder_column.isChecked())

    # -- adding jobs ---------------------------------------------------------------------------
    def add_paths(self, paths: list[str]) -> list[Job]:
        """Queue the videos among `paths` (folders searched) through the intake; refuse the
        rest, saying why."""
        request = IntakeRequest([str(p) for p in paths], self.options_panel.values(),
                                output_root=self.options_panel.output_root(),
                                relative_to=os.getcwd())  # fmt: skip
        try:
            result = self.facade.intake.submit(request)
        except IntakeError as exc:
            text = str(exc)
            if exc.problem is Problem.OPTIONS:
                text = self.tr("The story options are not valid: {e}").replace("{e}", text)
            self.show_notice(text)
            return []
        if paths:
            first = Path(paths[0])
            self.qsettings.setValue("ui/lastFolder", str(first if first.is_dir() else first.parent))
        if result.refused:
            text = "\n".join(refusal_line(refusal) for refusal in result.refused)
            title = self.tr("Not added:") if len(result.refused) > 1 else self.tr("Not added —")
            self.show_notice(f"{title} {text}" if len(result.refused) == 1 else f"{title}\n{text}")
        if result.jobs:
            self.statusBar().showMessage(self.tr("%n videos queued", "", len(result.jobs)), 5000)
        return result.jobs

    def output_folder(self) -> str:
        """Where the next job's folder goes: the options panel's folder, else the setting."""
        return self.options_panel.output_root() or str(self.facade.output_root)

    def _show_output_folder(self) -> None:
        self.welcome.set_output_folder(self.output_folder())

    def show_notice(self, text: str) -> None:
        self.notice_text.setText(text)
        self.notice.show()

    def _last_folder(self) -> str:
        return str(self.qsettings.value("ui/lastFolder", str(Path.home())))

    def add_videos_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in sorted(VIDEO_EXTENSIONS))
        videos, all_files = self.tr("Videos"), self.tr("All files")
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add videos"),
            self._last_folder(),
            f"{videos} ({patterns});;{all_files} (*)",
        )
        if files:
            self.add_paths(files)

    def add_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add folder"), self._last_folder())
        if folder:
            self.add_paths([folder])

    def rerun(self, job: Job, with_current_options: bool) -> Job | None:
        changes = self.options_panel.values() if with_current_options else None
        try:
            new = self.facade.rerun(job.id, changes)
        except SubmitError as exc:
            self.show_notice(str(exc))
            return None
        self.tabs.setCurrentIndex(0)
        return new

    # -- selection and actions -------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """The jobs selected in the Queue tab's table."""
        rows = self.table.selectionModel().selectedRows()
        return [job.id for index in rows if (job := index.data(JOB_ROLE)) is not None]

    def select_job(self, job_id: str) -> None:
        row = self.model.row_of(job_id)
        if row is None:  # unknown, or hidden by the filter
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        # not table.setCurrentIndex(): that reads the keyboard's modifiers, and a held Ctrl
        # would toggle the row off again
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.NoUpdate
        )

    def _on_history_tab(self) -> bool:
        return self.tabs.currentWidget() is self.history

    def current_jobs(self) -> list[JobView]:
        """What the person sees selected on the current tab: the actions apply to these.
        A history row the engine still has is shown as it is now, not as stored."""
        if self._on_history_tab():
            views = []
            for stored in self.history.selected_jobs():
                live = self.facade.get(stored.id)
                views.append((live or stored).view())
            return views
        return [j for i in self.selected_ids() if (j := self.model.job(i))]

    def _live(self, jobs: list[JobView]) -> list[JobView]:
        """Those the engine can still act on (a job only in the history cannot be cancelled
        or retried: re-run it)."""
        return [j for j in jobs if self.facade.get(j.id) is not None]

    def cancel_selected(self) -> None:
        for job in self._live(self.current_jobs()):
            if job.can_cancel:
                self.facade.cancel(job.id)

    def retry_selected(self) -> None:
        for job in self._live(self.current_jobs()):
            if job.can_retry:
                self._retry(job.id)

    def _retry(self, job_id: str) -> None:
        try:
            self.facade.retry(job_id)  # its source is checked again
        except SubmitError as exc:
            self.show_notice(str(exc))

    def remove_selected(self) -> None:
        if self._on_history_tab():  # the list's rows only; the history keeps every job
            return
        for job in self.current_jobs():
            if job.can_remove:
                self.facade.remove(job.id)  # the row goes with JobForgotten

    def move_selected(self, delta: int) -> None:
        if self._on_history_tab():
            return
        ids = [j.id for j in self.current_jobs() if j.can_move]
        for job_id in ids if delta < 0 else reversed(ids):
            self.facade.move(job_id, delta)
        self.model.queue_changed()

    def open_selected_output(self) -> None:
        for job in self.current_jobs()[:1]:
            folder = job.output_dir or job.options.output_root
            if folder and os.path.isdir(folder):
                self.open_path(folder)
            else:
                self.show_notice(self.tr("The output folder {p} does not exist (any more).")
                                 .replace("{p}", str(folder or "—")))  # fmt: skip

    def open_path(self, path: str) -> bool:
        """Open a clip or folder with the desktop's application; say so when nothing can."""
        if self.opener(path):
            return True
        self.show_notice(
            self.tr("Nothing on this computer opened {p}. Its folder is {d}.")
            .replace("{p}", path)
            .replace("{d}", os.path.dirname(path) or path)
        )
        return False

    def copy_ws_url(self) -> None:
        jobs = self.current_jobs()
        if jobs and self.job_ws_url is not None:
            QGuiApplication.clipboard().setText(self.job_ws_url(jobs[0].id))

    def toggle_pause(self) -> None:
        """One click either way; the action's state follows QueuePaused/QueueResumed."""
        if self.act_pause.isChecked():
            self.facade.pause()
        else:
            self.facade.resume()

    def _queue_paused(self, reason: str | None) -> None:
        self.act_pause.setChecked(True)
        self.act_pause.setText(self.tr("Resume queue"))
        self.pause_label.setText(reason or "")
        self.pause_label.setToolTip(reason or "")
        self.pause_label.setVisible(bool(reason))
        if reason:
            self.show_notice(reason)
        self._show_counts(self.model.counts)

    def _queue_resumed(self) -> None:
        self.act_pause.setChecked(False)
        self.act_pause.setText(self.tr("Pause queue"))
        self.pause_label.hide()
        if self.notice_text.text() == self.pause_label.text():
            self.notice.hide()  # the reason is over
        self._show_counts(self.model.counts)

    def _jobs_forgotten(self, ids: list[str]) -> None:
        for job_id in ids:
            self.model.remove(job_id)

    def expire_finished(self, max_age: float) -> None:
        """Finished jobs older than `max_age` seconds leave the list (history keeps them)."""
        self.facade.expire_finished(max_age)

    def clear_finished(self) -> None:
        for job in self.model.jobs():
            if job.can_remove:
                self.facade.remove(job.id)

    def retry_all_failed(self) -> None:
        for job in self.model.jobs():
            if job.state is JobState.FAILED:
                self._retry(job.id)

    def context_menu(self) -> QMenu:
        """The selection's menu (built fresh so its actions match the selection)."""
        self._update_actions()
        menu = QMenu(self)
        for action in (
            self.act_cancel,
            self.act_retry,
            self.act_remove,
            None,
            self.act_up,
            self.act_down,
            None,
            self.act_open,
            self.act_copy_ws,
            None,
            self.act_pause,
            self.act_clear,
            self.act_retry_failed,
        ):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def _context_menu_at(self, pos: QPoint) -> None:
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _update_actions(self, *_args: object) -> None:
        """Enable what applies to the current tab's selection (core's predicates say what)."""
        jobs = self.current_jobs()
        live = self._live(jobs)
        in_list = not self._on_history_tab()  # remove and move concern the list's rows
        self.act_cancel.setEnabled(any(j.can_cancel for j in live))
        self.act_retry.setEnabled(any(j.can_retry for j in live))
        self.act_remove.setEnabled(in_list and any(j.can_remove for j in jobs))
        self.act_up.setEnabled(in_list and any(j.can_move for j in jobs))
        self.act_down.setEnabled(in_list and any(j.can_move for j in jobs))
        self.act_open.setEnabled(any(j.can_open for j in jobs))
        self.act_copy_ws.setEnabled(bool(jobs) and self.job_ws_url is not None)
        counts = self.model.counts
        self.act_clear.setEnabled(any(n for s, n in counts.items() if s in FINAL_STATES))
        self.act_retry_failed.setEnabled(bool(counts.get(JobState.FAILED)))

    def _selection_changed(self, *_args: object) -> None:
        self._update_actions()
        current = self.table.selectionModel().currentIndex()
        ids = self.selected_ids()
        job_id = ids[0] if ids else None
        if current.isValid():
            job = current.data(JOB_ROLE)
            job_id = job.id if job and job.id in ids else job_id
        if job_id is None:
            self.detail.clear()
        else:
            self._show_detail(job_id)

    def _show_detail(self, job_id: str) -> None:
        job = self.model.job(job_id)
        if job is None:
            self.detail.clear()
            return
        self.detail.show_job(job, self.facade.commands(job_id), self.facade.log_tail(job_id))

    def _rows_refreshed(self, ids: list[str]) -> None:
        if self.workers.isVisible():
            self.workers.refresh(self.model.jobs())
        if self.detail.job_id in ids:
            self._show_detail(self.detail.job_id)  # type: ignore[arg-type]
        self._update_actions()

    def _update_page(self) -> None:
        has_jobs = self.model.job_count > 0  # filtered out or not
        self.pages.setCurrentIndex(1 if has_jobs else 0)
        self.detail.setVisible(has_jobs)  # the welcome page gets the whole height

    def _show_counts(self, counts: dict[JobState, int]) -> None:
        parts = [self.tr(label).replace("{n}", str(counts.get(state, 0)))
                 for i, (state, label) in enumerate(COUNTED) if i < 3 or counts.get(state)]
        if self.facade.paused:
            parts.append(self.tr("paused"))
        queue_eta = self.facade.queue_eta()
        band = eta_band(queue_eta.to_dict()) if queue_eta and not self.facade.paused else ""
        unknown = queue_eta.unknown_jobs if queue_eta else 0
        if band and unknown:  # not "all done": some jobs have nothing to estimate from yet
            parts.append(self.tr("estimated jobs done in {band}").replace("{band}", band))
            parts.append(self.tr("%n job(s) not estimated yet", "", unknown))
            band = ""
        elif band:
            parts.append(self.tr("all done in {band}").replace("{band}", band))
        self.counts_label.setText(" · ".join(parts))
        queue_tab = self.tabs.indexOf(self.main_splitter)  # its header says it too
        self.tabs.setTabText(queue_tab, self.tr("Queue · {band}").replace("{band}", band)
                             if band else self.tr("Queue"))  # fmt: skip

    def set_server_status(
        self, url: str | None, observers: int = 0, job_ws_url: Callable[[str], str] | None = None
    ) -> None:
        """Hook for the server: its address and how many observers are connected."""
        self.server_url = url
        self.job_ws_url = job_ws_url
        if url is None:
            self.server_label.setText(self.tr("Server: off"))
        else:
            self.server_label.setText(
                self.tr("Server: {u} · {n} observers")
                .replace("{u}", url)
                .replace("{n}", str(observers))
            )
        self._update_actions()

    def _job_completed(self, job: JobView) -> None:
        self.tray.job_completed(job)
        self._history_stale = True
        if self.tabs.currentWidget() is self.history:
            self.history.reload()
            self._history_stale = False

    def cancel_when_done(self) -> bool:
        """Stop the sleep or shutdown countdown (its bar's Cancel, Esc)."""
        when_done = getattr(self.engine, "when_done", None)
        return when_done is not None and when_done.cancel(self.tr("Cancelled: the computer "
                                                                  "stays on."))  # fmt: skip

    def _when_done_changed(self, state: WhenDoneState) -> None:
        counting = self.countdown.isVisible() and self.countdown.cancel.isVisible()
        self.countdown.show_state(state)
        if state.phase == "countdown":
            self.tray.countdown(self.countdown.text.text(), starting=not counting)
            return
        self.tray.countdown(None)
        if state.phase == "idle" and state.message:
            text = engine_message(state.message)
            if state.ok is False:
                self.show_notice(text)
            else:
                self.statusBar().showMessage(text, 15_000)

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.history and self._history_stale:
            self.history.reload()
            self._history_stale = False
        self._update_actions()  # the actions follow the selection the person now sees

    # -- settings ----------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(
            self.engine.settings, self.prefs, self, server_panel=self._server_panel(),
            retention_preview=lambda days: self.facade.retention_preview(days, time.time()),
            webhooks=self.facade.webhooks,
        )  # fmt: skip
        dialog.accepted.connect(lambda: self.apply_settings(dialog))
        known = self.facade.encoders_known()
        if known is not None:
            dialog.show_encoders(known)
        else:  # detection runs its one-frame encodes through the runner, off the Qt thread
            task = start_task(self.facade.detect_encoders)
            if task is not None:
                task.add_done_callback(
                    lambda t: None if t.cancelled() else dialog.show_encoders(t.result()))
                dialog.finished.connect(task.cancel)  # a closed dialog waits for nothing
        dialog.open()
        return dialog

    def _server_panel(self) -> QLabel:
        """What the Server group says above its settings: where the server listens now."""
        now = self.server_url or self.tr("off")
        label = QLabel(self.tr("The observer server now: {u}").replace("{u}", now))
        label.setObjectName("serverPanel")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def apply_settings(self, dialog: SettingsDialog) -> None:
        try:
            settings = dialog.result_settings()
        except SettingsError as exc:  # the dialog checked it on OK; never lose the window
            self.show_notice(str(exc))
            return
        later = self.engine.apply_settings(settings)  # saved; the live ones taken at once
        self.prefs = dialog.result_prefs()
        self.prefs.save(self.qsettings)
        self.restart_watching()
        self._show_output_folder()
        if later:
            names = ", ".join(later)
            self.statusBar().showMessage(
                self.tr("Saved. Applies after restart: {names}").replace("{names}", names), 10000
            )

    # -- help ----------------------------------------------------------------------------------
    def open_setup_check(self) -> SetupCheckDialog | None:
        """Show `storyclip doctor`'s report; the checks run off the Qt thread."""
        check = self.check_setup
        if check is None:
            return None
        output = Path(self.output_folder())
        dialog = SetupCheckDialog(lambda: check(output), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.start()
        return dialog

    def open_about(self) -> AboutDialog:
        extra = [
            (self.tr("ffmpeg in use"), self.engine.toolchain.ffmpeg),
            (self.tr("Data folder"), str(self.engine.settings.data_dir)),
        ]
        dialog = AboutDialog(self.engine.runner, self.engine.toolchain.ffmpeg, extra, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.start()
        return dialog

    # -- watch folders -------------------------------------------------------------------------
    def restart_watching(self) -> None:
        if self._watch_task is not None:
            self._watch_task.cancel()
            self._watch_task = None
        folders = [f for f in self.prefs.watch_folders if f]
        if not folders:
            return
        seen = SeenFiles(self.engine.settings.data_dir / "watched-files.json")
        watcher = FolderWatcher(folders, seen, settle_seconds=self._watch_settle,
                                exclude=[self.engine.settings.output_dir])  # fmt: skip
        for folder in watcher.overlaps_output():
            self.show_notice(self.tr("The watched folder {0} and the output folder overlap: the "
                                     "app's own clips there are not taken as new videos.")
                             .format(folder))  # fmt: skip
        self._watch_task = asyncio.ensure_future(
            watch_folders(watcher, lambda path: self.add_paths([str(path)]), self._watch_interval)
        )

    # -- state and closing -----------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.qsettings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        for key, splitter in (
            ("window/mainSplitter", self.main_splitter),
            ("window/queueSplitter", self.queue_splitter),
        ):
            value = s.value(key)
            if value is not None:
                splitter.restoreState(value)
        for key, view in (
            ("window/jobColumns", self.table),
            ("window/historyColumns", self.history.table),
        ):
            value = s.value(key)
            if value is not None:
                view.horizontalHeader().restoreState(value)
        # kept apart from the header's state: one saved before the column existed would show it
        show_folder = str(s.value("window/folderColumn", "false")).lower() == "true"
        self.table.setColumnHidden(COL_FOLDER, not show_folder)
        self.act_folder_column.setChecked(show_folder)
        self.tabs.setCurrentIndex(int(s.value("window/tab", 0) or 0))

    def save_state(self) -> None:
        s = self.qsettings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/mainSplitter", self.main_splitter.saveState())
        s.setValue("window/queueSplitter", self.queue_splitter.saveState())
        s.setValue("window/jobColumns", self.table.horizontalHeader().saveState())
        s.setValue("window/historyColumns", self.history.table.horizontalHeader().saveState())
        s.setValue("window/tab", self.tabs.currentIndex())
        s.setValue("window/folderColumn", "true" if self.act_folder_column.isChecked() else "false")
        self.options_panel.save()
        s.sync()

    async def wait_closed(self) -> None:
        """Return once the window has closed for good (state saved; the person agreed that
        running jobs stop: whoever owns the engine stops it then)."""
        if self._closed is None:
            self._closed = asyncio.get_running_loop().create_future()
        await self._closed

    def quit(self) -> None:
        self._quitting = True
        self.close()

    def _show_from_tray(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def _busy(self) -> int:
        counts = self.model.counts
        return counts.get(JobState.PROCESSING, 0) + counts.get(JobState.QUEUED, 0)

    def _ask_quit(self, running: int) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Quit StoryClip Studio?"),
            self.tr(
                "%n jobs are still queued or running. They stop now and resume at the next start.",
                "",
                running,
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        busy = self._busy()
        if not self._quitting and busy and self.prefs.close_to_tray and self.tray.available:
            self.hide()
            event.ignore()
            return
        if busy and not self.confirm_quit(busy):
            self._quitting = False
            event.ignore()
            return
        self.save_state()
        if self._watch_task is not None:
            self._watch_task.cancel()
        self.thumbnails.stop()
        self.signals.detach()
        event.accept()
        self._finish_close()  # the composition root stops the engine (app.run_gui)

    def _finish_close(self) -> None:
        if self._closed is None:
            try:
                self._closed = asyncio.get_event_loop().create_future()
            except RuntimeError:
                return
        if not self._closed.done():
            self._closed.set_result(None)
