"""Unusual but valid sources must give correct clips, not merely "not crash"."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.probe import parse_ffmpeg_banner

pytestmark = pytest.mark.media

SMALL = StoryOptions(clip_seconds=1, width=720, height=1280, quality="low")

# name → keyword arguments of tests.helpers.media.make_video
MATRIX = {
    "rot180.mp4": {"rotation": 180},
    "rot270.mp4": {"rotation": 270, "size": "640x360"},
    "anamorphic.mp4": {"size": "720x576", "sar": "64/45"},
    "ntsc.mp4": {"fps": 30000 / 1001},
    "pal25.mkv": {"fps": 25},
    "tiny_1x1.mp4": {"size": "2x2", "audio": False},  # x264 needs even sizes; 2x2 is the floor
    "ten_bit.mp4": {"pix_fmt": "yuv420p10le"},
    "hevc.mp4": {"vcodec": "libx265", "audio": False},
    "vp9.webm": {
        "vcodec": "libvpx-vp9",
        "extra_output": ("-deadline", "realtime", "-cpu-used", "8"),
    },
    "high_fps.mp4": {"fps": 120, "audio": False},
    "interlaced.mp4": {"extra_output": ("-flags", "+ilme+ildct", "-x264opts", "tff=1")},
}


def probe(ffmpeg: str, path: str):
    err = subprocess.run([ffmpeg, "-hide_banner", "-i", path], capture_output=True, text=True)
    return parse_ffmpeg_banner(err.stderr)


@pytest.fixture(scope="module")
def matrix_jobs(video, ffmpeg, tmp_path_factory, qapp):
    """Run every source of the matrix in one engine (2 at a time), once for the module."""
    import asyncio

    import qasync

    sources = {name: video(name, seconds=2, **kwargs) for name, kwargs in MATRIX.items()}
    sources["multi_audio_subs.mkv"] = _multi_track(ffmpeg, video("base.mp4", seconds=2),
                                                   tmp_path_factory.mktemp("mkv"))  # fmt: skip
    root = tmp_path_factory.mktemp("matrix")
    settings = load_settings(overrides={"output_dir": root / "out", "temp_dir": root / "tmp",
                                        "data_dir": root / "data", "concurrency": 2})  # fmt: skip
    engine = build_engine(settings)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:

        async def go():
            jobs = {n: engine.manager.submit(JobSpec(str(p), SMALL)) for n, p in sources.items()}
            await engine.manager.wait_until_idle()
            return jobs

        jobs = loop.run_until_complete(asyncio.wait_for(go(), 300))
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    return {name: (sources[name], job) for name, job in jobs.items()}


def _multi_track(ffmpeg: str, base: Path, folder: Path) -> Path:
    srt = folder / "subs.srt"
    srt.write_text("1\n00:00:00,000 --> 00:00:01,000\nHola\n")
    target = folder / "multi_audio_subs.mkv"
    subprocess.run([ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-i", str(base),
                    "-f", "lavfi", "-i", "sine=frequency=880:duration=2", "-i", str(srt),
                    "-map", "0:v", "-map", "1:a", "-map", "0:a", "-map", "2:s",
                    "-c:v", "copy", "-c:a", "aac", "-c:s", "srt", str(target)],
                   check=True, capture_output=True)  # fmt: skip
    return target


@pytest.mark.slow
@pytest.mark.parametrize("name", [*MATRIX, "multi_audio_subs.mkv"])
def test_unusual_sources_give_correct_clips(matrix_jobs, ffmpeg, name):
    source, job = matrix_jobs[name]
    assert job.state is JobState.COMPLETED, (name, job.error)
    assert len(job.clips) == 2, [(c.start, c.end) for c in job.clips]
    source_info = probe(ffmpeg, str(source))
    for clip in job.clips:
        info = probe(ffmpeg, clip.path)
        assert (info.width, info.height, info.rotation) == (720, 1280, 0), name
        assert info.sar == 1 and info.pix_fmt == "yuv420p" and info.video_codec == "h264"
        assert abs(info.duration - (clip.end - clip.start)) <= source_info.frame_duration + 0.011
        assert info.has_audio == source_info.has_audio
        assert info.fps is not None and info.fps <= 60.5


@pytest.mark.slow
def test_multi_audio_takes_the_first_track_only(matrix_jobs, ffmpeg):
    _, job = matrix_jobs["multi_audio_subs.mkv"]
    err = subprocess.run([ffmpeg, "-hide_banner", "-i", job.clips[0].path], capture_output=True,
                         text=True).stderr  # fmt: skip
    assert err.count("Audio:") == 1 and "Subtitle:" not in err


def _halves(ffmpeg: str, path: Path) -> tuple[bool, bool]:
    """(top brighter than bottom, left brighter than right) of the first frame as displayed."""
    out = subprocess.run([ffmpeg, "-nostdin", "-loglevel", "error", "-i", str(path), "-frames:v",
                          "1", "-vf", "scale=64:64", "-f", "rawvideo", "-pix_fmt", "gray", "-"],
                         check=True, capture_output=True).stdout  # fmt: skip
    rows = [out[i * 64 : (i + 1) * 64] for i in range(64)]
    top = sum(map(sum, rows[:32]))
    bottom = sum(map(sum, rows[32:]))
    left = sum(sum(r[:32]) for r in rows)
    right = sum(sum(r[32:]) for r in rows)
    return top > bottom, left > right


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_content_is_upright_as_players_show_it(
    run_async, ffmpeg, media_ffmpeg, tmp_path, rotation
):
    """A white top-left quarter on black, with a display rotation: the clip must show the picture
    the way a player shows the source, not the stored (sideways) pixels."""
    raw = tmp_path / "raw.mp4"
    subprocess.run([media_ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "color=black:s=320x240:d=1,drawbox=x=0:y=0:w=160:h=120:color=white:t=fill",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(raw)],
                   check=True, capture_output=True)  # fmt: skip
    source = tmp_path / f"rot{rotation}.mp4"
    subprocess.run([media_ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-display_rotation",
                    str(rotation), "-i", str(raw), "-c", "copy", str(source)],
                   check=True, capture_output=True)  # fmt: skip
    engine = build_engine(load_settings())

    async def go():
        opts = StoryOptions(clip_seconds=5, width=720, height=1280, quality="low", layout="fit")
        job = engine.manager.submit(JobSpec(str(source), opts))
        await engine.manager.wait_until_idle()
        return job

    job = run_async(go())
    assert job.state is JobState.COMPLETED, job.error
    expected = _halves(ffmpeg, source)  # ffmpeg's decoder applies the display matrix
    assert expected != _halves(ffmpeg, raw)  # the rotation really moves the white quarter
    assert _halves(ffmpeg, Path(job.clips[0].path)) == expected
