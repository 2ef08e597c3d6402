"""Sans-I/O parser for `ffmpeg -progress pipe:1`: feed bytes, get ProgressUpdate blocks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProgressUpdate:
    out_time: float | None  # seconds of output written; None while ffmpeg says N/A
    frame: int | None
    fps: float | None
    speed: float | None  # x realtime, as ffmpeg measures it
    total_size: int | None
    ended: bool  # progress=end: ffmpeg finished writing


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "", "N/A") else None
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value.strip().rstrip("x"))
    except ValueError:
        return None


class ProgressParser:
    """Accumulates `key=value` lines until a `progress=` line closes a block.

    Bytes may arrive split anywhere (mid-line, mid-UTF-8); nothing is lost between feeds.
    """

    def __init__(self) -> None:
        self._buffer = b""
        self._block: dict[str, str] = {}

    def feed(self, data: bytes) -> list[ProgressUpdate]:
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        updates: list[ProgressUpdate] = []
        for raw in lines:
            line = raw.decode("utf-8", "replace").strip()
            key, sep, value = line.partition("=")
            if not sep:
                continue
            key, value = key.strip(), value.strip()
            if key == "progress":
                updates.append(self._close_block(ended=value == "end"))
            else:
                self._block[key] = value
        return updates

    def _close_block(self, ended: bool) -> ProgressUpdate:
        block, self._block = self._block, {}
        # out_time_us is microseconds; out_time_ms is misnamed and is also microseconds.
        micros = _int(block.get("out_time_us"))
        if micros is None:
            micros = _int(block.get("out_time_ms"))
        out_time = micros / 1_000_000 if micros is not None and micros >= 0 else None
        if out_time is None and "out_time" in block:
            out_time = _clock(block["out_time"])
        return ProgressUpdate(
            out_time=out_time,
            frame=_int(block.get("frame")),
            fps=_float(block.get("fps")),
            speed=_float(block.get("speed")),
            total_size=_int(block.get("total_size")),
            ended=ended,
        )


def _clock(text: str) -> float | None:
    """'00:01:02.500000' → 62.5 (may be negative at the very start: then None)."""
    try:
        hours, minutes, seconds = text.split(":")
        value = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
    except ValueError:
        return None
    return value if value >= 0 else None
