"""Is a written clip what was planned? Checked by stream from a packet scan, with messages a
person understands ("Clip 1 came out 2 frames too long (3.08 s, planned 3.00 s)")."""

from __future__ import annotations

from dataclasses import dataclass

from storyclip_gui.core.ffmpeg.packets import PacketScan
from storyclip_gui.core.probe import MediaInfo

CONTAINER_SLACK = 0.1  # the file may say it lasts this much longer or shorter than its video
BANNER_ROUNDING = 0.011  # `ffmpeg -i` prints the container duration to 10 ms


@dataclass(frozen=True)
class Expected:
    """What the source holds for one clip's range."""

    duration: float  # seconds of video: from the first frame in range to the first one after
    frames: int | None  # source frames in range; None when the frame rate is changed (fps cap)
    frame_duration: float  # one source frame (the typical one for variable frame rate)
    size: tuple[int, int]  # width, height
    audio: float | None  # seconds of source sound in range; None: no sound expected
    audio_frame: float = 1024 / 44100  # one audio packet of the source
    # frames ffmpeg said it could not decode while writing this clip (an upper bound: one
    # message per damaged frame or more): they may be missing, and only they
    undecodable: int = 0


def clip_problem(expected: Expected, info: MediaInfo, scan: PacketScan) -> str | None:
    """None when the clip is right; otherwise what is wrong, to follow "Clip N "."""
    video = scan.video
    if not info.has_video or not video.count:
        return "has no video."
    if info.display_size != expected.size:
        w, h = info.display_size
        return f"is {w}x{h}, not {expected.size[0]}x{expected.size[1]}."
    lost = expected.undecodable
    if expected.frames is not None and not (
        expected.frames - lost <= video.count <= expected.frames
    ):
        return _frames_off(video.count - expected.frames, video.duration, expected)
    error = video.duration - expected.duration
    lost_seconds = lost * expected.frame_duration
    one = expected.frame_duration + 1e-3
    if not -lost_seconds - one <= error <= one:
        return _frames_off(round(error / expected.frame_duration), video.duration, expected)
    if expected.audio is not None and expected.audio > expected.audio_frame:
        audio = scan.audio
        if audio is None or not audio.count:
            return "has no sound where the source has sound."
        slack = expected.audio_frame + expected.frame_duration + 1e-3
        if abs(audio.duration - expected.audio) > slack:
            return (f"has {audio.duration:.2f} s of sound where the source has "
                    f"{expected.audio:.2f} s.")  # fmt: skip
    slack = CONTAINER_SLACK + BANNER_ROUNDING + lost_seconds
    if info.duration is not None and abs(info.duration - video.duration) > slack:
        return (f"says it lasts {info.duration:.2f} s but holds "
                f"{video.duration:.2f} s of video.")  # fmt: skip
    return None


def _frames_off(frames: int, measured: float, expected: Expected) -> str:
    amount = f"{abs(frames)} frame{'s' if abs(frames) != 1 else ''}"
    how = "too long" if frames > 0 else "too short"
    return f"came out {amount} {how} ({measured:.2f} s, planned {expected.duration:.2f} s)."
