"""The packet scan parser on recorded framecrc output from both builds' shapes."""

from __future__ import annotations

from fractions import Fraction

from storyclip_gui.core.ffmpeg.packets import PacketParser, parse_scan, scan_argv

# ffmpeg 9, an MP4 with B-frames and AAC (priming packet discarded), trimmed by hand
MP4 = """#extradata 0:       37, 0xd48d0a70
#tb 0: 1/15360
#media_type 0: video
#codec_id 0: h264
#dimensions 0: 320x240
#sar 0: 1/1
#tb 1: 1/44100
#media_type 1: audio
#codec_id 1: aac
#sample_rate 1: 44100
1,      -1024,      -1024,     1024,      256, 0xea44782a, F=0x5, S=1, Skip Samples, 10, 0x00240004
0,      -1024,          0,      512,     8644, 0xcae7e519
1,          0,          0,     1024,      210, 0x11111111
0,       -512,       1024,      512,     2388, 0x144ec390, F=0x0
0,          0,        512,      512,     3290, 0xde376b09, F=0x0
0,        512,       1536,      512,     2978, 0x36ebcf96, F=0x0
1,       1024,       1024,     1024,      200, 0x22222222
0,       1024,       2048,      512,     3356, 0xa66477a7
"""


def test_times_keyframes_and_extent_in_presentation_order():
    scan = parse_scan(MP4)
    video, audio = scan.video, scan.audio
    assert video.time_base == Fraction(1, 15360) and video.pts == [0, 512, 1024, 1536, 2048]
    assert video.keyframes == [0, 2048]  # lines without F= are key packets
    assert video.start == 0 and video.end == 2560 / 15360 and video.count == 5
    assert audio is not None and audio.pts == [0, 1024]  # the priming packet (F=0x5) is not shown
    assert audio.duration == 2048 / 44100


def test_fed_in_pieces_like_a_pipe_and_lines_split_anywhere():
    parser = PacketParser()
    data = MP4.encode()
    for i in range(0, len(data), 7):
        parser.feed(data[i : i + 7])
    assert parser.last_seconds == 2048 / 15360
    assert parser.finish().video.pts == parse_scan(MP4).video.pts


def test_avi_dropped_frames_and_missing_pts():
    avi = """#tb 0: 1/15
#media_type 0: video
0,          0,          0,        1,     4000, 0x1
0,          1,          1,        1,        0, 0x0, F=0x0
0,          2,          2,        1,     3000, 0x2, F=0x0
"""
    scan = parse_scan(avi)
    assert scan.video.pts == [0, 2] and scan.audio is None  # a 0-byte chunk repeats a frame
    parser = PacketParser()
    parser.feed(b"#tb 0: 1/24\n#media_type 0: video\n0, 3, -9223372036854775808, 1, 10, 0x1\n")
    assert parser.missing_pts and parser.finish().video.pts == [3]


def test_scan_argv_copies_unless_asked_to_decode():
    argv = scan_argv("ffmpeg", "/in/a b.mp4")
    assert argv[argv.index("-c:v") + 1] == "copy" and argv[-3:] == ["-f", "framecrc", "-"]
    decoded = scan_argv("ffmpeg", "/in/a b.mp4", decode=True)
    assert decoded[decoded.index("-c:v") + 1] == "wrapped_avframe"
