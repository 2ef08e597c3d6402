"""Generate small real media with ffmpeg's lavfi sources (cached per test session)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def make_video(
    ffmpeg: str,
    path: Path,
    *,
    seconds: float = 3,
    size: str = "320x240",
    fps: float = 30,
    audio: bool = True,
    rotation: int | None = None,
    vcodec: str = "libx264",
    pix_fmt: str = "yuv420p",
    sar: str | None = None,
    extra_output: tuple[str, ...] = (),
) -> Path:
    """A testsrc2 video (+ a sine tone) of exactly `seconds`; rotation sets a display matrix."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = path.with_name(path.stem + ".raw" + path.suffix)
    vf = f"setsar={sar}" if sar else "null"
    argv = [
        ffmpeg,
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"testsrc2=size={size}:rate={fps}:duration={seconds}",
    ]
    if audio:
        argv += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    argv += ["-vf", vf, "-c:v", vcodec, "-pix_fmt", pix_fmt]
    if vcodec == "libx264":
        argv += ["-preset", "ultrafast", "-g", "15"]
    if audio:
        argv += ["-c:a", "aac" if path.suffix != ".webm" else "libopus", "-shortest"]
    argv += [*extra_output, str(raw if rotation is not None else path)]
    subprocess.run(argv, check=True, capture_output=True)
    if rotation is not None:
        subprocess.run(
            [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
             "-display_rotation", str(rotation), "-i", str(raw), "-c", "copy", str(path)],
            check=True, capture_output=True,
        )  # fmt: skip
        raw.unlink()
    return path


def make_audio_only(ffmpeg: str, path: Path, seconds: float = 2) -> Path:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi",
                        "-i", f"sine=duration={seconds}", str(path)],
                       check=True, capture_output=True)  # fmt: skip
    return path
