"""Ports the core depends on and adapters implement: the process Runner and the JobStore."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from storyclip_gui.core.jobs import Clip, Job, JobState


@dataclass(frozen=True)
class ProcessOutcome:
    """How one external process ended."""

    exit_code: int | None  # None when it never started or was killed by a signal
    crashed: bool = False  # ended by a signal (including our kill)
    stalled: bool = False  # killed by the watchdog: no output for the stall timeout
    start_error: str | None = None  # it never ran: the program is missing or not executable
    stderr_tail: str = ""
    pid: int | None = None

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not (self.crashed or self.stalled or self.start_error)

    def __str__(self) -> str:
        if self.start_error:
            return f"could not start: {self.start_error}"
        if self.stalled:
            return "killed after producing no output for too long"
        if self.crashed:
            return "crashed or was killed"
        return f"exited with status {self.exit_code}"


class Runner(Protocol):
    async def run(
        self,
        argv: Sequence[str],
        *,
        on_stdout: Callable[[bytes], None] | None = None,
        on_started: Callable[[int], None] | None = None,
        stall_timeout: float | None = None,
        on_stderr: Callable[[bytes], None] | None = None,
        stdin: bytes | None = None,
    ) -> ProcessOutcome:
        """Run argv to the end, handing stdout and stderr over as they arrive (`stdin`, when
        given, is written to the process, then its input is closed). Cancelling the
        awaiting task stops the process (terminate, then kill after a grace period) before
        CancelledError propagates."""
        ...


class StoreError(RuntimeError):
    """The job store could not read or write (disk full, locked, corrupt): tell the user."""


@dataclass(frozen=True)
class HistoryQuery:
    """A page of history, newest first. `before` is the keyset cursor from the previous page."""

    states: frozenset[JobState] = frozenset()  # empty: every state
    since: float | None = None  # created_at >= since (epoch seconds)
    until: float | None = None  # created_at < until
    search: str | None = None  # case-insensitive substring of the source name
    limit: int = 100
    before: tuple[float, str] | None = None  # (created_at, job id) of the last row seen


@dataclass(frozen=True)
class HistoryPage:
    jobs: list[Job]
    next_cursor: tuple[float, str] | None  # None: no more rows


@dataclass(frozen=True)
class HistoryStats:
    counts: dict[str, int] = field(default_factory=dict)  # by state
    clips_generated: int = 0
    media_seconds: float = 0.0  # total seconds of source processed by completed jobs
    mean_processing_seconds: float | None = None
    p95_processing_seconds: float | None = None
    mean_speed: float | None = None  # media seconds / processing seconds (x realtime)
    failures_by_code: dict[str, int] = field(default_factory=dict)
    failure_rate: float | None = None  # failed / finished

    def to_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts,
            "clipsGenerated": self.clips_generated,
            "mediaSeconds": self.media_seconds,
            "meanProcessingSeconds": self.mean_processing_seconds,
            "p95ProcessingSeconds": self.p95_processing_seconds,
            "meanSpeed": self.mean_speed,
            "failuresByCode": self.failures_by_code,
            "failureRate": self.failure_rate,
        }


class HistorySource(Protocol):
    """Where views read the history from (the store itself, or the engine facade)."""

    def history(self, query: HistoryQuery) -> HistoryPage: ...

    def stats(
        self, since: float | None = None, query: HistoryQuery | None = None
    ) -> HistoryStats: ...


class JobStore(Protocol):
    # the latest write that failed, until a write succeeds again (None: all is well)
    last_error: StoreError | None

    def add(self, job: Job) -> None:
        """Commit a newly registered job (before anyone is told about it)."""

    def save(self, job: Job) -> None:
        """Commit the job's state, progress, error and clips."""

    def save_progress(self, job: Job) -> None:
        """Write a progress tick (called at most once per monitoring interval per job)."""

    def save_clip(self, job: Job, clip: Clip) -> None:
        """Commit one clip's result as soon as it is verified."""

    def save_queue_order(self, job_ids: list[str]) -> None:
        """Remember the order of the queue (after a move), so a restart keeps it."""

    def save_failed_list(self, job_ids: list[str]) -> None:
        """Remember which failed jobs the live list shows (until retried or removed)."""

    def load_failed_list(self) -> list[Job]:
        """The failed jobs the list showed when the engine last saved it, still failed."""
        ...

    def load_unfinished(self) -> list[Job]:
        """Claim the jobs not in a final state that no live engine process owns, and return
        them: those that were running first, then the rest in queue order (restart recovery)."""
        ...

    def last_seq(self) -> int:
        """The highest event sequence number handed out so far (so it never goes back)."""
        ...

    def record_seq(self, seq: int) -> None:
        """Remember the latest sequence number."""

    def get(self, job_id: str) -> Job | None:
        """One job from history (any state), with its clips."""
        ...

    def ids_starting_with(self, prefix: str, limit: int) -> list[str]:
        """Up to `limit` job ids (any state) that start with `prefix`, in id order."""
        ...

    def history(self, query: HistoryQuery) -> HistoryPage:
        """A page of jobs, newest first, filtered (keyset-paged so deep pages stay fast)."""
        ...

    def stats(self, since: float | None = None, query: HistoryQuery | None = None) -> HistoryStats:
        """Statistics over the history: jobs created at or after `since`, when given, and
        matching `query`'s states, dates and search when given (its paging is ignored)."""
        ...

    def prunable(self, finished_before: float) -> tuple[int, float | None]:
        """What prune(finished_before) would forget: how many jobs, and when the oldest ended."""
        ...

    def prune(self, finished_before: float) -> int:
        """Forget finished jobs that ended before this time (never their output files)."""
        ...


def queue_sorted(jobs: list[Job], queue_order: list[str]) -> list[Job]:
    """Jobs that were running first (by start), then the rest in the saved queue order; jobs the
    saved order does not name follow in registration order."""
    position = {job_id: i for i, job_id in enumerate(queue_order)}
    running = sorted((j for j in jobs if j.state is JobState.PROCESSING),
                     key=lambda j: (j.started_at or 0.0, j.created_at))  # fmt: skip
    rest = sorted((j for j in jobs if j.state is not JobState.PROCESSING),
                  key=lambda j: (position.get(j.id, len(position)), j.created_at,
                                 j.id))  # fmt: skip
    return running + rest


@runtime_checkable
class AnalysisCache(Protocol):
    """Analyses kept by source fingerprint and parameters (the cut analysis, core/analysis.py;
    the smart-framing detector's samples, core/framing.py), so a re-run, a resume or
    a restart does not decode the source again. Never raises for the user's environment: a
    cache that cannot be read or written is a cache miss."""

    def get_analysis(self, fingerprint: str, params: str) -> dict[str, Any] | None:
        """The stored `SourceAnalysis.to_dict()` for this source and these parameters."""
        ...

    def put_analysis(self, fingerprint: str, params: str, source: str,
                     data: dict[str, Any]) -> None:  # fmt: skip
        """Keep one analysis (replacing an older one of the same key)."""

