"""File and folder names for outputs: safe stems, the name template, collisions, temp names."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from storyclip_gui.core.plan import ClipPlan

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def safe_stem(source: str | os.PathLike[str]) -> str:
    """A file-name-safe, visible stem: control characters and separators become '_'.

    Leading dots and dashes are dropped so outputs are neither hidden nor mistaken for options.
    """
    stem = unicodedata.normalize("NFC", Path(source).stem)
    stem = _UNSAFE.sub("_", stem).strip().lstrip(".-").strip()
    return stem[:120] or "video"


def clip_filename(template: str, stem: str, clip: ClipPlan) -> str:
    name = template.format(stem=stem, index=clip.index, start=clip.start, end=clip.end)
    return _UNSAFE.sub("_", name).lstrip(".") or f"clip_{clip.index:02d}.mp4"


def unique_path(path: Path, taken: set[Path] | None = None) -> Path:
    """`path`, or `stem (2).ext`, `stem (3).ext`… — the first that neither exists nor is taken."""
    taken = taken or set()
    candidate, n = path, 1
    while candidate.exists() or candidate in taken:
        n += 1
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    return candidate


def reserve_job_dir(output_root: Path, source: str | os.PathLike[str]) -> Path:
    """Create and return a fresh folder for one job's clips (mkdir is the atomic reservation)."""
    output_root.mkdir(parents=True, exist_ok=True)
    base = output_root / safe_stem(source)
    n = 1
    while True:
        candidate = base if n == 1 else base.with_name(f"{base.name} ({n})")
        try:
            candidate.mkdir()
        except FileExistsError:
            n += 1
            continue
        return candidate


def temp_clip_pattern(job_dir: Path, job_id: str) -> str:
    """The segment muxer's output pattern: hidden files in the job folder ('%' escaped)."""
    return str(job_dir / f".{job_id}.").replace("%", "%%") + "%03d.part"


def temp_clip_path(job_dir: Path, job_id: str, index: int) -> Path:
    return job_dir / f".{job_id}.{index:03d}.part"


def is_temp_of(path: Path, job_id: str) -> bool:
    return path.name.startswith(f".{job_id}.") and path.name.endswith(".part")
