"""Is this ffmpeg build exact? A real self-test, and the gate that falls back to the bundled build.

The self-test makes a 4 s source with the build under test, cuts it into two 2 s clips through
the real pipeline and lets the pipeline's own verification (frame counts, durations by stream,
sound) judge them. A build that cannot is not used: jobs run on the bundled build and the user
is told once. Results are remembered per binary (path, size, modification time) in a JSON file.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from storyclip_gui import __version__
from storyclip_gui.core.ffmpeg.errors import JobFailure
from storyclip_gui.core.ffmpeg.locate import Toolchain
from storyclip_gui.core.jobs import Job
from storyclip_gui.core.options import EncoderChoice, Quality, StoryOptions
from storyclip_gui.core.pipeline import JobPipeline, PipelineConfig, PipelineHooks
from storyclip_gui.core.ports import ProcessOutcome, Runner
from storyclip_gui.core.sources import file_identity

# verdicts already reached by this process (several engines, one binary: one test)
_VERDICTS: dict[str, str | None] = {}
# libx264: the test judges the build's exactness, not a hardware encoder
TEST_OPTIONS = StoryOptions(clip_seconds=2, width=720, height=1280, quality=Quality.LOW,
                            encoder=EncoderChoice.X264)


async def self_test(runner: Runner, toolchain: Toolchain, work: Path | None = None) -> str | None:
    """None when `toolchain` cuts a generated 4 s video into two exact clips; else why not."""
    folder = Path(tempfile.mkdtemp(prefix="storyclip-selftest-", dir=work))
    try:
        source = folder / "source.mp4"
        argv = [toolchain.ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30:duration=4",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=4", "-c:v", "libx264",
                "-preset", "ultrafast", "-g", "45", "-c:a", "aac", "-shortest",
                str(source)]  # fmt: skip
        made = await runner.run(argv)
        if not made.ok:
            last = made.stderr_tail.strip().splitlines()[-1:] or [str(made)]
            return f"it cannot make an H.264 test video ({last[0]})."
        job = Job(id="selftest", source=str(source), options=TEST_OPTIONS,
                  output_root=str(folder / "out"))  # fmt: skip
        config = PipelineConfig(runner, toolchain, folder / "tmp", stall_timeout=60)
        hooks = PipelineHooks(lambda j: None, lambda j, c: None, lambda j, p: None)
        try:
            await JobPipeline(job, config, hooks).run()
        except JobFailure as exc:
            return f"its test clips came out wrong: {exc.error.message}"
        if job.clips_verified != 2:
            return f"it made {job.clips_verified} test clips where 2 were planned."
        return None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class ToolchainGate:
    """Hands jobs the configured build once it passed the self-test, else the bundled one.

    The test runs once, when the first job needs ffmpeg (never on the start-up path)."""

    def __init__(
        self,
        candidate: Toolchain,
        fallback: Toolchain | None,
        runner: Runner,
        cache_file: Path | None,
        notify: Callable[[str], None],
        test: Callable[[Runner, Toolchain], Awaitable[str | None]] = self_test,
    ) -> None:
        self.candidate = candidate
        self.fallback = fallback
        self.runner = runner
        self.cache_file = cache_file
        self.notify = notify
        self.test = test
        self.problem: str | None = None
        self._chosen: Toolchain | None = None
        self._lock = asyncio.Lock()

    async def toolchain(self) -> Toolchain:
        if self._chosen is None:
            async with self._lock:
                if self._chosen is None:
                    self._chosen = await self._choose()
        return self._chosen

    async def _choose(self) -> Toolchain:
        candidate, fallback = self.candidate, self.fallback
        if fallback is None or candidate.ffmpeg == fallback.ffmpeg:
            return candidate  # the bundled build itself, or nothing to fall back to
        key = _identity(candidate.ffmpeg)
        cached = self._read_cache()
        if key in _VERDICTS or key in cached:
            self.problem = _VERDICTS[key] if key in _VERDICTS else cached[key]
        else:
            self.problem = await self.test(self.runner, candidate)
            cached[key] = self.problem
            self._write_cache(cached)
        _VERDICTS[key] = self.problem
        if self.problem is None:
            return candidate
        self.notify(f"The ffmpeg at {candidate.ffmpeg} failed the self-test: {self.problem} "
                    f"Jobs use the bundled ffmpeg ({fallback.ffmpeg}) instead.")  # fmt: skip
        return fallback

    def _read_cache(self) -> dict[str, str | None]:
        if self.cache_file is None:
            return {}
        try:
            data = json.loads(self.cache_file.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_cache(self, data: dict[str, str | None]) -> None:
        if self.cache_file is None:
            return
        with contextlib.suppress(OSError):
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            temp = self.cache_file.with_suffix(".part")
            temp.write_text(json.dumps(data, indent=1), "utf-8")
            os.replace(temp, self.cache_file)


def _identity(path: str) -> str:
    """A binary and the app version that judged it: a replaced ffmpeg is tested again."""
    return f"{file_identity(path)}|{__version__}"


class SubprocessRunner:
    """The Runner port on plain asyncio subprocesses, for the command line without Qt
    (`storyclip doctor`). No stall watchdog; stderr is kept whole (short runs only)."""

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
        try:
            proc = await asyncio.create_subprocess_exec(
                *argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
                stdin=asyncio.subprocess.DEVNULL if stdin is None else asyncio.subprocess.PIPE)
        except OSError as exc:
            return ProcessOutcome(None, start_error=exc.strerror or str(exc))
        if on_started:
            on_started(proc.pid)
        assert proc.stdout is not None and proc.stderr is not None
        err = bytearray()
        if stdin is not None and proc.stdin is not None:
            proc.stdin.write(stdin)
            with contextlib.suppress(OSError):  # it may exit without reading
                await proc.stdin.drain()
            proc.stdin.close()

        async def pump(stream: asyncio.StreamReader, sink: Callable[[bytes], None]) -> None:
            while chunk := await stream.read(65536):
                sink(chunk)

        try:
            await asyncio.gather(pump(proc.stdout, on_stdout or (lambda b: None)),
                                 pump(proc.stderr, err.extend))  # fmt: skip
            code = await proc.wait()
        except asyncio.CancelledError:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()
            raise
        tail = err.decode("utf-8", "replace")
        crashed = code < 0
        return ProcessOutcome(None if crashed else code, crashed=crashed, stderr_tail=tail,
                              pid=proc.pid)  # fmt: skip
