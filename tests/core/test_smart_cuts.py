"""smart_plan: silence first (its middle), then the strongest scene change, else nominal;
platform limit and minimum length hold; fixed frames stay exact."""

from __future__ import annotations

import itertools

import pytest

from storyclip_gui.core.analysis import SourceAnalysis
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.plan import frame_cut, plan_clips
from storyclip_gui.core.smart_cuts import smart_plan

FPS = 30
TIMES = [i / FPS for i in range(60 * FPS)]  # 60 s of 30 fps frames


def plan(silences=(), scenes=(), *, clip=10.0, duration=60.0, window=2.0, max_s=600.0,
         min_s=5.0):  # fmt: skip
    plans = plan_clips(duration, StoryOptions(clip_seconds=clip))
    analysis = SourceAnalysis(tuple(silences), tuple(scenes))
    return smart_plan(plans, analysis, TIMES, window=window, max_seconds=max_s, min_seconds=min_s)


def test_no_analysis_findings_keep_every_boundary() -> None:
    clips = plan()
    assert [(c.start, c.end) for c in clips] == [(i * 10.0, i * 10.0 + 10) for i in range(6)]
    assert all(c.start_reason is None and c.end_reason is None for c in clips)
    assert [c.nominal_start for c in clips] == [0, 10, 20, 30, 40, 50]


def test_a_silence_wins_over_a_scene_change_and_the_cut_is_its_middle_frame() -> None:
    clips = plan(silences=[(11.0, 11.6)], scenes=[(9.5, 40.0)])
    cut = clips[0].end
    assert 11.0 < cut < 11.6 and cut == pytest.approx(11.3, abs=1 / FPS)
    assert clips[0].end_reason == f"silence at {cut:.1f} s" and clips[1].start == cut
    assert clips[1].start_reason == clips[0].end_reason


def test_the_longest_silence_in_reach_is_taken() -> None:
    clips = plan(silences=[(8.5, 8.9), (10.8, 11.9)])
    assert 10.8 < clips[0].end < 11.9


def test_the_strongest_scene_change_lands_on_its_frame() -> None:
    clips = plan(scenes=[(19.0, 15.0), (21.0 + 1 / FPS, 30.0)])
    assert clips[1].end == pytest.approx(21 + 1 / FPS, abs=1e-6)
    assert clips[1].end_reason == "scene change at 21.0 s"


def test_findings_outside_the_window_are_ignored() -> None:
    clips = plan(silences=[(14.0, 15.0)], scenes=[(25.0, 50.0)])
    assert [c.end for c in clips[:-1]] == [10.0, 20.0, 30.0, 40.0, 50.0]


def test_moved_cuts_are_frame_times_the_planner_finds_exactly() -> None:
    clips = plan(silences=[(11.01, 11.55)], scenes=[(29.1 + 1e-7, 20.0)])
    for c in clips[:-1]:
        frame = frame_cut(TIMES, c.end, 60.0)
        assert frame == pytest.approx(c.end, abs=1e-6)  # the cut is that frame, not the next


def test_never_longer_than_the_platform_limit_nor_shorter_than_the_minimum() -> None:
    # every boundary would like to move later (silences 1.9 s after each nominal cut)
    late = [(b + 1.5, b + 2.3) for b in range(10, 60, 10)]
    clips = plan(silences=late, clip=10.0, max_s=11.0, min_s=9.5)
    for c in clips:  # as cut: from the frame at or after each boundary
        cut = frame_cut(TIMES, c.end, 60.0) - frame_cut(TIMES, c.start, 60.0)
        assert c.end - c.start <= 11.0 + 1e-6 and cut <= 11.0 + 1e-6
    # and earlier: not shorter than the minimum
    early = [(b - 2.3, b - 1.5) for b in range(10, 60, 10)]
    clips = plan(silences=early, clip=10.0, min_s=9.0)
    assert all(c.end - c.start >= 9.0 - 1e-6 for c in clips[:-1])


def test_a_limit_that_forces_a_move_says_so() -> None:
    # clip 1 ends early in a silence (8.8 s); clip 2 would then last 11.2 s, past a 10 s limit:
    # its end moves to 18.8 s and says why
    clips = plan(silences=[(8.5, 9.1)], clip=10.0, duration=55.0, max_s=10.0, min_s=5.0)
    assert clips[0].end == pytest.approx(8.8, abs=1 / FPS)
    assert clips[1].end == pytest.approx(clips[0].end + 10.0, abs=1e-6)
    assert clips[1].end_reason == "kept within the 10 s limit"
    assert all(c.end - c.start <= 10.0 + 1e-6 for c in clips)


def test_first_and_last_boundaries_never_move_and_clips_stay_contiguous() -> None:
    clips = plan(silences=[(0.1, 0.9), (59.1, 59.9)], scenes=[(0.5, 99.0), (59.5, 99.0)])
    assert clips[0].start == 0.0 and clips[-1].end == 60.0
    for a, b in itertools.pairwise(clips):
        assert a.end == b.start


def test_a_zero_window_is_fixed_cuts() -> None:
    assert [c.end for c in plan(silences=[(9.8, 10.4)], window=0)] == [
        c.end for c in plan_clips(60.0, StoryOptions(clip_seconds=10))
    ]
