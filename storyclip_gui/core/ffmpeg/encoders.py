"""H.264 encoders as pure data: the choice, each encoder's argv and rate control per quality.

libx264 keeps the argv command.build_clip always gave it (the exactness suite pins it); the
hardware encoders get the same clip rules (one clip per run, `-ss` before `-i`, output `-t`,
`-fps_mode vfr`, the source's time base) with their own rate control, pixel format and
keyframe options. docs/encoders.md has the table and what was tried on real hardware.
"""

from __future__ import annotations

import re
from typing import Any

from storyclip_gui.core.options import QUALITY_SETTINGS, EncoderChoice, Quality

X264 = "libx264"
# ffmpeg's name for each choice; the hardware ones in the order `auto` tries them
FFMPEG_NAME: dict[EncoderChoice, str] = {
    EncoderChoice.X264: X264,
    EncoderChoice.NVENC: "h264_nvenc",
    EncoderChoice.VAAPI: "h264_vaapi",
    EncoderChoice.QSV: "h264_qsv",
    EncoderChoice.VIDEOTOOLBOX: "h264_videotoolbox",
}
HARDWARE: tuple[str, ...] = tuple(n for n in FFMPEG_NAME.values() if n != X264)
VAAPI_DEVICE = "/dev/dri/renderD128"
# a story size: some encoders refuse small or odd sizes, so detection encodes at this one
PROBE_SIZE = (1080, 1920)

# Rate control per quality, chosen to land near x264's CRF (low 28, medium 23, high 20) in
# quality; not measured on real hardware here (no GPU: docs/encoders.md).
_NVENC = {Quality.LOW: ("p3", 30), Quality.MEDIUM: ("p4", 25), Quality.HIGH: ("p6", 22)}
_VAAPI_QP = {Quality.LOW: 29, Quality.MEDIUM: 24, Quality.HIGH: 21}
_QSV = {Quality.LOW: ("veryfast", 29), Quality.MEDIUM: ("veryfast", 24),
        Quality.HIGH: ("medium", 21)}  # fmt: skip
_VT_MBPS = {Quality.LOW: 3.0, Quality.MEDIUM: 5.0, Quality.HIGH: 8.0}  # at 1080x1920


def ffmpeg_name(choice: EncoderChoice) -> str | None:
    """The encoder an explicit choice names; None for auto."""
    return FFMPEG_NAME.get(choice)


def rate_control(encoder: str, quality: Quality, size: tuple[int, int]) -> dict[str, Any]:
    """The encoder's options for one quality preset (ffmpeg output options without '-')."""
    if encoder == X264:
        q = QUALITY_SETTINGS[quality]
        return {"preset": q.x264_preset, "crf": q.crf}
    if encoder == "h264_nvenc":
        preset, cq = _NVENC[quality]
        return {"preset": preset, "tune": "hq", "rc": "vbr", "cq": cq, "b:v": 0}
    if encoder == "h264_vaapi":
        return {"rc_mode": "CQP", "qp": _VAAPI_QP[quality]}
    if encoder == "h264_qsv":
        preset, icq = _QSV[quality]
        return {"preset": preset, "global_quality": icq, "look_ahead": 0}
    if encoder == "h264_videotoolbox":  # bitrate: constant quality needs Apple Silicon
        mbps = _VT_MBPS[quality] * size[0] * size[1] / (PROBE_SIZE[0] * PROBE_SIZE[1])
        return {"b:v": f"{mbps:.1f}M", "allow_sw": 0}
    raise ValueError(f"unknown encoder {encoder!r}")


def keyframe_options(encoder: str) -> dict[str, Any]:
    """What makes the encoder's first frame (and any forced keyframe) an IDR frame."""
    if encoder == "h264_nvenc":
        return {"forced-idr": 1}
    if encoder == "h264_qsv":
        return {"forced_idr": 1}
    return {}


def pixel_format(encoder: str) -> str:
    """The software pixel format the filter graph ends in for this encoder."""
    return "nv12" if encoder in ("h264_vaapi", "h264_qsv") else "yuv420p"


