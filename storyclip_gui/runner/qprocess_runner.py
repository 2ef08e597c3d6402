"""QProcessRunner: runs one external process on the Qt event loop and awaits its outcome.

- stdout is handed to a callback as it arrives (ffmpeg's `-progress pipe:1`); given bytes
  go to its stdin, which is then closed;
- the last 64 KiB of stderr are kept, however much is written (a flood cannot grow memory);
- a stall watchdog kills a process that writes nothing for `stall_timeout` seconds;
- cancelling the awaiting task terminates, then kills after a grace period;
- on Linux the child gets a parent-death signal (SIGKILL), so no ffmpeg outlives the app
  even when the app is killed with -9.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QProcess, QTimer

from storyclip_gui.core.child_process import death_signal_prefix, death_signal_supported
from storyclip_gui.core.ports import ProcessOutcome

STDERR_LIMIT = 64 * 1024


@dataclass
class _RunState:
    last_output: float
    stalled: bool = False
    start_error: str | None = None


class QProcessRunner:
    """Implements core.ports.Runner with QProcess. Must be used on the Qt thread under qasync."""

    def __init__(
        self,
        *,
        terminate_grace: float = 3.0,
        parent_death_signal: bool = True,
        stderr_limit: int = STDERR_LIMIT,
    ) -> None:
        self.terminate_grace = terminate_grace
        self.parent_death_signal = parent_death_signal and death_signal_supported()
        self.stderr_limit = stderr_limit
        self.live: set[QProcess] = set()

    async def run(
        self,
        argv: Sequence[str],
        *,
        on_stdout: Callable[[bytes], None] | None = None,
        on_started: Callable[[int], None] | None = None,
        stall_timeout: float | None = None,
        on_stderr: Callable[[bytes], None] | None = None,
        stdin: bytes | None = None,
    ) -> ProcessOutcome:
        program = argv[0]
        resolved = shutil.which(program) if os.sep not in program else program
        if not resolved or not os.access(resolved, os.X_OK) or os.path.isdir(resolved):
            return ProcessOutcome(None, start_error=f"{program} is missing or not executable")
        args = [resolved, *argv[1:]]
        if self.parent_death_signal:
            args = [*death_signal_prefix(), *args]

        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        proc = QProcess()
        proc.setProgram(args[0])
        proc.setArguments(args[1:])
        proc.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        proc.setInputChannelMode(QProcess.InputChannelMode.ManagedInputChannel)
        params = QProcess.UnixProcessParameters()
        params.flags = QProcess.UnixProcessFlag.ResetSignalHandlers
        proc.setUnixProcessParameters(params)
        stderr = bytearray()
        state = _RunState(last_output=time.monotonic())

        def read_stdout() -> None:
            data = bytes(proc.readAllStandardOutput().data())
            state.last_output = time.monotonic()
            if data and on_stdout is not None:
                on_stdout(data)

        def read_stderr() -> None:
            data = bytes(proc.readAllStandardError().data())
            stderr.extend(data)
            state.last_output = time.monotonic()
            if data and on_stderr is not None:
                on_stderr(data)
            if len(stderr) > self.stderr_limit:
                del stderr[: len(stderr) - self.stderr_limit]

        def finished(_code: int, _status: QProcess.ExitStatus) -> None:
            if not done.done():
                done.set_result(None)

        def error(err: QProcess.ProcessError) -> None:
            if err is QProcess.ProcessError.FailedToStart and not done.done():
                state.start_error = proc.errorString()
                done.set_result(None)

        watchdog = QTimer()
        if stall_timeout:
            watchdog.setInterval(int(min(1000, stall_timeout * 250)))

            def check_stall() -> None:
                silent = time.monotonic() - state.last_output
                if silent > stall_timeout and not state.stalled:
                    state.stalled = True
                    proc.kill()

            watchdog.timeout.connect(check_stall)

        proc.readyReadStandardOutput.connect(read_stdout)
        proc.readyReadStandardError.connect(read_stderr)
        proc.finished.connect(finished)
        proc.errorOccurred.connect(error)
        self.live.add(proc)
        proc.start()
        if stdin is not None:  # written as the pipe takes it; then the child reads EOF
            proc.write(stdin)
            proc.closeWriteChannel()
        pid = proc.processId() or None
        if pid and on_started is not None:
            on_started(pid)
        if stall_timeout:
            watchdog.start()
        try:
            await asyncio.shield(done)
        except asyncio.CancelledError:
            await self._stop(proc, done)
            raise
        finally:
            watchdog.stop()
            if proc.state() is not QProcess.ProcessState.NotRunning:
                proc.kill()
                proc.waitForFinished(1000)
            if proc.bytesAvailable():
                read_stdout()
            with contextlib.suppress(RuntimeError):
                proc.readyReadStandardOutput.disconnect()
                proc.readyReadStandardError.disconnect()
                proc.finished.disconnect()
                proc.errorOccurred.disconnect()
            self.live.discard(proc)
            proc.deleteLater()
        read_stderr()
        if state.start_error:
            return ProcessOutcome(None, start_error=state.start_error, pid=pid)
        crashed = proc.exitStatus() is QProcess.ExitStatus.CrashExit
        return ProcessOutcome(
            exit_code=None if crashed else proc.exitCode(),
            crashed=crashed,
            stalled=state.stalled,
            stderr_tail=stderr.decode("utf-8", "replace"),
            pid=pid,
        )

    async def _stop(self, proc: QProcess, done: asyncio.Future[None]) -> None:
        """terminate → wait for the grace period → kill → wait."""
        if proc.state() is QProcess.ProcessState.NotRunning:
            return
        proc.terminate()
        try:
            await asyncio.wait_for(asyncio.shield(done), self.terminate_grace)
        except (TimeoutError, asyncio.CancelledError):
            proc.kill()
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(done), 2.0)

    def kill_all(self) -> None:
        """Last resort at exit: nothing we started may survive us."""
        for proc in list(self.live):
            proc.kill()
            proc.waitForFinished(1000)
