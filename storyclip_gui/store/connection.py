"""The late-bound database: a peewee DatabaseProxy, opened on a file by `open_database`."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

import peewee

from storyclip_gui.core.ports import StoreError

db = peewee.DatabaseProxy()

BUSY_TIMEOUT_MS = 5000

# WAL: readers never block the writer and a crash of the app loses nothing committed.
# synchronous=FULL: every commit also syncs the WAL, so a power cut loses nothing committed
# either (when the disk honours flushes). Our write rate is low (state changes, verified clips,
# one progress row per running job per monitoring interval), so the fsync is affordable.
# See docs/architecture.md, "What a crash or a power cut can cost".
PRAGMAS: tuple[tuple[str, object], ...] = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("cache_size", -16 * 1024),  # 16 MiB
    ("temp_store", "memory"),
)


def make_database(
    path: Path | str, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> peewee.SqliteDatabase:
    """A SqliteDatabase for `path` with our pragmas (not yet connected)."""
    pragmas = [(k, busy_timeout_ms if k == "busy_timeout" else v) for k, v in PRAGMAS]
    return peewee.SqliteDatabase(
        str(path),
        pragmas=pragmas,
        timeout=busy_timeout_ms / 1000,
        autoconnect=True,
        # a write transaction takes the write lock at BEGIN: in WAL mode a read that later
        # upgrades to a write can fail at once with SQLITE_BUSY, whatever the busy timeout
        lock_type="IMMEDIATE",
    )


def open_database(
    path: Path | str, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> peewee.SqliteDatabase:
    """Open (creating if needed) the database file, bind the proxy to it and return it.

    Raises StoreError with a message for a person when the file cannot be used.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise StoreError(f"The history folder {path.parent} cannot be created: "
                         f"{exc.strerror}.") from None  # fmt: skip
    _private(path)
    database = make_database(path, busy_timeout_ms)
    try:
        database.connect(reuse_if_open=True)
        # a damaged file is often only noticed on the first real read
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except peewee.DatabaseError as exc:
        database.close()
        raise environment_error(exc, path) from None
    db.initialize(database)
    return database


def _private(path: Path) -> None:
    """The history is for its owner: the folder 0700, the database and its -wal/-shm/-journal
    files 0600 (SQLite gives the side files the database's mode). The file is created 0600
    before SQLite opens it; older files and folders lose group and other access."""
    if path.name == ":memory:" or os.name != "posix":
        return
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    except OSError:
        return  # a read-only place or no permission: SQLite's own error says which
    for item in (path.parent, path, *(path.with_name(path.name + s)
                                      for s in ("-wal", "-shm", "-journal"))):  # fmt: skip
        try:
            info = item.stat()
            if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
                item.chmod(stat.S_IMODE(info.st_mode) & 0o700)
        except OSError:
            continue


def environment_error(exc: BaseException, path: Path | str | None = None) -> StoreError:
    """Turn a SQLite/OS failure into a StoreError a person can act on."""
    where = f" ({path})" if path else ""
    # SQLite rolls back by itself on some errors (SQLITE_FULL); the rollback peewee then tries
    # fails with "no transaction is active" and hides the real reason in __context__
    chain: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and len(chain) < 5:
        chain.append(link)
        link = link.__cause__ or link.__context__
    text = " | ".join(str(e).lower() for e in chain)
    if any(isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT) for e in chain):
        return StoreError(f"The disk holding the job history is full{where}: free some space; "
                          "jobs keep running but their history is not saved until then.")
    if "full" in text:
        return StoreError(f"The disk holding the job history is full{where}: free some space; "
                          "jobs keep running but their history is not saved until then.")
    if "locked" in text or "busy" in text:
        return StoreError(f"The job history{where} is locked by another program for more than "
                          f"{BUSY_TIMEOUT_MS // 1000} s; close it (or the other StoryClip) "
                          "and try again.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(f"The job history{where} is damaged ({exc}). Move the file away to "
                          "start a new history; your clips on disk are not affected.")
    if any(w in text for w in ("readonly", "read-only", "permission", "unable to open")):
        return StoreError(f"The job history{where} cannot be written ({exc}): check the "
                          "folder's permissions.")
    if "disk i/o" in text:
        return StoreError(f"The disk failed while writing the job history{where} ({exc}).")
    return StoreError(f"The job history{where} could not be used: {exc}.")


def is_environment_error(exc: BaseException) -> bool:
    """True for failures caused by the user's machine (disk, lock, damage), not by our SQL."""
    if isinstance(exc, peewee.OperationalError | sqlite3.OperationalError):
        text = str(exc).lower()
        return not ("no such" in text or "syntax error" in text or "has no column" in text)
    return isinstance(exc, peewee.DatabaseError | sqlite3.DatabaseError) and not isinstance(
        exc, peewee.IntegrityError | peewee.ProgrammingError | peewee.InterfaceError
    )
