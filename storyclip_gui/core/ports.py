"""Ports the core depends on and adapters implement: the process Runner and the JobStore."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from storyclip_gui.core.jobs import Clip, Job


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
    ) -> ProcessOutcome:
        """Run argv to the end. Cancelling the awaiting task stops the process (terminate, then
        kill after a grace period) before CancelledError propagates."""
        ...


class StoreError(RuntimeError):
    """The job store could not read or write (disk full, locked, corrupt): tell the user."""


class JobStore(Protocol):
    def add(self, job: Job) -> None:
        """Commit a newly registered job (before anyone is told about it)."""

    def save(self, job: Job) -> None:
        """Commit the job's state, progress, error and clips."""

    def save_progress(self, job: Job) -> None:
        """Write a progress tick (called at most once per monitoring interval per job)."""

    def save_clip(self, job: Job, clip: Clip) -> None:
        """Commit one clip's result as soon as it is verified."""

    def load_unfinished(self) -> list[Job]:
        """Jobs not in a final state, in queue order (for restart recovery)."""
        ...

    def last_seq(self) -> int:
        """The highest event sequence number handed out so far (so it never goes back)."""
        ...

    def record_seq(self, seq: int) -> None:
        """Remember the latest sequence number."""


class MemoryJobStore:
    """A JobStore that keeps nothing across runs: for one-shot terminal runs and tests."""

    def __init__(self) -> None:
        self.jobs: dict[str, Job] = {}
        self._seq = 0

    def add(self, job: Job) -> None:
        self.jobs[job.id] = job

    def save(self, job: Job) -> None:
        self.jobs[job.id] = job

    def save_progress(self, job: Job) -> None:
        self.jobs[job.id] = job

    def save_clip(self, job: Job, clip: Clip) -> None:
        self.jobs[job.id] = job

    def load_unfinished(self) -> list[Job]:
        return [j for j in self.jobs.values() if not j.is_final]

    def last_seq(self) -> int:
        return self._seq

    def record_seq(self, seq: int) -> None:
        self._seq = max(self._seq, seq)
