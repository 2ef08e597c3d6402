"""Per-clip platform checks: the ebur128 and loudnorm parsers and the rules per preset."""

from __future__ import annotations

import pytest

from storyclip_gui.core.presets import GENERIC, PRESETS
from storyclip_gui.core.qc import (
    ClipMeasures,
    Loudness,
    evaluate,
    loudnorm_filter,
    parse_ebur128,
    parse_loudnorm,
)

EBUR128 = """[Parsed_ebur128_0 @ 0x7f] t: 29.9  TARGET:-23 LUFS  M: -11.6 S: -11.6  I: -11.7 LUFS
[Parsed_ebur128_0 @ 0x7f3924001b80] Summary:

  Integrated loudness:
    I:         -13.2 LUFS
    Threshold: -21.8 LUFS

  Loudness range:
    LRA:         1.4 LU
    Threshold: -31.9 LUFS
    LRA low:   -13.0 LUFS
    LRA high:  -11.6 LUFS

  True peak:
    Peak:       -7.4 dBFS
[out#0/null @ 0x560b0da8cdc0] video:0KiB audio:2584KiB
"""

LOUDNORM = """[Parsed_loudnorm_0 @ 0x7f3164001d80]
{
	"input_i" : "-11.88",
	"input_tp" : "-7.57",
	"input_lra" : "1.40",
	"input_thresh" : "-21.96",
	"output_i" : "-14.18",
	"output_tp" : "-9.92",
	"output_lra" : "0.80",
	"output_thresh" : "-24.23",
	"normalization_type" : "dynamic",
	"target_offset" : "0.18"
}
"""


def good(**changes) -> ClipMeasures:
    values = dict(duration=15.0, width=1080, height=1920, fps=30.0, size=15_000_000,
                  has_audio=True, expects_audio=True, loudness=Loudness(-14.3, 2.0, -2.0))
    values.update(changes)
    return ClipMeasures(**values)


def statuses(qc) -> dict[str, str]:
    return {c["check"]: c["status"] for c in qc["checks"]}


def test_ebur128_summary_is_read_not_the_running_values() -> None:
    loudness = parse_ebur128(EBUR128)
    assert loudness == Loudness(-13.2, 1.4, -7.4)
    assert parse_ebur128("no summary here") is None


def test_loudnorm_first_pass_and_second_pass_settings() -> None:
    measured = parse_loudnorm(LOUDNORM)
    assert measured == {"input_i": -11.88, "input_tp": -7.57, "input_lra": 1.4,
                        "input_thresh": -21.96, "target_offset": 0.18}  # fmt: skip
    settings = loudnorm_filter(measured, -14.0)
    assert settings["I"] == -14.0 and settings["measured_I"] == -11.88
    assert settings["linear"] == "true"
    silent = {**measured, "input_i": float("-inf")}
    assert loudnorm_filter(silent, -14.0) == {}  # nothing to normalise in silence
    assert parse_loudnorm("garbage {not json}") is None


def test_a_good_clip_passes_everything() -> None:
    qc = evaluate(PRESETS["instagram-stories"], good())
    assert qc["status"] == "pass" and qc["platform"] == "instagram-stories"
    assert set(statuses(qc).values()) == {"pass"}
    assert qc["loudness"] == -14.3


@pytest.mark.parametrize(
    ("changes", "check", "status"),
    [
        ({"duration": 61.0}, "duration", "fail"),  # Stories: 60 s per card
        ({"duration": 2.0}, "duration", "fail"),  # shorter than the 3 s the APIs accept
        ({"width": 1080, "height": 1080}, "resolution", "fail"),
        ({"fps": 120.0}, "fps", "fail"),
        ({"fps": 15.0}, "fps", "fail"),
        ({"fps": None}, "fps", "warn"),
        ({"size": 150_000_000}, "size", "fail"),  # over 100 MB
        ({"has_audio": False, "loudness": None}, "audio", "fail"),
        ({"has_audio": False, "expects_audio": False, "loudness": None}, "audio", "warn"),
        ({"loudness": Loudness(-20.0)}, "loudness", "warn"),
        ({"loudness": Loudness(-9.0)}, "loudness", "warn"),
        ({"loudness": None}, "loudness", "warn"),
        ({"loudness": Loudness(float("-inf"))}, "loudness", "warn"),
    ],
)
def test_each_rule(changes, check, status) -> None:
    qc = evaluate(PRESETS["instagram-stories"], good(**changes))
    assert statuses(qc)[check] == status
    assert qc["status"] == status  # the worst check decides
    message = next(c["message"] for c in qc["checks"] if c["check"] == check)
    assert message


def test_messages_name_the_platform_and_the_limit() -> None:
    qc = evaluate(PRESETS["instagram-stories"], good(duration=75.0))
    check = qc["checks"][0]
    assert check["message"] == "75.00 s is longer than the 60 s Instagram Stories accepts."
    assert check["value"] == 75.0 and check["limit"] == 60
    loud = evaluate(PRESETS["tiktok"], good(loudness=Loudness(-20.0)))
    text = next(c["message"] for c in loud["checks"] if c["check"] == "loudness")
    assert "6.0 LU quieter than the -14 LUFS target" in text


def test_without_a_preset_the_apps_own_limits_apply() -> None:
    assert evaluate(GENERIC, good(duration=300.0, fps=15.0))["status"] == "pass"
    qc = evaluate(GENERIC, good(duration=700.0))
    assert "the app accepts" in qc["checks"][0]["message"]
