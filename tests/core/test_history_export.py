"""The one history pager and the one export format (core/history.py, core/history_export.py).
Each door's export is checked lightly in tests/ui/test_models.py and tests/test_history_cli.py."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from storyclip_gui.core import history_export
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError
from storyclip_gui.core.history import HistoryPager
from storyclip_gui.core.jobs import Job, JobState
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.ports import HistoryQuery


def stored(count: int) -> MemoryJobStore:
    store = MemoryJobStore()
    for n in range(count):
        job = Job(id=f"j{n:04d}", source=f"/v/clip {n}.mp4", options=StoryOptions(),
                  output_root="/out", created_at=1_700_000_000.0 + n * 60)  # fmt: skip
        job.state = JobState.FAILED if n % 3 == 0 else JobState.COMPLETED
        store.add(job)
    return store


def test_the_pager_walks_every_page_once_newest_first():
    store = stored(250)
    pager = HistoryPager(store, HistoryQuery(limit=7), page_size=100)
    pages = list(pager.pages())
    assert [len(p) for p in pages] == [100, 100, 50] and pager.exhausted
    ids = [j.id for page in pages for j in page]
    assert ids == [f"j{n:04d}" for n in range(249, -1, -1)]
    assert pager.next_page() == []
    failed = HistoryQuery(states=frozenset({JobState.FAILED}), limit=30)
    assert [j.id for j in HistoryPager(store, failed)] == ids[::3], "the filter holds"
    one_by_one = HistoryPager(store, HistoryQuery(limit=100))
    assert len(one_by_one.next_page()) == 100 and not one_by_one.exhausted


def job(n: int, **fields) -> Job:
    made = Job(id=f"x{n}", source=f"/v/ñandú, \"{n}\".mp4", options=StoryOptions(),
               output_root="/out", created_at=1_714_566_600.25)  # fmt: skip
    for name, value in fields.items():
        setattr(made, name, value)
    return made


JOBS = [
    job(1, state=JobState.COMPLETED, started_at=1_714_566_601.0, finished_at=1_714_566_700.9,
        output_dir="/out/a", attempts=2),
    job(2, state=JobState.FAILED, error=JobError(ErrorCode.DISK_FULL, "The disk is full."),
        parent_id="x1"),
    job(3),  # queued: never started
]


def test_csv_and_json_carry_the_same_columns_and_the_same_iso_dates():
    out_csv, out_json = io.StringIO(), io.StringIO()
    assert history_export.write(out_csv, "csv", JOBS) == 3
    assert history_export.write(out_json, "json", iter(JOBS)) == 3
    rows = list(csv.DictReader(io.StringIO(out_csv.getvalue())))
    records = json.loads(out_json.getvalue())
    assert list(rows[0]) == list(history_export.COLUMNS) == list(records[0])
    for row, record in zip(rows, records, strict=True):
        assert row == {k: "" if v is None else str(v) for k, v in record.items()}
    created = datetime.fromisoformat(records[0]["createdAt"])
    assert created.tzinfo is not None and created.timestamp() == 1_714_566_600  # to the second
    assert records[0]["finishedAt"].endswith(created.isoformat()[-6:])  # the local offset
    assert records[2]["startedAt"] is None and rows[2]["startedAt"] == ""
    assert records[1]["errorCode"] == "disk_full" and records[1]["parentId"] == "x1"
    assert records[0]["attempts"] == 2 and rows[0]["source"] == JOBS[0].source
    assert json.loads(_written(history_export.write_json, [])) == []


def _written(writer, jobs) -> str:
    out = io.StringIO()
    writer(out, jobs)
    return out.getvalue()


def test_write_file_creates_the_folder_and_is_complete_or_absent(tmp_path: Path):
    target = tmp_path / "new" / "folder" / "history.json"
    assert history_export.write_file(target, "json", JOBS) == 3
    assert len(json.loads(target.read_text("utf-8"))) == 3
    assert [p.name for p in target.parent.iterdir()] == ["history.json"]

    def failing():
        yield JOBS[0]
        raise OSError(28, "No space left on device")

    broken = tmp_path / "new" / "broken.csv"
    with pytest.raises(OSError, match="No space"):
        history_export.write_file(broken, "csv", failing())
    assert sorted(p.name for p in broken.parent.iterdir()) == ["folder"]
