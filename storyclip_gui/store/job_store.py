"""SqliteJobStore: core's JobStore port on SQLite — registration, state, progress, clips, history.

`add` raises StoreError when the database refuses the job (a job that cannot be stored is not
born) and SubmitError for an id already stored. The running engine's writes (`save`,
`save_progress`, `save_clip`, `save_queue_order`, `record_seq`) never raise for the user's
environment (disk full, locked, damaged): the error is reported once through `on_error` and kept
in `last_error`, the job is remembered as dirty and written in full by the next write that
succeeds, so the app keeps running and nothing already stored is lost. Reads, `prune` and
`load_unfinished` (which claims jobs) raise StoreError. Any other database error is a bug and
propagates as it is.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import peewee

from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError
from storyclip_gui.core.jobs import (
    FINAL_STATES,
    Clip,
    ClipState,
    DuplicateJobError,
    Job,
    JobState,
    Phase,
)
from storyclip_gui.core.options import OptionsError, StoryOptions
from storyclip_gui.core.ports import (
    HistoryPage,
    HistoryQuery,
    HistoryStats,
    StoreError,
    queue_sorted,
)
from storyclip_gui.core.probe import MediaInfo
from storyclip_gui.store import processes
from storyclip_gui.store.connection import (
    BUSY_TIMEOUT_MS,
    environment_error,
    is_environment_error,
    open_database,
)
from storyclip_gui.store.migrations import migrate, source_name
from storyclip_gui.store.models import AnalysisRow, ClipRow, JobEventRow, JobRow, MetaRow

log = logging.getLogger(__name__)
T = TypeVar("T")
ErrorHandler = Callable[[StoreError], None]
LAST_SEQ_KEY = "last_seq"
QUEUE_ORDER_KEY = "queue_order"  # JSON list of job ids, written when the queue is reordered
FAILED_LIST_KEY = "failed_list"  # JSON list of the failed jobs the live list shows
_PROGRESS_FIELDS = (
    JobRow.progress, JobRow.phase, JobRow.message, JobRow.clips_generated, JobRow.speed,
    JobRow.fps, JobRow.eta_seconds, JobRow.pid, JobRow.updated_at,
)  # fmt: skip


def open_store(
    path: Path | str,
    *,
    on_error: ErrorHandler | None = None,
    identity: str | None = None,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> SqliteJobStore:
    """Open (create, or upgrade after a backup) the history database at `path`.

    Raises StoreError when the file is damaged, locked, unwritable or from a newer version.
    """
    path = Path(path)
    database = open_database(path, busy_timeout_ms)
    try:
        migrate(database, path)
    except StoreError:
        database.close()
        raise
    except peewee.DatabaseError as exc:
        database.close()
        raise environment_error(exc, path) from None
    store = SqliteJobStore(database, path=path, on_error=on_error, identity=identity)
    store.last_seq()  # learn the stored high-water mark before anything records a lower one
    return store


class SqliteJobStore:
    """Implements core.ports.JobStore. Use on one thread (the Qt main thread)."""

    def __init__(
        self,
        database: peewee.SqliteDatabase,
        *,
        path: Path | None = None,
        on_error: ErrorHandler | None = None,
        identity: str | None = None,
    ) -> None:
        self.database = database
        self.path = path
        self.identity = identity or processes.identity()
        self.on_error = on_error
        self.last_error: StoreError | None = None
        self._dirty: dict[str, Job] = {}
        self._pending_seq: int | None = None
        self._seq_high = 0  # the highest sequence number known to be stored

    def close(self) -> None:
        self.database.close()

    # -- writes ----------------------------------------------------------------------------
    def add(self, job: Job) -> None:
        try:
            with self.database.atomic():
                if JobRow.select().where(JobRow.id == job.id).exists():
                    raise DuplicateJobError(job.id)
                JobRow.insert({**self._row(job), "processing_seconds": _busy_seconds(None, job)}
                              ).execute()  # fmt: skip
                self._write_clips(job)
                self._log_state(job)
        except peewee.DatabaseError as exc:
            self._raise(exc)
        self._flush_dirty()

    def save(self, job: Job) -> None:
        self._write(job, lambda: self._save_full(job))

    def save_progress(self, job: Job) -> None:
        def write() -> None:
            values = {field: value for field, value in zip(_PROGRESS_FIELDS, (
                job.progress, job.phase.value, job.message, job.clips_verified, job.speed,
                job.fps, job.eta_seconds, job.pid, job.updated_at,
            ), strict=True)}  # fmt: skip
            JobRow.update(values).where(JobRow.id == job.id).execute()

        self._write(job, write)

    def save_clip(self, job: Job, clip: Clip) -> None:
        def write() -> None:
            with self.database.atomic():
                self._upsert_clip(job.id, clip)
                JobRow.update({
                    JobRow.clips_generated: job.clips_verified,
                    JobRow.clips_verified: job.clips_verified,
                    JobRow.media_seconds: _media_seconds(job),
                    JobRow.updated_at: job.updated_at,
                }).where(JobRow.id == job.id).execute()  # fmt: skip

        self._write(job, write)

    def record_seq(self, seq: int) -> None:
        if seq <= max(self._seq_high, self._pending_seq or 0):
            return
        self._pending_seq = seq
        self._write(None, lambda: None)

    def prunable(self, finished_before: float) -> tuple[int, float | None]:
        final = [s.value for s in FINAL_STATES]
        def read() -> tuple[int, float | None]:
            old = JobRow.select().where(JobRow.state.in_(final),
                                        JobRow.finished_at < finished_before)  # fmt: skip
            oldest = old.select(peewee.fn.MIN(JobRow.finished_at)).scalar()
            return int(old.count()), None if oldest is None else float(oldest)

        return self._read(read)

    def prune(self, finished_before: float) -> int:
        """Delete finished jobs (with their clip rows and log) that ended before the given
        time, and cut analyses made before it. Output files are never touched. Returns how many
        jobs were removed."""
        final = [s.value for s in FINAL_STATES]
        removed = 0
        try:
            AnalysisRow.delete().where(AnalysisRow.created_at < finished_before).execute()
            while True:
                with self.database.atomic():
                    ids = [r.id for r in JobRow.select(JobRow.id).where(
                        JobRow.state.in_(final), JobRow.finished_at < finished_before
                    ).limit(5000)]  # fmt: skip
                    if not ids:
                        return removed
                    JobRow.delete().where(JobRow.id.in_(ids)).execute()
                    removed += len(ids)
        except peewee.DatabaseError as exc:
            self._raise(exc)

    # -- reads -----------------------------------------------------------------------------
    def load_unfinished(self) -> list[Job]:
        """Claim and return the jobs no live engine process owns that are not final: first
        those that were running (in the order they started), then the rest in queue order."""
        final = [s.value for s in FINAL_STATES]
        try:
            with self.database.atomic():
                rows = list(JobRow.select().where(JobRow.state.not_in(final))
                            .order_by(JobRow.created_at, JobRow.id))  # fmt: skip
                orphans = [r for r in rows if r.owner != self.identity
                           and not processes.owner_alive(r.owner)]  # fmt: skip
                if orphans:
                    JobRow.update(owner=self.identity).where(
                        JobRow.id.in_([r.id for r in orphans])
                    ).execute()
                jobs = self._jobs(orphans)
        except peewee.DatabaseError as exc:
            self._raise(exc)
        saved = self._read(lambda: MetaRow.get_or_none(MetaRow.key == QUEUE_ORDER_KEY))
        return queue_sorted(jobs, json.loads(saved.value) if saved else [])

    def save_queue_order(self, job_ids: list[str]) -> None:
        self._save_meta(QUEUE_ORDER_KEY, json.dumps(job_ids))

    def save_failed_list(self, job_ids: list[str]) -> None:
        self._save_meta(FAILED_LIST_KEY, json.dumps(job_ids))

    def load_failed_list(self) -> list[Job]:
        saved = self._read(lambda: MetaRow.get_or_none(MetaRow.key == FAILED_LIST_KEY))
        ids = json.loads(saved.value) if saved else []
        if not ids:
            return []
        rows = self._read(lambda: list(JobRow.select().where(
            JobRow.id.in_(ids), JobRow.state == JobState.FAILED.value)))  # fmt: skip
        order = {job_id: i for i, job_id in enumerate(ids)}
        return sorted(self._read(lambda: self._jobs(rows)), key=lambda j: order[j.id])

    def _save_meta(self, key: str, value: str) -> None:
        def write() -> None:
            MetaRow.insert(key=key, value=value).on_conflict(
                conflict_target=[MetaRow.key], update={MetaRow.value: value}
            ).execute()

        self._write(None, write)

    def last_seq(self) -> int:
        row = self._read(lambda: MetaRow.get_or_none(MetaRow.key == LAST_SEQ_KEY))
        self._seq_high = max(self._seq_high, int(row.value) if row else 0)
        return max(self._seq_high, self._pending_seq or 0)

    def get(self, job_id: str) -> Job | None:
        def read() -> Job | None:
            row = JobRow.get_or_none(JobRow.id == job_id)
            return self._jobs([row])[0] if row else None

        return self._read(read)

    def ids_starting_with(self, prefix: str, limit: int) -> list[str]:
        # a range on the primary key: no LIKE wildcards to escape, and it uses the index
        def read() -> list[str]:
            query = (JobRow.select(JobRow.id)
                     .where((JobRow.id >= prefix) & (JobRow.id < prefix + "\U0010ffff"))
                     .order_by(JobRow.id).limit(limit))  # fmt: skip
            return [row.id for row in query]

        return self._read(read)

    def state_log(self, job_id: str) -> list[tuple[float, str, int, str | None]]:
        """(time, state, attempt, error code) of every state change of one job, oldest first."""
        def read() -> list[tuple[float, str, int, str | None]]:
            query = (JobEventRow.select().where(JobEventRow.job == job_id)
                     .order_by(JobEventRow.id))  # fmt: skip
            return [(r.at, r.state, r.attempt, r.error_code) for r in query]

        return self._read(read)

    def history(self, query: HistoryQuery) -> HistoryPage:
        def read() -> HistoryPage:
            rows = list(self._history_query(query).limit(query.limit + 1))
            more = len(rows) > query.limit
            rows = rows[: query.limit]
            cursor = (rows[-1].created_at, rows[-1].id) if more and rows else None
            return HistoryPage(self._jobs(rows), cursor)

        return self._read(read)

    def stats(self, since: float | None = None, query: HistoryQuery | None = None) -> HistoryStats:
        return self._read(lambda: self._stats(since, query))

    # -- internals -------------------------------------------------------------------------
    def _history_query(self, query: HistoryQuery) -> peewee.ModelSelect[JobRow]:
        select = JobRow.select()
        if query.states:
            select = select.where(JobRow.state.in_(sorted(s.value for s in query.states)))
        if query.since is not None:
            select = select.where(JobRow.created_at >= query.since)
        if query.until is not None:
            select = select.where(JobRow.created_at < query.until)
        if query.search:
            select = select.where(peewee.fn.instr(JobRow.source_name, query.search.lower()) > 0)
        if query.before is not None:
            created, job_id = query.before
            select = select.where(
                peewee.Tuple(JobRow.created_at, JobRow.id) < peewee.Tuple(created, job_id)
            )
        return select.order_by(JobRow.created_at.desc(), JobRow.id.desc())

    def _stats(self, since: float | None, query: HistoryQuery | None) -> HistoryStats:
        conditions, values = _stats_filter(since, query)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        params: tuple[Any, ...] = tuple(values)
        # the covering index holds every column but the name: a search reads the rows
        index = "" if query is not None and query.search else "INDEXED BY job_stats"
        sql: Callable[..., Any] = self.database.execute_sql
        counts: dict[str, int] = {}
        clips = 0
        media = busy = 0.0
        busy_count = 0
        # one pass over the covering index job_stats: the wide rows are never read
        for state, count, verified, media_s, busy_s, busy_n in sql(
            f"SELECT state, count(*), total(clips_verified), total(media_seconds), "
            f"total(processing_seconds), count(processing_seconds) FROM job {index} "
            f"{where} GROUP BY state", params
        ):  # fmt: skip
            counts[state] = count
            clips += int(verified)
            if state == JobState.COMPLETED.value:
                media, busy, busy_count = media_s, busy_s, busy_n
        p95 = None
        if busy_count:
            extra = "".join(f"AND {c} " for c in conditions)
            offset = min(busy_count - 1, math.ceil(0.95 * busy_count) - 1)
            row = sql(
                f"SELECT processing_seconds FROM job WHERE state = 'completed' AND "
                f"processing_seconds IS NOT NULL {extra} ORDER BY processing_seconds "
                f"LIMIT 1 OFFSET ?", (*params, offset)
            ).fetchone()  # fmt: skip
            p95 = row[0] if row else None
        failures = {
            code or ErrorCode.INTERNAL_ERROR.value: n
            for code, n in sql(
                f"SELECT error_code, count(*) FROM job WHERE state = 'failed' "
                f"{''.join(f'AND {c} ' for c in conditions)} GROUP BY error_code",
                params,
            )
        }
        finished = sum(counts.get(s.value, 0) for s in FINAL_STATES)
        return HistoryStats(
            counts=counts,
            clips_generated=clips,
            media_seconds=round(media, 3),
            mean_processing_seconds=busy / busy_count if busy_count else None,
            p95_processing_seconds=p95,
            mean_speed=media / busy if busy > 0 else None,
            failures_by_code=failures,
            failure_rate=counts.get(JobState.FAILED.value, 0) / finished if finished else None,
        )

    # -- the cut analysis cache (core.ports.AnalysisCache) ----------------------------------
    def get_analysis(self, fingerprint: str, params: str) -> dict[str, Any] | None:
        try:
            row = (AnalysisRow.select(AnalysisRow.data)
                   .where(AnalysisRow.fingerprint == fingerprint, AnalysisRow.params == params)
                   .first())  # fmt: skip
        except peewee.DatabaseError as exc:
            log.warning("the cut analysis cache could not be read: %s", exc)
            return None
        return _loads(row.data) if row is not None else None

    def put_analysis(self, fingerprint: str, params: str, source: str,
                     data: dict[str, Any]) -> None:  # fmt: skip
        def write() -> None:
            AnalysisRow.insert(fingerprint=fingerprint, params=params, source=source,
                               data=json.dumps(data), created_at=time.time()
                               ).on_conflict_replace().execute()  # fmt: skip

        self._write(None, write)

    def _save_full(self, job: Job) -> None:
        with self.database.atomic():
            old = (JobRow.select(JobRow.state, JobRow.started_at, JobRow.updated_at,
                                 JobRow.processing_seconds)
                   .where(JobRow.id == job.id).first())  # fmt: skip
            row = self._row(job)
            if old is not None:
                row["processing_seconds"] = _busy_seconds(old, job)
                JobRow.update(row).where(JobRow.id == job.id).execute()
            else:  # a write that failed at registration time and is caught up now
                row["processing_seconds"] = _busy_seconds(None, job)
                JobRow.insert(row).execute()
            self._write_clips(job)
            if old is None or old.state != job.state.value:
                self._log_state(job)

    def _write_clips(self, job: Job) -> None:
        indexes = [c.index for c in job.clips]
        ClipRow.delete().where(ClipRow.job == job.id, ClipRow.idx.not_in(indexes)).execute()
        for clip in job.clips:
            self._upsert_clip(job.id, clip)

    def _upsert_clip(self, job_id: str, clip: Clip) -> None:
        values: dict[peewee.Field, Any] = {
            ClipRow.job: job_id, ClipRow.idx: clip.index, ClipRow.start_s: clip.start,
            ClipRow.end_s: clip.end, ClipRow.path: clip.path, ClipRow.state: clip.state.value,
            ClipRow.duration: clip.duration, ClipRow.width: clip.width,
            ClipRow.height: clip.height, ClipRow.size: clip.size,
            ClipRow.cut: _json_or_none(clip.cut), ClipRow.qc: _json_or_none(clip.qc),
        }  # fmt: skip
        ClipRow.insert(values).on_conflict(
            conflict_target=[ClipRow.job, ClipRow.idx],
            update={k: v for k, v in values.items() if k.name not in ("job", "idx")},
        ).execute()

    def _log_state(self, job: Job) -> None:
        JobEventRow.insert(
            job=job.id, at=job.updated_at, state=job.state.value, attempt=job.attempts,
            error_code=job.error.code.value if job.error else None,
        ).execute()  # fmt: skip

    def _row(self, job: Job) -> dict[str, Any]:
        return {
            "id": job.id,
            "source": job.source,
            "source_name": source_name(job.source),
            "state": job.state.value,
            "phase": job.phase.value,
            "progress": job.progress,
            "message": job.message,
            "options": json.dumps(job.options.to_dict()),
            "output_root": job.output_root,
            "output_dir": job.output_dir,
            "error_code": job.error.code.value if job.error else None,
            "error_message": job.error.message if job.error else None,
            "error_detail": job.error.detail if job.error else None,
            "media": json.dumps(_media_dict(job.media)) if job.media else None,
            "media_seconds": _media_seconds(job),
            "commands": json.dumps(job.commands),
            "pid": job.pid,
            "owner": self.identity,
            "attempts": job.attempts,
            "parent_id": job.parent_id,
            "clips_generated": job.clips_verified,  # column kept from v1; same count now
            "clips_verified": job.clips_verified,
            "clips_total": job.clips_total,
            "speed": job.speed,
            "fps": job.fps,
            "eta_seconds": job.eta_seconds,
            "created_at": job.created_at,
            "started_at": job.started_at,
            "finished_at": job.finished_at,
            "updated_at": job.updated_at,
        }

    def _jobs(self, rows: list[JobRow]) -> list[Job]:
        if not rows:
            return []
        clips: dict[str, list[Clip]] = {r.id: [] for r in rows}
        ids = list(clips)
        for i in range(0, len(ids), 500):
            query = (ClipRow.select().where(ClipRow.job.in_(ids[i:i + 500]))
                     .order_by(ClipRow.job, ClipRow.idx))  # fmt: skip
            for c in query.tuples().iterator():
                _, job_id, idx, start, end, path, state, duration, width, height, size = c[:11]
                cut, qc = (_loads(text) for text in c[11:13])
                clips[job_id].append(Clip(idx, start, end, path, ClipState(state), duration,
                                          width, height, size, cut, qc))  # fmt: skip
        return [_job(r, clips[r.id]) for r in rows]

    def _write(self, job: Job | None, write: Callable[[], None]) -> None:
        try:
            self._flush_dirty()
            write()
            if self._pending_seq is not None:
                MetaRow.insert(key=LAST_SEQ_KEY, value=str(self._pending_seq)).on_conflict(
                    conflict_target=[MetaRow.key], update={MetaRow.value: str(self._pending_seq)}
                ).execute()
                self._seq_high, self._pending_seq = self._pending_seq, None
        except peewee.DatabaseError as exc:
            if not is_environment_error(exc):
                raise
            if job is not None:
                self._dirty[job.id] = job
            self._report(environment_error(exc, self.path))
            return
        if self.last_error is not None:
            log.warning("The job history can be written again.")
            self.last_error = None

    def _flush_dirty(self) -> None:
        for job_id, job in list(self._dirty.items()):
            self._save_full(job)
            del self._dirty[job_id]

    def _read(self, read: Callable[[], T]) -> T:
        try:
            return read()
        except peewee.DatabaseError as exc:
            self._raise(exc)

    def _raise(self, exc: peewee.DatabaseError) -> NoReturn:
        if not is_environment_error(exc):
            raise exc
        raise environment_error(exc, self.path) from None

    def _report(self, error: StoreError) -> None:
        first = self.last_error is None
        self.last_error = error
        if first:
            log.error("%s", error)
            if self.on_error is not None:
                self.on_error(error)


def _stats_filter(since: float | None, query: HistoryQuery | None) -> tuple[list[str], list[Any]]:
    """SQL conditions (on the job table) and their parameters for stats over a filter."""
    conditions: list[str] = []
    values: list[Any] = []
    if since is not None:
        conditions.append("created_at >= ?")
        values.append(since)
    if query is not None:
        if query.states:
            states = sorted(s.value for s in query.states)
            conditions.append(f"state IN ({', '.join('?' * len(states))})")
            values.extend(states)
        if query.since is not None:
            conditions.append("created_at >= ?")
            values.append(query.since)
        if query.until is not None:
            conditions.append("created_at < ?")
            values.append(query.until)
        if query.search:
            conditions.append("instr(source_name, ?) > 0")
            values.append(query.search.lower())
    return conditions, values


def _busy_seconds(old: JobRow | None, job: Job) -> float | None:
    """Seconds spent processing over every attempt: an attempt counts when it ends."""
    if old is None:
        if job.is_final and job.started_at is not None and job.finished_at is not None:
            return max(0.0, job.finished_at - job.started_at)
        return None
    total = old.processing_seconds
    if old.state == JobState.PROCESSING.value and job.state is not JobState.PROCESSING:
        # a job the engine finished ends now; one found running after a crash ended at its
        # last stored write
        end = job.updated_at if job.state in FINAL_STATES else old.updated_at
        if old.started_at is not None:
            total = (total or 0.0) + max(0.0, end - old.started_at)
    return total


def _media_seconds(job: Job) -> float:
    """Seconds of source turned into verified clips."""
    return round(sum(c.end - c.start for c in job.clips if c.state is ClipState.VERIFIED), 6)


def _media_dict(media: MediaInfo) -> dict[str, Any]:
    data = dict(media.__dict__)
    data["sar"] = str(media.sar)
    return data


def _media(text: str | None) -> MediaInfo | None:
    if not text:
        return None
    data = json.loads(text)
    data["sar"] = Fraction(data.get("sar") or 1)
    return MediaInfo(**data)


def _json_or_none(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value)


def _loads(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _options(text: str) -> StoryOptions:
    """A stored job's options; one stored before its preset's limit was enforced (e.g. 300 s
    clips with Instagram Stories) keeps its values without the preset."""
    data = json.loads(text)
    try:
        return StoryOptions.from_dict(data)
    except OptionsError:
        return StoryOptions.from_dict({**data, "preset": None})


def _job(row: JobRow, clips: list[Clip]) -> Job:
    error = None
    if row.error_code:
        try:
            code = ErrorCode(row.error_code)
        except ValueError:  # written by a newer version
            code = ErrorCode.INTERNAL_ERROR
        error = JobError(code, row.error_message or "", row.error_detail or "")
    return Job(
        id=row.id,
        source=row.source,
        options=_options(row.options),
        output_root=row.output_root,
        state=JobState(row.state),
        progress=row.progress,
        phase=Phase(row.phase),
        message=row.message,
        clips=clips,
        speed=row.speed,
        fps=row.fps,
        eta_seconds=row.eta_seconds,
        error=error,
        output_dir=row.output_dir,
        media=_media(row.media),
        commands=json.loads(row.commands or "[]"),
        pid=row.pid,
        attempts=row.attempts,
        parent_id=row.parent_id,
        created_at=row.created_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        updated_at=row.updated_at,
    )

