"""Start-up recovery with this machine's processes: core.recovery's policy, with the check
that a stored ffmpeg pid is still this job's ffmpeg (store.processes) before it is killed."""

from __future__ import annotations

from pathlib import Path

from storyclip_gui.core.jobs import Job
from storyclip_gui.core.ports import JobStore
from storyclip_gui.core.recovery import MAX_ATTEMPTS, RecoveryReport
from storyclip_gui.core.recovery import recover as recover_jobs
from storyclip_gui.store import processes

__all__ = ["RecoveryReport", "recover"]


def recover(
    store: JobStore,
    *,
    auto_resume: bool = True,
    max_attempts: int = MAX_ATTEMPTS,
    temp_root: Path | None = None,
    now: float | None = None,
) -> tuple[list[Job], RecoveryReport]:
    """core.recovery.recover, killing a leftover ffmpeg only when it is still ours."""
    return recover_jobs(store, kill_leftover=processes.kill_if_ours, auto_resume=auto_resume,
                        max_attempts=max_attempts, temp_root=temp_root, now=now)  # fmt: skip
