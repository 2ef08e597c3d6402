"""Turning dropped or typed paths into video sources: folders are searched recursively."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

VIDEO_EXTENSIONS = frozenset({
    ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".wmv", ".flv", ".mpg", ".mpeg",
    ".ts", ".m2ts", ".mts", ".3gp", ".ogv", ".mxf", ".vob", ".dv", ".f4v", ".asf",
})  # fmt: skip


@dataclass(frozen=True)
class SourceProblem:
    """An input that yields no job at all (e.g. a folder without videos)."""

    path: str
    message: str


_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders names as people count: v1, v2, v10 (not v1, v10, v2); any case."""
    return tuple((1, int(part)) if i % 2 else (0, part.casefold())
                 for i, part in enumerate(_DIGITS.split(name)))  # fmt: skip


def looks_like_video(path: Path) -> bool:
    return path.suffix.lower() in VIDEO_EXTENSIONS and not path.name.startswith(".")


def find_videos(folder: Path) -> list[Path]:
    """Videos under `folder` in natural order (v2 before v10), hidden files and folders
    skipped, symlinked folders not followed (so a symlink loop cannot trap us)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted((d for d in dirs if not d.startswith(".")), key=natural_key)
        found.extend(Path(root) / f for f in sorted(files, key=natural_key)
                     if looks_like_video(Path(root) / f))  # fmt: skip
    return found


def expand_inputs(paths: list[str]) -> tuple[list[str], list[SourceProblem]]:
    """Files are taken as given (a bad file becomes a failed job with its reason); folders are
    replaced by the videos inside them, or reported when they hold none."""
    sources: list[str] = []
    problems: list[SourceProblem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            videos = find_videos(path)
            if videos:
                sources.extend(str(v) for v in videos)
            else:
                problems.append(SourceProblem(raw, f"No videos found in folder '{raw}'."))
        else:
            sources.append(raw)
    return sources, problems


def demo_source_argv(ffmpeg: str, path: str, seconds: int = 20) -> list[str]:
    """A test-pattern video with a tone, for a first run without any video at hand."""
    return [
        ffmpeg, "-nostdin", "-hide_banner", "-y", "-progress", "pipe:1", "-nostats",
        "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=30:duration={seconds}",
        "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-shortest", path,
    ]  # fmt: skip
