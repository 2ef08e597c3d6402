"""Keep-awake: the inhibitor follows the queue (a recording one), the child inhibitor holds a
real process and leaves none behind, and the real systemd-inhibit where this machine has one."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storyclip_gui.core.keep_awake import (
    ChildInhibitor,
    KeepAwake,
    NoInhibitor,
    WindowsInhibitor,
    caffeinate_argv,
    platform_inhibitor,
    systemd_inhibit_argv,
)
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.selftest import SubprocessRunner
from tests.core.test_manager import make


class RecordingInhibitor:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def acquire(self, why: str) -> None:
        self.calls.append("acquire")

    def release(self) -> None:
        self.calls.append("release")


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_the_lock_is_held_while_any_job_processes() -> None:
    async def main() -> None:
        manager, _store, script, _events = make(2)
        inhibitor = RecordingInhibitor()
        keep = KeepAwake(inhibitor)
        manager.bus.subscribe(keep.on_event)
        manager.bus.subscribe_engine(keep.on_engine_event)
        for job_id in ("a", "b", "c"):
            manager.submit(JobSpec(f"/v/{job_id}.mp4", job_id=job_id))
        assert inhibitor.calls == []  # queued, not started yet
        await settle()
        assert inhibitor.calls == ["acquire"] and keep.held
        script.release("a", "b")
        await settle()
        assert inhibitor.calls == ["acquire"]  # c processes now: held from job to job
        manager.pause()
        manager.submit(JobSpec("/v/e.mp4", job_id="e"))
        script.release("c")  # e waits in a paused queue: let go
        await settle()
        assert inhibitor.calls == ["acquire", "release"] and not keep.held
        manager.resume()
        await settle()
        assert inhibitor.calls == ["acquire", "release", "acquire"]
        keep.set_enabled(False)  # the setting turned off while a job runs
        assert inhibitor.calls[-1] == "release"
        keep.set_enabled(True)
        await manager.shutdown()  # the app quits: e is interrupted
        await settle()
        assert inhibitor.calls[-1] == "release" and not keep.held

    asyncio.run(main())


def test_a_cancelled_job_releases_the_lock_and_close_releases_it_too() -> None:
    async def main() -> None:
        manager, _store, _script, _events = make(1)
        inhibitor = RecordingInhibitor()
        keep = KeepAwake(inhibitor)
        manager.bus.subscribe(keep.on_event)
        manager.bus.subscribe_engine(keep.on_engine_event)
        manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        await settle()
        manager.cancel("a")
        await settle()
        assert inhibitor.calls == ["acquire", "release"]
        manager.submit(JobSpec("/v/b.mp4", job_id="b"))
        await settle()
        keep.close()
        assert inhibitor.calls == ["acquire", "release", "acquire", "release"]

    asyncio.run(main())


def test_the_platforms_inhibitors() -> None:
    runner = SubprocessRunner()
    assert isinstance(platform_inhibitor(runner, "linux", which=lambda _: "/usr/bin/x"),
                      ChildInhibitor)  # fmt: skip
    assert isinstance(platform_inhibitor(runner, "linux", which=lambda _: None), NoInhibitor)
    assert isinstance(platform_inhibitor(runner, "darwin"), ChildInhibitor)
    assert isinstance(platform_inhibitor(runner, "sunos5"), NoInhibitor)
    argv = systemd_inhibit_argv("Rendering story clips")
    assert argv[:5] == ["systemd-inhibit", "--what=sleep:idle", "--who=StoryClip Studio",
                        "--why=Rendering story clips", "--mode=block"]  # fmt: skip
    assert caffeinate_argv(42) == ["caffeinate", "-i", "-w", "42"]
    states: list[int] = []
    windows = WindowsInhibitor(lambda flags: states.append(flags) or 1)
    windows.acquire("x")
    windows.release()
    assert states == [0x80000001, 0x80000000]  # ES_CONTINUOUS | ES_SYSTEM_REQUIRED, then off


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().split()[2] if sys.platform == "linux" else ""
    return state != "Z"


@pytest.mark.skipif(sys.platform != "linux", reason="the hold child's death signal is Linux's")
def test_a_released_child_inhibitor_leaves_no_process(tmp_path: Path, run_async) -> None:
    """A stand-in for systemd-inhibit that, like it, starts the given command and waits:
    releasing the lock ends it and the holding child (nothing like `sleep infinity` stays)."""
    from storyclip_gui.runner.qprocess_runner import QProcessRunner

    pids = tmp_path / "pids"
    stand_in = [sys.executable, "-c",
                "import subprocess,sys,os\np=subprocess.Popen(sys.argv[2:])\n"
                "open(sys.argv[1],'w').write(f'{os.getpid()} {p.pid}')\np.wait()",
                str(pids)]  # fmt: skip
    inhibitor = ChildInhibitor(QProcessRunner(terminate_grace=1.0),
                               lambda why: [*stand_in, *systemd_inhibit_argv(why)[5:]])

    async def main() -> list[int]:
        inhibitor.acquire("test")
        while not pids.exists() or not pids.read_text():
            await asyncio.sleep(0.05)
        parent, child = map(int, pids.read_text().split())
        assert _alive(parent) and _alive(child) and inhibitor.held
        inhibitor.release()
        for _ in range(600):  # a bound for a loaded machine, not a speed check
            if not _alive(parent) and not _alive(child):
                break
            await asyncio.sleep(0.05)
        return [parent, child]

    for pid in run_async(main()):
        assert not _alive(pid), (pid, Path(f"/proc/{pid}/stat").read_text(),
                                 Path(f"/proc/{pid}/cmdline").read_bytes())
    assert inhibitor.unavailable is None


def test_a_missing_inhibitor_is_logged_once_and_never_fails(caplog, run_async) -> None:
    from storyclip_gui.runner.qprocess_runner import QProcessRunner

    inhibitor = ChildInhibitor(QProcessRunner(), lambda why: ["/nonexistent/systemd-inhibit"])

    async def main() -> None:
        for _ in range(3):
            inhibitor.acquire("x")
            await settle()
            inhibitor.release()

    with caplog.at_level(logging.WARNING):
        run_async(main())
    warnings = [r for r in caplog.records if "cannot be kept awake" in r.getMessage()]
    assert len(warnings) == 1 and "missing" in (inhibitor.unavailable or "")


def _systemd_inhibit_problem() -> str | None:
    if not shutil.which("systemd-inhibit"):
        return "systemd-inhibit is not installed"
    probe = subprocess.run(["systemd-inhibit", "--what=idle", "--who=storyclip-test",
                            "--why=probe", "true"], capture_output=True, text=True,
                           timeout=10)  # fmt: skip
    if probe.returncode != 0:
        return f"systemd-inhibit cannot work here: {probe.stderr.strip() or probe.returncode}"
    return None


@pytest.mark.skipif(sys.platform != "linux", reason="logind is Linux's")
def test_the_real_systemd_inhibit_holds_the_lock_and_releases_it(run_async) -> None:
    problem = _systemd_inhibit_problem()
    if problem is not None:
        pytest.skip(problem)
    from storyclip_gui.runner.qprocess_runner import QProcessRunner

    inhibitor = ChildInhibitor(QProcessRunner(terminate_grace=1.0), systemd_inhibit_argv)

    def listed() -> bool:
        out = subprocess.run(["systemd-inhibit", "--list"], capture_output=True, text=True)
        return "StoryClip Studio" in out.stdout

    async def main() -> None:
        inhibitor.acquire("Rendering story clips")
        for _ in range(100):
            if listed():
                break
            await asyncio.sleep(0.05)
        assert listed() and inhibitor.unavailable is None
        inhibitor.release()
        for _ in range(100):
            if not listed():
                break
            await asyncio.sleep(0.05)
        assert not listed()

    run_async(main())
