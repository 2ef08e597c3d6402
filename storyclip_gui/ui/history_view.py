"""History tab: every job the store remembers, paged lazily, filtered, re-run and exported."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storyclip_gui.core import history_export
from storyclip_gui.core.history import HistoryPager
from storyclip_gui.core.history_export import ExportFormat
from storyclip_gui.core.jobs import Job, JobState, can_rerun
from storyclip_gui.core.ports import HistoryQuery, HistorySource, HistoryStats, StoreError
from storyclip_gui.ui.engine_text import engine_message
from storyclip_gui.ui.job_table_model import format_duration, status_icon, status_label

log = logging.getLogger(__name__)

H_SOURCE, H_STATUS, H_CREATED, H_CLIPS, H_BUSY, H_MESSAGE = range(6)
H_HEADERS = (
    QT_TRANSLATE_NOOP("HistoryView", "Source"),
    QT_TRANSLATE_NOOP("HistoryView", "Status"),
    QT_TRANSLATE_NOOP("HistoryView", "Created"),
    QT_TRANSLATE_NOOP("HistoryView", "Clips"),
    QT_TRANSLATE_NOOP("HistoryView", "Took"),
    QT_TRANSLATE_NOOP("HistoryView", "Message"),
)
H_JOB_ROLE = Qt.ItemDataRole.UserRole + 1  # the Job
PAGE_SIZE = 100
DAY = 86400.0
AnyIndex = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("HistoryView", text)


def took_tooltip(attempts: int) -> str:
    text = QCoreApplication.translate(
        "HistoryView", "Running time of the last attempt; time waiting in the queue is not counted."
    )
    if attempts > 1:
        text += "\n" + QCoreApplication.translate(
            "HistoryView", "{n} attempts; the summary's speed counts the time of all of them."
        )
        text = text.replace("{n}", str(attempts))
    return text


def format_stats(stats: HistoryStats) -> str:
    jobs = sum(stats.counts.values())
    parts = [
        QCoreApplication.translate("HistoryView", "Jobs: {n}").replace("{n}", str(jobs)),
        QCoreApplication.translate("HistoryView", "Clips: {n}").replace(
            "{n}", str(stats.clips_generated)
        ),
    ]
    if stats.failure_rate is not None:
        parts.append(
            QCoreApplication.translate("HistoryView", "Failure rate: {p}").replace(
                "{p}", f"{stats.failure_rate * 100:.0f} %"
            )
        )
    if stats.mean_speed is not None:
        parts.append(
            QCoreApplication.translate("HistoryView", "Mean speed: {s}").replace(
                "{s}", f"{stats.mean_speed:.2f}×"
            )
        )
    return "  ·  ".join(parts)


class HistoryModel(QAbstractTableModel):
    """Rows from `store.history()`, fetched a page at a time as the view scrolls.

    Signals:
        failed(str): the store could not be read (the message is for the person).
    """

    failed = Signal(str)

    def __init__(self, store: HistorySource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._pager = HistoryPager(store, HistoryQuery(limit=PAGE_SIZE))
        self._jobs: list[Job] = []
        self._exhausted = False
        self._resetting = False

    @property
    def query(self) -> HistoryQuery:
        return self._pager.query

    def set_query(self, query: HistoryQuery) -> None:
        self.beginResetModel()
        self._pager = HistoryPager(self._store, replace(query, before=None))
        self._jobs = []
        self._exhausted = False
        self._resetting = True  # observers of modelReset may ask for rows: defer those fetches
        try:
            self.endResetModel()
        finally:
            self._resetting = False

    def refresh(self) -> None:
        self.set_query(self._pager.query)

    def job(self, row: int) -> Job:
        return self._jobs[row]

    # -- lazy paging -------------------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        if self._resetting:
            QTimer.singleShot(0, self.fetchMore)
            return
        try:
            jobs = self._pager.next_page()
        except StoreError as exc:
            self._exhausted = True
            self.failed.emit(str(exc))
            return
        self._exhausted = self._pager.exhausted
        if jobs:
            first = len(self._jobs)
            self.beginInsertRows(QModelIndex(), first, first + len(jobs) - 1)
            self._jobs.extend(jobs)
            self.endInsertRows()

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(H_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(H_HEADERS):
            return _t(H_HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._jobs):
            return None
        job = self._jobs[index.row()]
        col = index.column()
        busy = (job.finished_at - job.started_at) if job.finished_at and job.started_at else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == H_SOURCE:
                return os.path.basename(job.source)
            if col == H_STATUS:
                return status_label(job.state)
            if col == H_CREATED:
                return datetime.fromtimestamp(job.created_at).strftime("%Y-%m-%d %H:%M")
            if col == H_CLIPS:
                return f"{job.clips_verified}/{job.clips_total}" if job.clips_total else ""
            if col == H_BUSY:
                return format_duration(busy)
            if col == H_MESSAGE:
                return engine_message(job.error.message if job.error else job.message)
        if role == H_JOB_ROLE:
            return job
        if role == Qt.ItemDataRole.DecorationRole and col == H_STATUS:
            return status_icon(job.state)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == H_SOURCE:
                return job.source
            if col == H_BUSY:
                return took_tooltip(job.attempts)
            if col == H_MESSAGE:
                return engine_message(job.error.message if job.error else job.message)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


STATUS_FILTERS: tuple[tuple[str, frozenset[JobState]], ...] = (
    (QT_TRANSLATE_NOOP("HistoryView", "All"), frozenset()),
    (QT_TRANSLATE_NOOP("HistoryView", "Completed"), frozenset({JobState.COMPLETED})),
    (QT_TRANSLATE_NOOP("HistoryView", "Failed"), frozenset({JobState.FAILED})),
    (QT_TRANSLATE_NOOP("HistoryView", "Cancelled"), frozenset({JobState.CANCELLED})),
    (
        QT_TRANSLATE_NOOP("HistoryView", "Unfinished"),
        frozenset({JobState.QUEUED, JobState.PROCESSING, JobState.INTERRUPTED}),
    ),
)
DATE_FILTERS: tuple[tuple[str, float | None], ...] = (
    (QT_TRANSLATE_NOOP("HistoryView", "Any time"), None),
    (QT_TRANSLATE_NOOP("HistoryView", "Today"), 1.0),
    (QT_TRANSLATE_NOOP("HistoryView", "Last 7 days"), 7.0),
    (QT_TRANSLATE_NOOP("HistoryView", "Last 30 days"), 30.0),
)


async def export_history(
    store: HistorySource, query: HistoryQuery, path: Path, fmt: ExportFormat, page_size: int = 500
) -> int:
    """Write every job matching `query` in the shared export format (core.history_export);
    pages are read between event-loop turns and the file is written in an executor, so a
    large export never freezes the window."""
    jobs: list[Job] = []
    for page in HistoryPager(store, query, page_size).pages():
        jobs.extend(page)
        await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, history_export.write_file, path, fmt, jobs)


def export_path(chosen: str, fmt: ExportFormat) -> Path:
    """The file the user chose, with the format's extension added when it is missing."""
    path = Path(chosen)
    return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")


