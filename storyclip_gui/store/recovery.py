"""Start-up recovery: what the store says was running is interrupted, then resumed or failed.

Runs before the queue does. For every unfinished job no live engine owns: an ffmpeg the previous
process left running for it is killed (if it is still ours), its hidden temporary files are
removed, a job found `processing` becomes `interrupted`, and with auto-resume on an interrupted
job goes back to `queued` unless it has used its attempts (then `failed`, too_many_attempts).
Queued jobs stay queued, in their order. Clips verified earlier are kept: the pipeline renders
only the missing ones.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from storyclip_gui.core import naming
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError
from storyclip_gui.core.jobs import Job, JobState, Phase
from storyclip_gui.core.ports import JobStore
from storyclip_gui.store import processes

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
TEMP_MAX_AGE_S = 24 * 3600


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


def recover(
    store: JobStore,
    *,
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
            if processes.kill_if_ours(job.pid, job.id):
                report.killed_pids.append(job.pid or 0)
                log.warning("killed ffmpeg %s left running for job %s", job.pid, job.id)
            job.pid = None
            job.speed = job.fps = job.eta_seconds = None
            job.message = "Interrupted: the app stopped while this job ran"
            job.transition(JobState.INTERRUPTED, now)
            store.save(job)
        if job.state is JobState.INTERRUPTED:
            report.removed_temp += remove_job_temp_files(job, temp_root)
            if not auto_resume:
                report.interrupted.append(job.id)
            elif job.attempts >= max_attempts:
                job.error = JobError(
                    ErrorCode.TOO_MANY_ATTEMPTS,
                    f"Stopped after {job.attempts} interrupted attempts; retry it by hand.",
                )
                job.message = job.error.message
                job.transition(JobState.FAILED, now)
                store.save(job)
                report.failed.append(job.id)
            else:
                job.error = None
                job.progress, job.phase, job.message = 0.0, Phase.WAITING, "Waiting to resume"
                job.transition(JobState.QUEUED, now)
                store.save(job)
                report.requeued.append(job.id)
        elif job.state is JobState.QUEUED:
            report.queued.append(job.id)
    if temp_root is not None:
        report.removed_temp += sweep_temp(temp_root, now=now)
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


def sweep_temp(temp_root: Path, *, max_age: float = TEMP_MAX_AGE_S,
               now: float | None = None) -> list[str]:  # fmt: skip
    """Remove entries of the temp folder nothing has written to for `max_age` seconds."""
    now = time.time() if now is None else now
    removed: list[str] = []
    with contextlib.suppress(OSError):
        for entry in temp_root.iterdir():
            if now - _newest_mtime(entry) < max_age:
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
