"""Story options in words for people: the labels and values the window shows for a job."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from storyclip_gui.core.presets import PRESETS

CONTEXT = "OptionLabels"

# in the order the Options tab lists them; options added later show after these, by name
LABELS: dict[str, str] = {
    "preset": QT_TRANSLATE_NOOP("OptionLabels", "Preset"),
    "clip_seconds": QT_TRANSLATE_NOOP("OptionLabels", "Clip length"),
    "layout": QT_TRANSLATE_NOOP("OptionLabels", "Layout"),
    "size": QT_TRANSLATE_NOOP("OptionLabels", "Size"),
    "quality": QT_TRANSLATE_NOOP("OptionLabels", "Quality"),
    "trim_start": QT_TRANSLATE_NOOP("OptionLabels", "Start at"),
    "trim_end": QT_TRANSLATE_NOOP("OptionLabels", "End at"),
    "max_clips": QT_TRANSLATE_NOOP("OptionLabels", "Most clips"),
    "audio": QT_TRANSLATE_NOOP("OptionLabels", "Sound"),
    "fast_copy": QT_TRANSLATE_NOOP("OptionLabels", "Fast copy (no re-encoding)"),
    "min_tail_seconds": QT_TRANSLATE_NOOP("OptionLabels", "Shortest last clip"),
    "name_template": QT_TRANSLATE_NOOP("OptionLabels", "File names"),
    "encoder": QT_TRANSLATE_NOOP("OptionLabels", "Encoder"),
}
CHOICES: dict[str, str] = {
    "crop": QT_TRANSLATE_NOOP("OptionLabels", "Crop to fill"),
    "blur": QT_TRANSLATE_NOOP("OptionLabels", "Fit on blurred copy"),
    "fit": QT_TRANSLATE_NOOP("OptionLabels", "Fit with bars"),
    "low": QT_TRANSLATE_NOOP("OptionLabels", "Low (fast)"),
    "medium": QT_TRANSLATE_NOOP("OptionLabels", "Medium"),
    "high": QT_TRANSLATE_NOOP("OptionLabels", "High (slow)"),
    # where the settings say clips are rendered
    "local": QT_TRANSLATE_NOOP("OptionLabels", "This computer"),
    "dask": QT_TRANSLATE_NOOP("OptionLabels", "A Dask cluster"),
    "auto": QT_TRANSLATE_NOOP("OptionLabels", "Automatic (hardware if it works)"),
    "x264": QT_TRANSLATE_NOOP("OptionLabels", "x264 (software)"),
    "nvenc": QT_TRANSLATE_NOOP("OptionLabels", "NVIDIA NVENC"),
    "vaapi": QT_TRANSLATE_NOOP("OptionLabels", "VA-API (Intel, AMD)"),
    "qsv": QT_TRANSLATE_NOOP("OptionLabels", "Intel Quick Sync"),
    "videotoolbox": QT_TRANSLATE_NOOP("OptionLabels", "Apple VideoToolbox"),
    # the settings' when-done actions
    "nothing": QT_TRANSLATE_NOOP("OptionLabels", "Nothing (notify only)"),
    "command": QT_TRANSLATE_NOOP("OptionLabels", "Run a command"),
    "sleep": QT_TRANSLATE_NOOP("OptionLabels", "Sleep"),
    "shutdown": QT_TRANSLATE_NOOP("OptionLabels", "Shut down"),
}
SECONDS = frozenset({"clip_seconds", "trim_start", "trim_end", "min_tail_seconds"})


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def choice_label(value: str) -> str:
    """ "medium" → "Medium" (translated); unknown values as they are."""
    return _t(CHOICES[value]) if value in CHOICES else value


def _value(name: str, value: Any) -> str:
    if name == "preset":
        preset = PRESETS.get(value or "")
        return preset.label if preset else QCoreApplication.translate("OptionLabels", "Custom")
    if name == "trim_end" and value is None:
        return QCoreApplication.translate("OptionLabels", "the end of the video")
    if name == "max_clips" and value is None:
        return QCoreApplication.translate("OptionLabels", "no limit")
    if isinstance(value, bool):
        yes, no = (QCoreApplication.translate("OptionLabels", "Yes"),
                   QCoreApplication.translate("OptionLabels", "No"))  # fmt: skip
        return yes if value else no
    if value is None:
        return "—"
    if name in SECONDS:
        return f"{float(value):g} s"
    if isinstance(value, str):
        return choice_label(value)
    return str(value)


def describe_options(options: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) per option, e.g. ("End at", "the end of the video"), ("Sound", "Yes")."""
    values = dict(options)
    if "width" in values and "height" in values:
        values["size"] = f"{values.pop('width')}×{values.pop('height')}"
    known = [name for name in LABELS if name in values]
    extra = sorted(name for name in values if name not in LABELS)
    return [
        (_t(LABELS[name]) if name in LABELS else name.replace("_", " ").capitalize(),
         _value(name, values[name]))
        for name in (*known, *extra)
    ]  # fmt: skip
