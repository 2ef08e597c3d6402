"""Clip verification by stream, and the words a person reads when a clip is wrong."""

from __future__ import annotations

from fractions import Fraction

from storyclip_gui.core.ffmpeg.packets import PacketScan, StreamPackets
from storyclip_gui.core.probe import MediaInfo
from storyclip_gui.core.verify import Expected, clip_problem

TB = Fraction(1, 15360)
FRAME = 512  # 1/30 s


def video(frames: int, step: int = FRAME) -> StreamPackets:
    pts = [i * step for i in range(frames)]
    return StreamPackets(TB, pts, {p: step for p in pts}, [0])


def sound(seconds: float) -> StreamPackets:
    n = round(seconds * 48000 / 1024)
    pts = [i * 1024 for i in range(n)]
    return StreamPackets(Fraction(1, 48000), pts, {p: 1024 for p in pts}, pts)


def info(container: float) -> MediaInfo:
    return MediaInfo(duration=container, width=720, height=1280, has_video=True, has_audio=True)


EXPECTED = Expected(duration=3.0, frames=90, frame_duration=1 / 30, size=(720, 1280), audio=3.0,
                    audio_frame=1024 / 48000)  # fmt: skip


def test_a_right_clip_passes():
    assert clip_problem(EXPECTED, info(3.0), PacketScan(video(90), sound(3.0))) is None


def test_frames_too_many_or_too_few_are_counted_in_words():
    assert clip_problem(EXPECTED, info(3.07), PacketScan(video(92), sound(3.0))) == (
        "came out 2 frames too long (3.07 s, planned 3.00 s).")  # fmt: skip
    assert clip_problem(EXPECTED, info(2.97), PacketScan(video(89), sound(3.0))) == (
        "came out 1 frame too short (2.97 s, planned 3.00 s).")  # fmt: skip


def test_a_clip_with_the_right_frames_but_stretched_time_fails():
    """The count alone cannot see a clip whose frames were re-timed."""
    assert "too long" in clip_problem(EXPECTED, info(3.3), PacketScan(video(90, 563), sound(3)))


def test_video_half_the_file_is_caught_by_stream_not_container():
    """A clip holding 1.0 s of video in a 2.0 s file passed when the container was read."""
    expected = Expected(duration=2.0, frames=None, frame_duration=1 / 30, size=(720, 1280),
                        audio=2.0, audio_frame=1024 / 48000)  # fmt: skip
    problem = clip_problem(expected, info(2.0), PacketScan(video(30), sound(2.0)))
    assert problem == "came out 30 frames too short (1.00 s, planned 2.00 s)."


def test_sound_missing_short_or_a_container_that_disagrees():
    assert clip_problem(EXPECTED, info(3.0), PacketScan(video(90), None)) == (
        "has no sound where the source has sound.")  # fmt: skip
    assert clip_problem(EXPECTED, info(3.0), PacketScan(video(90), sound(2.5))) == (
        "has 2.50 s of sound where the source has 3.00 s.")  # fmt: skip
    assert clip_problem(EXPECTED, info(3.3), PacketScan(video(90), sound(3.0))) == (
        "says it lasts 3.30 s but holds 3.00 s of video.")  # fmt: skip
    silent = Expected(**{**EXPECTED.__dict__, "audio": None})
    assert clip_problem(silent, info(3.0), PacketScan(video(90), None)) is None


def test_size_and_emptiness():
    wrong = MediaInfo(duration=3.0, width=1080, height=1920, has_video=True)
    assert clip_problem(EXPECTED, wrong, PacketScan(video(90), sound(3))) == (
        "is 1080x1920, not 720x1280.")  # fmt: skip
    assert clip_problem(EXPECTED, info(3.0), PacketScan(StreamPackets(), None)) == "has no video."


def test_frames_the_decoder_reported_damaged_may_be_missing_and_only_they():
    damaged = Expected(**{**EXPECTED.__dict__, "undecodable": 2})
    assert clip_problem(damaged, info(3.0), PacketScan(video(88), sound(3.0))) is None
    assert "3 frames too short" in clip_problem(damaged, info(2.9), PacketScan(video(87),
                                                                                sound(3.0)))
    assert "too long" in clip_problem(damaged, info(3.1), PacketScan(video(91), sound(3.0)))
