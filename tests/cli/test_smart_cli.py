"""`--cuts`, `--cut-window`, `--loudnorm` reach the story options; a preset's limit is a usage
error with the reason (issue 16 item 9)."""

from __future__ import annotations

from storyclip_gui.__main__ import _options_from_args, _parser, main
from storyclip_gui.config import load_settings


def test_smart_flags_become_options() -> None:
    args = _parser().parse_args(["process", "a.mp4", "--cuts", "smart", "--cut-window", "3",
                                 "--loudnorm"])  # fmt: skip
    options = _options_from_args(args, load_settings())
    assert options.cuts.value == "smart" and options.cut_window == 3 and options.loudnorm
    plain = _options_from_args(_parser().parse_args(["process", "a.mp4"]), load_settings())
    assert plain.cuts.value == "fixed" and not plain.loudnorm


def test_a_clip_length_past_the_preset_limit_is_a_usage_error(capsys) -> None:
    code = main(["process", "a.mp4", "--preset", "instagram-stories", "--clip-seconds", "300"])
    assert code == 2
    err = " ".join(capsys.readouterr().err.split())  # the console may wrap it
    assert "longer than Instagram Stories allows (60 s per clip)" in err
