"""Schema versions: a fresh file, the upgrade of a stored version-1 file, backups, refusals."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from storyclip_gui.core.jobs import ClipState, JobState
from storyclip_gui.core.ports import StoreError
from storyclip_gui.store import migrations, open_store

V1_FILE = Path(__file__).parents[1] / "data" / "history_v1.sqlite"


def schema(path: Path) -> dict[str, object]:
    """Tables with their columns (name, type, notnull, default, pk) and indexes with columns."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]  # fmt: skip
        shape: dict[str, object] = {}
        for table in tables:
            columns = sorted(tuple(r[1:]) for r in con.execute(f"PRAGMA table_info({table})"))
            indexes = sorted(
                (r[1], r[2], tuple(c[2] for c in con.execute(f"PRAGMA index_info({r[1]})")))
                for r in con.execute(f"PRAGMA index_list({table})")
            )
            fks = sorted(tuple(r[2:]) for r in con.execute(f"PRAGMA foreign_key_list({table})"))
            shape[table] = (columns, indexes, fks)
        return shape
    finally:
        con.close()


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [*con.iterdump(), str(con.execute("PRAGMA user_version").fetchone()[0])]
    finally:
        con.close()


def version_of(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "old" / "storyclip.db"
    target.parent.mkdir()
    shutil.copy(V1_FILE, target)
    return target


def test_a_new_database_gets_the_current_version_with_wal_and_foreign_keys(db_path):
    store = open_store(db_path)
    try:
        assert version_of(db_path) == migrations.CURRENT_VERSION
        pragma = store.database.execute_sql
        assert pragma("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert pragma("PRAGMA foreign_keys").fetchone()[0] == 1
        assert pragma("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert pragma("PRAGMA busy_timeout").fetchone()[0] > 0
    finally:
        store.close()
    assert not list(db_path.parent.glob("*.bak")), "nothing to back up in a new file"


def test_the_stored_version_1_file_upgrades_with_a_backup_and_keeps_every_job(v1_copy, tmp_path):
    before = dump(v1_copy)
    store = open_store(v1_copy)
    try:
        assert version_of(v1_copy) == migrations.CURRENT_VERSION
        backup = v1_copy.with_name("storyclip.db.v1.bak")
        assert dump(backup) == before  # the old file's content, schema and data
        assert version_of(backup) == 1

        done = store.get("a1b2c3d4e5f60001")
        assert done is not None and done.state is JobState.COMPLETED
        assert [c.state for c in done.clips] == [ClipState.VERIFIED, ClipState.VERIFIED]
        assert done.media is not None and done.media.duration == 10.0
        failed = store.get("a1b2c3d4e5f60002")
        assert failed is not None and failed.error is not None
        assert failed.error.code.value == "invalid_input"
        assert failed.error.detail == "moov atom not found"
        assert store.last_seq() == 17
        # the new columns were filled from the old data
        page = store.history(migrations_query(search="holiday"))
        assert [j.id for j in page.jobs] == ["a1b2c3d4e5f60001"]
        stats = store.stats()
        assert stats.counts == {"completed": 1, "failed": 1, "processing": 1}
        assert stats.clips_generated == 3
        assert stats.media_seconds == 10.0
        assert stats.mean_processing_seconds == 30.0
        assert stats.failures_by_code == {"invalid_input": 1}
    finally:
        store.close()
    fresh = tmp_path / "fresh.db"
    open_store(fresh).close()
    assert schema(v1_copy) == schema(fresh), "an upgraded file has exactly the new schema"


def migrations_query(**kwargs):
    from storyclip_gui.core.ports import HistoryQuery

    return HistoryQuery(**kwargs)


def test_a_failing_step_leaves_the_old_version_intact(v1_copy, monkeypatch):
    def broken(database):
        database.execute_sql("ALTER TABLE job ADD COLUMN half_done TEXT")
        raise RuntimeError("step failed half-way")

    monkeypatch.setattr(migrations, "STEPS", (migrations.STEPS[0], broken))
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 2)
    with pytest.raises(RuntimeError, match="half-way"):
        open_store(v1_copy)
    assert version_of(v1_copy) == 1
    con = sqlite3.connect(v1_copy)
    try:
        columns = {r[1] for r in con.execute("PRAGMA table_info(job)")}
    finally:
        con.close()
    assert "half_done" not in columns and "source_name" not in columns


def test_a_database_from_a_newer_version_is_refused_untouched(db_path):
    open_store(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 5}")
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer StoryClip Studio") as caught:
        open_store(db_path)
    assert str(migrations.CURRENT_VERSION + 5) in str(caught.value)
    assert db_path.read_bytes() == before


def test_a_damaged_file_is_a_clear_store_error(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not a database, just some bytes\n" * 200)
    with pytest.raises(StoreError, match="damaged") as caught:
        open_store(db_path)
    assert "clips on disk are not affected" in str(caught.value)
