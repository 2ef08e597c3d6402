"""QProcessRunner against real processes: the fake ffmpeg script and real ffmpeg."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import pytest

from storyclip_gui.core.ffmpeg.progress import ProgressParser
from storyclip_gui.runner.qprocess_runner import QProcessRunner
from tests.conftest import FAKE_FFMPEG
from tests.helpers.procs import alive, wait_for


def fake(monkeypatch: pytest.MonkeyPatch, mode: str) -> list[str]:
    monkeypatch.setenv("FAKE_FFMPEG_MODE", mode)
    return [str(FAKE_FFMPEG)]


def test_progress_is_read_incrementally(run_async, monkeypatch):
    parser = ProgressParser()
    updates = []
    outcome = run_async(
        QProcessRunner().run(
            fake(monkeypatch, "normal"), on_stdout=lambda b: updates.extend(parser.feed(b))
        )
    )
    assert outcome.ok, outcome
    assert [u.out_time for u in updates] == [0.0, 0.2, 0.4, 0.6, 0.8]
    assert updates[-1].ended


def test_real_ffmpeg_exit_status_and_stderr(run_async, ffmpeg, tmp_path):
    outcome = run_async(
        QProcessRunner().run([ffmpeg, "-hide_banner", "-i", str(tmp_path / "nope")])
    )
    assert not outcome.ok
    assert outcome.exit_code not in (0, None)
    assert "No such file or directory" in outcome.stderr_tail


def test_missing_program_is_a_start_error(run_async, tmp_path):
    outcome = run_async(QProcessRunner().run([str(tmp_path / "no-ffmpeg")]))
    assert outcome.start_error and not outcome.ok
    assert "missing" in str(outcome)


def test_stall_watchdog_kills(run_async, monkeypatch):
    started = time.monotonic()
    outcome = run_async(QProcessRunner().run(fake(monkeypatch, "stall"), stall_timeout=1.0))
    assert outcome.stalled and not outcome.ok
    assert time.monotonic() - started < 30


def test_crash_is_reported(run_async, monkeypatch):
    outcome = run_async(QProcessRunner().run(fake(monkeypatch, "crash")))
    assert outcome.crashed and not outcome.ok


def test_stderr_flood_is_bounded(run_async, monkeypatch):
    monkeypatch.setenv("FAKE_FFMPEG_FLOOD_MB", "50")
    outcome = run_async(QProcessRunner().run(fake(monkeypatch, "flood")), timeout=180)
    assert outcome.exit_code == 1
    assert len(outcome.stderr_tail.encode()) <= 64 * 1024
    assert outcome.stderr_tail.endswith("flood done: last line\n")


def test_cancel_terminates_the_process(run_async, monkeypatch):
    pids: list[int] = []
    runner = QProcessRunner(terminate_grace=1.0)

    async def scenario() -> None:
        task = asyncio.ensure_future(runner.run(fake(monkeypatch, "stall"), on_started=pids.append))
        await asyncio.sleep(0.5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    run_async(scenario())
    assert pids and not alive(pids[0])
    assert not runner.live


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux")
def test_child_dies_with_its_parent(tmp_path):
    """kill -9 of the app must not leave ffmpeg running: the child gets SIGKILL from the kernel."""
    import subprocess

    script = tmp_path / "app.py"
    pid_file = tmp_path / "pid"
    script.write_text(
        "import asyncio, os, sys\n"
        "os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "import qasync\n"
        "from storyclip_gui.runner.qprocess_runner import QProcessRunner\n"
        "app = QCoreApplication([])\n"
        "async def main():\n"
        f"    def started(pid): open({str(pid_file)!r}, 'w').write(str(pid))\n"
        f"    await QProcessRunner().run([{str(FAKE_FFMPEG)!r}], on_started=started)\n"
        "qasync.run(main())\n"
    )
    env = {**os.environ, "FAKE_FFMPEG_MODE": "stall"}
    app = subprocess.Popen([sys.executable, str(script)], env=env, cwd=Path(__file__).parents[2])
    wait_for(lambda: pid_file.exists() and pid_file.read_text(), 30, "the child's pid")
    child = int(pid_file.read_text())
    # the shim has exec'd once the child's command line names the fake ffmpeg
    wait_for(lambda: "fake_ffmpeg" in Path(f"/proc/{child}/cmdline").read_text(), 10, "exec")
    assert alive(child)
    app.kill()
    app.wait()
    wait_for(lambda: not alive(child), 10, "the child to die with its parent")


def test_stderr_is_handed_over_live_too(run_async, monkeypatch):
    monkeypatch.setenv("FAKE_FFMPEG_FLOOD_MB", "1")
    chunks: list[bytes] = []
    outcome = run_async(QProcessRunner().run(fake(monkeypatch, "flood"), on_stderr=chunks.append))
    assert sum(map(len, chunks)) == 1024 * 1024 + len(b"flood done: last line\n")
    assert outcome.stderr_tail.endswith("flood done: last line\n")
