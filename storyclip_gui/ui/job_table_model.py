"""JobTableModel: the live jobs as table rows, fed by the bridge, repaints coalesced on a timer."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable
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
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from storyclip_gui.core.jobs import ClipState, JobState, JobView
from storyclip_gui.core.sources import natural_key
from storyclip_gui.runner.bridge import JobSignals
from storyclip_gui.ui.engine_text import engine_message

(COL_SOURCE, COL_STATUS, COL_PROGRESS, COL_MESSAGE, COL_CLIPS, COL_SPEED, COL_ETA, COL_ELAPSED,
 COL_FOLDER, COL_WORKERS) = range(10)  # fmt: skip
HEADERS = (
    QT_TRANSLATE_NOOP("JobTableModel", "Source"),
    QT_TRANSLATE_NOOP("JobTableModel", "Status"),
    QT_TRANSLATE_NOOP("JobTableModel", "Progress"),
    QT_TRANSLATE_NOOP("JobTableModel", "Message"),
    QT_TRANSLATE_NOOP("JobTableModel", "Clips"),
    QT_TRANSLATE_NOOP("JobTableModel", "Speed"),
    QT_TRANSLATE_NOOP("JobTableModel", "ETA"),
    QT_TRANSLATE_NOOP("JobTableModel", "Elapsed"),
    QT_TRANSLATE_NOOP("JobTableModel", "Folder"),  # the source's folder (hidden by default)
    QT_TRANSLATE_NOOP("JobTableModel", "Workers"),  # who renders its clips now (a cluster)
)

JOB_ROLE = Qt.ItemDataRole.UserRole + 1  # the JobView
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # native values for sorting
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # the JobState
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 4  # float 0-100

REFRESH_MS = 100
SORT_INTERVAL = 1.0  # seconds between re-sorts while sorted by a moving column
TICK_ROLES = [
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.UserRole + 1),  # JOB_ROLE
    int(Qt.ItemDataRole.UserRole + 2),  # SORT_ROLE
    int(Qt.ItemDataRole.UserRole + 4),  # PROGRESS_ROLE
]
ELAPSED_TICK_MS = 1000

STATUS_COLORS = {
    JobState.QUEUED: "#8a8f98",
    JobState.PROCESSING: "#2f7de1",
    JobState.COMPLETED: "#2e9d57",
    JobState.FAILED: "#d64541",
    JobState.CANCELLED: "#b07d2b",
    JobState.INTERRUPTED: "#9b59b6",
}
Roles = Qt.ItemDataRole
_DISPLAY, _DECORATION, _TOOLTIP, _ALIGNMENT = (
    int(Roles.DisplayRole), int(Roles.DecorationRole), int(Roles.ToolTipRole),
    int(Roles.TextAlignmentRole),
)  # fmt: skip
_JOB, _SORT, _STATUS, _PROGRESS = (
    int(JOB_ROLE),
    int(SORT_ROLE),
    int(STATUS_ROLE),
    int(PROGRESS_ROLE),
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
AnyIndex = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("JobTableModel", text)


def status_label(status: JobState) -> str:
    labels = {
        JobState.QUEUED: QCoreApplication.translate("JobTableModel", "Queued"),
        JobState.PROCESSING: QCoreApplication.translate("JobTableModel", "Processing"),
        JobState.COMPLETED: QCoreApplication.translate("JobTableModel", "Completed"),
        JobState.FAILED: QCoreApplication.translate("JobTableModel", "Failed"),
        JobState.CANCELLED: QCoreApplication.translate("JobTableModel", "Cancelled"),
        JobState.INTERRUPTED: QCoreApplication.translate("JobTableModel", "Interrupted"),
    }
    return labels.get(status, status)


def format_duration(seconds: float | None) -> str:
    if seconds is None or seconds < 0:
        return ""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def eta_band(eta: dict[str, Any] | None) -> str:
    """A learned ETA as a person reads it: '~1:40 – 2:10' (P50 – P90)."""
    if not eta:
        return ""
    p50, p90 = format_duration(eta["p50Seconds"]), format_duration(eta["p90Seconds"])
    return f"~{p50}" if p50 == p90 else f"~{p50} – {p90}"


def eta_text(job: JobView) -> str:
    """The ETA column: the learned band for queued and running jobs, else ffmpeg's own."""
    if job.state not in (JobState.PROCESSING, JobState.QUEUED):
        return ""
    if job.eta:
        return eta_band(job.eta)
    return format_duration(job.eta_seconds) if job.state is JobState.PROCESSING else ""


