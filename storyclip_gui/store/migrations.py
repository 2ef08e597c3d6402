"""Versioned schema (PRAGMA user_version): ordered steps, a backup first, newer versions refused.

Each step and its version bump run in one transaction, so a failure leaves the previous version
intact. A new database runs every step from 0, so the upgrade path is exercised on every start
of a fresh install. Steps name tables and columns as literals: they must keep meaning what they
meant when written, whatever the models say later.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import peewee

from storyclip_gui.core.ports import StoreError

log = logging.getLogger(__name__)


def source_name(source: str) -> str:
    """What history search matches: the file name, lower-cased."""
    return os.path.basename(source.rstrip("/")).lower()


def _v1_initial(database: peewee.SqliteDatabase) -> None:
    for sql in (
        """CREATE TABLE job (
            id TEXT PRIMARY KEY NOT NULL,
            source TEXT NOT NULL,
            state TEXT NOT NULL,
            phase TEXT NOT NULL,
            progress REAL NOT NULL DEFAULT 0,
            message TEXT NOT NULL DEFAULT '',
            options TEXT NOT NULL,
            output_root TEXT NOT NULL,
            output_dir TEXT,
            error_code TEXT,
            error_message TEXT,
            error_detail TEXT,
            media TEXT,
            commands TEXT NOT NULL DEFAULT '[]',
            pid INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            parent_id TEXT,
            clips_generated INTEGER NOT NULL DEFAULT 0,
            speed REAL,
            fps REAL,
            eta_seconds REAL,
            created_at REAL NOT NULL,
            started_at REAL,
            finished_at REAL,
            updated_at REAL NOT NULL
        )""",
        "CREATE INDEX job_created ON job (created_at, id)",
        """CREATE TABLE clip (
            id INTEGER PRIMARY KEY NOT NULL,
            job_id TEXT NOT NULL REFERENCES job (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start_s REAL NOT NULL,
            end_s REAL NOT NULL,
            path TEXT NOT NULL,
            state TEXT NOT NULL,
            duration REAL,
            width INTEGER,
            height INTEGER,
            size INTEGER
        )""",
        "CREATE UNIQUE INDEX clip_job_idx ON clip (job_id, idx)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
    ):
        database.execute_sql(sql)


def _v2_history(database: peewee.SqliteDatabase) -> None:
    """Search, statistics, ownership and the state-change log."""
    for column in (
        "source_name TEXT NOT NULL DEFAULT ''",
        "owner TEXT",
        "media_seconds REAL",
        "clips_verified INTEGER NOT NULL DEFAULT 0",
        "clips_total INTEGER NOT NULL DEFAULT 0",
        "processing_seconds REAL",
    ):
        database.execute_sql(f"ALTER TABLE job ADD COLUMN {column}")
    rows = database.execute_sql("SELECT id, source FROM job").fetchall()
    database.connection().executemany(
        "UPDATE job SET source_name = ? WHERE id = ?", [(source_name(s), i) for i, s in rows]
    )
    database.execute_sql("""UPDATE job SET
        media_seconds = json_extract(media, '$.duration'),
        clips_total = (SELECT count(*) FROM clip WHERE clip.job_id = job.id),
        clips_verified = (SELECT count(*) FROM clip
                          WHERE clip.job_id = job.id AND clip.state = 'verified'),
        processing_seconds = CASE WHEN state IN ('completed', 'failed', 'cancelled')
                                   AND started_at IS NOT NULL AND finished_at IS NOT NULL
                                  THEN finished_at - started_at END""")
    for sql in (
        # history pages walk these; search and statistics read only the index, never the
        # (wide) rows, so a search that matches nothing scans ~50 MB instead of ~1 GB per 1M jobs
        "DROP INDEX job_created",
        "CREATE INDEX job_created_name ON job (created_at, id, source_name)",
        "CREATE INDEX job_state_created ON job (state, created_at, id)",
        """CREATE INDEX job_stats ON job (state, created_at, error_code, clips_verified,
            media_seconds, processing_seconds)""",
        "CREATE INDEX job_state_processing ON job (state, processing_seconds)",
        "CREATE INDEX job_parent ON job (parent_id)",
        """CREATE TABLE job_event (
            id INTEGER PRIMARY KEY NOT NULL,
            job_id TEXT NOT NULL REFERENCES job (id) ON DELETE CASCADE,
            at REAL NOT NULL,
            state TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            error_code TEXT
        )""",
        "CREATE INDEX job_event_job ON job_event (job_id, id)",
    ):
        database.execute_sql(sql)


def _v3_webhooks(database: peewee.SqliteDatabase) -> None:
    """Webhook subscriptions and their outbox (deliveries survive a crash)."""
    for sql in (
        """CREATE TABLE webhook (
            id TEXT PRIMARY KEY NOT NULL,
            url TEXT NOT NULL,
            events TEXT NOT NULL,
            secret TEXT NOT NULL,
            created_at REAL NOT NULL
        )""",
        """CREATE TABLE webhook_delivery (
            id TEXT PRIMARY KEY NOT NULL,
            webhook_id TEXT NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
            event TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_at REAL NOT NULL,
            state TEXT NOT NULL,
            last_error TEXT,
            delivered_at REAL
        )""",
        "CREATE INDEX webhook_delivery_due ON webhook_delivery (state, next_at)",
        "CREATE INDEX webhook_delivery_hook ON webhook_delivery (webhook_id, created_at)",
    ):
        database.execute_sql(sql)


def _v4_throughput(database: peewee.SqliteDatabase) -> None:
    """Clip throughput samples: what the learned ETA is learned from (core.eta)."""
    database.execute_sql("""CREATE TABLE clip_throughput (
        id INTEGER PRIMARY KEY NOT NULL,
        at REAL NOT NULL,
        encoder TEXT NOT NULL,
        quality TEXT NOT NULL,
        size TEXT NOT NULL,
        source_codec TEXT NOT NULL,
        source_height INTEGER NOT NULL,
        concurrency INTEGER NOT NULL,
        media_seconds REAL NOT NULL,
        wall_seconds REAL NOT NULL,
        source_bytes INTEGER NOT NULL,
        source_seconds REAL NOT NULL
    )""")


def _v5_smart_clips(database: peewee.SqliteDatabase) -> None:
    """Smart clips: why each cut moved and the platform checks per clip (JSON), and the cut
    analyses kept by source fingerprint."""
    for sql in (
        "ALTER TABLE clip ADD COLUMN cut TEXT",
        "ALTER TABLE clip ADD COLUMN qc TEXT",
        """CREATE TABLE analysis_cache (
            fingerprint TEXT NOT NULL,
            params TEXT NOT NULL,
            source TEXT NOT NULL,
            data TEXT NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (fingerprint, params)
        )""",
        "CREATE INDEX analysis_cache_created ON analysis_cache (created_at)",
    ):
        database.execute_sql(sql)


def _v6_webhook_management(database: peewee.SqliteDatabase) -> None:
    """Webhooks can be turned off; each delivery remembers when it was last tried."""
    for sql in (
        "ALTER TABLE webhook ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE webhook_delivery ADD COLUMN last_attempt_at REAL",
    ):
        database.execute_sql(sql)


def _v7_eta_judgements(database: peewee.SqliteDatabase) -> None:
    """How far the learned ETA's estimates were from the truth, per finished job (core.eta):
    the band's width survives a restart."""
    database.execute_sql("""CREATE TABLE eta_judgement (
        id INTEGER PRIMARY KEY NOT NULL,
        at REAL NOT NULL,
        ratios TEXT NOT NULL
    )""")


Step = Callable[[peewee.SqliteDatabase], None]
# STEPS[n - 1] takes version n-1 to n
STEPS: tuple[Step, ...] = (_v1_initial, _v2_history, _v3_webhooks, _v4_throughput,
                           _v5_smart_clips, _v6_webhook_management, _v7_eta_judgements)
CURRENT_VERSION = len(STEPS)


def user_version(database: peewee.SqliteDatabase) -> int:
    return int(database.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(database: peewee.SqliteDatabase, path: Path | None = None) -> int:
    """Bring the database to CURRENT_VERSION; return the version it had before.

    Raises StoreError for a database written by a newer version of the app.
    """
    version = user_version(database)
    if version > CURRENT_VERSION:
        raise StoreError(
            f"The job history{f' ({path})' if path else ''} was written by a newer StoryClip "
            f"Studio (schema version {version}; this version knows up to {CURRENT_VERSION}). "
            "Update StoryClip Studio, or move the file away to start a new history."
        )
    if version == CURRENT_VERSION:
        return version
    if version > 0 and path is not None:
        backup = backup_copy(database, path, version)
        log.warning("Upgrading the job history from version %d to %d; a copy of the old file "
                    "is at %s", version, CURRENT_VERSION, backup)  # fmt: skip
    for target in range(version + 1, CURRENT_VERSION + 1):
        with database.atomic():
            STEPS[target - 1](database)
            database.execute_sql(f"PRAGMA user_version = {target:d}")
    return version


def backup_copy(database: peewee.SqliteDatabase, path: Path, version: int) -> Path:
    """A consistent copy of the database next to it (SQLite's online backup, WAL included)."""
    target = path.with_name(f"{path.name}.v{version}.bak")
    if target.exists():
        target = path.with_name(f"{path.name}.v{version}.{time.strftime('%Y%m%d-%H%M%S')}.bak")
    dest = sqlite3.connect(str(target))
    try:
        database.connection().backup(dest)
    finally:
        dest.close()
    return target
