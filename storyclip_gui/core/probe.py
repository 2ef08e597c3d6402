"""Media probing: the argv to ask ffprobe or ffmpeg about a file, and parsers for their answers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any


class ProbeError(ValueError):
    """The probe output says the file is not usable media; the message is for a person."""


@dataclass(frozen=True)
class MediaInfo:
    duration: float | None  # seconds; None when the container does not say
    width: int = 0  # coded size, before rotation and sample aspect ratio
    height: int = 0
    rotation: int = 0  # clockwise degrees the player applies: 0, 90, 180 or 270
    sar: Fraction = Fraction(1)
    fps: float | None = None
    has_video: bool = False
    has_audio: bool = False
    video_codec: str | None = None
    audio_codec: str | None = None
    pix_fmt: str | None = None
    format_name: str | None = None
    start_time: float = 0.0  # the container's first timestamp (its clock's zero)

    @property
    def display_size(self) -> tuple[int, int]:
        """Size as a player shows it: square pixels, rotation applied."""
        width = round(self.width * self.sar) if self.sar > 0 else self.width
        height = self.height
        if self.rotation in (90, 270):
            width, height = height, width
        return width, height

    @property
    def frame_duration(self) -> float:
        return 1.0 / self.fps if self.fps and self.fps > 0 else 1.0 / 30


def ffprobe_argv(ffprobe: str, path: str) -> list[str]:
    return [
        ffprobe, "-v", "error", "-hide_banner", "-print_format", "json",
        "-show_format", "-show_streams", path,
    ]  # fmt: skip


def ffmpeg_probe_argv(ffmpeg: str, path: str) -> list[str]:
    """ffmpeg with an input and no output prints the stream summary on stderr and exits 1."""
    return [ffmpeg, "-nostdin", "-hide_banner", "-i", path]


def _rotation(degrees: float) -> int:
    """Display-matrix rotation (counter-clockwise, may be negative) → clockwise 0/90/180/270."""
    return round(-degrees / 90.0) % 4 * 90


def _fraction(text: str | None) -> Fraction | None:
    if not text or text in ("0/0", "N/A"):
        return None
    try:
        value = Fraction(text.replace(":", "/"))
    except (ValueError, ZeroDivisionError):
        return None
    return value if value > 0 else None


def parse_ffprobe_json(text: str) -> MediaInfo:
    try:
        data: dict[str, Any] = json.loads(text or "{}")
    except json.JSONDecodeError as exc:
        raise ProbeError(f"ffprobe gave unreadable output: {exc}") from None
    streams = data.get("streams") or []
    fmt = data.get("format") or {}
    video = next(
        (
            s
            for s in streams
            if s.get("codec_type") == "video"
            and not (s.get("disposition") or {}).get("attached_pic")
        ),
        None,
    )
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    duration = _float(fmt.get("duration"))
    if duration is None and video is not None:
        duration = _float(video.get("duration"))
    if video is None:
        return MediaInfo(
            duration=duration,
            has_audio=audio is not None,
            audio_codec=audio.get("codec_name") if audio else None,
            format_name=fmt.get("format_name"),
        )
    rotation = 0
    for side in video.get("side_data_list") or []:
        if "rotation" in side:
            rotation = _rotation(float(side["rotation"]))
    if not rotation and "rotate" in (video.get("tags") or {}):
        rotation = int(float(video["tags"]["rotate"])) % 360
    fps = _fraction(video.get("avg_frame_rate")) or _fraction(video.get("r_frame_rate"))
    return MediaInfo(
        duration=duration,
        width=int(video.get("width") or 0),
        height=int(video.get("height") or 0),
        rotation=rotation,
        sar=_fraction(video.get("sample_aspect_ratio")) or Fraction(1),
        fps=float(fps) if fps else None,
        has_video=True,
        has_audio=audio is not None,
        video_codec=video.get("codec_name"),
        audio_codec=audio.get("codec_name") if audio else None,
        pix_fmt=video.get("pix_fmt"),
        format_name=fmt.get("format_name"),
        start_time=_float(fmt.get("start_time")) or 0.0,
    )


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


_INPUT = re.compile(r"^Input #0, ([^,]+(?:,[^,\s]+)*), from ", re.M)
_DURATION = re.compile(r"^\s*Duration: (N/A|(\d+):(\d\d):(\d\d(?:\.\d+)?))", re.M)
_START = re.compile(r"^\s*Duration: [^,\n]*, start: (-?[\d.]+)", re.M)
_STREAM = re.compile(
    r"^\s*Stream #0:\d+(?:\[[^\]]*\])?(?:\([^)]*\))?: "
    r"(Video|Audio|Subtitle|Data|Attachment): (.*)$",
    re.M,
)
_SIZE = re.compile(r"(\d{1,6})x(\d{1,6})(?:\s*\[SAR (\d+):(\d+) DAR [^\]]*\])?")
_FPS = re.compile(r"([\d.]+k?) fps")
_TBR = re.compile(r"([\d.]+k?) tbr")
_ROTATION = re.compile(r"display ?matrix: rotation of (-?[\d.]+) degrees", re.I)
_ERROR_HINTS = (
    ("misdetection possible", "This is not a video file (its contents match no media format)."),
    ("No such file or directory", "The file does not exist."),
    ("Permission denied", "The file cannot be read (permission denied)."),
    ("Is a directory", "That path is a folder, not a video file."),
    ("moov atom not found", "The file is incomplete or damaged (no index: 'moov atom not found')."),
    ("Invalid data found when processing input", "The file is not a video ffmpeg can read."),
    ("Picture size", "The file declares an impossible picture size; it is probably damaged."),
    ("could not find codec parameters",
     "No stream in the file can be decoded; it is damaged or not a video."),
    ("does not contain any stream", "The file contains no audio or video."),
    ("End of file", "No stream in the file can be decoded; it is damaged or not a video."),
)


def _rate(text: str) -> float:
    return float(text[:-1]) * 1000 if text.endswith("k") else float(text)


def parse_ffmpeg_banner(stderr: str) -> MediaInfo:
    """Parse the stream summary `ffmpeg -i FILE` prints (used when no ffprobe is installed)."""
    if not _INPUT.search(stderr):
        for needle, message in _ERROR_HINTS:
            if needle in stderr:
                raise ProbeError(message)
        last = next((ln for ln in reversed(stderr.strip().splitlines()) if ln.strip()), "")
        raise ProbeError(f"ffmpeg could not read the file: {last or 'no output'}")
    input_match = _INPUT.search(stderr)
    format_name = input_match.group(1) if input_match else None
    duration: float | None = None
    dm = _DURATION.search(stderr)
    if dm and dm.group(1) != "N/A":
        duration = int(dm.group(2)) * 3600 + int(dm.group(3)) * 60 + float(dm.group(4))
    sm = _START.search(stderr)
    start_time = float(sm.group(1)) if sm else 0.0
    video_line: str | None = None
    video_block = ""
    audio_codec: str | None = None
    streams = list(_STREAM.finditer(stderr))
    for i, match in enumerate(streams):
        kind, rest = match.group(1), match.group(2)
        if kind == "Video" and video_line is None and "(attached pic)" not in rest:
            video_line = rest
            end = streams[i + 1].start() if i + 1 < len(streams) else len(stderr)
            video_block = stderr[match.end() : end]
        elif kind == "Audio" and audio_codec is None:
            audio_codec = rest.split(",")[0].split(" ")[0].strip()
    has_audio = audio_codec is not None
    if video_line is None:
        return MediaInfo(duration=duration, has_audio=has_audio, audio_codec=audio_codec,
                         format_name=format_name, start_time=start_time)  # fmt: skip
    codec = video_line.split(",")[0].split(" ")[0].strip()
    width = height = 0
    sar = Fraction(1)
    parts = _split_top_level(video_line)
    for part in parts[1:]:
        size = _SIZE.match(part.strip())
        if size:
            width, height = int(size.group(1)), int(size.group(2))
            if size.group(3) and int(size.group(3)) and int(size.group(4)):
                sar = Fraction(int(size.group(3)), int(size.group(4)))
            break
    fps_match = _FPS.search(video_line) or _TBR.search(video_line)
    rotation_match = _ROTATION.search(video_block)
    pix_fmt = parts[1].split("(")[0].strip() or None if len(parts) > 1 else None
    return MediaInfo(
        duration=duration,
        width=width,
        height=height,
        rotation=_rotation(float(rotation_match.group(1))) if rotation_match else 0,
        sar=sar,
        fps=_rate(fps_match.group(1)) if fps_match else None,
        has_video=True,
        has_audio=has_audio,
        video_codec=codec,
        audio_codec=audio_codec,
        pix_fmt=pix_fmt,
        format_name=format_name,
        start_time=start_time,
    )


def _split_top_level(text: str) -> list[str]:
    """Split on commas that are not inside parentheses ("yuv420p(tv, bt709)" stays whole)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts
