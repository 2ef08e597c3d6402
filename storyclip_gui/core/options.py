"""Story options (clip length, layout, size, quality, trims, naming) and their validation."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import math
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from storyclip_gui.core.naming import TemplateError, parse_name_template, render_name_template
from storyclip_gui.core.presets import PRESETS


class OptionsError(ValueError):
    """Raised for an invalid story option; the message is written for the person who set it."""


class Layout(StrEnum):
    CROP = "crop"  # fill 9:16, centre crop
    BLUR = "blur"  # fit, with a blurred copy of the video behind
    FIT = "fit"  # fit with bars
    SMART = "smart"  # fill 9:16, the crop following the subject (core/framing.py)


LAYOUT_NAMES = ", ".join(layout.value for layout in Layout)


class Cuts(StrEnum):
    FIXED = "fixed"  # every clip_seconds
    SMART = "smart"  # each boundary moved to a nearby silence or scene change (core/smart_cuts)


class EncoderChoice(StrEnum):
    """The H.264 encoder a job asks for (core/ffmpeg/encoders.py, docs/encoders.md)."""

    AUTO = "auto"  # the first hardware encoder that really works here, else x264
    X264 = "x264"
    NVENC = "nvenc"
    VAAPI = "vaapi"
    QSV = "qsv"
    VIDEOTOOLBOX = "videotoolbox"


ENCODER_NAMES = ", ".join(choice.value for choice in EncoderChoice)


class Quality(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True)
class QualitySettings:
    x264_preset: str
    crf: int
    audio_bitrate: str


QUALITY_SETTINGS: dict[Quality, QualitySettings] = {
    Quality.LOW: QualitySettings("veryfast", 28, "96k"),
    Quality.MEDIUM: QualitySettings("veryfast", 23, "128k"),
    Quality.HIGH: QualitySettings("medium", 20, "192k"),
}

OUTPUT_SIZES: tuple[tuple[int, int], ...] = ((1080, 1920), (720, 1280))
DEFAULT_NAME_TEMPLATE = "{stem}_{index:02d}.mp4"
MIN_CLIP_SECONDS = 1.0
MAX_CLIP_SECONDS = 600.0
MAX_CUT_WINDOW = 10.0  # smart cuts look this far either side of a nominal boundary, at most
MAX_OPTION_TEXT = 64  # layout, quality, preset, size as text: longer is never valid
_FORBIDDEN_NAME_CHARS = re.compile(r"[/\\\x00]")


@dataclass(frozen=True)
class StoryOptions:
    """Everything that decides what clips a job produces. Immutable; build with `from_dict`."""

    clip_seconds: float = 15.0
    layout: Layout = Layout.CROP
    width: int = 1080
    height: int = 1920
    quality: Quality = Quality.MEDIUM
    trim_start: float = 0.0
    trim_end: float | None = None
    max_clips: int | None = None
    audio: bool = True
    name_template: str = DEFAULT_NAME_TEMPLATE
    fast_copy: bool = False  # cut without re-encoding when the source already fits
    min_tail_seconds: float = 1.0  # a shorter tail is merged into the previous clip
    preset: str | None = None
    # smart clips (issue 13): where cuts land, how far they may move, loudness normalisation
    cuts: Cuts = Cuts.FIXED
    cut_window: float = 2.0  # seconds either side of the nominal boundary
    loudnorm: bool = False  # two-pass loudnorm to the preset's loudness target
    encoder: EncoderChoice = EncoderChoice.AUTO  # falls back to x264 when it fails (issue 15)

    def __post_init__(self) -> None:
        for name, enum in (("layout", Layout), ("quality", Quality), ("cuts", Cuts),
                           ("encoder", EncoderChoice)):  # fmt: skip
            value = getattr(self, name)
            if isinstance(value, str) and not isinstance(value, enum):
                with contextlib.suppress(ValueError):  # validate() names the problem
                    object.__setattr__(self, name, enum(value.lower()))
        validate(self)

    @property
    def size(self) -> str:
        return f"{self.width}x{self.height}"

    @property
    def quality_settings(self) -> QualitySettings:
        return QUALITY_SETTINGS[self.quality]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; `from_dict(to_dict())` gives back an equal object."""
        return dict(self._json)  # a copy: callers may change it

    @functools.cached_property
    def _json(self) -> dict[str, Any]:  # made once per (immutable) options: every event has it
        data = dataclasses.asdict(self)
        data["layout"] = self.layout.value
        data["quality"] = self.quality.value
        data["cuts"] = self.cuts.value
        data["encoder"] = self.encoder.value
        return data

    @property
    def max_seconds(self) -> float:
        """The longest clip allowed: the preset's platform limit, else the app's."""
        preset = PRESETS.get(self.preset or "")
        return preset.max_seconds if preset else MAX_CLIP_SECONDS

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryOptions:
        """Build from user input (JSON, CLI, settings). Accepts the seed's camelCase names.

        A `preset` sets clip length and limits first; explicit values then override it.
        """
        aliases = {
            "clipSeconds": "clip_seconds",
            "clip_length": "clip_seconds",
            "trimStart": "trim_start",
            "trimEnd": "trim_end",
            "maxClips": "max_clips",
            "nameTemplate": "name_template",
            "fastCopy": "fast_copy",
            "cutWindow": "cut_window",
        }
        fields = {f.name for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            name = aliases.get(key, key)
            if name == "size":
                if value is not None:
                    values["width"], values["height"] = parse_size(value)
                continue
            if name not in fields:
                raise OptionsError(f"Unknown option {_shown(key)}.")
            if value is not None or name in ("trim_end", "max_clips", "preset"):
                values[name] = value
        preset_name = values.get("preset")
        merged: dict[str, Any] = {}
        if preset_name is not None:
            if not isinstance(preset_name, str) or preset_name not in PRESETS:
                raise OptionsError(
                    f"Unknown preset {_shown(preset_name)}; choose one of: {', '.join(PRESETS)}."
                )
            preset = PRESETS[preset_name]
            merged["clip_seconds"] = preset.clip_seconds
            merged["max_clips"] = preset.max_clips
        merged.update(values)
        return cls(**_coerce(merged))


def parse_size(value: Any) -> tuple[int, int]:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        width, height = value
    else:
        text = str(value)[:MAX_OPTION_TEXT + 1]
        match = re.fullmatch(r"\s*([0-9]{1,5})\s*[xX×]\s*([0-9]{1,5})\s*", text)
        if not match:
            raise OptionsError(f"Output size {_shown(value)} is not WIDTHxHEIGHT, e.g. 1080x1920.")
        width, height = match.groups()
    try:
        return int(width), int(height)
    except (TypeError, ValueError, OverflowError):
        raise OptionsError(
            f"Output size {_shown(value)} is not WIDTHxHEIGHT, e.g. 1080x1920."
        ) from None


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    """Turn loosely typed input (strings from a form or CLI) into the declared types."""
    out = dict(values)
    try:
        for name in ("clip_seconds", "trim_start", "min_tail_seconds", "cut_window"):
            if name in out:
                out[name] = _number(out[name], name)
        if out.get("trim_end") is not None:
            out["trim_end"] = _number(out["trim_end"], "trim_end")
        if out.get("max_clips") is not None:
            number = out["max_clips"]
            if isinstance(number, bool) or (isinstance(number, str) and len(number) > 32):
                raise OptionsError("Maximum clips must be a whole number.")
            as_float = float(number)
            if not math.isfinite(as_float) or as_float != int(as_float):
                raise OptionsError("Maximum clips must be a whole number.")
            out["max_clips"] = int(as_float)
        for name in ("width", "height"):
            if name in out:
                value = out[name]
                if isinstance(value, bool) or (isinstance(value, str) and len(value) > 32):
                    raise ValueError(name)
                out[name] = int(value)
    except OptionsError:
        raise
    except (TypeError, ValueError, OverflowError):
        raise OptionsError("Option values must be numbers (clip length, trims, maximum clips, "
                           "width, height).") from None  # fmt: skip
    if "layout" in out:
        try:
            out["layout"] = Layout(str(out["layout"])[:MAX_OPTION_TEXT].lower())
        except ValueError:
            raise OptionsError(
                f"Layout {_shown(out['layout'])} is not one of: {LAYOUT_NAMES}."
            ) from None
    if "quality" in out:
        try:
            out["quality"] = Quality(str(out["quality"])[:MAX_OPTION_TEXT].lower())
        except ValueError:
            raise OptionsError(
                f"Quality {_shown(out['quality'])} is not one of: low, medium, high."
            ) from None
    if "cuts" in out:
        try:
            out["cuts"] = Cuts(str(out["cuts"])[:MAX_OPTION_TEXT].lower())
        except ValueError:
            raise OptionsError(f"Cuts {_shown(out['cuts'])} is not one of: fixed, smart.") from None
    if "encoder" in out:
        try:
            out["encoder"] = EncoderChoice(str(out["encoder"])[:MAX_OPTION_TEXT].lower())
        except ValueError:
            raise OptionsError(f"Encoder {_shown(out['encoder'])} is not one of: "
                               f"{ENCODER_NAMES}.") from None  # fmt: skip
    for name in ("audio", "fast_copy", "loudnorm"):
        if name in out and isinstance(out[name], str):
            out[name] = out[name][:MAX_OPTION_TEXT].strip().lower() in ("1", "true", "yes", "on")
    return out


def _shown(value: Any, limit: int = 40) -> str:
    """A short, printable echo of user input for an error message (never the whole input)."""
    text = value if isinstance(value, str) else repr(value)
    text = text if len(text) <= limit else text[:limit] + "…"
    return repr(text.encode("utf-8", "backslashreplace").decode("utf-8"))


_LABELS = {
    "clip_seconds": "Clip length",
    "trim_start": "Trim start",
    "trim_end": "Trim end",
    "min_tail_seconds": "Minimum tail",
    "cut_window": "Cut window",
}


def _number(value: Any, name: str) -> float:
    label = _LABELS.get(name, name)
    if isinstance(value, bool) or (isinstance(value, str) and len(value) > 64):
        raise OptionsError(f"{label} must be a number of seconds, not {_shown(value)}.")
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise OptionsError(
            f"{label} must be a number of seconds, not {_shown(value)}."
        ) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise OptionsError(f"{label} must be a finite number of seconds.")
    return number


def validate(options: StoryOptions) -> None:
    """Raise OptionsError with a clear message for the first invalid option found."""
    if not isinstance(options.layout, Layout):
        raise OptionsError(f"Layout {_shown(options.layout)} is not one of: {LAYOUT_NAMES}.")
    if not isinstance(options.quality, Quality):
        raise OptionsError(f"Quality {_shown(options.quality)} is not one of: low, medium, high.")
    if options.preset is not None and (not isinstance(options.preset, str)
                                       or options.preset not in PRESETS):  # fmt: skip
        raise OptionsError(
            f"Unknown preset {_shown(options.preset)}; choose one of: {', '.join(PRESETS)}."
        )
    for name in ("clip_seconds", "trim_start", "min_tail_seconds", "trim_end", "cut_window"):
        value = getattr(options, name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not math.isfinite(value)):  # fmt: skip
            raise OptionsError(f"{_LABELS[name]} must be a finite number of seconds.")
    if options.max_clips is not None and (isinstance(options.max_clips, bool)
                                          or not isinstance(options.max_clips, int)):  # fmt: skip
        raise OptionsError("Maximum clips must be a whole number.")
    if not isinstance(options.audio, bool) or not isinstance(options.fast_copy, bool):
        raise OptionsError("audio and fastCopy must be true or false.")
    _validate_smart(options)
    if not MIN_CLIP_SECONDS <= options.clip_seconds <= MAX_CLIP_SECONDS:
        raise OptionsError(
            f"Clip length must be between {MIN_CLIP_SECONDS:g} and {MAX_CLIP_SECONDS:g} seconds, "
            f"not {options.clip_seconds:g}."
        )
    if (options.width, options.height) not in OUTPUT_SIZES:
        sizes = ", ".join(f"{w}x{h}" for w, h in OUTPUT_SIZES)
        raise OptionsError(f"Output size {options.size} is not supported; choose {sizes}.")
    if options.trim_start < 0:
        raise OptionsError("Trim start cannot be negative.")
    if options.trim_end is not None and options.trim_end <= options.trim_start:
        raise OptionsError(
            f"Trim end ({options.trim_end:g} s) must be after trim start "
            f"({options.trim_start:g} s)."
        )
    if options.max_clips is not None and options.max_clips < 1:
        raise OptionsError("Maximum clips must be at least 1.")
    if options.min_tail_seconds < 0:
        raise OptionsError("The minimum tail cannot be negative.")
    _validate_template(options.name_template)


def _validate_smart(options: StoryOptions) -> None:
    """The smart-clip options and the preset's platform limit (issue 16 item 9)."""
    if not isinstance(options.cuts, Cuts):
        raise OptionsError(f"Cuts {_shown(options.cuts)} is not one of: fixed, smart.")
    if not isinstance(options.encoder, EncoderChoice):
        raise OptionsError(f"Encoder {_shown(options.encoder)} is not one of: {ENCODER_NAMES}.")
    if not isinstance(options.loudnorm, bool):
        raise OptionsError("loudnorm must be true or false.")
    if not 0 <= options.cut_window <= MAX_CUT_WINDOW:
        raise OptionsError(f"The cut window must be between 0 and {MAX_CUT_WINDOW:g} seconds, "
                           f"not {options.cut_window:g}.")  # fmt: skip
    preset = PRESETS.get(options.preset or "")
    if preset is not None and options.clip_seconds > preset.max_seconds:
        raise OptionsError(
            f"Clip length {options.clip_seconds:g} s is longer than {preset.label} allows "
            f"({preset.max_seconds:g} s per clip); choose {preset.max_seconds:g} s or less, "
            "or no preset."
        )
    if options.cuts is Cuts.SMART and options.fast_copy:
        raise OptionsError("Smart cuts re-encode at silences and scene changes; they cannot be "
                           "combined with fast copy (which cuts only at keyframes).")  # fmt: skip


def _validate_template(template: str) -> None:
    """The one rule for output names (window, CLI, settings and REST all build StoryOptions):
    the grammar of `naming.parse_name_template`, {index} present, no folders, ends in .mp4."""
    if not isinstance(template, str) or not template.strip():
        raise OptionsError("The output name template is empty.")
    try:
        parts = parse_name_template(template)
        render_name_template(template, "x", 1, 0.0, 1.0)
    except TemplateError as exc:
        raise OptionsError(str(exc)) from None
    if not any(part.field and part.text == "index" for part in parts):
        raise OptionsError("The output name template must contain {index} so clips differ.")
    if _FORBIDDEN_NAME_CHARS.search(template):
        raise OptionsError("The output name template cannot contain a folder separator.")
    if not template.lower().endswith(".mp4"):
        raise OptionsError("The output name template must end in .mp4.")
