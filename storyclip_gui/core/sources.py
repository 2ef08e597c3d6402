"""Path rules for sources: folders searched for videos, paths normalised, each file checked."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

VIDEO_EXTENSIONS = frozenset({
    ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".wmv", ".flv", ".mpg", ".mpeg",
    ".ts", ".m2ts", ".mts", ".3gp", ".ogv", ".mxf", ".vob", ".dv", ".f4v", ".asf",
    ".y4m", ".m2v", ".nut", ".qt", ".divx", ".rm", ".rmvb", ".mk3d",
})  # fmt: skip
MAX_PATH_CHARS = 4096  # PATH_MAX: a longer path names no file


class Refused(StrEnum):
    """Why a path given to the app yields no job; the value is the reason, in English, said
    after the file's name ('{detail}' filled in)."""

    TOO_LONG = "is longer than 4096 characters, so it names no file"
    NOT_TEXT = "is not a valid path (it holds a NUL character)"
    NOT_UTF8 = ("has a name that is not valid UTF-8, so it cannot be handed to ffmpeg; "
                "rename the file")  # fmt: skip
    RELATIVE = "is not an absolute path"
    MISSING = "does not exist (was it moved?)"
    UNREACHABLE = "cannot be opened: {detail}"
    FOLDER = "is a folder, not a video file"
    NO_VIDEOS = "holds no videos"
    NOT_REGULAR = "is not a regular file"
    HIDDEN = "is hidden (hidden files are often partial copies; they are not taken)"
    NOT_VIDEO = "is not a video file ({detail})"
    EMPTY = "is empty (0 bytes)"
    UNREADABLE = "cannot be read (permission denied)"


@dataclass(frozen=True)
class Refusal:
    """A path that yields no job, and why."""

    path: str  # absolute and normalised when it could be; printable
    why: Refused
    detail: str = ""

    @property
    def reason(self) -> str:
        return self.why.value.replace("{detail}", self.detail)

    @property
    def name(self) -> str:
        """How a person recognises it: a file by its name, a folder by its whole path."""
        return self.path if self.why is Refused.NO_VIDEOS else os.path.basename(self.path)

    @property
    def message(self) -> str:
        return f"'{self.name or self.path}' {self.reason}."


def printable(path: str) -> str:
    """A path as text that can be shown, stored and sent as JSON (bad bytes as \\xNN)."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte ("\ud800")
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def text_problem(path: str) -> Refused | None:
    """What makes `path` unusable as a file name before the file system is asked."""
    if not path:  # joined to a folder it would name the folder itself
        return Refused.MISSING
    if len(path) > MAX_PATH_CHARS:
        return Refused.TOO_LONG
    if "\x00" in path:
        return Refused.NOT_TEXT
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes of a file name (surrogate escapes)
        return Refused.NOT_UTF8
    return None


def clean_path(path: str, base: str | None = None) -> str:
    """`path` made absolute (against `base`, else the working folder) without `.` or `..`.
    A `..` is resolved on the real folders (a symbolic link before it is followed, as the
    system would); the last name is kept as given, so a linked file keeps its own name."""
    joined = os.path.join(base or os.getcwd(), path)
    if ".." not in Path(joined).parts:
        return os.path.normpath(joined)
    head, tail = os.path.split(joined.rstrip(os.sep) or os.sep)
    if tail in ("", ".", ".."):
        return os.path.realpath(joined)
    return os.path.join(os.path.realpath(head), tail)


def file_identity(path: str) -> str:
    """Which file, as it is now: its path, size and modification time (a replaced or rewritten
    file gets a new identity; what is cached for it is then judged again)."""
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}|missing"
    return f"{path}|{st.st_size}|{st.st_mtime_ns}"


def same_file_key(path: str) -> str:
    """What makes two spellings of a path one file: every symbolic link resolved."""
    return os.path.realpath(path)


def file_problem(path: str) -> Refusal | None:
    """Whether ffmpeg can be handed `path`: an existing, regular, non-empty, readable file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return Refusal(path, Refused.MISSING)
    except (OSError, ValueError) as exc:
        return Refusal(path, Refused.UNREACHABLE, getattr(exc, "strerror", None) or str(exc))
    if stat.S_ISDIR(st.st_mode):
        return Refusal(path, Refused.FOLDER)
    if not stat.S_ISREG(st.st_mode):
        return Refusal(path, Refused.NOT_REGULAR)
    if st.st_size == 0:
        return Refusal(path, Refused.EMPTY)
    if not os.access(path, os.R_OK):
        return Refusal(path, Refused.UNREADABLE)
    return None


def name_problem(path: str) -> Refusal | None:
    """The name rules: hidden files are not taken (partial copies, the app's own temporary
    clips); a file whose extension is not a video's is not a video. A file with no extension
    at all is judged by its content (uploads often have none)."""
    name = os.path.basename(path)
    if name.startswith("."):
        return Refusal(path, Refused.HIDDEN)
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in VIDEO_EXTENSIONS:
        return Refusal(path, Refused.NOT_VIDEO, suffix)
    return None


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


def demo_source_argv(ffmpeg: str, path: str, seconds: int = 20) -> list[str]:
    """A test-pattern video with a tone, for a first run without any video at hand."""
    return [
        ffmpeg, "-nostdin", "-hide_banner", "-y", "-progress", "pipe:1", "-nostats",
        "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=30:duration={seconds}",
        "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-shortest", path,
    ]  # fmt: skip
