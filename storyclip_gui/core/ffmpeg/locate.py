"""Find ffmpeg and a prober: configured path > `ffmpeg` on PATH > the imageio-ffmpeg binary."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


class FFmpegNotFound(RuntimeError):
    """No usable ffmpeg; the message says where we looked and how to fix it."""


@dataclass(frozen=True)
class Toolchain:
    ffmpeg: str
    ffprobe: str | None  # None: probe through ffmpeg itself (imageio-ffmpeg ships no ffprobe)
    source: str  # "setting", "environment", "PATH" or "imageio-ffmpeg"


def _bundled_ffmpeg() -> str | None:
    try:
        import imageio_ffmpeg  # a pip-installed static build, our last resort
    except ImportError:
        return None
    try:
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (RuntimeError, OSError):
        return None


def _executable(path: str) -> str | None:
    resolved = shutil.which(path) if os.sep not in path else path
    if resolved and os.path.isfile(resolved) and os.access(resolved, os.X_OK):
        return str(Path(resolved).absolute())
    return None


def locate(configured: str | None = None, env: Mapping[str, str] | None = None) -> Toolchain:
    env = os.environ if env is None else env
    candidates = (
        (env.get("STORYCLIP_FFMPEG"), "environment"),
        (configured, "setting"),
    )
    for path, source in candidates:
        if path:
            found = _executable(path)
            if not found:
                raise FFmpegNotFound(
                    f"ffmpeg from the {source} ({path!r}) does not exist or is not executable."
                )
            return Toolchain(found, _ffprobe_beside(found), source)
    on_path = shutil.which("ffmpeg")
    if on_path:
        return Toolchain(str(Path(on_path).absolute()), _ffprobe_beside(on_path), "PATH")
    bundled = _bundled_ffmpeg()
    if bundled and _executable(bundled):
        return Toolchain(bundled, shutil.which("ffprobe"), "imageio-ffmpeg")
    raise FFmpegNotFound(
        "ffmpeg was not found: install it (e.g. `apt install ffmpeg`), or "
        "`pip install imageio-ffmpeg`, or set STORYCLIP_FFMPEG to its path."
    )


def _ffprobe_beside(ffmpeg: str) -> str | None:
    sibling = Path(ffmpeg).with_name("ffprobe" + Path(ffmpeg).suffix)
    if sibling.is_file() and os.access(sibling, os.X_OK):
        return str(sibling)
    return shutil.which("ffprobe")
