"""The smart crop path: still when the subject is, a speed-limited pan when it moves, a jump
only at a shot change; its ffmpeg expression; the detector's line protocol."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from storyclip_gui.core.framing import (
    PAN_SPEED,
    CropPath,
    FrameSample,
    SampleParser,
    build_path,
    crop_half_width,
    crop_x_expression,
)
from storyclip_gui.core.framing_worker import analysis_size, decode_argv, worker_argv

HALF = crop_half_width(1920, 1080, 1080, 1920)  # 9:16 out of 16:9: 0.158 of the width


def faces_at(xs, fps=4.0, width=0.08, **extra):
    return [FrameSample(i / fps, ((x, width, 1.0),) if x is not None else (), **extra)
            for i, x in enumerate(xs)]  # fmt: skip


def test_half_width_of_the_crop():
    assert pytest.approx(1080 / (1920 * 1920 / 1080) / 2) == HALF
    assert crop_half_width(1080, 1920, 1080, 1920) == 0.5  # already 9:16: nothing to move
    assert crop_half_width(0, 0, 1080, 1920) == 0.5


def test_a_still_subject_gets_a_still_crop_centred_on_it():
    path = build_path(faces_at([0.3, 0.31, 0.29, 0.3] * 10), HALF)
    assert path.modes == ("still",)
    assert len({c for _, c in path.knots}) == 1
    assert path.centre(5.0) == pytest.approx(0.3, abs=0.01)
    assert path.max_speed() == 0


def test_a_moving_subject_is_followed_no_faster_than_the_limit():
    # 2 s still at 0.2, then 0.3 widths/s to 0.8 (faster than the crop may pan), then still
    xs = [0.2] * 8 + [0.2 + 0.3 * (i / 4) for i in range(1, 9)] + [0.8] * 16
    path = build_path(faces_at(xs), HALF)
    assert path.modes == ("tracking",)
    assert path.max_speed() <= PAN_SPEED + 1e-6
    # it starts panning early (it knows where the subject goes): the subject stays inside
    for i, x in enumerate(xs):
        lo, hi = path.window(i / 4)
        assert lo <= x <= hi, (i / 4, x, lo, hi)
    # sampled densely, the pan never exceeds the limit anywhere
    ts = [i / 100 for i in range(800)]
    steps = [abs(path.centre(b) - path.centre(a)) / (b - a) for a, b in itertools.pairwise(ts)]
    assert max(steps) <= PAN_SPEED + 1e-6


def test_the_crop_edge_is_never_outside_the_picture():
    path = build_path(faces_at([0.01] * 8 + [0.99] * 30), HALF)
    for t in (0.0, 2.0, 5.0, 9.0):
        lo, hi = path.window(t)
        assert lo >= -1e-9 and hi <= 1 + 1e-9
        assert 0 <= path.position(t) <= 1


def test_a_shot_change_is_a_jump_and_each_shot_is_framed_on_its_own():
    samples = faces_at([0.2] * 8 + [0.8] * 8)
    samples[8] = FrameSample(samples[8].t, samples[8].faces, cut=True)
    path = build_path(samples, HALF)
    assert path.modes == ("still", "still")
    assert path.centre(1.5) == pytest.approx(0.2, abs=0.01)
    assert path.centre(2.1) == pytest.approx(0.8, abs=0.01)
    assert path.max_speed() == 0  # the jump is not a pan


def test_a_face_missed_for_a_moment_is_where_it_was_and_motion_only_counts_without_faces():
    xs = [0.3, 0.3, None, None, 0.3, 0.3, 0.3, 0.3] * 3
    noisy = [FrameSample(s.t, s.faces, motion=(0.9, 50.0)) for s in faces_at(xs)]
    path = build_path(noisy, HALF)
    assert path.modes == ("still",) and path.centre(0.5) == pytest.approx(0.3, abs=0.01)
    moving = [FrameSample(i / 4, (), motion=(0.2 + 0.02 * i, 10.0)) for i in range(40)]
    assert build_path(moving, HALF).modes == ("tracking",)
    quiet = [FrameSample(i / 4, (), motion=(0.9, 0.1), salient=0.7) for i in range(8)]
    assert build_path(quiet, HALF).centre(1) == pytest.approx(0.7, abs=0.01)


def test_two_faces_that_fit_together_are_framed_together():
    two = [FrameSample(i / 4, ((0.40, 0.05, 1.0), (0.52, 0.05, 1.0))) for i in range(8)]
    assert build_path(two, HALF).centre(1) == pytest.approx(0.46, abs=0.01)


def test_nothing_known_is_the_centre():
    assert build_path([FrameSample(0.0), FrameSample(0.25)], HALF).centre(0) == 0.5
    assert build_path([], HALF).centre(3) == 0.5


def _evaluate(expression: str, t: float, room: float = 1.0) -> float:
    """ffmpeg's expression, evaluated by Python (clip(x,a,b) as there)."""
    body = expression.replace("(iw-ow)*", f"{room}*")
    return float(eval(body, {"clip": lambda x, a, b: min(max(x, a), b), "t": t}))


def test_the_expression_follows_the_path_in_the_filters_own_time():
    xs = [0.2] * 8 + [0.2 + 0.1 * (i / 4) for i in range(1, 25)] + [0.8] * 8
    path = build_path(faces_at(xs), HALF)
    start, end, shift = 3.0, 9.0, 2.5  # the input seek point is 0.5 s before the clip
    expression = crop_x_expression(path, start, end, shift)
    assert "if(" not in expression and expression.startswith("(iw-ow)*(")
    for source_t in (3.0, 4.1, 5.55, 7.0, 8.99):
        assert _evaluate(expression, source_t - shift) == pytest.approx(
            path.position(source_t), abs=2e-4)
    assert len(re.findall("clip", expression)) <= len(path.knots) + 1


def test_path_round_trips_through_json():
    path = build_path(faces_at([0.2] * 8 + [0.8] * 8), HALF)
    again = CropPath.from_dict(json.loads(json.dumps(path.to_dict())))
    assert again.knots == path.knots and again.half_width == path.half_width


def test_sample_lines_are_read_across_chunk_boundaries():
    lines = b'{"t":0.0,"faces":[[0.5,0.1,1.0]],"salient":0.4}\n{"t":0.25,"motion":[0.3,5]}\n'
    parser = SampleParser()
    for i in range(0, len(lines), 7):
        parser.feed(lines[i : i + 7])
    parser.feed(b"not json\n" + b'{"done":true}\n')
    assert parser.done and parser.last_seconds == 0.25
    assert parser.samples[0].faces == ((0.5, 0.1, 1.0),)
    assert parser.samples[1].motion == (0.3, 5.0) and parser.samples[1].salient is None


def test_detector_argv():
    assert analysis_size((1920, 1080), 384) == (384, 216)
    assert analysis_size((200, 100), 384) == (200, 100)
    argv = decode_argv("ff", "/a b.mp4", 2.5, 10, (384, 216), 4)
    assert argv[argv.index("-ss") + 1] == "2.500000" and argv[-1] == "-"
    assert "fps=4,scale=384:216:flags=area,format=gray" in argv
    assert "-ss" not in decode_argv("ff", "/a.mp4", 0, 10, (384, 216), 4)
    command = worker_argv(["py", "-m", "w"], "ff", "/a.mp4", 3.0, 6.0, (1920, 1080), 0.5)
    assert command[:3] == ["py", "-m", "w"]
    assert command[command.index("--size") + 1] == "1920x1080"
    assert command[command.index("--origin") + 1] == "0.500000"
