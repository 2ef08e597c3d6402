"""Find ffmpeg and its own ffprobe: setting > environment > bundled (imageio-ffmpeg) > PATH."""

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
    """The `ffmpeg` setting > `STORYCLIP_FFMPEG` > the bundled build > `ffmpeg` on PATH.

    The bundled build comes first because it is the one the engine is tested and exact with,
    the same on every machine; a distribution's ffmpeg may be years older (Ubuntu 22.04 has
    4.4). Set the path (or "system" for the one on PATH) to use another: it is used once it
    passes the self-test (core.selftest). ffprobe is used only when it sits beside the chosen
    ffmpeg, so the two are always one build; otherwise probing parses `ffmpeg -i`.
    """
    env = os.environ if env is None else env
    candidates = (
        (configured, "setting"),  # settings already weigh the environment against the rest
        (env.get("STORYCLIP_FFMPEG"), "environment"),
    )
    for path, source in candidates:
        if path == "system":
            return _on_path(source)
        if path:
            found = _executable(path)
            if not found:
                raise FFmpegNotFound(
                    f"ffmpeg from the {source} ({path!r}) does not exist or is not executable."
                )
            return Toolchain(found, _ffprobe_beside(found), source)
    bundled = bundled_toolchain()
    if bundled:
        return bundled
    return _on_path("PATH")


def bundled_toolchain() -> Toolchain | None:
    bundled = _bundled_ffmpeg()
    if bundled and _executable(bundled):
        return Toolchain(bundled, _ffprobe_beside(bundled), "imageio-ffmpeg")
    return None


def _on_path(source: str) -> Toolchain:
    on_path = shutil.which("ffmpeg")
    if on_path:
        found = str(Path(on_path).absolute())
        return Toolchain(found, _ffprobe_beside(found), "PATH" if source == "PATH" else source)
    raise FFmpegNotFound(
        "ffmpeg was not found: `pip install imageio-ffmpeg` (it ships one), or install it "
        "(e.g. `apt install ffmpeg`), or set STORYCLIP_FFMPEG to its path."
    )


def _ffprobe_beside(ffmpeg: str) -> str | None:
    """The ffprobe of the same build: in the same folder, with the same version suffix."""
    path = Path(ffmpeg)
    sibling = path.with_name(path.name.replace("ffmpeg", "ffprobe", 1))
    if sibling != path and sibling.is_file() and os.access(sibling, os.X_OK):
        return str(sibling)
    return None
