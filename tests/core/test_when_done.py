"""The when-done state machine on a real JobManager with a scripted pipeline and a fake clock:
what "done" means, the countdown and its cancels, the command's stdin and its failures."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from storyclip_gui.core.events import WhenDoneChanged, WhenDoneState
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError, JobFailure
from storyclip_gui.core.manager import JobManager, JobSpec
from storyclip_gui.core.ports import ProcessOutcome
from storyclip_gui.core.power import RunnerPower, power_argv
from storyclip_gui.core.selftest import SubprocessRunner
from storyclip_gui.core.when_done import RESULTS_FILE, WhenDone, WhenDoneError, WhenDonePolicy
from tests.core.test_manager import Script, make
from tests.helpers.power import RecordingPower


class FakeClock:
    """call_later that fires only when a test advances it."""

    def __init__(self) -> None:
        self.now = 0.0
        self.timers: list[list[Any]] = []  # [at, callback, cancelled]

    def call_later(self, delay: float, callback: Any) -> Any:
        timer = [self.now + delay, callback, False]
        self.timers.append(timer)
        clock = self

        class Handle:
            def cancel(self) -> None:
                timer[2] = True
                if timer in clock.timers:
                    clock.timers.remove(timer)

        return Handle()

    def advance(self, seconds: float) -> None:
        end = self.now + seconds
        while True:
            due = sorted((t for t in self.timers if t[0] <= end), key=lambda t: t[0])
            if not due:
                break
            timer = due[0]
            self.timers.remove(timer)
            self.now = timer[0]
            timer[1]()
        self.now = end


class Rig:
    def __init__(self, tmp_path: Path, policy: WhenDonePolicy, concurrency: int = 1) -> None:
        self.manager, _store, self.script, _events = make(concurrency)
        self.manager: JobManager
        self.script: Script
        self.clock = FakeClock()
        self.power = RecordingPower()
        self.states: list[WhenDoneState] = []
        bus = self.manager.bus
        bus.subscribe_engine(lambda e: isinstance(e, WhenDoneChanged)
                             and self.states.append(e.state))  # fmt: skip
        self.when_done = WhenDone(policy, bus=bus, queue_done=self.manager.finishes_queue,
                                  runner=SubprocessRunner(), power=self.power,
                                  results_dir=tmp_path / "data",
                                  call_later=self.clock.call_later)  # fmt: skip
        bus.subscribe(self.when_done.on_event)

    def submit(self, job_id: str) -> None:
        self.manager.submit(JobSpec(f"/videos/{job_id}.mp4", job_id=job_id))

    async def finish(self, *ids: str) -> None:
        self.script.release(*ids)
        for _ in range(5):
            await asyncio.sleep(0)
        self.clock.advance(0)  # the action starts on the turn after the last job's end


def countdown(tmp_path: Path, seconds: int = 60, action: str = "shutdown") -> Rig:
    return Rig(tmp_path, WhenDonePolicy(action, countdown_s=seconds))


def test_countdown_runs_to_the_power_action_only_when_the_queue_is_done(tmp_path: Path) -> None:
    async def main() -> None:
        rig = countdown(tmp_path, 60)
        rig.manager.set_concurrency(2)
        for job_id in ("a", "b", "c"):
            rig.submit(job_id)
        rig.script.outcome["b"] = JobFailure(JobError(ErrorCode.FFMPEG_ERROR, "broken"))
        await rig.finish("a", "b")
        assert not rig.when_done.counting  # c still runs: not done
        await rig.finish("c")  # a failure counts as finished
        assert rig.when_done.counting and rig.when_done.state.remaining == 60
        rig.clock.advance(59)
        assert rig.when_done.state.remaining == 1 and rig.power.calls == []
        rig.clock.advance(1)
        await rig.when_done.wait_settled()
        assert rig.power.calls == ["shutdown"]
        assert rig.when_done.state.ok is True
        assert [s.remaining for s in rig.states if s.phase == "countdown"] == list(
            range(60, 0, -1))

    asyncio.run(main())


def test_a_paused_queue_with_waiting_jobs_is_not_done(tmp_path: Path) -> None:
    async def main() -> None:
        rig = countdown(tmp_path)
        rig.submit("a")
        rig.submit("b")
        rig.manager.pause()
        await rig.finish("a")
        assert not rig.when_done.counting and rig.power.calls == []
        rig.manager.resume()
        await rig.finish("b")
        assert rig.when_done.counting

    asyncio.run(main())


def test_a_job_added_during_the_countdown_cancels_it(tmp_path: Path) -> None:
    async def main() -> None:
        rig = countdown(tmp_path, 10)
        rig.submit("a")
        await rig.finish("a")
        rig.clock.advance(4)
        assert rig.when_done.state.remaining == 6
        rig.submit("b")
        assert not rig.when_done.counting
        assert "new job" in (rig.when_done.state.message or "")
        rig.clock.advance(60)
        assert rig.power.calls == []
        await rig.finish("b")  # the new queue's end counts down again
        assert rig.when_done.state.remaining == 10

    asyncio.run(main())


def test_cancel_stops_the_countdown_and_nothing_happens(tmp_path: Path) -> None:
    async def main() -> None:
        rig = countdown(tmp_path, 5, action="sleep")
        rig.submit("a")
        await rig.finish("a")
        assert rig.when_done.cancel() is True
        assert rig.when_done.cancel() is False  # nothing to cancel any more
        rig.clock.advance(60)
        await rig.when_done.wait_settled()
        assert rig.power.calls == []
        assert rig.when_done.state.message == "Sleep cancelled."

    asyncio.run(main())


def test_jobs_interrupted_by_quitting_never_finish_the_queue(tmp_path: Path) -> None:
    async def main() -> None:
        rig = countdown(tmp_path)
        rig.submit("a")
        await asyncio.sleep(0)
        await rig.manager.shutdown()
        rig.when_done.close()
        assert not rig.when_done.counting and rig.states == []

    asyncio.run(main())


def test_changing_the_action_cancels_a_countdown_and_nothing_does_nothing(tmp_path: Path) -> None:
    async def main() -> None:
        rig = countdown(tmp_path)
        rig.submit("a")
        await rig.finish("a")
        rig.when_done.set_policy(WhenDonePolicy("nothing"))
        assert not rig.when_done.counting
        rig.submit("b")
        await rig.finish("b")
        rig.clock.advance(120)
        assert rig.power.calls == [] and not rig.when_done.counting

    asyncio.run(main())


def test_a_power_failure_is_said(tmp_path: Path) -> None:
    async def main() -> None:
        rig = countdown(tmp_path, 0)
        rig.power.problem = "systemctl exited with status 1: Access denied"
        rig.submit("a")
        await rig.finish("a")
        await rig.when_done.wait_settled()
        assert rig.power.calls == ["shutdown"]
        assert rig.when_done.state.ok is False
        assert "Access denied" in (rig.when_done.state.message or "")

    asyncio.run(main())


def command_rig(tmp_path: Path, command: str, timeout: float = 60) -> Rig:
    return Rig(tmp_path, WhenDonePolicy("command", command, command_timeout_s=timeout))


def test_the_command_reads_every_finished_job_on_stdin(tmp_path: Path) -> None:
    out = tmp_path / "stdin.json"
    script = tmp_path / "hook.py"
    script.write_text("import sys,pathlib\npathlib.Path(sys.argv[1]).write_bytes("
                      "sys.stdin.buffer.read())\nprint('hook saw it')\n")  # fmt: skip

    async def main() -> None:
        rig = command_rig(tmp_path, f"'{sys.executable}' '{script}' '{out}'")
        rig.submit("a")
        rig.submit("b")
        rig.script.outcome["a"] = JobFailure(JobError(ErrorCode.FFMPEG_ERROR, "broken"))
        await rig.finish("a", "b")
        await rig.when_done.wait_settled()
        document = json.loads(out.read_text())
        assert [(j["jobId"], j["status"]) for j in document["jobs"]] == [
            ("a", "failed"), ("b", "completed")]
        assert document["jobs"][0]["error"]["message"] == "broken"
        assert document["counts"] == {"failed": 1, "completed": 1}
        assert rig.when_done.state.ok is True
        assert "exit status 0" in (rig.when_done.state.message or "")
        log = (tmp_path / "data" / "when-done.log").read_text()
        assert "hook saw it" in log
        # the next queue's document names only the next queue's jobs
        rig.submit("c")
        await rig.finish("c")
        await rig.when_done.wait_settled()
        assert [j["jobId"] for j in json.loads(out.read_text())["jobs"]] == ["c"]

    asyncio.run(main())


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (f"'{sys.executable}' -c 'import sys; sys.stdin.read(); sys.exit(3)'",
         "exited with status 3"),
        ("/nonexistent/storyclip-hook --flag", "could not start"),
        ("'unclosed", "cannot be read"),
    ],
)  # fmt: skip
def test_a_failing_command_is_said_and_the_results_are_kept(
    tmp_path: Path, command: str, expected: str
) -> None:
    async def main() -> None:
        rig = command_rig(tmp_path, command)
        rig.submit("a")
        await rig.finish("a")
        await rig.when_done.wait_settled()
        state = rig.when_done.state
        assert state.ok is False and expected in (state.message or "")
        kept = tmp_path / "data" / RESULTS_FILE
        assert str(kept) in (state.message or "")
        assert [j["jobId"] for j in json.loads(kept.read_text())["jobs"]] == ["a"]

    asyncio.run(main())


def test_a_command_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    async def main() -> None:
        rig = command_rig(tmp_path, f"'{sys.executable}' -c 'import time; time.sleep(60)'",
                          timeout=0.5)  # fmt: skip
        rig.submit("a")
        await rig.finish("a")
        await rig.when_done.wait_settled()
        assert rig.when_done.state.ok is False
        assert "stopped after 0.5 s" in (rig.when_done.state.message or "")

    asyncio.run(main())


def test_policy_argv_is_split_like_a_shell_without_one() -> None:
    assert WhenDonePolicy("command", "notify-send 'Queue done' --urgency=low").argv() == [
        "notify-send", "Queue done", "--urgency=low"]  # fmt: skip
    with pytest.raises(WhenDoneError):
        WhenDonePolicy("command", "   ").argv()


class ArgvRunner:
    def __init__(self, outcome: ProcessOutcome) -> None:
        self.outcome = outcome
        self.argvs: list[list[str]] = []

    async def run(self, argv: Any, **_kwargs: Any) -> ProcessOutcome:
        self.argvs.append(list(argv))
        return self.outcome


@pytest.mark.parametrize(
    ("platform", "action", "argv"),
    [
        ("linux", "sleep", ["systemctl", "suspend"]),
        ("linux", "shutdown", ["systemctl", "poweroff"]),
        ("darwin", "sleep", ["pmset", "sleepnow"]),
        ("darwin", "shutdown", ["osascript", "-e", 'tell app "System Events" to shut down']),
        ("win32", "sleep", ["rundll32.exe", "powrprof.dll,SetSuspendState", "0,1,0"]),
        ("win32", "shutdown", ["shutdown", "/s", "/t", "0"]),
    ],
)
def test_the_real_power_backend_runs_the_platform_command(platform: str, action: str,
                                                          argv: list[str]) -> None:  # fmt: skip
    runner = ArgvRunner(ProcessOutcome(0))
    assert asyncio.run(RunnerPower(runner, platform).perform(action)) is None
    assert runner.argvs == [argv] == [power_argv(action, platform)]


def test_the_real_power_backend_says_why_it_failed() -> None:
    runner = ArgvRunner(ProcessOutcome(1, stderr_tail="Failed to connect to bus\n"))
    problem = asyncio.run(RunnerPower(runner, "linux2").perform("sleep"))
    assert problem == "systemctl exited with status 1: Failed to connect to bus"
    assert asyncio.run(RunnerPower(runner, "plan9").perform("sleep")) is not None


def test_tests_cannot_power_off_through_a_real_runner() -> None:
    with pytest.raises(AssertionError, match="really shutdown"):  # even without the dry run
        asyncio.run(RunnerPower(SubprocessRunner(), "linux").perform("shutdown"))


def test_a_dry_run_names_the_command_and_runs_nothing() -> None:
    power = RunnerPower(SubprocessRunner(), "linux", dry_run=True)  # the guard would raise
    problem = asyncio.run(power.perform("shutdown"))
    assert problem == "dry run ($STORYCLIP_POWER_DRY_RUN): systemctl poweroff was not run"
