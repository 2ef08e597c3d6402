"""When the queue is done: nothing, run a command with the results as JSON on stdin, or sleep /
shut down after a countdown that a person (window, REST, Ctrl+C) can cancel.

"Done" is the engine's one queue-finished moment (JobManager.finishes_queue, the same one
the `queueFinished` webhook uses): a job reached a final state and nothing else runs or waits
in the queue. A paused queue with jobs still waiting is not done; failed and cancelled jobs
count as finished; jobs interrupted because the app quits never finish a queue. A job added
or started during a countdown cancels it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shlex
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from storyclip_gui.core.events import Event, EventBus, EventKind, WhenDoneChanged, WhenDoneState
from storyclip_gui.core.ports import ProcessOutcome, Runner

log = logging.getLogger(__name__)

ACTIONS = ("nothing", "command", "sleep", "shutdown")
POWER_ACTIONS = ("sleep", "shutdown")
RESULTS_FILE = "when-done-results.json"  # the last results, kept whatever the command does
LOG_FILE = "when-done.log"  # what the command wrote, run after run
LOG_LIMIT = 1 << 20  # the log starts again past this size


class WhenDoneError(ValueError):
    """An action or a command that cannot be used, said for a person."""


@dataclass(frozen=True)
class WhenDonePolicy:
    action: str = "nothing"
    command: str = ""
    countdown_s: int = 60
    command_timeout_s: float = 600.0

    def argv(self) -> list[str]:
        """The command as argv (shell-like quoting, no shell); raises WhenDoneError."""
        try:
            argv = shlex.split(self.command)
        except ValueError as exc:
            raise WhenDoneError(f"The command cannot be read: {exc}.") from None
        if not argv:
            raise WhenDoneError("No command is set to run when the queue is done.")
        return argv


def check_action(action: Any) -> str:
    if action not in ACTIONS:
        raise WhenDoneError(f"Unknown action {action!r}: use {', '.join(ACTIONS)}.")
    return str(action)


class Power(Protocol):
    """The one seam to sleep and power off (tests record; power.py has the real ones)."""

    async def perform(self, action: str) -> str | None:
        """Sleep or shut down; None when asked, else why it could not be."""
        ...


class Cancellable(Protocol):
    def cancel(self) -> None: ...


CallLater = Callable[[float, Callable[[], None]], Cancellable]


def _loop_call_later(delay: float, callback: Callable[[], None]) -> Cancellable:
    return asyncio.get_running_loop().call_later(delay, callback)


def results_document(jobs: list[dict[str, Any]], finished_at: float) -> dict[str, Any]:
    """What the command reads on stdin: every job that ended since the last finished queue,
    each in the API's job JSON (jobId, source, status, error, clips with paths...)."""
    counts: dict[str, int] = {}
    for job in jobs:
        counts[job["status"]] = counts.get(job["status"], 0) + 1
    return {"event": "queueFinished", "finishedAt": finished_at, "counts": counts,
            "jobs": jobs}  # fmt: skip


