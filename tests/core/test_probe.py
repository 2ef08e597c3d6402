"""Probe parsers: recorded `ffmpeg -i` banners and ffprobe JSON."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from storyclip_gui.core.probe import ProbeError, parse_ffmpeg_banner, parse_ffprobe_json

DATA = Path(__file__).parents[1] / "data"


def banner(name: str) -> str:
    return (DATA / name).read_text()


def test_h264_aac_banner():
    info = parse_ffmpeg_banner(banner("banner_h264_aac.txt"))
    assert info.has_video and info.has_audio
    assert (info.width, info.height, info.fps) == (1280, 720, 30.0)
    assert info.duration == pytest.approx(4.0, abs=0.05)
    assert (info.video_codec, info.audio_codec, info.pix_fmt) == ("h264", "aac", "yuv420p")
    assert info.rotation == 0 and info.sar == 1


def test_rotated_banner_swaps_display_size():
    info = parse_ffmpeg_banner(banner("banner_rotated.txt"))
    assert info.rotation in (90, 270)
    assert (info.width, info.height) == (320, 240)
    assert info.display_size == (240, 320)


def test_audio_only_banner_has_no_video():
    info = parse_ffmpeg_banner(banner("banner_audio_only.txt"))
    assert not info.has_video and info.has_audio


def test_garbage_banner_raises_a_readable_error():
    with pytest.raises(ProbeError, match="not a video file"):
        parse_ffmpeg_banner(banner("banner_garbage.txt"))


def test_missing_file_message():
    with pytest.raises(ProbeError, match="does not exist"):
        parse_ffmpeg_banner("x: No such file or directory\n")


def test_anamorphic_and_odd_lines():
    text = (
        "Input #0, matroska,webm, from 'a.mkv':\n"
        "  Duration: 01:02:03.50, start: 0.000000, bitrate: 100 kb/s\n"
        "  Stream #0:0(eng): Video: mpeg2video (Main), yuv420p(tv, top first), 720x576 "
        "[SAR 64:45 DAR 16:9], 25 fps, 25 tbr, 1k tbn (default)\n"
        "  Stream #0:1(eng): Audio: ac3, 48000 Hz, stereo, fltp, 192 kb/s\n"
        "  Stream #0:2: Subtitle: subrip\n"
    )
    info = parse_ffmpeg_banner(text)
    assert info.duration == pytest.approx(3723.5)
    assert info.sar == Fraction(64, 45)
    assert info.display_size == (1024, 576)
    assert info.pix_fmt == "yuv420p" and info.audio_codec == "ac3"


def test_duration_na_is_none():
    text = (
        "Input #0, mpegts, from 'x.ts':\n  Duration: N/A, bitrate: N/A\n"
        "  Stream #0:0[0x100]: Video: h264, yuv420p, 64x64, 29.97 fps, 29.97 tbr\n"
    )
    info = parse_ffmpeg_banner(text)
    assert info.duration is None and info.fps == pytest.approx(29.97)


def test_ffprobe_json():
    data = {
        "streams": [
            {
                "codec_type": "video",
                "codec_name": "hevc",
                "width": 1920,
                "height": 1080,
                "avg_frame_rate": "30000/1001",
                "pix_fmt": "yuv420p10le",
                "sample_aspect_ratio": "1:1",
                "side_data_list": [{"side_data_type": "Display Matrix", "rotation": -90}],
            },
            {"codec_type": "audio", "codec_name": "aac"},
        ],
        "format": {"duration": "12.5", "format_name": "mov,mp4"},
    }
    info = parse_ffprobe_json(json.dumps(data))
    assert info.rotation == 90 and info.display_size == (1080, 1920)
    assert info.fps == pytest.approx(29.97, abs=0.01)
    assert info.duration == 12.5 and info.video_codec == "hevc" and info.has_audio


def test_ffprobe_cover_art_is_not_video():
    data = {
        "streams": [
            {"codec_type": "audio", "codec_name": "mp3"},
            {
                "codec_type": "video",
                "codec_name": "mjpeg",
                "width": 500,
                "height": 500,
                "disposition": {"attached_pic": 1},
            },
        ],
        "format": {"duration": "3"},
    }
    assert not parse_ffprobe_json(json.dumps(data)).has_video
