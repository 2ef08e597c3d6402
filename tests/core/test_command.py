"""The exact argv the engine gives ffmpeg."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from storyclip_gui.core.ffmpeg.command import (
    build_copy,
    build_encode,
    build_run,
    can_copy,
    contiguous_runs,
    parse_segment_list,
)
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.plan import ClipPlan, plan_clips
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
LIST = Path("/tmp/t/segments-001.csv")
PATTERN = "/out/v/.j1.%03d.part"
GLOBAL = ["ffmpeg", "-nostdin", "-hide_banner", "-y", "-progress", "pipe:1", "-nostats"]
SEGMENT_TAIL = [
    "-reset_timestamps",
    "1",
    "-segment_format",
    "mp4",
    "-segment_format_options",
    "movflags=+faststart",
    "-segment_list",
    str(LIST),
    "-segment_list_type",
    "csv",
]


def encode(media: MediaInfo = HD, clips: list[ClipPlan] | None = None, **options) -> list[str]:
    opts = StoryOptions(**options)
    clips = clips if clips is not None else plan_clips(media.duration or 0, opts)
    return build_encode("ffmpeg", "/in/My video.mp4", clips, media, opts, PATTERN, LIST).argv


def test_default_crop_argv_exactly():
    assert encode() == [
        *GLOBAL, "-i", "/in/My video.mp4",
        "-filter_complex",
        "[0:v:0]scale=1080:1920:force_original_aspect_ratio=increase[s0];[s0]crop=1080:1920[s1];"
        "[s1]setsar=1[s2];[s2]format=yuv420p[s3]",
        "-map", "[s3]", "-map", "0:a:0", "-f", "segment", "-b:a", "128k", "-c:a", "aac",
        "-c:v", "libx264", "-crf", "23", "-force_key_frames", "15,30,45", "-map_metadata", "-1",
        "-preset", "veryfast", "-profile:v", "high", *SEGMENT_TAIL,
        "-segment_start_number", "1", "-segment_time_delta", "0.016667",
        "-segment_times", "15,30,45", PATTERN,
    ]  # fmt: skip


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


def test_quality_no_audio_and_a_single_clip():
    argv = encode(quality="high", audio=False, clip_seconds=60)
    assert "-map" in argv and "0:a:0" not in argv and "-c:a" not in argv
    assert argv[argv.index("-crf") + 1] == "20" and argv[argv.index("-preset") + 1] == "medium"
    assert "-segment_times" not in argv and "-force_key_frames" not in argv


def test_resume_run_seeks_and_numbers_from_the_first_missing_clip():
    clips = [ClipPlan(3, 30, 45), ClipPlan(4, 45, 60)]
    argv = encode(clips=clips)
    assert argv[argv.index("-ss") + 1] == "30" and "-to" not in argv  # to the end of the source
    assert argv[argv.index("-segment_start_number") + 1] == "3"
    assert argv[argv.index("-segment_times") + 1] == "15"
    assert argv[argv.index("-force_key_frames") + 1] == "15"
    trimmed = encode(clips=[ClipPlan(1, 2.5, 10.25)])
    assert (
        trimmed[trimmed.index("-ss") + 1] == "2.5" and trimmed[trimmed.index("-to") + 1] == "10.25"
    )


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
    opts = StoryOptions(fast_copy=True)
    run = build_run("ffmpeg", "/in.mp4", plan_clips(60, opts), vertical, opts, PATTERN, LIST)
    assert (
        run.copy
        and run.argv
        == build_copy("ffmpeg", "/in.mp4", plan_clips(60, opts), vertical, opts, PATTERN, LIST).argv
    )
    assert run.argv[run.argv.index("-c") : run.argv.index("-c") + 2] == ["-c", "copy"]
    assert "-segment_time_delta" not in run.argv


def test_contiguous_runs_and_segment_list():
    clips = [ClipPlan(1, 0, 5), ClipPlan(2, 5, 10), ClipPlan(4, 15, 20), ClipPlan(5, 20, 22)]
    assert [[c.index for c in r] for r in contiguous_runs(clips)] == [[1, 2], [4, 5]]
    text = '.j.001.part,0.000000,15.066667\n"a,b.part",15.066667,30.0\nbroken\n'
    assert parse_segment_list(text) == [
        (".j.001.part", 0.0, 15.066667),
        ("a,b.part", 15.066667, 30.0),
    ]
