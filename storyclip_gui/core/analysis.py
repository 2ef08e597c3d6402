"""Cut analysis: one ffmpeg pass over a source finds its silences and scene changes.

`ffmpeg -i SRC -filter_complex "[0:v:0]scale=160:-2,scdet[v];[0:a:0]silencedetect[a]" -f null -`
decodes the source once; the video is scaled down before the scene detector, the sound goes to
`silencedetect`. Both filters report on stderr (parsed here, sans-I/O, as it arrives), progress
comes from `-progress pipe:1` like every other ffmpeg run. Why ffmpeg's own filters and not
PySceneDetect: docs/user-guide.md ("Smart cuts") has the measurement (bench/bench_smart.py).

Times are on the file's clock (what `-ss` counts), like the packet scan's.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Any

# the parameters of the pass; changing any of them is a different analysis (cache key)
SCALE_WIDTH = 160  # the scene detector compares frames this wide: enough to see a cut
SCENE_THRESHOLD = 10.0  # scdet's score (0-100) at which a frame starts a new scene
SILENCE_NOISE_DB = -35.0  # quieter than this counts as silence
SILENCE_MIN_SECONDS = 0.3  # a pause shorter than this is not a gap between sentences
ANALYSIS_VERSION = 1
HEAD_BYTES = 1 << 20  # the fingerprint hashes the file's first MiB

_SCENE = re.compile(r"lavfi\.scd\.score:\s*([-0-9.]+),\s*lavfi\.scd\.time:\s*([-0-9.]+)")
_SILENCE_START = re.compile(r"silence_start:\s*([-0-9.e]+)")
_SILENCE_END = re.compile(r"silence_end:\s*([-0-9.e]+)")


def params_key() -> str:
    return (f"v{ANALYSIS_VERSION}:w{SCALE_WIDTH}:t{SCENE_THRESHOLD:g}:n{SILENCE_NOISE_DB:g}:"
            f"d{SILENCE_MIN_SECONDS:g}")  # fmt: skip


def analysis_argv(ffmpeg: str, path: str, *, has_audio: bool) -> list[str]:
    """The one pass: scene changes on downscaled frames, silences in the first audio stream."""
    # fast_bilinear: a quarter less CPU than the default bicubic, the same scene changes
    graph = (f"[0:v:0]scale={SCALE_WIDTH}:-2:flags=fast_bilinear,"
             f"scdet=threshold={SCENE_THRESHOLD:g}[v]")  # fmt: skip
    maps = ["-map", "[v]"]
    if has_audio:
        graph += (f";[0:a:0]silencedetect=noise={SILENCE_NOISE_DB:g}dB:"
                  f"duration={SILENCE_MIN_SECONDS:g}[a]")  # fmt: skip
        maps += ["-map", "[a]"]
    return [ffmpeg, "-nostdin", "-hide_banner", "-progress", "pipe:1", "-nostats", "-i", path,
            "-filter_complex", graph, *maps, "-f", "null", "-"]  # fmt: skip


@dataclass(frozen=True)
class SourceAnalysis:
    """What one pass found: silent gaps (start, end) and scene changes (time, score 0-100)."""

    silences: tuple[tuple[float, float], ...] = ()
    scenes: tuple[tuple[float, float], ...] = ()
    params: str = field(default_factory=params_key)

    def shifted(self, offset: float) -> SourceAnalysis:
        """The same times counted from `offset` (the first video frame) instead of 0."""
        return SourceAnalysis(
            tuple((a - offset, b - offset) for a, b in self.silences),
            tuple((t - offset, s) for t, s in self.scenes),
            self.params,
        )

    def to_dict(self) -> dict[str, Any]:
        return {"params": self.params, "silences": [list(s) for s in self.silences],
                "scenes": [list(s) for s in self.scenes]}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceAnalysis:
        return cls(
            tuple((float(a), float(b)) for a, b in data.get("silences", [])),
            tuple((float(t), float(s)) for t, s in data.get("scenes", [])),
            str(data.get("params", "")),
        )


class AnalysisParser:
    """Sans-I/O: feed ffmpeg's stderr as it arrives; `finish(end)` closes an open silence."""

    def __init__(self) -> None:
        self._buffer = b""
        self._silences: list[tuple[float, float]] = []
        self._scenes: list[tuple[float, float]] = []
        self._open: float | None = None

    def feed(self, data: bytes) -> None:
        self._buffer += data
        # ffmpeg ends some lines with \r; either ends a line here
        *lines, self._buffer = re.split(rb"[\r\n]", self._buffer)
        for raw in lines:
            self._line(raw.decode("utf-8", "replace"))

    def _line(self, line: str) -> None:
        if match := _SCENE.search(line):
            try:
                score, time = float(match.group(1)), float(match.group(2))
            except ValueError:
                return
            self._scenes.append((time, score))
            return
        if match := _SILENCE_START.search(line):
            try:
                self._open = max(0.0, float(match.group(1)))
            except ValueError:
                return
            return
        if (match := _SILENCE_END.search(line)) and self._open is not None:
            try:
                end = float(match.group(1))
            except ValueError:
                return
            if end > self._open:
                self._silences.append((self._open, end))
            self._open = None

    def finish(self, end: float | None = None) -> SourceAnalysis:
        self.feed(b"\n")
        silences = list(self._silences)
        if self._open is not None and end is not None and end > self._open:
            silences.append((self._open, end))  # silent to the end (older builds say nothing)
        return SourceAnalysis(tuple(silences), tuple(sorted(self._scenes)))


def source_fingerprint(path: str, duration: float) -> str:
    """Who the source is, cheaply: size, modification time, duration and a hash of its first
    MiB. A file replaced, re-encoded or appended to gets a new fingerprint (and a new
    analysis); the same file found again (re-run, resume, restart) gets the same one."""
    st = os.stat(path)
    digest = hashlib.sha1()
    with open(path, "rb") as f:
        digest.update(f.read(HEAD_BYTES))
    return f"{st.st_size}:{st.st_mtime_ns}:{duration:.3f}:{digest.hexdigest()}"
