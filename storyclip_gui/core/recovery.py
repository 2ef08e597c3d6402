"""Start-up recovery policy: what the store says was running is interrupted, then resumed or
failed; what jobs left in the temp folder is swept.

Runs before the queue does. For every unfinished job no live engine owns (the store's
`load_unfinished()` claims only those): an ffmpeg the previous process left running for it is
killed (when `kill_leftover` says it is still ours), its hidden temporary files are removed, a
job found `processing` becomes `interrupted`, and with auto-resume on an interrupted job goes
back to `queued` unless it has used its attempts (then `failed`, too_many_attempts). Queued
jobs stay queued, in their order. Clips verified earlier are kept: the pipeline renders only
the missing ones.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from storyclip_gui.core import naming
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError
from storyclip_gui.core.jobs import FINAL_STATES, Job, JobState, Phase, is_job_id
from storyclip_gui.core.ports import JobStore

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
TEMP_MAX_AGE_S = 24 * 3600  # for temp entries that name no job (a demo video, strays)
KillLeftover = Callable[[int | None, str], bool]  # (stored pid, job id) -> killed


@dataclass
class RecoveryReport:
    requeued: list[str] = field(default_factory=list)
    queued: list[str] = field(default_factory=list)  # were queued, stay queued
    interrupted: list[str] = field(default_factory=list)  # left interrupted (auto-resume off)
    failed: list[str] = field(default_factory=list)  # out of attempts
    killed_pids: list[int] = field(default_factory=list)
    removed_temp: list[str] = field(default_factory=list)

    @property
    def jobs_touched(self) -> int:
        return len(self.requeued) + len(self.interrupted) + len(self.failed)


def _no_kill(pid: int | None, job_id: str) -> bool:
    return False


def interrupt(job: Job, now: float | None = None) -> None:
    """A job the store found running when no engine runs it any more."""
    job.pid = None
    job.speed = job.fps = job.eta_seconds = None
    job.message = "Interrupted: the app stopped while this job ran"
    job.transition(JobState.INTERRUPTED, now)


def resume_or_fail(job: Job, max_attempts: int = MAX_ATTEMPTS, now: float | None = None) -> bool:
    """An interrupted job goes back to the queue, or fails once it has used its attempts.
    Returns True when it was re-queued."""
    if job.attempts >= max_attempts:
        job.error = JobError(ErrorCode.TOO_MANY_ATTEMPTS,
                             f"Stopped after {job.attempts} interrupted attempts; retry it by "
                             "hand.")  # fmt: skip
        job.message = job.error.message
        job.transition(JobState.FAILED, now)
        return False
    job.error = None
    job.progress, job.phase, job.message = 0.0, Phase.WAITING, "Waiting to resume"
    job.transition(JobState.QUEUED, now)
    return True


def recover(
    store: JobStore,
    *,
    kill_leftover: KillLeftover = _no_kill,
    auto_resume: bool = True,
    max_attempts: int = MAX_ATTEMPTS,
    temp_root: Path | None = None,
    now: float | None = None,
) -> tuple[list[Job], RecoveryReport]:
    """Fix the stored state of orphaned jobs; return them in the order to adopt, and a report."""
    report = RecoveryReport()
    jobs = store.load_unfinished()
    for job in jobs:
        if job.state is JobState.PROCESSING:
            if kill_leftover(job.pid, job.id):
                report.killed_pids.append(job.pid or 0)
                log.warning("killed ffmpeg %s left running for job %s", job.pid, job.id)
            interrupt(job, now)
            store.save(job)
        if job.state is JobState.INTERRUPTED:
            report.removed_temp += remove_job_temp_files(job, temp_root)
            if not auto_resume:
                report.interrupted.append(job.id)
                continue
            requeued = resume_or_fail(job, max_attempts, now)
            store.save(job)
            (report.requeued if requeued else report.failed).append(job.id)
        elif job.state is JobState.QUEUED:
            report.queued.append(job.id)
    if temp_root is not None:
        report.removed_temp += sweep_temp(temp_root, store, now=now)
    return jobs, report


def remove_job_temp_files(job: Job, temp_root: Path | None) -> list[str]:
    """The job's hidden `.JOBID.NNN.part` files in its folder and its working folder."""
    removed: list[str] = []
    if job.output_dir:
        with contextlib.suppress(OSError):
            for path in Path(job.output_dir).iterdir():
                if naming.is_temp_of(path, job.id):
                    path.unlink(missing_ok=True)
                    removed.append(str(path))
    if temp_root is not None:
        work = temp_root / job.id
        if work.is_dir():
            shutil.rmtree(work, ignore_errors=True)
            removed.append(str(work))
    return removed


def sweep_temp(temp_root: Path, store: JobStore | None = None, *,
               max_age: float = TEMP_MAX_AGE_S, now: float | None = None) -> list[str]:  # fmt: skip
    """Remove what ended jobs left in the temp folder: a job's working folder goes when the
    store says the job is over (final), whatever its age; an unfinished job's is kept, since
    another engine sharing the data folder may be running it. Entries that name no stored job
    go once nothing has written to them for `max_age` seconds."""
    now = time.time() if now is None else now
    removed: list[str] = []
    with contextlib.suppress(OSError):
        for entry in temp_root.iterdir():
            job = store.get(entry.name) if store is not None and is_job_id(entry.name) else None
            if job is not None and job.state not in FINAL_STATES:
                continue
            if job is None and now - _newest_mtime(entry) < max_age:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    entry.unlink()
            removed.append(str(entry))
    return removed


def _newest_mtime(entry: Path) -> float:
    newest = entry.lstat().st_mtime
    if entry.is_dir() and not entry.is_symlink():
        for root, _, files in os.walk(entry):
            for name in files:
                with contextlib.suppress(OSError):
                    newest = max(newest, os.lstat(os.path.join(root, name)).st_mtime)
    return newest
