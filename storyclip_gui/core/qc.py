"""Per-clip quality checks against the preset's platform rules (after verification).

Duration, picture size, frame rate, file size and bitrate, sound present, and loudness near
the platform's target (EBU R128 integrated loudness, measured by ffmpeg's `ebur128` filter).
Each check passes, warns (the platform takes the clip, but it will not look or sound as
intended) or fails (the platform refuses it). Also the two-pass `loudnorm` helpers: the first
pass's measurement and the filter settings of the second.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from storyclip_gui.core.options import OUTPUT_SIZES
from storyclip_gui.core.presets import PlatformPreset

PASS, WARN, FAIL = "pass", "warn", "fail"
_ORDER = {PASS: 0, WARN: 1, FAIL: 2}
TRUE_PEAK = -1.5  # dBTP the normalised sound stays under
LOUDNESS_RANGE = 11.0  # LU, loudnorm's default target range
NORMALISED_RATE = 48000  # loudnorm works at 192 kHz; clips get the platforms' 48 kHz back


def loudness_argv(ffmpeg: str, path: str) -> list[str]:
    """Measure a clip's first sound stream; the summary is on stderr (per-frame lines off)."""
    return [ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-i", path, "-map", "0:a:0",
            "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"]  # fmt: skip


@dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS
    lra: float | None = None  # LU
    true_peak: float | None = None  # dBTP


def _summary_value(summary: str, label: str) -> float | None:
    match = re.search(rf"{label}:\s*(-?[0-9.]+|-inf)", summary)
    if not match:
        return None
    text = match.group(1)
    return float("-inf") if text == "-inf" else float(text)


def parse_ebur128(stderr: str) -> Loudness | None:
    """The integrated loudness, range and true peak from ebur128's closing summary."""
    _, found, summary = stderr.rpartition("Summary:")
    if not found:
        return None
    integrated = _summary_value(summary, "I")
    if integrated is None:
        return None
    return Loudness(integrated, _summary_value(summary, "LRA"), _summary_value(summary, "Peak"))


@dataclass(frozen=True)
class ClipMeasures:
    """What verification and the loudness pass measured of one clip."""

    duration: float
    width: int
    height: int
    fps: float | None
    size: int  # bytes
    has_audio: bool
    expects_audio: bool  # the source has sound in the range and the options keep it
    loudness: Loudness | None  # None: no sound, or it could not be measured


def _check(name: str, status: str, message: str, value: Any = None,
           limit: Any = None) -> dict[str, Any]:  # fmt: skip
    return {"check": name, "status": status, "value": value, "limit": limit, "message": message}


def evaluate(rules: PlatformPreset, m: ClipMeasures) -> dict[str, Any]:
    """The `qc` object of a clip: overall status, the platform, each check."""
    who = rules.label if rules.id != "generic" else "the app"
    checks = []
    d = round(m.duration, 3)
    if d > rules.max_seconds + 1e-3:
        checks.append(_check("duration", FAIL, f"{d:.2f} s is longer than the {rules.max_seconds:g}"
                             f" s {who} accepts.", d, rules.max_seconds))  # fmt: skip
    elif d < rules.min_seconds - 1e-3:
        checks.append(_check("duration", FAIL, f"{d:.2f} s is shorter than the "
                             f"{rules.min_seconds:g} s {who} accepts.", d,
                             rules.min_seconds))  # fmt: skip
    else:
        checks.append(_check("duration", PASS, f"{d:.2f} s", d, rules.max_seconds))
    size = f"{m.width}x{m.height}"
    ok_size = (m.width, m.height) in OUTPUT_SIZES
    checks.append(_check("resolution", PASS if ok_size else FAIL,
                         size if ok_size else f"{size} is not 1080x1920 or 720x1280.",
                         size, "1080x1920 or 720x1280"))  # fmt: skip
    if m.fps is None:
        checks.append(_check("fps", WARN, "The frame rate could not be measured."))
    else:
        fps = round(m.fps, 2)
        inside = rules.min_fps - 0.5 <= fps <= rules.max_fps + 0.5
        checks.append(_check("fps", PASS if inside else FAIL,
                             f"{fps:g} fps" if inside else f"{fps:g} fps is outside the "
                             f"{rules.min_fps:g}-{rules.max_fps:g} fps {who} accepts.",
                             fps, [rules.min_fps, rules.max_fps]))  # fmt: skip
    too_big = rules.max_bytes is not None and m.size > rules.max_bytes
    mb = m.size / 1e6
    checks.append(_check("size", FAIL if too_big else PASS,
                         f"{mb:.1f} MB is more than the {(rules.max_bytes or 0) / 1e6:g} MB {who} "
                         "accepts." if too_big else f"{mb:.1f} MB", m.size,
                         rules.max_bytes))  # fmt: skip
    bitrate = round(m.size * 8 / m.duration) if m.duration > 0 else None
    over = rules.max_bitrate is not None and bitrate is not None and bitrate > rules.max_bitrate
    checks.append(_check("bitrate", FAIL if over else PASS,
                         f"{(bitrate or 0) / 1e6:.2f} Mbit/s" + (" is over the cap." * over),
                         bitrate, rules.max_bitrate))  # fmt: skip
    if not m.has_audio:
        status = FAIL if m.expects_audio else WARN
        checks.append(_check("audio", status, "The clip has no sound."))
    else:
        checks.append(_check("audio", PASS, "Sound present."))
        checks.append(_loudness_check(rules, m.loudness))
    status = max((c["status"] for c in checks), key=_ORDER.__getitem__)
    return {"status": status, "platform": rules.id, "checks": checks,
            "loudness": m.loudness.integrated if m.loudness else None,
            "truePeak": m.loudness.true_peak if m.loudness else None}  # fmt: skip


