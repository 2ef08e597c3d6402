"""JobManager: the one way a job is born, and the owner of every job's state changes.

Every door (terminal, window, REST, watch folder) goes through core.intake, which calls
`submit()`. A state change is committed to the JobStore before it is published on the
EventBus; progress ticks are published at once and written at most once per monitoring
interval.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyclip_gui.core.eta import Eta, EtaEstimator
from storyclip_gui.core.events import EventBus, EventKind, JobForgotten, QueuePaused, QueueResumed
from storyclip_gui.core.executor import ExecutorUnavailable
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError, JobFailure
from storyclip_gui.core.jobs import (
    BAD_JOB_ID,
    FINAL_STATES,
    Clip,
    ClipState,
    DuplicateJobError,
    Job,
    JobState,
    Phase,
    SubmitError,
    can_remove,
    can_retry,
    is_job_id,
    new_job_id,
)
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.pipeline import PipelineHooks
from storyclip_gui.core.ports import JobStore
from storyclip_gui.core.scheduler import Scheduler
from storyclip_gui.core.sources import Refusal, clean_path, printable, text_problem

log = logging.getLogger(__name__)

LOG_LIMIT = 64 * 1024

PipelineFactory = Callable[[Job, PipelineHooks], Coroutine[Any, Any, None]]
__all__ = ["JobManager", "JobSpec", "SubmitError"]


@dataclass(frozen=True)
class JobSpec:
    source: str
    options: StoryOptions = field(default_factory=StoryOptions)
    job_id: str | None = None
    output_root: str | None = None
    parent_id: str | None = None
    output_dir: str | None = None  # a folder to reuse (a re-run's own empty folder)


class JobManager:
    def __init__(
        self,
        *,
        store: JobStore,
        bus: EventBus,
        run_pipeline: PipelineFactory,
        output_root: Path,
        scheduler: Scheduler | None = None,
        monitoring_interval: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        eta: EtaEstimator | None = None,
    ) -> None:
        self.store = store
        self.bus = bus
        self.scheduler = scheduler or Scheduler()
        self.output_root = Path(output_root)
        self.monitoring_interval = monitoring_interval
        self._run_pipeline = run_pipeline
        self._clock = clock
        self.eta = eta or EtaEstimator()
        self.eta.lineup = self._lineup
        self._jobs: dict[str, Job] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._stop_as: dict[str, JobState] = {}
        self._last_write: dict[str, float] = {}
        self._logs: dict[str, bytearray] = {}  # the last LOG_LIMIT bytes of ffmpeg's stderr
        self._idle = asyncio.Event()
        self._idle.set()
        # why the queue paused itself (disk full), for views; None when running or paused by hand
        self.pause_reason: str | None = None
        # things a person must know about the setup (an ffmpeg that failed its self-test),
        # said once: kept for the API's health, handed to each listener (window, terminal)
        self.notices: list[str] = []
        self.notice_listeners: list[Callable[[str], None]] = []
        # jobs interrupted because the clip executor (a cluster) could not be reached, and
        # the task that re-queues them when it is back
        self._waiting_for_executor: list[str] = []
        self._reconnect: asyncio.Future[None] | None = None
        # remember the failed jobs the list shows, so they are still there after a restart
        # (engines that recover at start; a one-shot `storyclip process` does not)
        self.remember_failed = False

    # -- queries ---------------------------------------------------------------------------
    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def jobs(self) -> list[Job]:
        return list(self._jobs.values())

    @property
    def running_ids(self) -> list[str]:
        return list(self._tasks)

    @property
    def queued_ids(self) -> list[str]:
        return self.scheduler.order

    def finishes_queue(self, finished_id: str) -> bool:
        """Does the job that just reached a final state leave the queue done: nothing else
        runs or waits (a paused queue with jobs waiting is not done)? Asked from its
        jobCompleted event, while its task is still winding down. The one rule for the
        `queueFinished` webhook and the when-done action."""
        return set(self._tasks) <= {finished_id} and not self.scheduler.order

    def queue_eta(self) -> Eta | None:
        """When the running and queued jobs should all be done (P50/P90), if known."""
        jobs, slots = self._lineup()
        return self.eta.queue_eta(jobs, slots) if jobs else None

    def _lineup(self) -> tuple[list[Job], int]:
        """The running jobs, then the queued ones in order, and the parallel slots."""
        ids = [*self._tasks, *self.scheduler.order]
        return [self._jobs[i] for i in ids if i in self._jobs], self.scheduler.concurrency

    # -- entry point -----------------------------------------------------------------------
    def notice(self, message: str) -> None:
        if message in self.notices:
            return
        self.notices.append(message)
        log.info("%s", message)  # the listeners show it
        for listener in self.notice_listeners:
            listener(message)

    def submit(self, spec: JobSpec) -> Job:
        """Register a job: committed to the store, then announced, then scheduled. The doors
        call core.intake, which decides what becomes a job; this keeps the invariants every
        stored job has (a valid, unused id; a source and folders as absolute text)."""
        job_id = spec.job_id if spec.job_id is not None else new_job_id()
        if not is_job_id(job_id):
            raise SubmitError(BAD_JOB_ID)
        if job_id in self._jobs:
            raise DuplicateJobError(job_id)
        why = text_problem(spec.source)
        if why is not None:  # QProcess, SQLite and JSON all need the name as real text
            raise SubmitError(Refusal(printable(spec.source), why).message)
        job = Job(
            id=job_id,
            source=clean_path(spec.source),
            options=spec.options,
            output_root=clean_path(str(spec.output_root or self.output_root)),
            parent_id=spec.parent_id,
        )
        job.output_dir = spec.output_dir
        self.store.add(job)
        self._jobs[job.id] = job
        self._publish(EventKind.JOB_REGISTERED, job, state_changed=True)
        self.scheduler.enqueue(job.id)
        self._pump()
        return job

    def expire_finished(self, max_age: float, now: float | None = None) -> list[str]:
        """Drop finished jobs older than `max_age` seconds from the live view (they stay in
        the store's history); failed jobs wait for a person (retry or remove). Returns the ids
        dropped; JobForgotten tells views."""
        now = time.time() if now is None else now
        gone = [
            j.id
            for j in self._jobs.values()
            if j.is_final and j.state is not JobState.FAILED
            and j.finished_at is not None and now - j.finished_at >= max_age
        ]  # fmt: skip
        self._drop(gone)
        return gone

    def _drop(self, job_ids: list[str]) -> None:
        for job_id in job_ids:
            del self._jobs[job_id]
            self._logs.pop(job_id, None)
        if job_ids:
            self._save_failed_list()
            self.bus.announce(JobForgotten(tuple(job_ids)))

    def _save_failed_list(self) -> None:
        if self.remember_failed:
            failed = [j.id for j in self._jobs.values() if j.state is JobState.FAILED]
            self.store.save_failed_list(failed)

    def adopt_all(self, jobs: list[Job]) -> None:
        """Take back jobs loaded from the store at start-up, in order, starting none yet."""
        paused = self.scheduler.paused
        self.scheduler.paused = True
        try:
            for job in jobs:
                self.adopt(job)
        finally:
            self.scheduler.paused = paused

    def adopt(self, job: Job) -> None:
        """Take back a job loaded from the store at start-up (it is already committed)."""
        self._jobs[job.id] = job
        if job.state is JobState.QUEUED:
            self.scheduler.enqueue(job.id)
        self._publish(EventKind.JOB_REGISTERED, job, state_changed=True)
        self._pump()

    # -- control ---------------------------------------------------------------------------
    def cancel(self, job_id: str) -> bool:
        job = self._jobs.get(job_id)
        if job is None or job.is_final:
            return False
        task = self._tasks.get(job_id)
        if task is not None and job.state is JobState.PROCESSING:
            if job_id not in self._stop_as:  # a second cancel would cut its clean-up short
                task.cancel()
            self._stop_as[job_id] = JobState.CANCELLED
            return True
        if task is not None:  # created but not run yet: cancelled now, its coroutine never runs
            task.cancel()
        self.scheduler.discard(job_id)
        job.error = JobError(ErrorCode.CANCELLED, "Cancelled before it started.")
        job.message = "Cancelled"
        self._change_state(job, JobState.CANCELLED)
        return True

    def cancel_all(self) -> None:
        for job in list(self._jobs.values()):
            self.cancel(job.id)

    def retry(self, job_id: str) -> Job:
        job = self._jobs.get(job_id)
        if job is None:
            raise SubmitError(f"No job with id {job_id!r}.")
        if not can_retry(job.state):
            raise SubmitError(f"Only failed, cancelled or interrupted jobs can be retried "
                              f"(this one is {job.state}).")  # fmt: skip
        job.error = None
        job.progress = 0.0
        job.phase = Phase.WAITING
        job.message = "Waiting in queue"
        job.speed = job.fps = job.eta_seconds = None
        self._change_state(job, JobState.QUEUED)
        self.scheduler.enqueue(job.id)
        self.store.save_queue_order(self.scheduler.order)  # retried: at the end, also after restart
        self._pump()
        return job

    def forget(self, job_id: str) -> bool:
        """Drop a finished job from the live view ("remove from list"); the store keeps it."""
        job = self._jobs.get(job_id)
        if job is None or not can_remove(job.state):
            return False
        self._drop([job_id])
        return True

    def move(self, job_id: str, delta: int) -> bool:
        moved = self.scheduler.move(job_id, delta)
        if moved:
            self.store.save_queue_order(self.scheduler.order)  # a restart keeps the new order
            job = self._jobs[job_id]
            self._publish(EventKind.JOB_UPDATED, job)
        return moved

    @property
    def paused(self) -> bool:
        return self.scheduler.paused

    def pause(self, reason: str | None = None) -> None:
        """Stop starting jobs (running ones go on). `reason`: the engine paused it itself."""
        changed = not self.scheduler.paused or reason != self.pause_reason
        self.scheduler.paused = True
        self.pause_reason = reason
        self._update_idle()
        if changed:
            self.bus.announce(QueuePaused(reason))

    def resume(self) -> None:
        was_paused = self.scheduler.paused
        self.pause_reason = None
        self.scheduler.paused = False
        if was_paused:
            self.bus.announce(QueueResumed())
        self._pump()

    def set_concurrency(self, value: int) -> None:
        self.scheduler.concurrency = value
        self._pump()

    async def wait_until_idle(self) -> None:
        """Return when nothing runs and nothing more will start (queue empty or paused)."""
        while True:
            await self._idle.wait()
            await asyncio.sleep(0)
            if self._idle.is_set():
                return

    async def shutdown(self) -> None:
        """Stop running jobs as `interrupted` (they resume next start); queued jobs stay queued."""
        self.scheduler.paused = True
        if self._reconnect is not None:
            self._reconnect.cancel()
        tasks = list(self._tasks.values())
        for job_id, task in reversed(self._tasks.items()):
            job = self._jobs.get(job_id)
            if job is not None and job.state is JobState.QUEUED:  # its coroutine has not run
                task.cancel()
                self.scheduler.enqueue(job_id, front=True)
            elif job_id not in self._stop_as:
                self._stop_as[job_id] = JobState.INTERRUPTED
                task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    # -- running ---------------------------------------------------------------------------
    def _pump(self) -> None:
        # a job whose last task has not ended yet (cancelled before it ran, then retried)
        # stays queued until it has: one task per job at a time
        for job_id in self.scheduler.take_startable(len(self._tasks), busy=self._tasks):
            job = self._jobs.get(job_id)
            if job is None or job.state is not JobState.QUEUED:
                continue
            task = asyncio.ensure_future(self._run(job))
            task.add_done_callback(functools.partial(self._task_done, job))
            self._tasks[job_id] = task
        self._update_idle()

    def _release(self, job: Job, task: asyncio.Future[None] | None) -> None:
        """Free the job's slot once `task`, its current task, is over (only once)."""
        if task is None or self._tasks.get(job.id) is not task:
            return
        del self._tasks[job.id]
        self._stop_as.pop(job.id, None)
        self._last_write.pop(job.id, None)
        self._pump()

    def _task_done(self, job: Job, task: asyncio.Task[None]) -> None:
        """However the task ended. A task cancelled before its first step never ran `_run`,
        not even its `finally`: cancel() and shutdown() have set the job's state then, and
        this frees the slot."""
        if task.cancelled():
            if (self._tasks.get(job.id) is task and job.state is JobState.QUEUED
                    and job.id not in self.scheduler.order):  # fmt: skip
                self._stopped(job, JobState.INTERRUPTED)  # cancelled by others (loop closing)
        elif (exc := task.exception()) is not None:  # a bug of ours, outside the pipeline
            log.error("job %s: its task crashed", job.id, exc_info=exc)
            if job.state is JobState.PROCESSING:
                message = f"Internal error: {type(exc).__name__}: {exc}"
                self._failed(job, JobError(ErrorCode.INTERNAL_ERROR, message))
        self._release(job, task)

    def _update_idle(self) -> None:
        busy = bool(self._tasks) or (bool(self.scheduler.order) and not self.scheduler.paused)
        if busy:
            self._idle.clear()
        else:
            self._idle.set()

    async def _run(self, job: Job) -> None:
        try:
            if job.state is not JobState.QUEUED:  # cancelled meanwhile
                return
            job.attempts += 1
            job.error = None
            job.progress, job.phase, job.message = (
                0.0,
                Phase.STARTING,
                "Starting video processing...",
            )
            self._change_state(job, JobState.PROCESSING)
            self._logs[job.id] = bytearray()
            hooks = PipelineHooks(self._on_progress, self._on_clip, self._on_process,
                                  self._on_ffmpeg_output)  # fmt: skip
            try:
                await self._run_pipeline(job, hooks)
            except asyncio.CancelledError:
                self._stopped(job, self._stop_as.pop(job.id, JobState.CANCELLED))
            except JobFailure as failure:
                self._failed(job, failure.error)
            except ExecutorUnavailable as unavailable:
                self._wait_for_executor(job, unavailable)
            except Exception as exc:  # a bug of ours: the job fails, the app goes on
                log.exception("job %s crashed", job.id)
                message = f"Internal error: {type(exc).__name__}: {exc}"
                self._failed(job, JobError(ErrorCode.INTERNAL_ERROR, message))
            else:
                job.progress, job.phase = 100.0, Phase.DONE
                job.message = "Video processing completed"
                self._change_state(job, JobState.COMPLETED)
        finally:
            self._release(job, asyncio.current_task())

    def _stopped(self, job: Job, state: JobState) -> None:
        job.pid = None
        job.speed = job.fps = job.eta_seconds = None
        if state is JobState.INTERRUPTED:
            job.message = "Interrupted: resumes at next start"
        else:
            job.error = JobError(ErrorCode.CANCELLED, "Cancelled by the user.")
            job.message = "Cancelled"
        self._change_state(job, state)

    def _wait_for_executor(self, job: Job, unavailable: ExecutorUnavailable) -> None:
        """The cluster cannot render now: the job is interrupted (its verified clips kept),
        the queue pauses with the reason, and both go on once the cluster is back."""
        job.pid = None
        job.speed = job.fps = job.eta_seconds = None
        job.message = unavailable.message
        self._change_state(job, JobState.INTERRUPTED)
        self._waiting_for_executor.append(job.id)
        self.scheduler.paused = True
        self.pause_reason = f"Queue paused: {unavailable.message}"
        log.warning("%s (job %s)", self.pause_reason, job.id)
        if self._reconnect is None:
            self._reconnect = asyncio.ensure_future(
                self._resume_when_back(unavailable.wait_until_back)
            )

    async def _resume_when_back(self, wait_until_back: Callable[[], Any]) -> None:
        try:
            await wait_until_back()
        finally:
            self._reconnect = None
        waiting, self._waiting_for_executor = self._waiting_for_executor, []
        for job_id in reversed(waiting):  # back at the front, in the order they stopped
            job = self._jobs.get(job_id)
            if job is not None and job.state is JobState.INTERRUPTED:
                job.message = "Waiting in queue"
                job.phase = Phase.WAITING
                self._change_state(job, JobState.QUEUED)
                self.scheduler.enqueue(job_id, front=True)
        log.info("the clip executor is back: the queue goes on")
        self.resume()

    def _failed(self, job: Job, error: JobError) -> None:
        job.pid = None
        job.error = error
        job.message = error.message
        job.speed = job.fps = None
        self._change_state(job, JobState.FAILED)
        if error.code is ErrorCode.DISK_FULL:  # the next jobs would fail the same way: wait
            self.pause(f"Queue paused: {error.message}")
            log.warning("%s (job %s)", self.pause_reason, job.id)

    # -- hooks from the pipeline -------------------------------------------------------------
    def _on_progress(self, job: Job) -> None:
        job.updated_at = time.time()
        now = self._clock()
        if now - self._last_write.get(job.id, float("-inf")) >= self.monitoring_interval:
            self._last_write[job.id] = now
            self.store.save_progress(job)
        self._publish(EventKind.JOB_UPDATED, job)

    def _on_clip(self, job: Job, clip: Clip) -> None:
        assert clip.state is ClipState.VERIFIED
        self.eta.clip_verified(job, clip.end - clip.start, len(self._tasks))
        self.store.save_clip(job, clip)
        self._publish(EventKind.CLIP_COMPLETED, job, clip=clip.to_dict())

    def _on_ffmpeg_output(self, job: Job, data: bytes) -> None:
        log_ = self._logs.setdefault(job.id, bytearray())
        log_.extend(data)
        if len(log_) > LOG_LIMIT:
            del log_[: len(log_) - LOG_LIMIT]

    def log_tail(self, job_id: str) -> str:
        """What ffmpeg wrote on stderr for this job's latest attempt (bounded), live."""
        return self._logs.get(job_id, b"").decode("utf-8", "replace")

    def _on_process(self, job: Job, pid: int | None) -> None:
        job.pid = pid
        self.store.save(job)

    # -- state changes ---------------------------------------------------------------------
    def _change_state(self, job: Job, state: JobState) -> None:
        was_failed, was_processing = job.state is JobState.FAILED, job.state is JobState.PROCESSING
        job.transition(state)
        if state is JobState.PROCESSING:
            self.eta.job_started(job)
        elif was_processing:
            self.eta.job_ended(job)
        self.store.save(job)  # committed before anyone is told
        if was_failed or state is JobState.FAILED:
            self._save_failed_list()
        kind = EventKind.JOB_COMPLETED if state in FINAL_STATES else EventKind.JOB_UPDATED
        self._publish(kind, job, state_changed=True)

    def _publish(
        self,
        kind: EventKind,
        job: Job,
        clip: dict[str, Any] | None = None,
        state_changed: bool = False,
    ) -> None:
        estimate = self.eta.job_eta(job, len(self._tasks))
        job.eta = estimate.to_dict() if estimate is not None else None
        view = job.view()
        event = self.bus.publish(kind, view.to_dict(), clip=clip, state_changed=state_changed,
                                 view=view)  # fmt: skip
        if state_changed:
            self.store.record_seq(event.seq)