class WhenDone:
    """The state machine. Subscribe `on_event` to the EventBus; every change is announced on
    the bus as WhenDoneChanged (window, terminal, WebSocket).

    `queue_done(job_id)`: does that just-finished job leave the queue done? `call_later` is
    the clock (a fake in tests); `results_dir` keeps the last results and the command's log.
    """

    def __init__(
        self,
        policy: WhenDonePolicy,
        *,
        bus: EventBus,
        queue_done: Callable[[str], bool],
        runner: Runner,
        power: Power,
        results_dir: Path,
        call_later: CallLater = _loop_call_later,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.policy = policy
        self.bus = bus
        self.queue_done = queue_done
        self.runner = runner
        self.power = power
        self.results_dir = results_dir
        self.call_later = call_later
        self.clock = clock
        self.state = WhenDoneState(policy.action)
        # told when a door changes the action (REST): app.py keeps it in the settings
        self.policy_listeners: list[Callable[[WhenDonePolicy], None]] = []
        self._finished: dict[str, dict[str, Any]] = {}  # jobs ended since the last done queue
        self._tick: Cancellable | None = None
        self._pending: Cancellable | None = None  # the queue just finished: act next turn
        self._task: asyncio.Future[None] | None = None
        self._idle = asyncio.Event()
        self._idle.set()

    # -- what people change ------------------------------------------------------------------
    def set_policy(self, policy: WhenDonePolicy) -> None:
        """A new action or command; a countdown under way is cancelled when it changes."""
        check_action(policy.action)
        old, self.policy = self.policy, policy
        if policy == old:
            return
        if self.state.phase == "countdown" and policy.action != old.action:
            self.cancel("The countdown was cancelled: the action changed.")
        elif policy.action != self.state.action:
            self._set(replace(self.state, action=policy.action))
        for listener in list(self.policy_listeners):
            listener(policy)

    def choose(self, action: Any, countdown_s: Any = None) -> WhenDonePolicy:
        """A door (REST) picks the action (and the countdown); the command itself is only
        set at this computer. Raises WhenDoneError saying what is wrong."""
        check_action(action)
        if countdown_s is None:
            countdown_s = self.policy.countdown_s
        if isinstance(countdown_s, bool) or not isinstance(countdown_s, int) or not (
            0 <= countdown_s <= 86400
        ):
            raise WhenDoneError("'countdownSeconds' must be a whole number from 0 to 86400.")
        if action == "command" and not self.policy.command.strip():
            raise WhenDoneError("No command is set on this computer: set one in Settings "
                                "(or settings.json) before choosing 'command'.")  # fmt: skip
        self.set_policy(replace(self.policy, action=action, countdown_s=countdown_s))
        return self.policy

    def cancel(self, message: str | None = None) -> bool:
        """Stop a countdown (the window's Cancel, REST, Ctrl+C); False when none runs."""
        if self.state.phase != "countdown":
            return False
        if self._tick is not None:
            self._tick.cancel()
            self._tick = None
        verb = "Sleep" if self.state.action == "sleep" else "Shutdown"
        self._set(WhenDoneState(self.policy.action, message=message or f"{verb} cancelled.",
                                ok=True))  # fmt: skip
        self._settle()
        return True

    @property
    def counting(self) -> bool:
        return self.state.phase == "countdown"

    async def wait_settled(self) -> None:
        """Return once no countdown, command or power call is under way."""
        await self._idle.wait()

    def close(self) -> None:
        """The app quits: a countdown stops (nothing is powered off behind a closing app)."""
        self._drop_pending()
        self.cancel("The countdown was cancelled: the app is closing.")

    def _drop_pending(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
            self._settle()

    # -- the engine's events -------------------------------------------------------------------
    def on_event(self, event: Event) -> None:
        status = event.job.get("status")
        if event.kind is EventKind.JOB_REGISTERED or (
            event.state_changed and status in ("queued", "processing")
        ):
            self._drop_pending()
            self.cancel("The countdown was cancelled: a new job was queued.")
            return
        if event.kind is not EventKind.JOB_COMPLETED:
            return
        self._finished[event.job_id] = event.job
        if self.queue_done(event.job_id):
            jobs, self._finished = list(self._finished.values()), {}
            # after every subscriber has seen the last job end (observers get its final
            # message before the countdown's first)
            self._idle.clear()
            self._pending = self.call_later(0.0, lambda: self._queue_finished(jobs))

    def _queue_finished(self, jobs: list[dict[str, Any]]) -> None:
        self._pending = None
        action = self.policy.action
        if action == "nothing":
            self._settle()
            return
        document = results_document(jobs, self.clock())
        if action == "command":
            self._start(self._run_command(document))
        elif self.policy.countdown_s <= 0:
            self._start(self._power(action))
        else:
            self._set(WhenDoneState(action, "countdown", self.policy.countdown_s))
            self._tick = self.call_later(1.0, self._count)

    def _count(self) -> None:
        remaining = (self.state.remaining or 0) - 1
        if remaining > 0:
            self._set(replace(self.state, remaining=remaining))
            self._tick = self.call_later(1.0, self._count)
            return
        self._tick = None
        self._start(self._power(self.state.action))

    # -- actions ----------------------------------------------------------------------------
    def _start(self, work: Any) -> None:
        self._idle.clear()
        self._task = asyncio.ensure_future(work)
        self._task.add_done_callback(self._ended)

    def _ended(self, task: asyncio.Future[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("when-done action failed", exc_info=task.exception())
            self._set(WhenDoneState(self.policy.action, message="The action when the queue "
                                    f"was done failed: {task.exception()}", ok=False))  # fmt: skip
        if self._task is task:  # not a newer queue's action
            self._task = None
        self._settle()

    def _settle(self) -> None:
        """Nothing is under way any more (unless something still is)."""
        if self._pending is None and self._tick is None and self._task is None:
            self._idle.set()

    async def _power(self, action: str) -> None:
        self._set(WhenDoneState(action, "running", message=_power_text(action)))
        problem = await self.power.perform(action)
        if problem is None:
            self._set(WhenDoneState(action, message=_power_text(action), ok=True))
        else:
            self._set(WhenDoneState(action, message=f"Could not {_power_verb(action)}: "
                                    f"{problem}", ok=False))  # fmt: skip

    async def _run_command(self, document: dict[str, Any]) -> None:
        action = "command"
        payload = json.dumps(document, indent=2).encode("utf-8")
        results = self._keep_results(payload)
        kept = f" The results are kept in {results}." if results else ""
        try:
            argv = self.policy.argv()
        except WhenDoneError as exc:
            self._set(WhenDoneState(action, message=f"{exc}{kept}", ok=False))
            return
        name = Path(argv[0]).name
        self._set(WhenDoneState(action, "running", message=f"Running {name}…"))
        output = bytearray()

        def keep(data: bytes) -> None:  # the last LOG_LIMIT bytes of what it prints
            output.extend(data)
            del output[: max(0, len(output) - LOG_LIMIT)]

        try:
            outcome = await asyncio.wait_for(
                self.runner.run(argv, stdin=payload, on_stdout=keep),
                self.policy.command_timeout_s,
            )
        except TimeoutError:
            outcome = None
        log_path = self._log(argv, output, outcome)
        where = f" Its output is in {log_path}." if log_path else ""
        if outcome is None:
            message = (f"The command {name} was stopped after "
                       f"{self.policy.command_timeout_s:g} s.{where}{kept}")  # fmt: skip
        elif outcome.start_error:
            message = f"The command {name} could not start: {outcome.start_error}.{kept}"
        elif outcome.ok:
            message = f"The command {name} ran when the queue was done (exit status 0).{where}"
        else:
            message = f"The command {name} {outcome}.{where}{kept}"
        ok = outcome is not None and outcome.ok
        log.info("%s", message)  # the views say it (notice bar, terminal)
        self._set(WhenDoneState(action, message=message, ok=ok))

    def _keep_results(self, payload: bytes) -> Path | None:
        path = self.results_dir / RESULTS_FILE
        try:
            self.results_dir.mkdir(parents=True, exist_ok=True)
            temp = path.with_suffix(".part")
            temp.write_bytes(payload)
            temp.replace(path)
        except OSError as exc:
            log.warning("The queue's results could not be kept in %s: %s", path, exc)
            return None
        return path

    def _log(self, argv: list[str], output: bytes | bytearray,
             outcome: ProcessOutcome | None) -> Path | None:  # fmt: skip
        path = self.results_dir / LOG_FILE
        ended = "timed out" if outcome is None else str(outcome)
        head = (f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {shlex.join(argv)}: {ended}\n")
        stderr = outcome.stderr_tail if outcome is not None else ""
        text = head + output.decode("utf-8", "replace") + stderr
        try:
            if path.exists() and path.stat().st_size > LOG_LIMIT:
                path.unlink()
            with path.open("a", encoding="utf-8") as file:
                file.write(text if text.endswith("\n") else text + "\n")
        except OSError as exc:
            log.warning("The command's output could not be written to %s: %s", path, exc)
            return None
        return path

    def _set(self, state: WhenDoneState) -> None:
        self.state = state
        self.bus.announce(WhenDoneChanged(state))


def _power_verb(action: str) -> str:
    return "put the computer to sleep" if action == "sleep" else "shut the computer down"


def _power_text(action: str) -> str:
    return "Going to sleep…" if action == "sleep" else "Shutting down…"