def uploads(encoder: str) -> bool:
    """Frames go to the GPU in the filter graph (`hwupload` after the format filter)."""
    return encoder == "h264_vaapi"


def input_options(encoder: str, vaapi_device: str = VAAPI_DEVICE) -> list[str]:
    """Global options before `-i` (the VAAPI device the upload and the encoder use)."""
    return ["-vaapi_device", vaapi_device] if encoder == "h264_vaapi" else []


def video_options(encoder: str, quality: Quality, size: tuple[int, int]) -> dict[str, Any]:
    """A hardware encoder's video output options, in ffmpeg-python's keyword form."""
    return {"c:v": encoder, **rate_control(encoder, quality, size), "profile:v": "high",
            **keyframe_options(encoder)}  # fmt: skip


def _flags(options: dict[str, Any]) -> list[str]:
    return [part for key, value in options.items() for part in (f"-{key}", str(value))]


def probe_argv(ffmpeg: str, encoder: str, size: tuple[int, int] = PROBE_SIZE) -> list[str]:
    """Encode one frame of a story-sized picture with the job's options to stdout: the encoder
    works when this exits 0 having written bytes."""
    graph = f"format={pixel_format(encoder)}" + (",hwupload" if uploads(encoder) else "")
    return [ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error",
            *input_options(encoder), "-f", "lavfi",
            "-i", f"color=c=gray:size={size[0]}x{size[1]}:rate=30", "-frames:v", "1",
            "-vf", graph, *_flags(video_options(encoder, Quality.MEDIUM, size)),
            "-f", "h264", "pipe:1"]  # fmt: skip


def encoders_argv(ffmpeg: str) -> list[str]:
    return [ffmpeg, "-hide_banner", "-nostdin", "-encoders"]


_LISTED = re.compile(r"^\s*V\S*\s+(\S+)\s", re.M)


def listed(encoders_output: str) -> frozenset[str]:
    """The video encoders `ffmpeg -encoders` names."""
    return frozenset(_LISTED.findall(encoders_output))


# ffmpeg's follow-on lines after an encoder failed to open: they never say why
_NOISE = re.compile(r"terminating thread|task finished with error|nothing was written|conversion "
                    r"failed|error opening output|error sending frames|before eof|maybe "
                    r"incorrect parameters|error initializing output stream", re.I)  # fmt: skip
_ERROR_WORDS = re.compile(r"error|fail|cannot|could not|unable|invalid|unknown|not supported"
                          r"|not found|impossible|no .* found", re.I)  # fmt: skip
_PREFIX = re.compile(r"^\[([^\]@]*?)\s*@[^\]]*\]\s*")


def failure_line(stderr: str, encoder: str | None = None) -> str:
    """The line of ffmpeg's stderr that says why an encoder failed: the encoder's (or the
    hardware device's) own line, else the first error line that is not a follow-on, else the
    last line; without the `[h264_nvenc @ 0x…]` prefix."""
    lines = [line.strip() for line in stderr.splitlines()
             if line.strip() and not line[0].isspace()]  # fmt: skip
    if not lines:
        return "no error message"
    own = ("AVHWDeviceContext", encoder)
    for line in lines:
        match = _PREFIX.match(line)
        if match and match.group(1) in own:
            return line[match.end():][:200]
    cleaned = [_PREFIX.sub("", line) for line in lines]
    for line in cleaned:
        if _ERROR_WORDS.search(line) and not _NOISE.search(line):
            return line[:200]
    return cleaned[-1][:200]


def encoder_in(argv: list[str]) -> str | None:
    """The video encoder an argv writes with: `-c:v`'s value, "copy" for a stream copy (asked
    for every job view: list.index, not a loop in Python)."""
    for flag in ("-c:v", "-c"):
        if flag in argv:
            value = argv[argv.index(flag) + 1 :][:1]
            if value and (flag == "-c:v" or value[0] == "copy"):
                return value[0]
    return None