class HistoryView(QWidget):
    """The history tab: filters, the lazily paged table, re-run, export, and a stats strip.

    Signals:
        rerunRequested(object, bool): re-run this Job; True: with the options panel's options.
        exported(str): an export was written (the message names the file and the count).
    """

    rerunRequested = Signal(object, bool)
    exported = Signal(str)

    def __init__(
        self,
        store: HistorySource,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self.model = HistoryModel(store, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by file name…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        for label, _states in STATUS_FILTERS:
            self.status.addItem(_t(label))
        self.date = QComboBox()
        for label, _days in DATE_FILTERS:
            self.date.addItem(_t(label))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status)
        filters.addWidget(self.date)
        filters.addWidget(self.refresh_button)
        layout.addLayout(filters)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(H_SOURCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(H_SOURCE, 220)
        header.resizeSection(H_STATUS, 110)
        header.resizeSection(H_CREATED, 130)
        header.resizeSection(H_CLIPS, 60)
        header.resizeSection(H_BUSY, 60)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.rerun_same = QPushButton(self.tr("Re-run"))
        self.rerun_changed = QPushButton(self.tr("Re-run with current options"))
        self.export_csv = QPushButton(self.tr("Export CSV…"))
        self.export_json = QPushButton(self.tr("Export JSON…"))
        for button in (self.rerun_same, self.rerun_changed):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.export_csv)
        actions.addWidget(self.export_json)
        layout.addLayout(actions)
        self.stats = QLabel()
        self.stats.setObjectName("statsStrip")
        layout.addWidget(self.stats)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.date.currentIndexChanged.connect(self.apply_filters)
        self.refresh_button.clicked.connect(self.reload)
        self.rerun_same.clicked.connect(lambda: self._rerun(False))
        self.rerun_changed.clicked.connect(lambda: self._rerun(True))
        self.export_csv.clicked.connect(lambda: self._ask_export("csv"))
        self.export_json.clicked.connect(lambda: self._ask_export("json"))
        self.model.failed.connect(self.stats.setText)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        self._tasks: set[asyncio.Future[Any]] = set()
        self.export_folder = str(Path.home())

    def build_query(self) -> HistoryQuery:
        states = STATUS_FILTERS[max(0, self.status.currentIndex())][1]
        days = DATE_FILTERS[max(0, self.date.currentIndex())][1]
        since = None
        if days is not None:
            now = self._clock()
            midnight = (
                datetime.fromtimestamp(now)
                .replace(hour=0, minute=0, second=0, microsecond=0)
                .timestamp()
            )
            since = midnight - (days - 1) * DAY
        return HistoryQuery(
            states=states, since=since, search=self.search.text().strip() or None, limit=PAGE_SIZE
        )

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.model.set_query(self.build_query())
        if self.model.canFetchMore():
            self.model.fetchMore()
        self.refresh_stats()

    def reload(self) -> None:
        self.apply_filters()

    def refresh_stats(self) -> None:
        """The summary counts the jobs the filters show (all of them, not only the loaded)."""
        try:
            self.stats.setText(format_stats(self._store.stats(query=self.model.query)))
        except StoreError as exc:
            self.stats.setText(str(exc))

    def selected_jobs(self) -> list[Job]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.job(r) for r in rows]

    def _rerun(self, changed: bool) -> None:
        for job in self.selected_jobs():
            if can_rerun(job.state):
                self.rerunRequested.emit(job, changed)

    def _update_buttons(self, *_args: object) -> None:
        """Re-run what the engine no longer runs (core's predicate)."""
        enabled = any(can_rerun(job.state) for job in self.selected_jobs())
        self.rerun_same.setEnabled(enabled)
        self.rerun_changed.setEnabled(enabled)

    def _ask_export(self, fmt: ExportFormat) -> None:
        name = f"storyclip-history.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export history"),
            os.path.join(self.export_folder, name),
            "CSV (*.csv)" if fmt == "csv" else "JSON (*.json)",
        )
        if path:
            self.start_export(export_path(path, fmt), fmt)

    def start_export(self, path: Path, fmt: ExportFormat) -> asyncio.Future[int]:
        task = asyncio.ensure_future(export_history(self._store, self.model.query, path, fmt))
        self._tasks.add(task)

        def done(fut: asyncio.Future[int]) -> None:
            self._tasks.discard(fut)
            if fut.cancelled():
                return
            if fut.exception() is not None:
                self.exported.emit(
                    self.tr("Export failed: {e}").replace("{e}", str(fut.exception()))
                )
            else:
                self.exported.emit(
                    self.tr("Exported {n} jobs to {p}")
                    .replace("{n}", str(fut.result()))
                    .replace("{p}", str(path))
                )

        task.add_done_callback(done)
        return task
