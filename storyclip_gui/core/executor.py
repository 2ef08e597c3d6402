"""The clip-execution seam: where one clip's ffmpeg run happens (this machine or a cluster).

The pipeline builds each clip's argv, hands it to a ClipExecutor and gets back how the run
ended; it then verifies the clip itself and gives it its final name, wherever it was rendered.
`LocalClipExecutor` is the Runner path (QProcess on this machine); storyclip_gui.cluster holds
the Dask one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from storyclip_gui.core.ffmpeg.progress import ProgressParser, ProgressUpdate
from storyclip_gui.core.ports import ProcessOutcome, Runner

LOCAL_WORKER = "local"


@dataclass(frozen=True)
class ClipRun:
    """One clip to render: `argv` writes the hidden temporary file `output`."""

    job_id: str
    index: int
    argv: list[str]
    output: str
    duration: float  # seconds the clip holds (progress is out_time / duration)
    stall_timeout: float | None = None


@dataclass(frozen=True)
class ClipProgress:
    """A progress block of one clip's ffmpeg run, and who runs it."""

    update: ProgressUpdate
    worker: str  # LOCAL_WORKER, or the cluster worker's name
    sent_at: float | None = None  # the worker's clock when it parsed the block (latency)


@dataclass(frozen=True)
class ClipResult:
    """How a clip's run ended; `output` is the file it wrote (a cluster run may pick its own
    hidden name beside the planned one, so a re-run elsewhere never shares a file)."""

    outcome: ProcessOutcome
    output: str
    worker: str


def _ignore(*_args: object) -> None:
    return None


@dataclass(frozen=True)
class ClipCallbacks:
    progress: Callable[[ClipProgress], None] = _ignore
    started: Callable[[str, int | None], None] = _ignore  # worker, pid (None when remote)
    stderr: Callable[[bytes], None] = _ignore


class ExecutorUnavailable(Exception):
    """The executor cannot render now (the cluster's scheduler is unreachable or was lost).
    The job is not at fault: it waits, and `wait_until_back()` returns when it may go on."""

    def __init__(self, message: str, wait_until_back: Callable[[], Awaitable[None]]) -> None:
        super().__init__(message)
        self.message = message
        self.wait_until_back = wait_until_back


class ClipExecutor(Protocol):
    @property
    def parallel(self) -> int:
        """How many clips of one job may render at the same time (local: one after another)."""
        ...

    async def render(self, run: ClipRun, callbacks: ClipCallbacks) -> ClipResult:
        """Render one clip to the end. Cancelling the awaiting task stops its ffmpeg wherever
        it runs before CancelledError propagates. Raises ExecutorUnavailable when it cannot
        run at all now."""
        ...


@dataclass
class LocalClipExecutor:
    """Today's path: the Runner (QProcess) on this machine, one clip of a job at a time."""

    runner: Runner
    parallel: int = 1

    async def render(self, run: ClipRun, callbacks: ClipCallbacks) -> ClipResult:
        parser = ProgressParser()

        def on_stdout(data: bytes) -> None:
            updates = parser.feed(data)
            if updates:
                callbacks.progress(ClipProgress(updates[-1], LOCAL_WORKER))

        outcome = await self.runner.run(
            run.argv,
            on_stdout=on_stdout,
            on_started=lambda pid: callbacks.started(LOCAL_WORKER, pid),
            stall_timeout=run.stall_timeout,
            on_stderr=callbacks.stderr,
        )
        return ClipResult(outcome, run.output, LOCAL_WORKER)
