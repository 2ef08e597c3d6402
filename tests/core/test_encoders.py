"""The encoder table (core/ffmpeg/encoders.py) and the choice (core/encoder_detect.choose)."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest

from storyclip_gui.core.encoder_detect import EncoderStatus, choose
from storyclip_gui.core.ffmpeg.command import build_clip
from storyclip_gui.core.ffmpeg.encoders import (
    HARDWARE,
    encoder_in,
    failure_line,
    probe_argv,
    rate_control,
)
from storyclip_gui.core.options import EncoderChoice, OptionsError, Quality, StoryOptions
from storyclip_gui.core.probe import MediaInfo

MEDIA = MediaInfo(20.0, 1920, 1080, fps=30, has_video=True, has_audio=True)
TB = Fraction(1, 15360)

# the whole mapping, quality by quality: what each encoder is told
RATE_CONTROL = [
    ("libx264", Quality.LOW, {"preset": "veryfast", "crf": 28}),
    ("libx264", Quality.MEDIUM, {"preset": "veryfast", "crf": 23}),
    ("libx264", Quality.HIGH, {"preset": "medium", "crf": 20}),
    ("h264_nvenc", Quality.LOW, {"preset": "p3", "tune": "hq", "rc": "vbr", "cq": 30, "b:v": 0}),
    ("h264_nvenc", Quality.MEDIUM,
     {"preset": "p4", "tune": "hq", "rc": "vbr", "cq": 25, "b:v": 0}),
    ("h264_nvenc", Quality.HIGH, {"preset": "p6", "tune": "hq", "rc": "vbr", "cq": 22, "b:v": 0}),
    ("h264_vaapi", Quality.LOW, {"rc_mode": "CQP", "qp": 29}),
    ("h264_vaapi", Quality.MEDIUM, {"rc_mode": "CQP", "qp": 24}),
    ("h264_vaapi", Quality.HIGH, {"rc_mode": "CQP", "qp": 21}),
    ("h264_qsv", Quality.LOW, {"preset": "veryfast", "global_quality": 29, "look_ahead": 0}),
    ("h264_qsv", Quality.MEDIUM, {"preset": "veryfast", "global_quality": 24, "look_ahead": 0}),
    ("h264_qsv", Quality.HIGH, {"preset": "medium", "global_quality": 21, "look_ahead": 0}),
    ("h264_videotoolbox", Quality.LOW, {"b:v": "3.0M", "allow_sw": 0}),
    ("h264_videotoolbox", Quality.MEDIUM, {"b:v": "5.0M", "allow_sw": 0}),
    ("h264_videotoolbox", Quality.HIGH, {"b:v": "8.0M", "allow_sw": 0}),
]  # fmt: skip


@pytest.mark.parametrize(("encoder", "quality", "expected"), RATE_CONTROL)
def test_rate_control_table(encoder, quality, expected):
    assert rate_control(encoder, quality, (1080, 1920)) == expected


def test_videotoolbox_bitrate_follows_the_picture_size():
    assert rate_control("h264_videotoolbox", Quality.MEDIUM, (720, 1280))["b:v"] == "2.2M"


def _pairs(argv):
    return {a: b for a, b in itertools.pairwise(argv) if a.startswith("-")}


# per encoder: its flags in the clip argv, its pixel format, what comes before -i
CLIP_ARGV = [
    ("h264_nvenc", {"-c:v": "h264_nvenc", "-rc": "vbr", "-cq": "25", "-preset": "p4",
                    "-forced-idr": "1", "-profile:v": "high"}, "format=yuv420p", []),
    ("h264_vaapi", {"-c:v": "h264_vaapi", "-rc_mode": "CQP", "-qp": "24",
                    "-profile:v": "high"}, "format=nv12[s3];[s3]hwupload",
     ["-vaapi_device", "/dev/dri/renderD128"]),
    ("h264_qsv", {"-c:v": "h264_qsv", "-global_quality": "24", "-forced_idr": "1",
                  "-look_ahead": "0"}, "format=nv12", []),
    ("h264_videotoolbox", {"-c:v": "h264_videotoolbox", "-b:v": "5.0M", "-allow_sw": "0"},
     "format=yuv420p", []),
]  # fmt: skip


@pytest.mark.parametrize(("encoder", "flags", "graph", "before_input"), CLIP_ARGV)
def test_each_encoders_clip_argv_keeps_the_exactness_rules(encoder, flags, graph, before_input):
    argv = build_clip("ffmpeg", "/in/a.mp4", 2.5, 7.5, MEDIA, StoryOptions(), "/o/.j.002.part",
                      TB, encoder=encoder)  # fmt: skip
    pairs = _pairs(argv)
    assert {k: pairs.get(k) for k in flags} == flags
    # one clip per run: -ss before -i, -t on the output, vfr, the source's time base
    assert argv.index("-ss") < argv.index("-i") < argv.index("-t")
    assert pairs["-ss"] == "2.5" and pairs["-t"] == "5"
    assert pairs["-fps_mode"] == "vfr" and pairs["-enc_time_base:v"] == "1/15360"
    assert graph in pairs["-filter_complex"]
    assert argv[7 : 7 + len(before_input)] == before_input
    assert "libx264" not in argv and "-crf" not in argv
    assert encoder_in(argv) == encoder


def test_x264s_argv_is_the_one_the_exactness_suite_pins():
    default = build_clip("ffmpeg", "/in/a.mp4", 0, 5, MEDIA, StoryOptions(), "o.part", TB)
    named = build_clip("ffmpeg", "/in/a.mp4", 0, 5, MEDIA, StoryOptions(), "o.part", TB,
                       encoder="libx264")  # fmt: skip
    assert default == named
    pairs = _pairs(default)
    assert (pairs["-c:v"], pairs["-preset"], pairs["-crf"]) == ("libx264", "veryfast", "23")
    assert "format=yuv420p" in pairs["-filter_complex"]
    assert not any("hwupload" in arg or "vaapi" in arg for arg in default)


@pytest.mark.parametrize("encoder", HARDWARE)
def test_detection_encodes_one_story_sized_frame_with_the_jobs_options(encoder):
    argv = probe_argv("ffmpeg", encoder)
    pairs = _pairs(argv)
    assert pairs["-c:v"] == encoder and pairs["-frames:v"] == "1"
    assert "size=1080x1920" in pairs["-i"] and argv[-3:] == ["-f", "h264", "pipe:1"]


# what the two builds here really print (stderr), and the line a person is shown
STDERR = [
    ("h264_nvenc", "[h264_nvenc @ 0x5584550ec280] Cannot load libcuda.so.1\nError initializing "
     "output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe incorrect "
     "parameters such as bit_rate, rate, width or height\n", "Cannot load libcuda.so.1"),
    ("h264_vaapi", "[AVHWDeviceContext @ 0x55df5841ca40] No VA display found for device "
     "/dev/dri/renderD128.\nDevice creation failed: -22.\nFailed to set value "
     "'/dev/dri/renderD128' for option 'vaapi_device': Invalid argument\n",
     "No VA display found for device /dev/dri/renderD128."),
    ("h264_qsv", "Input #0, lavfi, from 'color':\n  Stream #0:0: Video: wrapped_avframe\n"
     "Stream mapping:\n[h264_qsv @ 0x55fb60272a80] Error creating a MFX session: -9.\n"
     "[vost#0:0/h264_qsv @ 0x1] Terminating thread with return code -22 (Invalid argument)\n"
     "Conversion failed!\n", "Error creating a MFX session: -9."),
    ("h264_videotoolbox", "[vost#0:0 @ 0x55b3fc8a6b40] Error selecting an encoder\nError "
     "opening output file -.\nError opening output files: Encoder not found\n",
     "Error selecting an encoder"),
    ("h264_nvenc", "", "no error message"),
]  # fmt: skip


@pytest.mark.parametrize(("encoder", "stderr", "line"), STDERR)
def test_the_reason_is_the_line_that_says_why(encoder, stderr, line):
    assert failure_line(stderr, encoder) == line


def _statuses(*working):
    return {n: EncoderStatus(n, True, n in working, "" if n in working else "no driver")
            for n in HARDWARE}  # fmt: skip


@pytest.mark.parametrize(("choice", "working", "encoder", "noted"), [
    (EncoderChoice.AUTO, ("h264_qsv", "h264_vaapi"), "h264_vaapi", False),  # nvenc first
    (EncoderChoice.AUTO, (), "libx264", False),
    (EncoderChoice.X264, ("h264_nvenc",), "libx264", False),
    (EncoderChoice.NVENC, ("h264_nvenc",), "h264_nvenc", False),
    (EncoderChoice.NVENC, ("h264_qsv",), "libx264", True),
    (EncoderChoice.VIDEOTOOLBOX, (), "libx264", True),
])  # fmt: skip
def test_choose(choice, working, encoder, noted):
    picked = choose(choice, _statuses(*working))
    assert picked.encoder == encoder
    assert (picked.note is not None) is noted
    if noted:
        assert "no driver" in picked.note and picked.note.endswith("the job uses libx264")


def test_the_option_reads_and_refuses_like_the_others():
    assert StoryOptions.from_dict({"encoder": "NVENC"}).encoder is EncoderChoice.NVENC
    assert StoryOptions().to_dict()["encoder"] == "auto"
    with pytest.raises(OptionsError, match="Encoder 'cuda' is not one of: auto, x264"):
        StoryOptions.from_dict({"encoder": "cuda"})


def test_the_encoder_is_read_from_the_commands():
    assert encoder_in(["ffmpeg", "-i", "a", "-c", "copy", "x"]) == "copy"
    assert encoder_in(["ffmpeg", "-i", "a", "x"]) is None


def test_the_learned_eta_keys_the_encoder_the_clips_really_ran_with():
    from storyclip_gui.core.eta import job_work, work_levels
    from storyclip_gui.core.jobs import Job

    job = Job(id="j", source="/v/a.mp4", options=StoryOptions(), output_root="/o")
    assert work_levels(job)[0][0] == "libx264"  # nothing ran yet: what the options make
    x264 = job_work(job)
    job.commands.append(build_clip("ffmpeg", "/v/a.mp4", 0, 5, MEDIA, StoryOptions(), "o.part",
                                   TB, encoder="h264_nvenc"))  # fmt: skip
    assert work_levels(job)[0][0] == "h264_nvenc" and job_work(job) < x264
    job.commands.append(build_clip("ffmpeg", "/v/a.mp4", 0, 5, MEDIA, StoryOptions(), "o.part",
                                   TB))  # fmt: skip
    assert work_levels(job)[0][0] == "libx264"  # after a fallback
