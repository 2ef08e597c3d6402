"""The exact argv the engine gives ffmpeg."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from storyclip_gui.core.ffmpeg.command import (
    build_clip,
    build_copy,
    can_copy,
    copy_refusal,
    parse_segment_list,
)
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.plan import frame_cut, keyframe_plan, plan_clips
from storyclip_gui.core.probe import MediaInfo

HD = MediaInfo(
    duration=60,
    width=1920,
    height=1080,
    fps=30,
    has_video=True,
    has_audio=True,
    video_codec="h264",
    audio_codec="aac",
    pix_fmt="yuv420p",
)
LIST = Path("/tmp/t/segments.csv")
PATTERN = "/out/v/.j1.%03d.part"
GLOBAL = ["ffmpeg", "-nostdin", "-hide_banner", "-y", "-progress", "pipe:1", "-nostats"]
TB = Fraction(1, 15360)


def encode(media: MediaInfo = HD, start: float = 0, end: float = 15, **options) -> list[str]:
    opts = StoryOptions(**options)
    return build_clip("ffmpeg", "/in/My video.mp4", start, end, media, opts,
                      "/out/v/.j1.001.part", TB)  # fmt: skip


def test_default_crop_argv_exactly():
    assert encode(start=15.015, end=30) == [
        *GLOBAL, "-ss", "15.015", "-i", "/in/My video.mp4",
        "-filter_complex",
        "[0:v:0]scale=1080:1920:force_original_aspect_ratio=increase[s0];[s0]crop=1080:1920[s1];"
        "[s1]setsar=1[s2];[s2]format=yuv420p[s3]",
        "-map", "[s3]", "-map", "0:a:0", "-f", "mp4", "-b:a", "128k", "-c:a", "aac",
        "-c:v", "libx264", "-crf", "23", "-enc_time_base:v", "1/15360", "-fps_mode", "vfr",
        "-map_metadata", "-1", "-movflags", "+faststart", "-preset", "veryfast",
        "-profile:v", "high", "-t", "14.985", "/out/v/.j1.001.part",
    ]  # fmt: skip


def test_cut_times_round_down_to_the_microsecond():
    """A frame at 1001/30000 s is inside a cut that starts there and outside one ending there."""
    frame = 1001 / 30000  # 0.0333666...
    argv = encode(start=frame, end=10 * frame)
    assert argv[argv.index("-ss") + 1] == "0.033366"
    assert argv[argv.index("-t") + 1] == "0.3003"  # 0.333666 - 0.033366 (both floored)
    assert "-ss" not in encode(start=0)


def test_fit_and_blur_graphs():
    fit = encode(layout="fit", width=720, height=1280)
    assert fit[fit.index("-filter_complex") + 1] == (
        "[0:v:0]scale=720:1280:force_divisible_by=2:force_original_aspect_ratio=decrease[s0];"
        "[s0]pad=720:1280:(ow-iw)/2:(oh-ih)/2:color=black[s1];[s1]setsar=1[s2];"
        "[s2]format=yuv420p[s3]"
    )
    blur = encode(layout="blur")
    graph = blur[blur.index("-filter_complex") + 1]
    assert graph.startswith("[0:v:0]split=2[s0][s1];[s0]scale=135:240")
    assert "gblur=sigma=8" in graph and "overlay=eof_action=repeat:x=(W-w)/2:y=(H-h)/2" in graph


def test_quality_and_no_audio():
    argv = encode(quality="high", audio=False, clip_seconds=60)
    assert "0:a:0" not in argv and "-c:a" not in argv
    assert argv[argv.index("-crf") + 1] == "20" and argv[argv.index("-preset") + 1] == "medium"


def test_rotation_is_left_to_ffmpeg_autorotate_and_anamorphic_is_squared():
    anamorphic = MediaInfo(**{**HD.__dict__, "width": 720, "height": 576, "sar": Fraction(64, 45)})
    argv = encode(anamorphic)
    assert argv[argv.index("-filter_complex") + 1].startswith(
        "[0:v:0]scale=trunc(iw*sar/2)*2:ih[s0];[s0]setsar=1[s1];"
    )
    rotated = MediaInfo(**{**HD.__dict__, "rotation": 90})
    assert "transpose" not in " ".join(encode(rotated))  # ffmpeg applies the display matrix
    fast = MediaInfo(**{**HD.__dict__, "fps": 120})
    assert "fps=60" in encode(fast)[encode(fast).index("-filter_complex") + 1]


def test_frame_cut_is_the_first_frame_at_or_after_the_boundary():
    times = [i * 1001 / 30000 for i in range(300)]
    assert frame_cut(times, 0, 10) == 0
    assert frame_cut(times, 3, 10) == times[90]  # 3.003: the first frame at or after 3 s
    assert frame_cut(times, times[45], 10) == times[45]
    assert frame_cut(times, 20, 10.01) == 10.01  # past the last frame: the video's end


def test_copy_path_only_when_the_source_already_fits():
    vertical = MediaInfo(**{**HD.__dict__, "width": 1080, "height": 1920})
    assert not can_copy(vertical, StoryOptions())  # off unless asked
    assert can_copy(vertical, StoryOptions(fast_copy=True))
    assert not can_copy(HD, StoryOptions(fast_copy=True))
    assert not can_copy(
        MediaInfo(**{**vertical.__dict__, "rotation": 90}), StoryOptions(fast_copy=True)
    )
    assert not can_copy(
        MediaInfo(**{**vertical.__dict__, "video_codec": "hevc"}), StoryOptions(fast_copy=True)
    )
    # the user is told why a fast copy re-encodes instead
    assert copy_refusal(vertical, StoryOptions(fast_copy=True)) is None
    assert copy_refusal(HD, StoryOptions(fast_copy=True)) == (
        "it is 1920×1080, not the clips' 1080×1920"
    )
    hevc = MediaInfo(**{**vertical.__dict__, "video_codec": "hevc"})
    assert copy_refusal(hevc, StoryOptions()) == "the video is hevc, not H.264"


def test_copy_cuts_move_to_the_nearest_keyframes_and_one_clip_is_never_split():
    opts = StoryOptions(fast_copy=True)
    keyframes = [0, 8.3, 16.7, 25, 33.3, 41.7, 50, 58.3]
    plans = keyframe_plan(plan_clips(60, opts), keyframes, 60)
    assert [(c.start, c.end) for c in plans] == [(0, 16.7), (16.7, 33.3), (33.3, 41.7), (41.7, 60)]
    vertical = MediaInfo(**{**HD.__dict__, "width": 1080, "height": 1920})
    argv = build_copy("ffmpeg", "/in.mp4", plans, vertical, opts, PATTERN, LIST).argv
    assert argv[argv.index("-c") : argv.index("-c") + 2] == ["-c", "copy"]
    assert argv[argv.index("-segment_times") + 1] == "16.7,33.3,41.7,3660"
    # one clip: the only segment time is past the end, so the muxer never cuts (it used to cut
    # every 2 s when no time was given)
    single = keyframe_plan(plan_clips(8, opts), [0, 2, 4, 6], 8)
    assert [(c.start, c.end) for c in single] == [(0, 8)]
    short = MediaInfo(**{**vertical.__dict__, "duration": 8})
    argv = build_copy("ffmpeg", "/in.mp4", single, short, opts, PATTERN, LIST).argv
    assert argv[argv.index("-segment_times") + 1] == "3608"


def test_copy_with_trims_starts_at_the_keyframe_before_and_ends_at_the_nearest():
    opts = StoryOptions(fast_copy=True, trim_start=5, trim_end=40)
    plans = keyframe_plan(plan_clips(60, opts), [0, 4, 12, 20, 28, 36, 44], 60)
    assert [(c.start, c.end) for c in plans] == [(4, 20), (20, 36), (36, 44)]
    vertical = MediaInfo(**{**HD.__dict__, "width": 1080, "height": 1920})
    argv = build_copy("ffmpeg", "/in.mp4", plans, vertical, opts, PATTERN, LIST).argv
    assert argv[argv.index("-ss") + 1] == "4" and argv[argv.index("-t") + 1] == "42"
    assert argv[argv.index("-segment_times") + 1] == "16,32,40"  # the last segment is dropped


def test_segment_list():
    text = '.j.001.part,0.000000,15.066667\n"a,b.part",15.066667,30.0\nbroken\n'
    assert parse_segment_list(text) == [
        (".j.001.part", 0.0, 15.066667),
        ("a,b.part", 15.066667, 30.0),
    ]


def test_copy_cuts_never_land_after_their_keyframe():
    """A keyframe at 500/30 s rounded to the nearest microsecond (16.666667) is after the
    keyframe: the muxer then waits for the next one and the clip is 8 s too long."""
    keyframes = [k * 250 / 30 for k in range(8)]
    plans = keyframe_plan(plan_clips(60, StoryOptions(fast_copy=True)), keyframes, 60)
    for plan in plans:
        exact = min(keyframes, key=lambda k: abs(k - plan.start))
        assert exact - 1e-6 < plan.start <= exact
        assert frame_cut([i / 30 for i in range(1800)], plan.start, 60) == exact


def test_smart_layout_crops_at_the_path_expression_and_centres_without_one():
    x = "(iw-ow)*(0.25000+0.50000*clip((t-1.000000)/2.000000,0,1))"
    argv = build_clip("ffmpeg", "/in/a.mp4", 0, 15, HD, StoryOptions(layout="smart"),
                      "/out/v/.j1.001.part", TB, crop_x=x)  # fmt: skip
    graph = argv[argv.index("-filter_complex") + 1]
    assert ("crop=1080:1920:x=(iw-ow)*(0.25000+0.50000*clip((t-1.000000)/2.000000\\,0\\,1))"
            ":y=(ih-oh)/2") in graph  # commas escaped inside the filter graph
    centred = encode(layout="smart")
    assert centred == encode(layout="crop")
