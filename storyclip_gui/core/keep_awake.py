"""Keep the computer awake while jobs are processing: one inhibitor, held while any job is.

The inhibitor is a child process where the platform has one (systemd-inhibit on Linux,
caffeinate on macOS), started through the Runner: it carries the parent-death shim, so it
dies with a crashed app, and cancelling its run releases it. Windows asks
SetThreadExecutionState. Where none works, that is logged once and jobs go on.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import os
import shutil
import sys
from collections.abc import Callable
from typing import Protocol

from storyclip_gui.core.child_process import hold_argv
from storyclip_gui.core.events import EngineEvent, Event, QueuePaused, QueueResumed
from storyclip_gui.core.ports import ProcessOutcome, Runner

log = logging.getLogger(__name__)
WHO = "StoryClip Studio"


class Inhibitor(Protocol):
    def acquire(self, why: str) -> None: ...
    def release(self) -> None: ...


def systemd_inhibit_argv(why: str) -> list[str]:
    return ["systemd-inhibit", "--what=sleep:idle", f"--who={WHO}", f"--why={why}",
            "--mode=block", *hold_argv()]  # fmt: skip


def caffeinate_argv(pid: int) -> list[str]:
    return ["caffeinate", "-i", "-w", str(pid)]  # also ends by itself when `pid` does


class ChildInhibitor:
    """Holds the lock while a child process runs; release stops it."""

    def __init__(self, runner: Runner, argv: Callable[[str], list[str]]) -> None:
        self.runner = runner
        self.argv = argv
        self._task: asyncio.Future[ProcessOutcome] | None = None
        self.unavailable: str | None = None  # why it cannot hold the lock here (said once)

    @property
    def held(self) -> bool:
        return self._task is not None and not self._task.done()

    def acquire(self, why: str) -> None:
        if self.held or self.unavailable:
            return
        argv = self.argv(why)
        self._task = asyncio.ensure_future(self.runner.run(argv))
        self._task.add_done_callback(lambda task: self._ended(argv[0], task))

    def _ended(self, program: str, task: asyncio.Future[ProcessOutcome]) -> None:
        if task.cancelled():  # released
            return
        if task.exception() is not None:
            self.unavailable = str(task.exception())
        else:
            outcome = task.result()
            last = outcome.stderr_tail.strip().splitlines()[-1:] or [""]
            self.unavailable = f"{program} {outcome}" + (f": {last[0]}" if last[0] else "")
        log.warning("The computer cannot be kept awake while jobs run (%s); jobs go on.",
                    self.unavailable)  # fmt: skip

    def release(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None


class WindowsInhibitor:
    """SetThreadExecutionState on the (main) thread that holds it."""

    ES_CONTINUOUS = 0x80000000
    ES_SYSTEM_REQUIRED = 0x00000001

    def __init__(self, set_state: Callable[[int], int] | None = None) -> None:
        if set_state is None:
            set_state = ctypes.windll.kernel32.SetThreadExecutionState  # type: ignore[attr-defined]
        self.set_state = set_state

    def acquire(self, why: str) -> None:
        if not self.set_state(self.ES_CONTINUOUS | self.ES_SYSTEM_REQUIRED):
            log.warning("The computer cannot be kept awake while jobs run; jobs go on.")

    def release(self) -> None:
        self.set_state(self.ES_CONTINUOUS)


class NoInhibitor:
    def __init__(self, why: str) -> None:
        self.why = why
        self._said = False

    def acquire(self, why: str) -> None:
        if not self._said:
            self._said = True
            log.warning("The computer cannot be kept awake while jobs run (%s); jobs go on.",
                        self.why)  # fmt: skip

    def release(self) -> None:
        pass


def platform_inhibitor(runner: Runner, platform: str = sys.platform,
                       which: Callable[[str], str | None] = shutil.which) -> Inhibitor:  # fmt: skip
    """The inhibitor this platform has."""
    if platform.startswith("linux"):
        if which("systemd-inhibit"):
            return ChildInhibitor(runner, systemd_inhibit_argv)
        return NoInhibitor("systemd-inhibit is not installed")
    if platform == "darwin":
        pid = os.getpid()
        return ChildInhibitor(runner, lambda _why: caffeinate_argv(pid))
    if platform == "win32":
        return WindowsInhibitor()
    return NoInhibitor(f"nothing known on {platform}")


class KeepAwake:
    """Follows the bus: takes the inhibitor when a job starts processing and keeps it while
    one processes or waits in a running queue (so it is not dropped between two jobs); lets
    it go when nothing processes and the queue is empty or paused. Subscribe `on_event` and
    `on_engine_event`; `close()` releases it when the app quits."""

    def __init__(self, inhibitor: Inhibitor, enabled: bool = True) -> None:
        self.inhibitor = inhibitor
        self.enabled = enabled
        self.held = False
        self._processing: set[str] = set()
        self._queued: set[str] = set()
        self._paused = False

    def on_event(self, event: Event) -> None:
        status = event.job.get("status")
        for group, wanted in ((self._processing, "processing"), (self._queued, "queued")):
            if status == wanted:
                group.add(event.job_id)
            else:
                group.discard(event.job_id)
        self._update()

    def on_engine_event(self, event: EngineEvent) -> None:
        if isinstance(event, (QueuePaused, QueueResumed)):
            self._paused = isinstance(event, QueuePaused)
            self._update()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self._update()

    def _update(self) -> None:
        waiting = bool(self._queued) and not self._paused
        busy = self.enabled and (bool(self._processing) or (self.held and waiting))
        if busy and not self.held:
            self.held = True
            self.inhibitor.acquire("Rendering story clips")
        elif self.held and not busy:
            self.held = False
            self.inhibitor.release()

    def close(self) -> None:
        self._processing.clear()
        self._queued.clear()
        self._update()
