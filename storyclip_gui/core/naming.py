"""File and folder names for outputs: safe stems, the name template, collisions, temp names."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # plan imports options, which imports this module's template grammar
    from storyclip_gui.core.plan import ClipPlan

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')

# -- the output name template -------------------------------------------------------------------
# A small grammar of its own, not str.format: `str.format` allows attribute and item access
# (`{stem.__class__}`) and any width (`{index:0999999999}` asks for gigabytes). Literal text,
# `{{` / `}}` for braces, and fields from TEMPLATE_FIELDS with a tiny format spec:
#   {stem}                      the source's safe stem (no spec)
#   {index} {index:02d} {index:3}   clip number: optional 0-fill, width 1-4, optional 'd'
#   {start} {end:.1f} {start:06.2f} seconds: optional 0-fill, width 1-4 (or up to 8 with
#                               a precision), precision 0-3, 'f'
TEMPLATE_FIELDS = ("stem", "index", "start", "end")
MAX_TEMPLATE_CHARS = 128
MAX_TEMPLATE_FIELDS = 8
MAX_FIELD_WIDTH = 4
MAX_NAME_BYTES = 240  # a rendered clip name (file systems allow 255)
_INT_SPEC = re.compile(r"(0?)([0-9]*)d?")
_FLOAT_SPEC = re.compile(r"(0?)([0-9]*)(?:\.([0-9]+))?f")


class TemplateError(ValueError):
    """The name template breaks the grammar; the message is for the person who wrote it."""


@dataclass(frozen=True)
class TemplatePart:
    text: str  # literal text, or the field's name when `field` is True
    field: bool = False
    spec: str = ""


def _shown(text: str, limit: int = 40) -> str:
    """A short, printable echo of user input for an error message."""
    shown = text if len(text) <= limit else text[:limit] + "…"
    return repr(shown.encode("utf-8", "backslashreplace").decode("utf-8"))


def _check_spec(name: str, spec: str) -> None:
    if name == "stem":
        if spec:
            raise TemplateError("{stem} takes no format spec.")
        return
    if name == "index":
        match = _INT_SPEC.fullmatch(spec)
        what = "{index} takes a spec like 02d (zero-fill, width 1-4)"
        width, precision = (match.group(2), None) if match else ("", None)
    else:
        match = _FLOAT_SPEC.fullmatch(spec) if spec else None
        what = f"{{{name}}} takes a spec like .1f or 06.2f (width 1-8, precision 0-3)"
        width, precision = (match.group(2), match.group(3)) if match else ("", None)
        if not spec:
            return
    if match is None:
        raise TemplateError(f"The format spec {_shown(spec)} in the output name template is "
                            f"malformed: {what}.")  # fmt: skip
    limit = MAX_FIELD_WIDTH if precision is None else 2 * MAX_FIELD_WIDTH
    if width and not 1 <= int(width) <= limit:
        raise TemplateError(f"The width in {{{name}:{spec}}} is over {limit}: {what}.")
    if precision is not None and not 0 <= int(precision) <= 3:
        raise TemplateError(f"The precision in {{{name}:{spec}}} is over 3: {what}.")


def parse_name_template(template: str) -> tuple[TemplatePart, ...]:
    """The template's parts, or TemplateError naming the first thing the grammar refuses."""
    if not isinstance(template, str):
        raise TemplateError("The output name template must be text.")
    if len(template) > MAX_TEMPLATE_CHARS:
        raise TemplateError(
            f"The output name template is longer than {MAX_TEMPLATE_CHARS} characters."
        )
    parts: list[TemplatePart] = []
    literal: list[str] = []
    i, n = 0, len(template)
    while i < n:
        char = template[i]
        if char in "{}" and template.startswith(char * 2, i):
            literal.append(char)
            i += 2
            continue
        if char == "}":
            raise TemplateError("The output name template has a '}' with no '{' (write }} for "
                                "a brace).")  # fmt: skip
        if char != "{":
            literal.append(char)
            i += 1
            continue
        end = template.find("}", i + 1)
        if end < 0:
            raise TemplateError("The output name template has a '{' that is never closed.")
        body = template[i + 1 : end]
        name, _, spec = body.partition(":")
        if name not in TEMPLATE_FIELDS:
            raise TemplateError(
                f"The output name template uses unknown fields: {_shown('{' + body + '}')}; "
                f"available: {', '.join('{' + f + '}' for f in TEMPLATE_FIELDS)}."
            )
        _check_spec(name, spec)
        if literal:
            parts.append(TemplatePart("".join(literal)))
            literal = []
        parts.append(TemplatePart(name, True, spec))
        i = end + 1
    if literal:
        parts.append(TemplatePart("".join(literal)))
    if sum(part.field for part in parts) > MAX_TEMPLATE_FIELDS:
        raise TemplateError(
            f"The output name template has more than {MAX_TEMPLATE_FIELDS} fields."
        )
    return tuple(parts)


def render_name_template(
    template: str, stem: str, index: int, start: float, end: float
) -> str:
    """The template filled in, by the grammar above (never str.format on user input)."""
    values: dict[str, object] = {"stem": stem, "index": index, "start": start, "end": end}
    out = []
    for part in parse_name_template(template):
        out.append(format(values[part.text], part.spec) if part.field else part.text)
    return "".join(out)


def _fit_bytes(name: str, limit: int = MAX_NAME_BYTES) -> str:
    """`name` cut (before its extension) to at most `limit` UTF-8 bytes."""
    if len(name.encode("utf-8")) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 8:
        stem, ext = name, ""
    suffix = f".{ext}" if ext else ""
    budget = limit - len(suffix.encode("utf-8"))
    return stem.encode("utf-8")[:budget].decode("utf-8", "ignore") + suffix


def safe_stem(source: str | os.PathLike[str]) -> str:
    """A file-name-safe, visible stem: control characters and separators become '_'.

    Leading dots and dashes are dropped so outputs are neither hidden nor mistaken for options.
    """
    stem = unicodedata.normalize("NFC", Path(source).stem)
    stem = _UNSAFE.sub("_", stem).strip().lstrip(".-").strip()
    return stem[:120] or "video"


def clip_filename(template: str, stem: str, clip: ClipPlan) -> str:
    name = render_name_template(template, stem, clip.index, clip.start, clip.end)
    name = _fit_bytes(_UNSAFE.sub("_", name).lstrip("."))
    return name or f"clip_{clip.index:02d}.mp4"


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
