"""plan_clips: exact ranges, short tails merged, trims and limits."""

from __future__ import annotations

import itertools

import pytest

from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.plan import PlanError, plan_clips


def ranges(duration: float, **options) -> list[tuple[float, float]]:
    return [(c.start, c.end) for c in plan_clips(duration, StoryOptions(**options))]


def test_exact_multiple():
    assert ranges(60.0) == [(0, 15), (15, 30), (30, 45), (45, 60)]


def test_tail_kept_when_long_enough():
    assert ranges(62.0) == [(0, 15), (15, 30), (30, 45), (45, 60), (60, 62)]


def test_short_tail_is_merged_into_the_previous_clip():
    assert ranges(60.5) == [(0, 15), (15, 30), (30, 45), (45, 60.5)]


def test_float_noise_does_not_make_a_sliver():
    assert len(plan_clips(45.000000001, StoryOptions())) == 3
    assert ranges(0.3 * 3, clip_seconds=1.0, min_tail_seconds=0.5) == [(0, 0.9)]


def test_video_shorter_than_one_clip_and_than_the_tail_threshold():
    assert ranges(7.0) == [(0, 7.0)]
    assert ranges(0.4) == [(0, 0.4)]


def test_trim_and_max_clips():
    assert ranges(100, trim_start=10, trim_end=50) == [(10, 25), (25, 40), (40, 50)]
    assert ranges(100, max_clips=2) == [(0, 15), (15, 30)]
    assert ranges(20, trim_end=500) == [(0, 15), (15, 20)]


def test_indexes_are_one_based_and_contiguous():
    clips = plan_clips(60.5, StoryOptions(clip_seconds=10))
    assert [c.index for c in clips] == [1, 2, 3, 4, 5, 6]
    assert all(a.end == b.start for a, b in itertools.pairwise(clips))
    assert clips[-1].duration == 10.5
    assert len(plan_clips(61, StoryOptions(clip_seconds=10))) == 7  # a 1 s tail is kept


@pytest.mark.parametrize("duration", [0, -1, float("nan"), None])
def test_no_duration_is_a_plan_error(duration):
    with pytest.raises(PlanError):
        plan_clips(duration, StoryOptions())


def test_trim_past_the_end():
    with pytest.raises(PlanError, match="past the end"):
        plan_clips(10, StoryOptions(trim_start=12))


def test_short_clips_keep_a_half_clip_tail_whatever_the_threshold():
    assert ranges(3.5, clip_seconds=1) == [(0, 1), (1, 2), (2, 3), (3, 3.5)]
    assert ranges(3.4, clip_seconds=1) == [(0, 1), (1, 2), (2, 3.4)]


def test_a_tail_is_not_merged_past_the_presets_limit() -> None:
    # 60 s clips for Instagram Stories (60 s limit): a 0.5 s tail stays its own clip
    options = StoryOptions(clip_seconds=60, preset="instagram-stories")
    clips = plan_clips(120.5, options)
    assert [(c.start, c.end) for c in clips] == [(0, 60), (60, 120), (120, 120.5)]
    # without the limit in the way the tail is merged, as before
    merged = plan_clips(120.5, StoryOptions(clip_seconds=60))
    assert [(c.start, c.end) for c in merged] == [(0, 60), (60, 120.5)]
