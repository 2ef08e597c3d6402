"""`--cuts`, `--cut-window`, `--loudnorm` reach the story options; a preset's limit is a usage
error with the reason (issue 16 item 9)."""

from __future__ import annotations

from storyclip_gui.__main__ import _chosen_options, _parser, main
from storyclip_gui.core.options import StoryOptions


def test_smart_flags_become_options() -> None:
    args = _parser().parse_args(["process", "a.mp4", "--cuts", "smart", "--cut-window", "3",
                                 "--loudnorm"])  # fmt: skip
    options = StoryOptions.from_dict(_chosen_options(args))
    assert options.cuts.value == "smart" and options.cut_window == 3 and options.loudnorm
    plain = StoryOptions.from_dict(_chosen_options(_parser().parse_args(["process", "a.mp4"])))
    assert plain.cuts.value == "fixed" and not plain.loudnorm


def test_a_clip_length_past_the_preset_limit_is_a_usage_error(capsys, qapp) -> None:
    # qapp: main() runs on the Qt application if there is one; without it, it would make a
    # QCoreApplication that outlives this test and every later widget test would find it
    code = main(["process", "a.mp4", "--preset", "instagram-stories", "--clip-seconds", "300"])
    assert code == 2
    err = " ".join(capsys.readouterr().err.split())  # the console may wrap it
    assert "longer than Instagram Stories allows (60 s per clip)" in err
