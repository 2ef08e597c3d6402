"""Generators of bad and unusual inputs: each writes one kind of source file, returns its path."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Make = Callable[[Path], Path]  # given a fresh folder, write the input there and return its path


@dataclass(frozen=True)
class BadInput:
    """An input that must end as a failed job: its error code and words of its message."""

    name: str
    make: Make
    code: str
    words: str


@dataclass(frozen=True)
class OddInput:
    """A valid but unusual source: it must give correct clips."""

    name: str
    make: Make
    clips: int  # how many clips a 1 s clip length gives


def run_ffmpeg(ffmpeg: str, *args: str) -> None:
    subprocess.run([ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *args],
                   check=True, capture_output=True)  # fmt: skip


def lavfi_video(ffmpeg: str, path: Path, seconds: float = 2, *extra: str, audio: bool = True,
                size: str = "320x240", fps: float = 30) -> Path:  # fmt: skip
    """A testsrc2 H.264 (+ AAC tone) video; `extra` goes before the output path."""
    args = ["-f", "lavfi", "-i", f"testsrc2=size={size}:rate={fps}:duration={seconds}"]
    if audio:
        args += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-g", "15", "-pix_fmt", "yuv420p"]
    if audio:
        args += ["-c:a", "aac", "-shortest"]
    run_ffmpeg(ffmpeg, *args, *extra, str(path))
    return path


def _truncated(good: Path, fraction: float, name: str) -> Make:
    def make(folder: Path) -> Path:
        data = good.read_bytes()
        target = folder / name
        target.write_bytes(data[: int(len(data) * fraction)])
        return target

    return make


def _bytes(name: str, content: Callable[[], bytes]) -> Make:
    def make(folder: Path) -> Path:
        target = folder / name
        target.write_bytes(content())
        return target

    return make


def _random(size: int, seed: int) -> Callable[[], bytes]:
    return lambda: random.Random(seed).randbytes(size)


def _ts_garbage() -> bytes:
    """Sync bytes every 188 bytes around noise: looks like MPEG-TS, holds nothing."""
    rng = random.Random(7)
    return b"".join(b"\x47" + rng.randbytes(187) for _ in range(4000))


def _mkv_garbage() -> bytes:
    """A Matroska EBML header followed by noise."""
    header = bytes.fromhex("1a45dfa3a34286810142f7810142f2810442f381084282886d6174726f736b61")
    return header + random.Random(8).randbytes(64 * 1024)


def bad_inputs(ffmpeg: str, good: Path, faststart: Path) -> list[BadInput]:
    """Every kind of input that must fail, with its expected code and message words."""

    def via_ffmpeg(name: str, *args: str) -> Make:
        def make(folder: Path) -> Path:
            target = folder / name
            run_ffmpeg(ffmpeg, *args, str(target))
            return target

        return make

    def broken_stream(folder: Path) -> Path:
        """Noise written over a tenth of the coded video in the middle of the file."""
        data = bytearray(good.read_bytes())
        rng = random.Random(9)
        middle = len(data) // 2
        for offset in range(middle - len(data) // 20, middle + len(data) // 20, 64):
            data[offset : offset + 16] = rng.randbytes(16)
        target = folder / "broken_stream.mp4"
        target.write_bytes(bytes(data))
        return target

    def broken_header(folder: Path) -> Path:
        data = bytearray(faststart.read_bytes())
        data[40:4096] = bytes(4096 - 40)  # the moov box (first, with +faststart) zeroed
        target = folder / "zeroed_index.mp4"
        target.write_bytes(bytes(data))
        return target

    def fifo(folder: Path) -> Path:
        target = folder / "pipe.mp4"
        os.mkfifo(target)
        return target

    def device(folder: Path) -> Path:
        target = folder / "device.mp4"
        target.symlink_to("/dev/zero")
        return target

    def dangling(folder: Path) -> Path:
        target = folder / "dangling.mp4"
        target.symlink_to(folder / "gone-long-ago.mp4")
        return target

    def loop(folder: Path) -> Path:
        a, b = folder / "loop_a.mp4", folder / "loop_b.mp4"
        a.symlink_to(b)
        b.symlink_to(a)
        return a

    def directory(folder: Path) -> Path:
        target = folder / "a folder.mp4"
        target.mkdir()
        return target

    def y4m(name: str, size: bytes) -> Make:
        """A raw-video header declaring `size` pixels, followed by 4 KiB of one frame."""
        header = b"YUV4MPEG2 " + size + b" F30:1 Ip A1:1 C420jpeg\nFRAME\n"
        return _bytes(name, lambda: header + bytes(4096))

    def cover_art_mp3(folder: Path) -> Path:
        cover = folder / "cover.png"
        run_ffmpeg(ffmpeg, "-f", "lavfi", "-i", "color=red:s=64x64", "-frames:v", "1", str(cover))
        target = folder / "song_with_cover.mp3"
        run_ffmpeg(ffmpeg, "-f", "lavfi", "-i", "sine=duration=2", "-i", str(cover),
                   "-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-c:v", "png",
                   "-disposition:v", "attached_pic", str(target))  # fmt: skip
        cover.unlink()
        return target

    def subtitles_only(folder: Path) -> Path:
        srt = folder / "subs.srt"
        srt.write_text("1\n00:00:00,000 --> 00:00:02,000\nHola\n")
        target = folder / "subtitles_only.mkv"
        run_ffmpeg(ffmpeg, "-i", str(srt), "-c:s", "srt", str(target))
        srt.unlink()
        return target

    missing: Make = lambda folder: folder / "never-existed.mp4"  # noqa: E731
    text = "hello, I am a shopping list, not a video\n" * 100
    return [
        BadInput("empty", _bytes("empty.mp4", bytes), "invalid_input", "empty (0 bytes)"),
        BadInput("random_bytes", _bytes("random.mp4", _random(256 * 1024, 6)), "invalid_input",
                 "not a video"),
        BadInput("text_file", _bytes("notes.mp4", text.encode), "invalid_input", "not a video"),
        BadInput("html_as_mov", _bytes("page.mov", lambda: b"<!doctype html><html>" + b"x" * 9000),
                 "invalid_input", "not a video"),
        BadInput("png_image", via_ffmpeg("photo.png", "-f", "lavfi", "-i",
                 "testsrc2=size=320x240", "-frames:v", "1"), "invalid_input", "still image"),
        BadInput("jpeg_image", via_ffmpeg("photo.jpg", "-f", "lavfi", "-i",
                 "testsrc2=size=320x240", "-frames:v", "1"), "invalid_input", "still image"),
        BadInput("truncated_10", _truncated(good, 0.10, "cut10.mp4"), "invalid_input",
                 "incomplete or damaged"),
        BadInput("truncated_50", _truncated(good, 0.50, "cut50.mp4"), "invalid_input",
                 "incomplete or damaged"),
        BadInput("truncated_90", _truncated(good, 0.90, "cut90.mp4"), "invalid_input",
                 "incomplete or damaged"),
        BadInput("broken_stream", broken_stream, "verification_failed",
                 "The source is damaged there"),
        BadInput("faststart_truncated_50", _truncated(faststart, 0.5, "indexed_cut50.mp4"),
                 "invalid_input", "incomplete or damaged: its data stops at"),
        BadInput("only_ftyp_box", _bytes("ftyp_only.mp4", lambda: faststart.read_bytes()[:32]),
                 "invalid_input", "damaged"),
        BadInput("zeroed_index", broken_header, "no_video_stream", "has no video"),
        BadInput("mpegts_noise", _bytes("noise.ts", _ts_garbage), "invalid_input",
                 "can be decoded"),
        BadInput("mkv_header_noise", _bytes("noise.mkv", _mkv_garbage), "invalid_input",
                 "not a video"),
        BadInput("audio_only", via_ffmpeg("tone.m4a", "-f", "lavfi", "-i", "sine=duration=2"),
                 "no_video_stream", "only audio"),
        BadInput("wav_named_mp4", via_ffmpeg("tone.mp4", "-f", "lavfi", "-i",
                 "sine=duration=2", "-c:a", "pcm_s16le", "-f", "wav"), "no_video_stream",
                 "only audio"),
        BadInput("audio_with_cover_art", cover_art_mp3, "no_video_stream", "only audio"),
        BadInput("subtitles_only", subtitles_only, "no_video_stream", "no video"),
        BadInput("zero_frames", via_ffmpeg("zero_frames.mp4", "-f", "lavfi", "-i",
                 "testsrc2=size=320x240:duration=1", "-frames:v", "0", "-c:v", "libx264"),
                 "no_video_stream", "has no video"),
        BadInput("huge_declared_resolution", y4m("huge.y4m", b"W9000 H9000"), "invalid_input",
                 "9000x9000 pixels"),
        BadInput("impossible_resolution", y4m("impossible.y4m", b"W30000 H30000"),
                 "invalid_input", "impossible picture size"),
        BadInput("bmp_named_mp4", via_ffmpeg("picture.mp4", "-f", "lavfi", "-i",
                 "testsrc2=size=64x64", "-frames:v", "1", "-c:v", "bmp", "-f", "image2"),
                 "invalid_input", "still image"),
        BadInput("directory", directory, "invalid_input", "is a folder"),
        BadInput("fifo", fifo, "invalid_input", "not a regular file"),
        BadInput("char_device_symlink", device, "invalid_input", "not a regular file"),
        BadInput("dangling_symlink", dangling, "invalid_input", "does not exist"),
        BadInput("symlink_loop", loop, "invalid_input", "symbolic links"),
        BadInput("missing", missing, "invalid_input", "does not exist"),
    ]  # fmt: skip


def odd_inputs(ffmpeg: str, good: Path) -> list[OddInput]:
    """Valid but unusual sources not already in tests/test_media_matrix.py."""

    def copy_as(name: str) -> Make:
        def make(folder: Path) -> Path:
            target = folder / os.fsdecode(name.encode("utf-8", "surrogateescape"))
            shutil.copy(good, target)
            return target

        return make

    def vfr(folder: Path) -> Path:
        # 30 fps for the first second, then every third frame only: real gaps in the timeline
        return lavfi_video(ffmpeg, folder / "vfr.mp4", 2, "-vf",
                           "select='lt(t\\,1)+not(mod(n\\,3))'", "-fps_mode", "vfr")  # fmt: skip

    def one_by_one(folder: Path) -> Path:
        target = folder / "one_by_one.mkv"
        run_ffmpeg(ffmpeg, "-f", "lavfi", "-i", "color=red:size=1x1:rate=30:duration=2",
                   "-c:v", "ffv1", "-pix_fmt", "yuv444p", str(target))  # fmt: skip
        return target

    def gif(folder: Path) -> Path:
        target = folder / "animated.gif"
        run_ffmpeg(ffmpeg, "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=2",
                   str(target))  # fmt: skip
        return target

    return [
        OddInput("vfr", vfr, 2),
        OddInput("half_second", lambda f: lavfi_video(ffmpeg, f / "half.mp4", 0.5), 1),
        OddInput("single_frame", lambda f: lavfi_video(ffmpeg, f / "one_frame.mp4", 1 / 30,
                                                       audio=False), 1),
        OddInput("one_by_one_pixel", one_by_one, 2),
        OddInput("five_fps", lambda f: lavfi_video(ffmpeg, f / "five_fps.mp4", 2, fps=5), 2),
        OddInput("animated_gif", gif, 2),
        OddInput("name_percent", copy_as("100% %d %03d %s.mp4"), 2),
        OddInput("name_shell", copy_as("$(touch pwned) `id` ; rm -rf.mp4"), 2),
        OddInput("name_option_like", copy_as("-i -y.mp4"), 2),
        OddInput("name_tab_cr", copy_as("tab\there\rcr.mp4"), 2),
        OddInput("name_long", copy_as("l" * 200 + ".mp4"), 2),
        OddInput("name_rtl_emoji", copy_as("\u202ertl \U0001f3ac ñ.mp4"), 2),
    ]  # fmt: skip