def elapsed_seconds(job: JobView, now: float | None = None) -> float | None:
    """The running time of the job's latest attempt (JobView.elapsed); History's "Took" is
    the same. Time waiting in the queue never counts."""
    return job.elapsed(now if now is not None else time.time())


def elapsed_tooltip(attempts: int) -> str:
    text = QCoreApplication.translate(
        "JobTableModel",
        "Running time of this attempt; time waiting in the queue is not counted.",
    )
    if attempts > 1:
        text += "\n" + QCoreApplication.translate("JobTableModel", "Attempt {n}").replace(
            "{n}", str(attempts)
        )
    return text


_icons: dict[JobState, QIcon] = {}


def rendering_workers(job: JobView) -> list[str]:
    """Who renders the job's clips right now (a cluster renders several at once), in order."""
    if job.state is not JobState.PROCESSING:
        return []
    return list(dict.fromkeys(c.worker for c in job.clips if c.state is ClipState.PLANNED
                              and c.worker))  # fmt: skip


def status_icon(status: JobState) -> QIcon:
    """A coloured dot per status (made once, shared)."""
    icon = _icons.get(status)
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATUS_COLORS.get(status, "#888888")))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        icon = _icons[status] = QIcon(pixmap)
    return icon


class JobTableModel(QAbstractTableModel):
    """One row per live job that passes the status + text filter, sorted by the model itself.

    All jobs are kept in ``_all`` (registration order, or sort order once sorted); the rows the
    views see are ``_rows``, the jobs of ``_all`` that pass the filter, in the same order. Both
    lists are rebuilt in plain Python (one ``list.sort``, one comprehension) when the sort, the
    filter or a job's visibility changes, so no proxy calls back into ``data()`` per row.

    Signals:
        flushed(list): ids of the jobs whose rows were repainted in this refresh tick.
        countsChanged(dict): jobs per status, after each refresh tick that changed one.
    """

    flushed = Signal(list)
    countsChanged = Signal(dict)

    def __init__(
        self,
        signals: JobSignals | None = None,
        *,
        queue_order: Callable[[], list[str]] | None = None,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._clock = clock  # when the last re-sort ran, and whether the next one is due
        self._all: list[JobView] = []  # every job, in sort (or registration) order
        self._pos: dict[str, int] = {}  # job id -> its position in _all
        self._names: dict[str, str] = {}  # job id -> casefolded file name, for the text filter
        self._rows: list[JobView] = []  # the visible jobs (pass the filter), in order
        self._row_of: dict[str, int] = {}  # job id -> visible row
        self._dirty: set[str] = set()
        self._restyled: set[str] = set()  # status changed: the filter must look again
        self._queue_dirty = False  # queue positions must be read again
        self._states: frozenset[JobState] = frozenset()
        self._text = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sort_stale = False
        self._sorted_at = 0.0
        self._counts: dict[JobState, int] = {}
        self._counts_dirty = False
        self._queue_order = queue_order
        self._queue_pos: dict[str, int] = {}
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.flush)
        self._ticker = QTimer(self)  # elapsed time of running jobs
        self._ticker.setInterval(ELAPSED_TICK_MS)
        self._ticker.timeout.connect(self._tick_elapsed)
        self._ticker.start()
        if signals is not None:
            self.attach(signals)

    def attach(self, signals: JobSignals) -> None:
        signals.jobRegistered.connect(self.upsert)
        signals.jobUpdated.connect(self.upsert)
        signals.clipCompleted.connect(lambda job, _clip: self.upsert(job))
        signals.jobCompleted.connect(self.upsert)

    # -- feeding -------------------------------------------------------------------------
    def upsert(self, job: JobView) -> None:
        """A new job appends a row at once; an update is stored and repainted on the timer."""
        job_id = job.id
        pos = self._pos.get(job_id)
        if pos is None:
            self._pos[job_id] = len(self._all)
            self._all.append(job)
            self._names[job_id] = os.path.basename(job.source).casefold()
            if self._passes(job):
                row = len(self._rows)
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.append(job)
                self._row_of[job_id] = row
                self.endInsertRows()
            self._count(None, job.state)
            self._queue_dirty = True
            self._sort_stale = self._sort_column >= 0
            self._schedule()
            return
        old_job = self._all[pos]
        self._all[pos] = job
        row = self._row_of.get(job_id)
        if row is not None:
            self._rows[row] = job
        if old_job.state is not job.state:
            self._count(old_job.state, job.state)
            self._restyled.add(job_id)
        self._dirty.add(job_id)
        self._schedule()

    def remove(self, job_id: str) -> bool:
        pos = self._pos.pop(job_id, None)
        if pos is None:
            return False
        job = self._all.pop(pos)
        for later in self._all[pos:]:
            self._pos[later.id] -= 1
        row = self._row_of.get(job_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            self._rows.pop(row)
            del self._row_of[job_id]
            for later in self._rows[row:]:
                self._row_of[later.id] -= 1
            self.endRemoveRows()
        del self._names[job_id]
        self._dirty.discard(job_id)
        self._restyled.discard(job_id)
        self._count(job.state, None)
        self._schedule()
        return True

    def queue_changed(self) -> None:
        """The queue order changed (move up/down): repaint positions on the next tick."""
        self._queue_dirty = True
        self._dirty.update(self._queue_pos)
        self._schedule()

    def flush(self) -> None:
        """Emit the coalesced changes: one dataChanged per run of adjacent changed rows.

        Progress-only changes name their roles; a status change names none (everything may
        differ) and, with a status filter set, may show or hide the row (one relayout for the
        tick). When sorted, rows are re-sorted here at most once per SORT_INTERVAL, never per
        event.
        """
        self._refresh.stop()
        ids = [i for i in self._dirty if i in self._pos]
        restyled = [i for i in self._restyled if i in self._pos]
        requeued = False
        if self._queue_order is not None and (self._queue_dirty or restyled):
            self._queue_dirty = False
            old = self._queue_pos
            new = self._queue_pos = {job_id: i for i, job_id in enumerate(self._queue_order())}
            moved = {i for i in old.keys() | new.keys() if old.get(i) != new.get(i)}
            requeued = bool(moved)
            ids.extend(i for i in moved if i in self._pos and i not in self._dirty)
        self._dirty.clear()
        self._restyled.clear()
        refilter = bool(self._states) and any(
            self._passes(self._all[self._pos[i]]) != (i in self._row_of) for i in restyled
        )
        resort = False
        if self._sort_column < 0:  # queue order: a move or a start shows at once
            resort = (requeued or bool(restyled) or self._sort_stale) and self._order_changed()
            self._sort_stale = False
        elif ids or self._sort_stale:
            wait = SORT_INTERVAL - (self._clock() - self._sorted_at)
            if wait <= 0:
                resort = True
            else:
                self._sort_stale = True
                self._refresh.start(int(wait * 1000) + 1)
        if resort or refilter:
            self._relayout(resort=resort)
        restyled_set = set(restyled)
        row_of = self._row_of
        self._emit_rows([row_of[i] for i in ids if i not in restyled_set and i in row_of],
                        TICK_ROLES)  # fmt: skip
        self._emit_rows([row_of[i] for i in restyled if i in row_of], [])
        if self._counts_dirty:
            self._counts_dirty = False
            self.countsChanged.emit(dict(self._counts))
        if ids:
            self.flushed.emit(ids)

    def _emit_rows(self, rows: list[int], roles: list[int]) -> None:
        if not rows:
            return
        rows.sort()
        last_col = len(HEADERS) - 1
        if len(rows) > 64:  # scattered: one signal; views repaint only what they show
            runs = [(rows[0], rows[-1])]
        else:
            runs = []
            for row in rows:
                if runs and runs[-1][1] == row - 1:
                    runs[-1] = (runs[-1][0], row)
                else:
                    runs.append((row, row))
        for first, last in runs:
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_col), roles)

    # -- filtering and sorting (here, in plain Python, never per row through data()) --------
    def set_states(self, states: frozenset[JobState] | set[JobState]) -> None:
        """Show only jobs in these states (empty: all states)."""
        states = frozenset(states)
        if states != self._states:
            self._states = states
            self._relayout(resort=False)

    def set_text(self, text: str) -> None:
        """Show only jobs whose file name contains this text (any case; empty: all)."""
        text = text.strip().casefold()
        if text != self._text:
            self._text = text
            self._relayout(resort=False)

    @property
    def filtering(self) -> bool:
        return bool(self._states or self._text)

    def _passes(self, job: JobView) -> bool:
        if self._states and job.state not in self._states:
            return False
        return not self._text or self._text in self._names[job.id]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, or (column -1) in queue order: the jobs that ran or ended, by when
        they left the queue, then the queue itself, first to start at the top."""
        self._sort_column, self._sort_order = column, order
        self._relayout(resort=True)

    def _queue_key(self, job: JobView) -> tuple[int, float, float]:
        if job.state is JobState.QUEUED:  # not yet in the order read last: after the rest
            pos = self._queue_pos.get(job.id)
            return (1, float(pos) if pos is not None else float(len(self._queue_pos)),
                    job.created_at)  # fmt: skip
        left = job.started_at or job.finished_at or job.created_at
        return (0, left, job.created_at)

    def _order_changed(self) -> bool:
        keys = [self._queue_key(job) for job in self._all]
        return any(a > b for a, b in itertools.pairwise(keys))

    def _relayout(self, *, resort: bool) -> None:
        """Re-sort (if asked and sorted) and re-filter the rows in one layout change.

        Persistent indexes (the views' selection and current row) follow their job; those of
        jobs the filter now hides become invalid. The row count may change here, as it does
        when QSortFilterProxyModel.invalidate() re-filters.
        """
        if resort:
            self._sort_stale = False
            self._sorted_at = self._clock()
            resort = len(self._all) > 1
        if not resort and not self.filtering and len(self._rows) == len(self._all):
            return  # nothing can move, appear or disappear
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        keep = [(self._rows[i.row()].id, i.column()) for i in persistent]
        if resort and self._sort_column < 0:
            self._all.sort(key=self._queue_key)
            self._pos = {job.id: i for i, job in enumerate(self._all)}
        elif resort:
            column = self._sort_column
            self._all.sort(key=lambda job: self._sort_value(job, column),
                           reverse=self._sort_order == Qt.SortOrder.DescendingOrder)  # fmt: skip
            self._pos = {job.id: i for i, job in enumerate(self._all)}
        if self.filtering:
            passes = self._passes
            self._rows = [job for job in self._all if passes(job)]
        else:
            self._rows = list(self._all)
        self._row_of = row_of = {job.id: i for i, job in enumerate(self._rows)}
        moved = [
            self.index(row_of[job_id], col) if job_id in row_of else QModelIndex()
            for job_id, col in keep
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _schedule(self) -> None:
        if not self._refresh.isActive():
            self._refresh.start()

    def _count(self, old: JobState | None, new: JobState | None) -> None:
        if old is not None:
            self._counts[old] = self._counts.get(old, 0) - 1
        if new is not None:
            self._counts[new] = self._counts.get(new, 0) + 1
        self._counts_dirty = True

    def _tick_elapsed(self) -> None:
        if self._counts.get(JobState.PROCESSING):
            running = [r.id for r in self._all if r.state is JobState.PROCESSING]
            self._dirty.update(running)
            self._schedule()

    # -- queries ---------------------------------------------------------------------------
    @property
    def counts(self) -> dict[JobState, int]:
        return dict(self._counts)

    @property
    def job_count(self) -> int:
        """All live jobs, shown or filtered out (rowCount() counts the shown ones)."""
        return len(self._all)

    def job(self, job_id: str) -> JobView | None:
        pos = self._pos.get(job_id)
        return self._all[pos] if pos is not None else None

    def jobs(self) -> list[JobView]:
        """Every live job (shown or not), in the table's order."""
        return list(self._all)

    def row_of(self, job_id: str) -> int | None:
        """The job's row in the table, or None if it is unknown or filtered out."""
        return self._row_of.get(job_id)

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Roles.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Roles.DisplayRole and 0 <= section < len(HEADERS):
            return _t(HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Roles.DisplayRole) -> Any:
        # Hot path (called per visible cell per repaint): plain int roles.
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        job = self._rows[row]
        col = index.column()
        if role == _DISPLAY:
            return self._display(job, col)
        if role == _PROGRESS:
            return float(job.progress)
        if role == _STATUS:
            return job.state
        if role == _JOB:
            return job
        if role == _SORT:
            return self._sort_value(job, col)
        if role == _DECORATION:
            return status_icon(job.state) if col == COL_STATUS else None
        if role == _TOOLTIP:
            if col in (COL_SOURCE, COL_FOLDER):
                return job.source
            if col in (COL_STATUS, COL_MESSAGE) and job.error:
                return engine_message(job.error.message)
            if col == COL_MESSAGE:
                return engine_message(job.message)
            if col == COL_ELAPSED:
                return elapsed_tooltip(job.attempts)
            if col == COL_ETA and job.eta:
                return QCoreApplication.translate(
                    "JobTableModel", "Likely done in {p50}; by {p90} nine times in ten "
                    "(learned from the clips this machine made)"
                ).replace("{p50}", format_duration(job.eta["p50Seconds"])).replace(
                    "{p90}", format_duration(job.eta["p90Seconds"]))  # fmt: skip
        if role == _ALIGNMENT and col in (COL_CLIPS, COL_SPEED, COL_ETA, COL_ELAPSED):
            return _RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _display(self, job: JobView, col: int) -> str | None:
        if col == COL_SOURCE:
            name = os.path.basename(job.source)
            pos = self._queue_pos.get(job.id)
            return f"{pos + 1}. {name}" if pos is not None and job.can_move else name
        if col == COL_STATUS:
            return status_label(job.state)
        if col == COL_PROGRESS:
            return f"{job.progress:.0f} %"
        if col == COL_MESSAGE:
            return engine_message(job.message)
        if col == COL_CLIPS:
            total = job.clips_total
            return f"{job.clips_verified}/{total}" if total else ""
        if col == COL_SPEED:
            return f"{job.speed:.2f}×" if job.speed else ""
        if col == COL_ETA:
            return eta_text(job)
        if col == COL_ELAPSED:
            return format_duration(elapsed_seconds(job))
        if col == COL_FOLDER:
            return os.path.dirname(job.source)
        if col == COL_WORKERS:
            return ", ".join(rendering_workers(job))
        return None

    def _sort_value(self, job: JobView, col: int) -> Any:
        if col == COL_SOURCE:
            pos = self._queue_pos.get(job.id)
            name = natural_key(os.path.basename(job.source))
            return (0, pos, name) if pos is not None else (1, 0, name)
        if col == COL_STATUS:
            return job.state.value
        if col == COL_PROGRESS:
            return float(job.progress)
        if col == COL_MESSAGE:
            return job.message
        if col == COL_CLIPS:
            return job.clips_verified
        if col == COL_SPEED:
            return job.speed or 0.0
        if col == COL_ETA:
            return job.eta["p50Seconds"] if job.eta else (job.eta_seconds or 0.0)
        if col == COL_ELAPSED:
            return elapsed_seconds(job) or 0.0
        if col == COL_FOLDER:
            return natural_key(os.path.dirname(job.source))
        if col == COL_WORKERS:
            return ", ".join(rendering_workers(job))
        return None
