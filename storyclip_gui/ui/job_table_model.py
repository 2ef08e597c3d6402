"""JobTableModel: the live jobs as table rows, fed by the bridge, repaints coalesced on a timer."""

from __future__ import annotations

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
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from storyclip_gui.runner.bridge import JobSignals

COL_SOURCE, COL_STATUS, COL_PROGRESS, COL_MESSAGE, COL_CLIPS, COL_SPEED, COL_ETA, COL_ELAPSED = (
    range(8)
)
HEADERS = tuple(
    QT_TRANSLATE_NOOP("JobTableModel", text)
    for text in ("Source", "Status", "Progress", "Message", "Clips", "Speed", "ETA", "Elapsed")
)

JOB_ROLE = Qt.ItemDataRole.UserRole + 1  # the job's dict (Job.to_dict())
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # native values for sorting
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # "queued", "processing", ...
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 4  # float 0-100
FILTER_ROLE = Qt.ItemDataRole.UserRole + 5  # "status\tname", what the proxy's pattern sees

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
    "queued": "#8a8f98",
    "processing": "#2f7de1",
    "completed": "#2e9d57",
    "failed": "#d64541",
    "cancelled": "#b07d2b",
    "interrupted": "#9b59b6",
}
FINAL = frozenset({"completed", "failed", "cancelled"})
Roles = Qt.ItemDataRole
_DISPLAY, _DECORATION, _TOOLTIP, _ALIGNMENT = (
    int(Roles.DisplayRole), int(Roles.DecorationRole), int(Roles.ToolTipRole),
    int(Roles.TextAlignmentRole),
)  # fmt: skip
_JOB, _SORT, _STATUS, _PROGRESS, _FILTER = (
    int(JOB_ROLE),
    int(SORT_ROLE),
    int(STATUS_ROLE),
    int(PROGRESS_ROLE),
    int(FILTER_ROLE),
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
AnyIndex = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("JobTableModel", text)


def status_label(status: str) -> str:
    labels = {
        "queued": QCoreApplication.translate("JobTableModel", "Queued"),
        "processing": QCoreApplication.translate("JobTableModel", "Processing"),
        "completed": QCoreApplication.translate("JobTableModel", "Completed"),
        "failed": QCoreApplication.translate("JobTableModel", "Failed"),
        "cancelled": QCoreApplication.translate("JobTableModel", "Cancelled"),
        "interrupted": QCoreApplication.translate("JobTableModel", "Interrupted"),
    }
    return labels.get(status, status)


def format_duration(seconds: float | None) -> str:
    if seconds is None or seconds < 0:
        return ""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def elapsed_seconds(job: dict[str, Any], now: float | None = None) -> float | None:
    started = job.get("startedAt")
    if started is None:
        return None
    end = job.get("finishedAt") or (now if now is not None else time.time())
    return max(0.0, end - started)


_icons: dict[str, QIcon] = {}


def status_icon(status: str) -> QIcon:
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
    """One row per live job, in the order jobs were registered.

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
    ) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._row_of: dict[str, int] = {}
        self._dirty: set[str] = set()
        self._restyled: set[str] = set()  # status changed: filters must look again
        self._queue_dirty = False  # queue positions must be read again
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sort_stale = False
        self._sorted_at = 0.0
        self._counts: dict[str, int] = {}
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
    def upsert(self, job: dict[str, Any]) -> None:
        """A new job appends a row at once; an update is stored and repainted on the timer."""
        job_id = job["jobId"]
        row = self._row_of.get(job_id)
        if row is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(job)
            self._row_of[job_id] = row
            self.endInsertRows()
            self._count(None, job["status"])
            self._queue_dirty = True
            self._sort_stale = self._sort_column >= 0
            self._schedule()
            return
        old = self._rows[row]["status"]
        self._rows[row] = job
        if old != job["status"]:
            self._count(old, job["status"])
            self._restyled.add(job_id)
        self._dirty.add(job_id)
        self._schedule()

    def remove(self, job_id: str) -> bool:
        row = self._row_of.get(job_id)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        job = self._rows.pop(row)
        del self._row_of[job_id]
        for later in self._rows[row:]:
            self._row_of[later["jobId"]] -= 1
        self.endRemoveRows()
        self._dirty.discard(job_id)
        self._restyled.discard(job_id)
        self._count(job["status"], None)
        self._schedule()
        return True

    def queue_changed(self) -> None:
        """The queue order changed (move up/down): repaint positions on the next tick."""
        self._queue_dirty = True
        self._dirty.update(self._queue_pos)
        self._schedule()

    def flush(self) -> None:
        """Emit the coalesced changes: one dataChanged per run of adjacent changed rows.

        Progress-only changes name their roles, so a filter proxy need not re-run its filter;
        a status change names none (everything may differ). When sorted, rows are re-sorted
        here at most once per SORT_INTERVAL, never per event.
        """
        self._refresh.stop()
        ids = [i for i in self._dirty if i in self._row_of]
        restyled = [i for i in self._restyled if i in self._row_of]
        if self._queue_order is not None and (self._queue_dirty or restyled):
            self._queue_dirty = False
            order = self._queue_order()
            old = self._queue_pos
            self._queue_pos = {job_id: i for i, job_id in enumerate(order)}
            ids.extend(i for i in old if i in self._row_of and i not in self._dirty)
        self._dirty.clear()
        self._restyled.clear()
        if self._sort_column >= 0 and (ids or self._sort_stale):
            wait = SORT_INTERVAL - (time.monotonic() - self._sorted_at)
            if wait <= 0:
                self._resort()
            else:
                self._sort_stale = True
                self._refresh.start(int(wait * 1000) + 1)
        restyled_set = set(restyled)
        self._emit_rows([self._row_of[i] for i in ids if i not in restyled_set], TICK_ROLES)
        self._emit_rows([self._row_of[i] for i in restyled], [])
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

    # -- sorting (here, in Python, not per comparison in the proxy) -------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._resort()

    def _resort(self) -> None:
        self._sort_stale = False
        self._sorted_at = time.monotonic()
        column = self._sort_column
        if column < 0 or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        keep = [(self._rows[i.row()]["jobId"], i.column()) for i in persistent]
        self._rows.sort(key=lambda job: self._sort_value(job, column),
                        reverse=self._sort_order == Qt.SortOrder.DescendingOrder)  # fmt: skip
        self._row_of = {job["jobId"]: i for i, job in enumerate(self._rows)}
        moved = [self.index(self._row_of[job_id], col) for job_id, col in keep]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _schedule(self) -> None:
        if not self._refresh.isActive():
            self._refresh.start()

    def _count(self, old: str | None, new: str | None) -> None:
        if old is not None:
            self._counts[old] = self._counts.get(old, 0) - 1
        if new is not None:
            self._counts[new] = self._counts.get(new, 0) + 1
        self._counts_dirty = True

    def _tick_elapsed(self) -> None:
        if self._counts.get("processing"):
            running = [r["jobId"] for r in self._rows if r["status"] == "processing"]
            self._dirty.update(running)
            self._schedule()

    # -- queries ---------------------------------------------------------------------------
    @property
    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def job(self, job_id: str) -> dict[str, Any] | None:
        row = self._row_of.get(job_id)
        return self._rows[row] if row is not None else None

    def jobs(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def row_of(self, job_id: str) -> int | None:
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
        # Hot path (called per visible cell per repaint, per row when a proxy filters):
        # plain int roles, the proxy's filter role first.
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        job = self._rows[row]
        if role == _FILTER:
            return f"{job['status']}\t{os.path.basename(job['source'])}"
        col = index.column()
        if role == _DISPLAY:
            return self._display(job, col)
        if role == _PROGRESS:
            return float(job["progress"])
        if role == _STATUS:
            return job["status"]
        if role == _JOB:
            return job
        if role == _SORT:
            return self._sort_value(job, col)
        if role == _DECORATION:
            return status_icon(job["status"]) if col == COL_STATUS else None
        if role == _TOOLTIP:
            if col == COL_SOURCE:
                return job["source"]
            if col in (COL_STATUS, COL_MESSAGE) and job.get("error"):
                return job["error"]["message"]
            if col == COL_MESSAGE:
                return job["message"]
        if role == _ALIGNMENT and col in (COL_CLIPS, COL_SPEED, COL_ETA, COL_ELAPSED):
            return _RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _display(self, job: dict[str, Any], col: int) -> str | None:
        if col == COL_SOURCE:
            name = os.path.basename(job["source"])
            pos = self._queue_pos.get(job["jobId"])
            return f"{pos + 1}. {name}" if pos is not None and job["status"] == "queued" else name
        if col == COL_STATUS:
            return status_label(job["status"])
        if col == COL_PROGRESS:
            return f"{job['progress']:.0f} %"
        if col == COL_MESSAGE:
            return job["message"]
        if col == COL_CLIPS:
            total = job["clipsTotal"]
            return f"{job['clipsVerified']}/{total}" if total else ""
        if col == COL_SPEED:
            return f"{job['speed']:.2f}×" if job.get("speed") else ""
        if col == COL_ETA:
            return format_duration(job.get("etaSeconds")) if job["status"] == "processing" else ""
        if col == COL_ELAPSED:
            return format_duration(elapsed_seconds(job))
        return None

    def _sort_value(self, job: dict[str, Any], col: int) -> Any:
        if col == COL_SOURCE:
            pos = self._queue_pos.get(job["jobId"])
            return (0, pos, "") if pos is not None else (1, 0, os.path.basename(job["source"]))
        if col == COL_STATUS:
            return job["status"]
        if col == COL_PROGRESS:
            return float(job["progress"])
        if col == COL_MESSAGE:
            return job["message"]
        if col == COL_CLIPS:
            return job["clipsVerified"]
        if col == COL_SPEED:
            return job.get("speed") or 0.0
        if col == COL_ETA:
            return job.get("etaSeconds") or 0.0
        if col == COL_ELAPSED:
            return elapsed_seconds(job) or 0.0
        return None


class JobFilterProxy(QSortFilterProxyModel):
    """Sorting on native values and a status + text filter, done by Qt's own C++ matching.

    The filter is one pattern over FILTER_ROLE ("status<TAB>name"), so with no filter set the
    proxy never calls back into Python per row (which matters at 10,000 rows).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(COL_SOURCE)
        self._states: frozenset[str] = frozenset()
        self._text = ""

    def set_states(self, states: frozenset[str] | set[str]) -> None:
        self._states = frozenset(states)
        self._apply()

    def set_text(self, text: str) -> None:
        self._text = text.strip()
        self._apply()

    def _apply(self) -> None:
        if not self._states and not self._text:
            self.setFilterRegularExpression(QRegularExpression())
            return
        states = "|".join(sorted(self._states)) if self._states else "[^\\t]*"
        needle = QRegularExpression.escape(self._text)
        pattern = QRegularExpression(
            f"^(?:{states})\\t.*{needle}", QRegularExpression.PatternOption.CaseInsensitiveOption
        )
        self.setFilterRegularExpression(pattern)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts (in one Python sort, throttled); the proxy only filters."""
        source = self.sourceModel()
        if isinstance(source, JobTableModel):
            source.sort(column, order)
