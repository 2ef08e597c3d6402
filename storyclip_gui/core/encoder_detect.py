"""Which hardware H.264 encoders really work with an ffmpeg build: a one-frame encode each.

The encoder list is not enough (a build lists NVENC, VAAPI and QSV whether or not the machine
has the hardware and driver), so every candidate the build lists encodes one story-sized frame
with the options jobs use, through the Runner port (QProcess in the app, asyncio subprocesses
for `storyclip doctor`), with a short timeout. Results are kept for the process's lifetime per
ffmpeg binary (path, size, modification time). The engine, the settings dialog and `storyclip
doctor` all ask `detect`; `choose` turns a job's choice into the encoder it starts with.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from storyclip_gui.core.ffmpeg.encoders import (
    HARDWARE,
    X264,
    encoders_argv,
    failure_line,
    ffmpeg_name,
    listed,
    probe_argv,
)
from storyclip_gui.core.options import EncoderChoice
from storyclip_gui.core.ports import ProcessOutcome, Runner
from storyclip_gui.core.sources import file_identity

DETECT_TIMEOUT = 15.0  # seconds one candidate's one-frame encode may take

# ffmpeg identity → its candidates' verdicts (several engines, one binary: one detection)
_DETECTED: dict[str, dict[str, EncoderStatus]] = {}


@dataclass(frozen=True)
class EncoderStatus:
    name: str  # ffmpeg's name, e.g. h264_nvenc
    listed: bool  # `ffmpeg -encoders` names it
    works: bool  # a one-frame encode succeeded
    reason: str = ""  # why not, in ffmpeg's words

    def describe(self) -> str:
        if self.works:
            return "works"
        if not self.listed:
            return "not in this build"
        return f"listed, fails: {self.reason}"


def forget() -> None:
    """Detect again on the next ask (tests; a driver installed while the app runs)."""
    _DETECTED.clear()


def cached(ffmpeg: str) -> dict[str, EncoderStatus] | None:
    """What `detect` found for this binary in this process, if it ran."""
    return _DETECTED.get(file_identity(ffmpeg))


async def detect(runner: Runner, ffmpeg: str,
                 timeout: float = DETECT_TIMEOUT) -> dict[str, EncoderStatus]:  # fmt: skip
    """Every hardware candidate's status, in `auto`'s order. Candidates the build does not
    list are not started (no GPU, no cost but the one `-encoders` run)."""
    key = file_identity(ffmpeg)
    if key in _DETECTED:
        return _DETECTED[key]
    out = bytearray()
    try:
        async with asyncio.timeout(timeout):  # not wait_for: on 3.11 it can swallow a cancel
            outcome: ProcessOutcome | None = await runner.run(encoders_argv(ffmpeg),
                                                              on_stdout=out.extend)  # fmt: skip
    except TimeoutError:
        outcome = None
    names = listed(out.decode("utf-8", "replace")) if outcome and outcome.ok else frozenset()
    statuses: dict[str, EncoderStatus] = {}
    for name in HARDWARE:
        if name not in names:
            statuses[name] = EncoderStatus(name, listed=False, works=False)
        else:
            statuses[name] = await encoder_works(runner, ffmpeg, name, timeout)
    _DETECTED[key] = statuses
    return statuses


async def encoder_works(runner: Runner, ffmpeg: str, name: str,
                        timeout: float = DETECT_TIMEOUT) -> EncoderStatus:  # fmt: skip
    """One real one-frame encode with `name` (libx264 too: `storyclip doctor` asks)."""
    written = bytearray()
    try:
        async with asyncio.timeout(timeout):
            outcome = await runner.run(probe_argv(ffmpeg, name), on_stdout=written.extend)
    except TimeoutError:  # the runner stopped the process when its task was cancelled
        return EncoderStatus(name, True, False, f"no frame within {timeout:g} s")
    if outcome.ok and written:
        return EncoderStatus(name, True, True)
    said = outcome.stderr_tail.strip()
    return EncoderStatus(name, True, False, failure_line(said, name) if said else str(outcome))


@dataclass(frozen=True)
class Choice:
    encoder: str  # ffmpeg's name of the encoder the job starts with
    note: str | None = None  # for the job log: why it is not the one asked for


def choose(choice: EncoderChoice, statuses: dict[str, EncoderStatus]) -> Choice:
    """`auto`: the first hardware encoder that works, else libx264. An explicit hardware
    choice that does not work here: libx264, with the reason."""
    if choice is EncoderChoice.X264:
        return Choice(X264)
    if choice is EncoderChoice.AUTO:
        working = [name for name, status in statuses.items() if status.works]
        return Choice(working[0] if working else X264)
    name = ffmpeg_name(choice) or X264
    status = statuses.get(name)
    if status is not None and status.works:
        return Choice(name)
    why = status.describe() if status is not None else "unknown"
    return Choice(X264, f"{name} does not work here ({why}); the job uses libx264")
