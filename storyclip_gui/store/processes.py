"""Which engine process owns a stored job, and whether a stored ffmpeg pid is still ours.

A process is named by "pid:starttime" (start time in clock ticks since boot, from
/proc/PID/stat), so a pid reused by an unrelated program is never mistaken for the engine
that wrote the row. Where /proc does not exist the start time is 0 and only the pid is checked.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

PROC = Path("/proc")


def _start_time(pid: int) -> int | None:
    """The process's start time in ticks, or None when it does not exist or is a zombie."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    except OSError:
        return None
    fields = stat.rsplit(") ", 1)[-1].split()
    if fields[0] in ("Z", "X"):
        return None
    return int(fields[19])


def _exists(pid: int) -> bool:
    if pid <= 0:
        return False
    if PROC.is_dir():
        return _start_time(pid) is not None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def identity(pid: int | None = None) -> str:
    """This process's (or `pid`'s) owner name: "pid:starttime"."""
    pid = os.getpid() if pid is None else pid
    return f"{pid}:{_start_time(pid) or 0}"


def owner_alive(owner: str | None) -> bool:
    """True when the engine process named by `owner` still runs (not when it is us)."""
    if not owner:
        return False
    try:
        pid_text, start_text = owner.split(":", 1)
        pid, start = int(pid_text), int(start_text)
    except ValueError:
        return False  # not a process name (tests name their simulated runs)
    if pid == os.getpid():
        # a store of ours that never closed; a row we own is not an orphan for ourselves
        return _start_time(pid) == start or start == 0
    if not _exists(pid):
        return False
    return start == 0 or _start_time(pid) == start


def cmdline(pid: int) -> list[str]:
    try:
        raw = (PROC / str(pid) / "cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode("utf-8", "replace") for part in raw.split(b"\0") if part]


def is_our_ffmpeg(pid: int, job_id: str) -> bool:
    """The process runs ffmpeg (directly or through our death-signal shim) for this job: its
    argv names an ffmpeg and this job's hidden temporary clip pattern."""
    argv = cmdline(pid)
    if not argv:
        return False
    names_ffmpeg = any("ffmpeg" in os.path.basename(arg).lower() for arg in argv)
    names_job = any(f".{job_id}." in arg and arg.endswith(".part") for arg in argv)
    return names_ffmpeg and names_job


def kill_if_ours(pid: int | None, job_id: str, wait: float = 5.0) -> bool:
    """SIGKILL a leftover ffmpeg of this job and wait until it is gone. True if one was killed."""
    if not pid or pid == os.getpid() or not is_our_ffmpeg(pid, job_id):
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + wait
    while _exists(pid) and time.monotonic() < deadline:
        time.sleep(0.01)  # the kernel reaps it promptly; nothing else to wait on
    return True
