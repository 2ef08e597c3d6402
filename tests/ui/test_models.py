"""The table models under Qt's model tester, coalesced repaints, history paging and filters."""

from __future__ import annotations

import csv
import json
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTableView

from storyclip_gui.core import history_export
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError
from storyclip_gui.core.jobs import Job, JobState, JobView
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.ports import HistoryQuery
from storyclip_gui.ui.history_view import HistoryModel, HistoryView
from storyclip_gui.ui.job_table_model import (
    COL_PROGRESS,
    COL_SOURCE,
    JOB_ROLE,
    SORT_INTERVAL,
    SORT_ROLE,
    JobTableModel,
)


def job_view(n: int, status: str = "queued", progress: float = 0.0) -> JobView:
    job = Job(id=f"job{n:05d}", source=f"/videos/clip{n}.mp4", options=StoryOptions(),
              output_root="/out", state=JobState(status), progress=progress)  # fmt: skip
    return job.view()


def test_job_table_model_passes_the_model_tester_while_filtered_and_sorted(qtmodeltester, qtbot):
    now = [1000.0]
    model = JobTableModel(clock=lambda: now[0])
    model.sort(COL_PROGRESS)
    qtmodeltester.check(model)  # stays attached: inserts, updates, filters, sorts, removals
    for n in range(20):
        model.upsert(job_view(n))
    for n in range(0, 20, 3):
        model.upsert(job_view(n, "processing", progress=n * 4.0))
    model.flush()
    model.sort(COL_PROGRESS, Qt.SortOrder.DescendingOrder)  # one Python sort, one layout change
    assert model.index(0, COL_SOURCE).data() == "clip18.mp4"
    assert model.index(model.row_of("job00018"), 0).data(JOB_ROLE).progress == 72.0
    model.set_states({"processing"})
    assert model.rowCount() == 7 and model.job_count == 20
    model.set_text(" CLIP1 ")
    assert model.rowCount() == 3  # clip12, clip15, clip18
    assert [model.index(r, COL_SOURCE).data() for r in range(3)] == [
        "clip18.mp4", "clip15.mp4", "clip12.mp4"
    ]  # fmt: skip
    assert model.row_of("job00001") is None and model.job("job00001").id == "job00001"
    model.upsert(job_view(100, "processing", 50.0))  # new and matching: appended, shown
    model.upsert(job_view(101, "queued"))  # new, not matching: kept, not shown
    assert model.rowCount() == 4 and model.job_count == 22
    model.upsert(job_view(12, "completed", 100.0))  # leaves the status filter on the tick
    # the clock has not moved since the sort: the re-sort is not due, the refilter runs alone
    model.flush()
    assert [model.index(r, COL_SOURCE).data() for r in range(model.rowCount())] == [
        "clip18.mp4", "clip15.mp4", "clip100.mp4"
    ]  # fmt: skip
    model.set_text("")
    model.set_states(set())
    for n in (0, 5, 19, 101):
        model.upsert(job_view(n, "completed", 100.0))
        assert model.remove(f"job{n:05d}")
    assert not model.remove("job00101")
    model.flush()
    assert model.rowCount() == 18 == model.job_count == len(model.jobs())
    assert model.index(model.row_of("job00001"), 0).data(JOB_ROLE).id == "job00001"
    assert model.index(model.row_of("job00003"), COL_PROGRESS).data(SORT_ROLE) == 12.0
    assert model.rowCount(model.index(0, 0)) == 0


def test_selection_follows_its_job_across_resorts_and_filters(qtbot):
    now = [1000.0]
    model = JobTableModel(clock=lambda: now[0])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    for n in range(50):
        model.upsert(job_view(n, "processing", progress=float(n)))
    model.sort(COL_PROGRESS, Qt.SortOrder.DescendingOrder)
    view.selectRow(model.row_of("job00010"))
    selected = lambda: [i.data(JOB_ROLE).id for i in view.selectionModel().selectedRows()]  # noqa: E731
    assert selected() == ["job00010"]
    model.set_text("clip1")  # clip1, clip10..19: the selected row moves to another position
    assert model.rowCount() == 11 and selected() == ["job00010"]
    model.upsert(job_view(10, "processing", progress=99.0))
    now[0] += SORT_INTERVAL  # the once-a-second re-sort is due
    model.flush()
    assert model.row_of("job00010") == 0 and selected() == ["job00010"]
    model.set_text("clip2")  # hides the selected job: its selection goes, nothing else is chosen
    assert selected() == []


