"""Packet scan: ffmpeg's `framecrc` listing of a file's video and audio packets, parsed.

`ffmpeg -i FILE -map 0:v:0 -map 0:a:0? -c copy -f framecrc -` demuxes without decoding and
prints one line per packet (stream, dts, pts, duration, size, crc[, F=flags]) in each stream's
own time base, on the file's clock (the format's start time is 0, as `-ss` counts). It is the
same on every ffmpeg since 2.x, needs no ffprobe, and is exact: the source's real frame times
(variable frame rate included), its keyframes and each stream's true extent. Clips are checked
with the same scan, so verification reads streams, not the container's rounded duration.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from fractions import Fraction

KEY = 0x1
DISCARD = 0x4  # before an edit list's start (or AAC priming): not shown by a player
NOPTS = -(2**63)  # AV_NOPTS_VALUE as framecrc prints it


def scan_argv(ffmpeg: str, path: str, *, decode: bool = False) -> list[str]:
    """`decode`: list decoded frames instead of packets (their timestamps are the decoder's),
    for streams whose packets carry no presentation time."""
    video = ["-fps_mode", "passthrough", "-c:v", "wrapped_avframe"] if decode else ["-c:v", "copy"]
    return [ffmpeg, "-nostdin", "-hide_banner", "-i", path, "-map", "0:v:0", "-map", "0:a:0?",
            *video, "-c:a", "copy", "-f", "framecrc", "-"]  # fmt: skip


@dataclass
class StreamPackets:
    """One stream's shown packets, in presentation order (times in seconds, file clock)."""

    time_base: Fraction = Fraction(1, 1)
    pts: list[int] = field(default_factory=list)  # sorted, in time_base units
    durations: dict[int, int] = field(default_factory=dict)  # pts → duration
    keyframes: list[int] = field(default_factory=list)  # sorted pts of key packets

    @property
    def count(self) -> int:
        return len(self.pts)

    def seconds(self, ticks: int) -> float:
        return float(ticks * self.time_base)

    @property
    def start(self) -> float | None:
        return self.seconds(self.pts[0]) if self.pts else None

    @property
    def end(self) -> float | None:
        """Where the last packet ends (its pts plus its duration, or the typical one)."""
        if not self.pts:
            return None
        last = self.pts[-1]
        return self.seconds(last + (self.durations.get(last) or self.typical_duration()))

    @property
    def duration(self) -> float:
        start, end = self.start, self.end
        return 0.0 if start is None or end is None else end - start

    def typical_duration(self) -> int:
        steps = sorted(b - a for a, b in zip(self.pts, self.pts[1:], strict=False) if b > a)
        return steps[len(steps) // 2] if steps else 0

    def times(self) -> list[float]:
        return [self.seconds(p) for p in self.pts]


@dataclass
class PacketScan:
    video: StreamPackets
    audio: StreamPackets | None  # None: no audio stream was mapped


class PacketParser:
    """Sans-I/O: feed stdout bytes as they arrive, read `scan` at any time."""

    def __init__(self) -> None:
        self._buffer = b""
        self._streams: dict[int, StreamPackets] = {}
        self._kinds: dict[int, str] = {}
        self._unsorted: dict[int, list[tuple[int, int, bool]]] = {}
        self._last_pts: dict[int, int] = {}  # the latest timestamp read, per stream
        self.missing_pts = False  # packets without a presentation time were seen

    def feed(self, data: bytes) -> None:
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            self._line(raw.decode("ascii", "replace").strip())

    def _line(self, line: str) -> None:
        if not line:
            return
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            name, _, index = key.partition(" ")
            if not index.strip().isdigit():
                return
            stream = int(index)
            if name == "tb":
                with contextlib.suppress(ValueError, ZeroDivisionError):
                    self._stream(stream).time_base = Fraction(value.strip())
            elif name == "media_type":
                self._kinds[stream] = value.strip()
            return
        fields = [f.strip() for f in line.split(",")]
        if len(fields) < 6:
            return
        try:
            stream, dts, pts = int(fields[0]), int(fields[1]), int(fields[2])
            duration, size = int(fields[3]), int(fields[4])
        except ValueError:
            return
        if size == 0:  # an AVI "dropped frame" chunk: nothing to show
            return
        if pts == NOPTS:  # packed B-frames in AVI (DivX/Xvid): scan decoded frames instead
            self.missing_pts = True
            pts = dts
        if pts == NOPTS:
            return
        flags = KEY  # framecrc names the flags only when they are not exactly "key"
        for extra in fields[6:]:
            if extra.startswith("F="):
                with contextlib.suppress(ValueError):
                    flags = int(extra[2:], 16)
        if flags & DISCARD:
            return
        self._unsorted.setdefault(stream, []).append((pts, duration, bool(flags & KEY)))
        if pts > self._last_pts.get(stream, pts - 1):
            self._last_pts[stream] = pts

    @property
    def last_seconds(self) -> float:
        """How far into the file the scan has read (for progress)."""
        return max((self._stream(i).seconds(p) for i, p in self._last_pts.items()), default=0.0)

    def _stream(self, index: int) -> StreamPackets:
        return self._streams.setdefault(index, StreamPackets())

    def finish(self) -> PacketScan:
        self.feed(b"\n")
        for index, rows in self._unsorted.items():
            stream = self._stream(index)
            rows.sort()
            stream.pts = [p for p, _, _ in rows]
            stream.durations = {p: d for p, d, _ in rows if d > 0}
            stream.keyframes = [p for p, _, key in rows if key]
        video_index = next((i for i, k in self._kinds.items() if k == "video"), 0)
        audio_index = next((i for i, k in self._kinds.items() if k == "audio"), None)
        video = self._streams.get(video_index, StreamPackets())
        audio = self._streams.get(audio_index) if audio_index is not None else None
        return PacketScan(video, audio)


def parse_scan(text: str | bytes) -> PacketScan:
    parser = PacketParser()
    parser.feed(text.encode() if isinstance(text, str) else text)
    return parser.finish()
