"""StoryOptions validation and the seed's JSON names."""

from __future__ import annotations

import pytest

from storyclip_gui.core.options import Layout, OptionsError, Quality, StoryOptions
from storyclip_gui.core.presets import PRESETS


def test_defaults():
    o = StoryOptions()
    assert (o.clip_seconds, o.layout, o.size, o.quality) == (
        15,
        Layout.CROP,
        "1080x1920",
        Quality.MEDIUM,
    )
    assert o.name_template == "{stem}_{index:02d}.mp4"


def test_seed_names_and_round_trip():
    o = StoryOptions.from_dict(
        {
            "quality": "HIGH",
            "clipSeconds": "10",
            "layout": "blur",
            "size": "720x1280",
            "maxClips": 3,
            "trimStart": 1.5,
        }
    )
    assert (o.quality, o.clip_seconds, o.layout, o.width, o.max_clips, o.trim_start) == (
        Quality.HIGH,
        10.0,
        Layout.BLUR,
        720,
        3,
        1.5,
    )
    assert StoryOptions.from_dict(o.to_dict()) == o


def test_preset_sets_length_and_explicit_values_win():
    preset = PRESETS["youtube-shorts"]
    assert StoryOptions.from_dict({"preset": "youtube-shorts"}).clip_seconds == preset.clip_seconds
    assert StoryOptions.from_dict({"preset": "tiktok", "clipSeconds": 12}).clip_seconds == 12


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"clipSeconds": 0}, "between 1 and 600"),
        ({"clipSeconds": "abc"}, "must be a number"),
        ({"clipSeconds": True}, "must be a number"),
        ({"clipSeconds": float("inf")}, "finite"),
        ({"layout": "stretch"}, "crop, blur, fit, smart"),
        ({"quality": "ultra"}, "low, medium, high"),
        ({"size": "1920x1080"}, "not supported"),
        ({"size": "big"}, "WIDTHxHEIGHT"),
        ({"trimStart": -1}, "negative"),
        ({"trimStart": 5, "trimEnd": 5}, "after trim start"),
        ({"maxClips": 0}, "at least 1"),
        ({"maxClips": 1.5}, "whole number"),
        ({"nameTemplate": "{stem}.mp4"}, "{index}"),
        ({"nameTemplate": "{stem}_{index}.mov"}, ".mp4"),
        ({"nameTemplate": "{oops}_{index}.mp4"}, "unknown fields"),
        ({"nameTemplate": "a/{index}.mp4"}, "separator"),
        ({"nameTemplate": "{index:zz}.mp4"}, "malformed"),
        ({"preset": "myspace"}, "Unknown preset"),
        ({"colour": "red"}, "Unknown option"),
    ],
)
def test_invalid_options_have_clear_messages(data, message):
    with pytest.raises(OptionsError, match=message.replace("{", r"\{").replace("}", r"\}")):
        StoryOptions.from_dict(data)
