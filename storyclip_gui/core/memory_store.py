"""MemoryJobStore: the JobStore port in memory, used when the history cannot be opened."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyclip_gui.core.jobs import Clip, Job, JobState
from storyclip_gui.core.ports import (
    HistoryPage,
    HistoryQuery,
    HistoryStats,
    StoreError,
    queue_sorted,
)


def history_matches(job: Job, query: HistoryQuery) -> bool:
    """Does the job pass the query's state, date and name filters (paging aside)?"""
    needle = (query.search or "").lower()
    return ((not query.states or job.state in query.states)
            and (query.since is None or job.created_at >= query.since)
            and (query.until is None or job.created_at < query.until)
            and needle in job.source.rsplit("/", 1)[-1].lower())  # fmt: skip


def compute_stats(jobs: Sequence[Job]) -> HistoryStats:
    """HistoryStats over jobs held in memory (the SQLite store computes the same in SQL)."""
    counts: dict[str, int] = {}
    failures: dict[str, int] = {}
    busy: list[float] = []
    media = 0.0
    clips = 0
    for job in jobs:
        counts[job.state.value] = counts.get(job.state.value, 0) + 1
        clips += job.clips_verified
        if job.state is JobState.COMPLETED and job.started_at and job.finished_at:
            busy.append(job.finished_at - job.started_at)
            media += sum(c.end - c.start for c in job.clips if c.state.value == "verified")
        if job.state is JobState.FAILED:
            code = job.error.code.value if job.error else "internal_error"
            failures[code] = failures.get(code, 0) + 1
    finished = sum(counts.get(s, 0) for s in ("completed", "failed", "cancelled"))
    busy.sort()
    return HistoryStats(
        counts=counts,
        clips_generated=clips,
        media_seconds=round(media, 3),
        mean_processing_seconds=sum(busy) / len(busy) if busy else None,
        p95_processing_seconds=busy[max(0, -(-95 * len(busy) // 100) - 1)] if busy else None,
        mean_speed=media / sum(busy) if busy and sum(busy) > 0 else None,
        failures_by_code=failures,
        failure_rate=counts.get("failed", 0) / finished if finished else None,
    )


class MemoryJobStore:
    """A JobStore that keeps nothing across runs: for one-shot terminal runs and tests."""

    def __init__(self) -> None:
        self.jobs: dict[str, Job] = {}
        self.queue_order: list[str] = []
        self.failed_list: list[str] = []
        self.last_error: StoreError | None = None
        self._seq = 0

    def add(self, job: Job) -> None:
        self.jobs[job.id] = job

    def save(self, job: Job) -> None:
        self.jobs[job.id] = job

    def save_progress(self, job: Job) -> None:
        self.jobs[job.id] = job

    def save_clip(self, job: Job, clip: Clip) -> None:
        self.jobs[job.id] = job

    def save_queue_order(self, job_ids: list[str]) -> None:
        self.queue_order = list(job_ids)

    def save_failed_list(self, job_ids: list[str]) -> None:
        self.failed_list = list(job_ids)

    def load_failed_list(self) -> list[Job]:
        jobs = (self.jobs.get(i) for i in self.failed_list)
        return [j for j in jobs if j is not None and j.state is JobState.FAILED]

    def load_unfinished(self) -> list[Job]:
        return queue_sorted([j for j in self.jobs.values() if not j.is_final], self.queue_order)

    def last_seq(self) -> int:
        return self._seq

    def record_seq(self, seq: int) -> None:
        self._seq = max(self._seq, seq)

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def ids_starting_with(self, prefix: str, limit: int) -> list[str]:
        return sorted(j for j in self.jobs if j.startswith(prefix))[:limit]

    def history(self, query: HistoryQuery) -> HistoryPage:
        rows = sorted(self.jobs.values(), key=lambda j: (j.created_at, j.id), reverse=True)
        picked = [
            j for j in rows
            if history_matches(j, query)
            and (query.before is None or (j.created_at, j.id) < query.before)
        ]  # fmt: skip
        page = picked[: query.limit]
        more = len(picked) > query.limit
        return HistoryPage(page, (page[-1].created_at, page[-1].id) if more and page else None)

    def stats(self, since: float | None = None, query: HistoryQuery | None = None) -> HistoryStats:
        return compute_stats([
            j for j in self.jobs.values()
            if (since is None or j.created_at >= since)
            and (query is None or history_matches(j, query))
        ])  # fmt: skip

    def prunable(self, finished_before: float) -> tuple[int, float | None]:
        ends = [j.finished_at for j in self.jobs.values()
                if j.is_final and j.finished_at is not None and j.finished_at < finished_before]
        return len(ends), min(ends, default=None)

    def prune(self, finished_before: float) -> int:
        old = [j.id for j in self.jobs.values()
               if j.is_final and j.finished_at is not None and j.finished_at < finished_before]
        for job_id in old:
            del self.jobs[job_id]
        return len(old)


class MemoryAnalysisCache:
    """An AnalysisCache for one process (the memory store's companion, and tests)."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], dict[str, Any]] = {}

    def get_analysis(self, fingerprint: str, params: str) -> dict[str, Any] | None:
        return self.entries.get((fingerprint, params))

    def put_analysis(self, fingerprint: str, params: str, source: str,
                     data: dict[str, Any]) -> None:  # fmt: skip
        self.entries[(fingerprint, params)] = data
