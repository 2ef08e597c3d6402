"""EngineFacade: the one object the window, the server and the terminal drive the engine with.

Adapters never reach into the manager's scheduler, the store or the runner: they submit,
cancel, retry, remove, move, pause (with a reason) and resume here, read jobs and history
here, and learn what they must show from the bus's engine events (QueuePaused, QueueResumed,
JobForgotten, StoreFailed). app.py builds it and owns it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from storyclip_gui.core.encoder_detect import EncoderStatus, cached, detect
from storyclip_gui.core.eta import Eta
from storyclip_gui.core.events import EventBus, StoreFailed
from storyclip_gui.core.intake import Intake
from storyclip_gui.core.jobs import Job, JobView
from storyclip_gui.core.manager import JobManager, JobSpec
from storyclip_gui.core.pipeline import PipelineConfig
from storyclip_gui.core.ports import HistoryPage, HistoryQuery, HistoryStats, JobStore, StoreError
from storyclip_gui.core.webhooks import Webhooks

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LiveSettings:
    """The settings the engine takes while it runs (the others apply at the next start)."""

    concurrency: int
    monitoring_interval: float
    output_root: Path
    temp_root: Path
    stall_timeout: float


@dataclass(frozen=True)
class StoreHealth:
    """Why the job history is not being kept normally."""

    code: str  # history_in_memory | history_not_written
    summary: str  # for anyone (the public /api/health): names no local path
    detail: str  # for the person at this machine (the window): the store's own message


class EngineFacade:
    def __init__(
        self,
        manager: JobManager,
        store: JobStore,
        *,
        pipeline: PipelineConfig | None = None,
        kill_processes: Callable[[], None] | None = None,
        store_error: StoreError | None = None,
        intake: Intake | None = None,
    ) -> None:
        self.manager = manager  # for app.py and tests; adapters use the methods below
        # every door's way in (paths, options, ids checked by one rule): submit, re-run, retry
        self.intake = intake or Intake(manager)
        self._store = store
        self.pipeline = pipeline  # what each job starts with (app.py's pipeline reads it)
        self._kill_processes = kill_processes
        self._open_error = store_error  # the history could not be opened: memory only
        # webhook subscriptions, managed as over REST (None: no history to keep them in)
        self.webhooks: Webhooks | None = None

    @property
    def bus(self) -> EventBus:
        return self.manager.bus

    # -- encoders ----------------------------------------------------------------------------
    def encoders_known(self) -> dict[str, EncoderStatus] | None:
        """What detection found for the build jobs use, if it has run (no process started)."""
        config = self.pipeline
        return cached(config.toolchain.ffmpeg) if config is not None else None

    async def detect_encoders(self) -> dict[str, EncoderStatus]:
        """Which hardware encoders work with the build jobs use (a one-frame encode each,
        through the runner; once per build and process)."""
        config = self.pipeline
        if config is None:
            return {}
        toolchain = await config.choose_toolchain() if config.choose_toolchain else config.toolchain
        return await detect(config.runner, toolchain.ffmpeg)

    # -- jobs ------------------------------------------------------------------------------
    def submit(self, spec: JobSpec) -> Job:
        """Register a job as given (tests, benches); doors go through `intake.submit`."""
        return self.manager.submit(spec)

    def rerun(self, job_id: str, changes: dict[str, Any] | None = None) -> Job:
        return self.intake.rerun(job_id, changes)

    def cancel(self, job_id: str) -> bool:
        return self.manager.cancel(job_id)

    def retry(self, job_id: str) -> Job:
        """Re-queue a failed, cancelled or interrupted job once its source is still usable."""
        return self.intake.retry(job_id)

    def remove(self, job_id: str) -> bool:
        """Take a finished job off the live list (the history keeps it): JobForgotten."""
        return self.manager.forget(job_id)

    def expire_finished(self, max_age: float) -> list[str]:
        return self.manager.expire_finished(max_age)

    def move(self, job_id: str, delta: int) -> bool:
        return self.manager.move(job_id, delta)

    # -- the queue -------------------------------------------------------------------------
    @property
    def paused(self) -> bool:
        return self.manager.paused

    @property
    def pause_reason(self) -> str | None:
        return self.manager.pause_reason

    def pause(self, reason: str | None = None) -> None:
        self.manager.pause(reason)

    def resume(self) -> None:
        self.manager.resume()

    @property
    def output_root(self) -> Path:
        """Where a job's folder goes when the job does not say."""
        return self.manager.output_root

    @property
    def queued_ids(self) -> list[str]:
        return self.manager.queued_ids

    @property
    def running_ids(self) -> list[str]:
        return self.manager.running_ids

    # -- reading ---------------------------------------------------------------------------
    def queue_eta(self) -> Eta | None:
        """When the running and queued jobs should all be done (learned P50/P90)."""
        return self.manager.queue_eta()

    def jobs(self) -> list[Job]:
        return self.manager.jobs()

    def views(self) -> list[JobView]:
        return [job.view() for job in self.manager.jobs()]

    def get(self, job_id: str) -> Job | None:
        """A live job (in the list), or None."""
        return self.manager.get(job_id)

    def lookup(self, job_id: str) -> Job | None:
        """A live job, else one from the history. Raises StoreError when it cannot be read."""
        return self.manager.get(job_id) or self._store.get(job_id)

    def history(self, query: HistoryQuery) -> HistoryPage:
        return self._store.history(query)

    def stats(self, since: float | None = None, query: HistoryQuery | None = None) -> HistoryStats:
        return self._store.stats(since, query)

    def log_tail(self, job_id: str) -> str:
        return self.manager.log_tail(job_id)

    def commands(self, job_id: str) -> list[list[str]] | None:
        job = self.manager.get(job_id)
        return job.commands if job else None

    @property
    def notices(self) -> list[str]:
        return self.manager.notices

    def add_notice_listener(self, listener: Callable[[str], None]) -> None:
        self.manager.notice_listeners.append(listener)

    def remember_seq(self, seq: int) -> None:
        """Store the last sequence number observers saw (on close). Raises StoreError."""
        self._store.record_seq(seq)

    def retention_preview(self, days: float, now: float) -> tuple[int, float | None]:
        """What a history retention of `days` would forget now: (jobs, oldest end time)."""
        return self._store.prunable(now - days * 86400)

    # -- health ----------------------------------------------------------------------------
    def store_failed(self, error: StoreError) -> None:
        """The store reports a write it could not make (first of a run of failures)."""
        self.bus.announce(StoreFailed(str(error)))

    def store_health(self) -> StoreHealth | None:
        """None while the history is written normally; else why it is not."""
        if self._open_error is not None:
            return StoreHealth("history_in_memory", "The job history could not be opened: "
                               "jobs are kept in memory only.", str(self._open_error))
        error = self._store.last_error
        if error is None:
            return None
        return StoreHealth("history_not_written", "The job history cannot be written now: jobs "
                           "run, their history is saved once it can be.", str(error))

    async def wait_until_idle(self) -> None:
        """Return when nothing runs and nothing more will start (queue empty or paused)."""
        await self.manager.wait_until_idle()

    # -- settings and the end --------------------------------------------------------------
    def apply(self, live: LiveSettings) -> None:
        """Take the settings that can change while jobs run; running jobs keep the folder and
        stall timeout they started with."""
        self.manager.set_concurrency(live.concurrency)
        self.manager.monitoring_interval = live.monitoring_interval
        self.manager.output_root = live.output_root
        if self.pipeline is not None:
            self.pipeline = replace(self.pipeline, temp_root=live.temp_root,
                                    stall_timeout=live.stall_timeout)  # fmt: skip

    async def shutdown(self) -> None:
        """Running jobs stop as interrupted (they resume at the next start), queued jobs stay
        queued, and no process this engine started outlives it."""
        try:
            await self.manager.shutdown()
        finally:
            if self._kill_processes is not None:
                self._kill_processes()