def test_progress_repaints_are_coalesced(qtbot):
    model = JobTableModel()
    for n in range(100):
        model.upsert(job_view(n, "processing"))
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=None: changed.append((a.row(), b.row())))
    with qtbot.waitSignal(model.flushed, timeout=1000):
        for tick in range(50):
            for n in (3, 4, 5, 50):
                model.upsert(job_view(n, "processing", progress=tick))
    assert changed == [(3, 5), (50, 50)]  # one signal per run of rows, once per tick
    assert model.index(4, COL_PROGRESS).data() == "49 %"
    assert model.counts == {"processing": 100}


def make_history(count: int) -> MemoryJobStore:
    store = MemoryJobStore()
    now = time.time()
    for n in range(count):
        job = Job(id=f"h{n:04d}", source=f"/videos/{'beach' if n % 5 == 0 else 'talk'}{n}.mp4",
                  options=StoryOptions(), output_root="/out",
                  created_at=now - n * 3600)  # fmt: skip
        if n % 4 == 0:
            job.state = JobState.FAILED
            job.error = JobError(ErrorCode.INVALID_INPUT, "Broken file.")
        else:
            job.state = JobState.COMPLETED
        store.add(job)
    return store


def test_history_pages_lazily_and_passes_the_model_tester(qtmodeltester):
    model = HistoryModel(make_history(250))
    assert model.rowCount() == 0 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 100
    qtmodeltester.check(model)  # the tester fetches pages too; it stays attached below
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 250
    assert [model.job(r).id for r in (0, 1, 249)] == ["h0000", "h0001", "h0249"]  # newest first
    model.set_query(HistoryQuery(states=frozenset({JobState.FAILED}), limit=100))
    if model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 63 and not model.canFetchMore()


def test_history_filters_search_rerun_export_and_stats(qtbot, qloop, tmp_path):
    store = make_history(250)
    view = HistoryView(store)
    qtbot.addWidget(view)
    view.reload()
    assert view.model.rowCount() == 100
    assert view.stats.text().startswith("Jobs: 250")
    view.status.setCurrentIndex(2)  # Failed
    assert view.model.rowCount() == 63 and not view.model.canFetchMore()
    view.date.setCurrentIndex(2)  # last 7 days: at most 7 * 24 jobs, one an hour
    assert 0 < view.model.rowCount() <= 42
    view.date.setCurrentIndex(0)
    view.status.setCurrentIndex(0)
    view.search.setText("beach")
    qtbot.waitUntil(lambda: view.model.rowCount() == 50, timeout=2000)
    assert all("beach" in view.model.job(r).source for r in range(50))
    view.table.selectRow(1)
    with qtbot.waitSignal(view.rerunRequested) as rerun:
        view.rerun_same.click()
    assert rerun.args[0].id == "h0005" and rerun.args[1] is False
    with qtbot.waitSignal(view.exported, timeout=10_000):
        view.start_export(tmp_path / "beach.csv", "csv")
    rows = list(csv.DictReader((tmp_path / "beach.csv").read_text().splitlines()))
    assert len(rows) == 50 and rows[0]["jobId"] == "h0000" and rows[0]["status"] == "failed"
    with qtbot.waitSignal(view.exported, timeout=10_000):
        view.start_export(tmp_path / "beach.json", "json")
    data = json.loads((tmp_path / "beach.json").read_text())
    assert len(data) == 50 and data[0]["errorCode"] == "invalid_input"
    assert list(data[0]) == list(rows[0]) == list(history_export.COLUMNS)  # the shared format
    assert data[0]["createdAt"] == rows[0]["createdAt"]


def test_history_export_adds_the_extension_the_user_left_out(qtbot, qloop, tmp_path, monkeypatch):
    view = HistoryView(make_history(3))
    qtbot.addWidget(view)
    chosen = iter([str(tmp_path / "mine"), str(tmp_path / "done.JSON"), str(tmp_path / "t.txt")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(chosen), ""))
    for expected in ("mine.json", "done.JSON", "t.txt.json"):
        with qtbot.waitSignal(view.exported, timeout=10_000):
            view.export_json.click()
        assert len(json.loads((tmp_path / expected).read_text())) == 3
