"""StoryOptions validation and the seed's JSON names."""

from __future__ import annotations

import re

import pytest

from storyclip_gui.core.options import (
    MAX_CLIP_SECONDS,
    Cuts,
    Layout,
    OptionsError,
    Quality,
    StoryOptions,
)
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


# -- smart clips options and preset limits (issue 13, issue 16 item 9) ------------------------
def test_cuts_window_and_loudnorm_options() -> None:
    options = StoryOptions.from_dict({"cuts": "SMART", "cutWindow": "3.5", "loudnorm": "yes"})
    assert options.cuts is Cuts.SMART and options.cut_window == 3.5 and options.loudnorm
    assert StoryOptions().cuts is Cuts.FIXED and StoryOptions().cut_window == 2.0
    assert StoryOptions.from_dict(options.to_dict()) == options
    assert options.to_dict()["cuts"] == "smart"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"cuts": "clever"}, "Cuts 'clever' is not one of: fixed, smart."),
        ({"cut_window": 11}, "The cut window must be between 0 and 10 seconds, not 11."),
        ({"cut_window": -1}, "The cut window must be between 0 and 10 seconds, not -1."),
        ({"cut_window": "x"}, "Cut window must be a number of seconds, not 'x'."),
        ({"cuts": "smart", "fast_copy": True}, "cannot be combined with fast copy"),
    ],
)
def test_bad_smart_options_are_refused_clearly(values, message) -> None:
    with pytest.raises(OptionsError, match=re.escape(message)):
        StoryOptions.from_dict(values)


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_a_preset_refuses_clips_longer_than_its_platform_allows(preset) -> None:
    limit = PRESETS[preset].max_seconds
    assert StoryOptions.from_dict({"preset": preset, "clip_seconds": limit}).max_seconds == limit
    with pytest.raises(OptionsError) as caught:
        StoryOptions.from_dict({"preset": preset, "clip_seconds": limit + 1})
    assert str(caught.value) == (
        f"Clip length {limit + 1:g} s is longer than {PRESETS[preset].label} allows "
        f"({limit:g} s per clip); choose {limit:g} s or less, or no preset."
    )


def test_instagram_stories_no_longer_accepts_300_s() -> None:
    with pytest.raises(OptionsError, match="Instagram Stories allows \\(60 s per clip\\)"):
        StoryOptions.from_dict({"preset": "instagram-stories", "clip_seconds": 300})
    # without a preset the app's own limit holds
    assert StoryOptions.from_dict({"clip_seconds": 300}).max_seconds == MAX_CLIP_SECONDS