def _loudness_check(rules: PlatformPreset, loudness: Loudness | None) -> dict[str, Any]:
    target, tol = rules.loudness_target, rules.loudness_tolerance
    if loudness is None:
        return _check("loudness", WARN, "The loudness could not be measured.", None, target)
    i = loudness.integrated
    if i == float("-inf") or i <= -70:
        return _check("loudness", WARN, "The sound is silent.", None, target)
    off = i - target
    if abs(off) <= tol:
        return _check("loudness", PASS, f"{i:.1f} LUFS", i, target)
    how = "louder" if off > 0 else "quieter"
    return _check("loudness", WARN, f"{i:.1f} LUFS is {abs(off):.1f} LU {how} than the "
                  f"{target:g} LUFS target (turn on loudness normalisation).", i,
                  target)  # fmt: skip


# -- two-pass loudnorm ------------------------------------------------------------------------
def loudnorm_measure_argv(ffmpeg: str, source: str, start: float, duration: float,
                          target: float) -> list[str]:  # fmt: skip
    """Pass one: measure the source's sound in [start, start + duration) (file clock)."""
    return [ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-ss", f"{start:.6f}", "-t",
            f"{duration:.6f}", "-i", source, "-map", "0:a:0", "-af",
            f"loudnorm=I={target:g}:TP={TRUE_PEAK:g}:LRA={LOUDNESS_RANGE:g}:print_format=json",
            "-f", "null", "-"]  # fmt: skip


def parse_loudnorm(stderr: str) -> dict[str, float] | None:
    """The JSON block loudnorm prints at the end of pass one."""
    start, end = stderr.rfind("{"), stderr.rfind("}")
    if start < 0 or end < start:
        return None
    try:
        data = json.loads(stderr[start : end + 1])
        return {k: float(data[k]) for k in ("input_i", "input_tp", "input_lra", "input_thresh",
                                               "target_offset")}  # fmt: skip
    except (ValueError, KeyError, TypeError):
        return None


def loudnorm_filter(measured: dict[str, float], target: float) -> dict[str, Any]:
    """Pass two's loudnorm settings (linear: one gain for the clip where the range allows)."""
    if measured["input_i"] <= -70 or measured["input_i"] != measured["input_i"]:
        return {}  # silence: nothing to normalise
    return {"I": target, "TP": TRUE_PEAK, "LRA": LOUDNESS_RANGE,
            "measured_I": measured["input_i"], "measured_TP": measured["input_tp"],
            "measured_LRA": measured["input_lra"], "measured_thresh": measured["input_thresh"],
            "offset": measured["target_offset"], "linear": "true"}  # fmt: skip
