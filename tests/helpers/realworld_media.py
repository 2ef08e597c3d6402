"""Small sources of the shapes real users have, generated with ffmpeg's lavfi sources.

Each recipe gives the ffmpeg argv (after `ffmpeg -nostdin -loglevel error -y`) for a file of
`seconds` seconds: testsrc2 (a moving picture, so neighbouring frames differ) at 320x240 and a
sine tone, unless said otherwise. `make_source` writes it once (the cache is the folder given).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SIZE = "320x240"


def _video(seconds: float, rate: str = "30", size: str = SIZE, offset: float = 0) -> list[str]:
    lead = ["-itsoffset", f"{offset:g}"] if offset else []
    return [*lead, "-f", "lavfi", "-i", f"testsrc2=size={size}:rate={rate}:duration={seconds:g}"]


def _tone(seconds: float, rate: int = 48000) -> list[str]:
    return ["-f", "lavfi", "-i", f"sine=frequency=440:sample_rate={rate}:duration={seconds:g}"]


# a keyframe every 40 frames: the 3 s cuts fall inside GOPs, as they do in real files
X264 = ["-c:v", "libx264", "-preset", "ultrafast", "-g", "40", "-pix_fmt", "yuv420p"]
AAC = ["-c:a", "aac", "-b:a", "96k"]


@dataclass(frozen=True)
class Recipe:
    suffix: str
    argv: Callable[[float], list[str]]  # seconds → ffmpeg arguments (inputs, outputs)
    what: str
    to_stdout: bool = False  # written through a pipe: no seekable output, no durations


def _vfr(s: float) -> list[str]:
    jitter = "settb=1/90000,setpts='N/30/TB+if(mod(N,3),0.013/TB*sin(N),0)'"
    return [*_video(s), *_tone(s), "-vf", jitter, "-fps_mode", "passthrough",
            "-enc_time_base:v", "1/90000", *X264, *AAC, "-shortest"]  # fmt: skip


def _plain(rate: str = "30") -> Callable[[float], list[str]]:
    return lambda s: [*_video(s, rate), *_tone(s), *X264, *AAC]


RECIPES: dict[str, Recipe] = {
    "vfr_jitter": Recipe(".mp4", _vfr, "variable frame rate: 30 fps timestamps jittered by "
                         "up to 13 ms, 1/90000 time base (as phones write)"),
    "fps_26_777": Recipe(".mp4", _plain("26777/1000"), "26.777 fps H.264 (a phone camera's "
                         "measured rate)"),
    "ntsc_29_97": Recipe(".mp4", _plain("30000/1001"), "29.97 fps H.264"),
    "cinepak_15fps": Recipe(".avi", lambda s: [  # Cinepak encodes at ~7 fps: keep it small
        *_video(s, "15", "160x120"), *_tone(s, 22050), "-c:v", "cinepak", "-c:a", "pcm_s16le"],
        "160x120 15 fps Cinepak + PCM in AVI (a 1990s file)"),
    "msmpeg4_15fps": Recipe(".avi", lambda s: [
        *_video(s, "15"), *_tone(s, 22050), "-c:v", "msmpeg4v2", "-q:v", "4",
        "-c:a", "pcm_s16le"], "15 fps MS-MPEG4v2 + PCM in AVI"),
    "webm_no_durations": Recipe(".webm", lambda s: [
        *_video(s), *_tone(s), "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8",
        "-g", "30", "-c:a", "libopus"],
        "VP9 + Opus WebM written to a pipe: no duration, no cues", to_stdout=True),
    "audio_shorter": Recipe(".mp4", lambda s: [
        *_video(s), *_tone(s * 0.6), *X264, *AAC], "sound stops at 60 % of the video"),
    "audio_longer": Recipe(".mp4", lambda s: [
        *_video(s), *_tone(s + 2), *X264, *AAC], "sound lasts 2 s past the video"),
    "late_video": Recipe(".mp4", lambda s: [
        *_video(s, offset=0.4), *_tone(s + 0.4), *X264, *AAC],
        "video starts 0.4 s after the sound (empty edit)"),
    "ts_offset": Recipe(".mp4", lambda s: [
        *_video(s), *_tone(s), *X264, *AAC, "-output_ts_offset", "2.5"],
        "every timestamp 2.5 s late (-output_ts_offset)"),
    "mpegts": Recipe(".ts", lambda s: [
        *_video(s), *_tone(s), *X264, "-c:a", "mp2"],
        "MPEG-TS: timestamps start at 1.4 s"),
    "bframes_editlist": Recipe(".mp4", lambda s: [
        *_video(s), *_tone(s), "-c:v", "libx264", "-preset", "medium", "-pix_fmt", "yuv420p",
        *AAC], "x264 defaults (3 B-frames, pyramid): edit list, pts != dts"),
    "fps_120": Recipe(".mp4", lambda s: [
        *_video(s, "120"), "-c:v", "libx264", "-preset", "ultrafast", "-g", "60"],
        "120 fps, no sound (capped to 60 fps by the engine)"),
    "plain_30": Recipe(".mp4", _plain("30"), "30 fps H.264 + AAC (for clip-count shapes)"),
    "copy_720x1280": Recipe(".mp4", lambda s: [
        *_video(s, "30", "720x1280"), *_tone(s), "-c:v", "libx264", "-preset", "ultrafast",
        "-g", "45", "-keyint_min", "45", "-sc_threshold", "0", "-pix_fmt", "yuv420p", *AAC],
        "720x1280 H.264, a keyframe every 45 frames (fast-copy)"),
}


def make_source(ffmpeg: str, folder: Path, recipe: str, seconds: float, name: str = "") -> Path:
    """Write `recipe` of `seconds` seconds into `folder` (once) and return its path."""
    spec = RECIPES[recipe]
    path = folder / f"{name or recipe}_{seconds:g}s{spec.suffix}"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part" + spec.suffix)
    argv = [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *spec.argv(seconds),
            "-f", MUXERS[spec.suffix]]  # fmt: skip
    if spec.to_stdout:
        with part.open("wb") as out:
            subprocess.run([*argv, "pipe:1"], check=True, stdout=out, stderr=subprocess.PIPE)
    else:
        subprocess.run([*argv, str(part)], check=True, capture_output=True)
    part.rename(path)
    return path


MUXERS = {".mp4": "mp4", ".avi": "avi", ".ts": "mpegts", ".webm": "webm"}
