"""Build ffmpeg argv as pure functions (ffmpeg-python for the graph): encode, copy.

Encoding renders one clip per ffmpeg run (`-ss` before `-i`, `-t` on the output, variable frame
rate kept): every clip holds exactly the source frames in its range on every ffmpeg build we
tried, and a clip is the unit of resume and of retries. docs/performance.md has the numbers
that chose this over one pass with the segment muxer (which cut every 2 s when given one clip,
and 2-3 frames off on ffmpeg 5.1). Copying (`--fast-copy`) still uses the segment muxer in one
pass, cutting at keyframe times the planner has read from the source.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import ffmpeg

from storyclip_gui.core.ffmpeg import encoders
from storyclip_gui.core.options import Layout, StoryOptions
from storyclip_gui.core.plan import ClipPlan, floor_us
from storyclip_gui.core.probe import MediaInfo

GLOBAL_ARGS = ("-nostdin", "-hide_banner", "-y", "-progress", "pipe:1", "-nostats")
MAX_FPS = 60
COPYABLE_AUDIO = frozenset({"aac", "mp3"})


@dataclass(frozen=True)
class SegmentRun:
    """One copying ffmpeg run that writes `clips` (contiguous, keyframe to keyframe) as
    segments."""

    argv: list[str]
    clips: tuple[ClipPlan, ...]
    segment_list: Path

    @property
    def start(self) -> float:
        return self.clips[0].start

    @property
    def duration(self) -> float:
        return self.clips[-1].end - self.clips[0].start


def _t(seconds: float) -> str:
    """Seconds as ffmpeg wants them: plain decimal, no exponent, no trailing noise."""
    text = f"{seconds:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def can_copy(media: MediaInfo, options: StoryOptions) -> bool:
    """The source already is what we would encode: H.264 at the output size, upright, square."""
    return options.fast_copy and copy_refusal(media, options) is None


def copy_refusal(media: MediaInfo, options: StoryOptions) -> str | None:
    """Why this source cannot be cut without re-encoding, in words; None when it can."""
    if media.video_codec != "h264":
        return f"the video is {media.video_codec or 'of an unknown codec'}, not H.264"
    if media.pix_fmt not in ("yuv420p", "yuvj420p"):
        return f"its pixel format is {media.pix_fmt or 'unknown'}, not yuv420p"
    if media.rotation != 0:
        return f"it is stored rotated by {media.rotation}°"
    if media.sar != 1:
        return "its pixels are not square"
    if (media.width, media.height) != (options.width, options.height):
        return (f"it is {media.width}×{media.height}, "
                f"not the clips' {options.width}×{options.height}")  # fmt: skip
    if media.has_audio and options.audio and media.audio_codec not in COPYABLE_AUDIO:
        return f"its sound is {media.audio_codec}, not AAC or MP3"
    return None


def _video_graph(stream: Any, media: MediaInfo, options: StoryOptions,
                 crop_x: str | None = None, encoder: str = encoders.X264) -> Any:  # fmt: skip
    w, h = options.width, options.height
    v = stream
    if media.sar != 1:  # anamorphic: make pixels square before framing
        v = v.filter("scale", "trunc(iw*sar/2)*2", "ih").filter("setsar", 1)
    if media.fps and media.fps > MAX_FPS + 0.5:
        v = v.filter("fps", MAX_FPS)
    if options.layout is Layout.CROP or (options.layout is Layout.SMART and crop_x is None):
        v = v.filter("scale", w, h, force_original_aspect_ratio="increase").filter("crop", w, h)
    elif options.layout is Layout.SMART:  # x follows the subject: framing.crop_x_expression
        v = v.filter("scale", w, h, force_original_aspect_ratio="increase").filter(
            "crop", w, h, x=crop_x, y="(ih-oh)/2"
        )
    elif options.layout is Layout.FIT:
        v = v.filter(
            "scale", w, h, force_original_aspect_ratio="decrease", force_divisible_by=2
        ).filter("pad", w, h, "(ow-iw)/2", "(oh-ih)/2", color="black")
    else:  # BLUR: a blurred, filled copy behind the fitted video; blurred small, then scaled up
        parts = v.split()
        bw, bh = w // 8, h // 8
        background = (
            parts[0]
            .filter("scale", bw, bh, force_original_aspect_ratio="increase")
            .filter("crop", bw, bh)
            .filter("gblur", sigma=8)
            .filter("scale", w, h)
        )
        foreground = parts[1].filter(
            "scale", w, h, force_original_aspect_ratio="decrease", force_divisible_by=2
        )
        v = ffmpeg.overlay(background, foreground, x="(W-w)/2", y="(H-h)/2")
    v = v.filter("setsar", 1).filter("format", encoders.pixel_format(encoder))
    return v.filter("hwupload") if encoders.uploads(encoder) else v


def _floor_us(seconds: float) -> str:
    return _t(floor_us(seconds))


def _time_base_arg(time_base: Fraction) -> str:
    """The source's own time base for the encoder, so variable frame rate timestamps survive
    (the default, 1/fps, rounds them onto a grid and drops frames that land on one point)."""
    if time_base <= 0 or time_base.denominator > 1_000_000:
        return "1/90000"
    return f"{time_base.numerator}/{time_base.denominator}"


def build_clip(
    ffmpeg_path: str,
    source: str,
    start: float,
    end: float,
    media: MediaInfo,
    options: StoryOptions,
    output: str,
    time_base: Fraction,
    seek_from: float | None = None,
    crop_x: str | None = None,
    loudnorm: dict[str, Any] | None = None,
    encoder: str = encoders.X264,
) -> list[str]:
    """The argv that re-encodes one clip, exactly the source frames in [start, end).

    `start` and `end` are frame times on the file's clock (see plan.frame_cut): `-ss` before
    `-i` seeks and then drops what is before `start`, the output's `-t` drops what is at or
    after `end`; both are rounded down to the microsecond. With `seek_from` (a keyframe before
    `start`, for containers that cannot seek exactly) the input seeks there and an output `-ss`
    drops the frames up to `start`. `crop_x`: the smart layout's crop x expression in the
    filter's time (`t` counts from the input seek point; without it, a centre crop).
    `loudnorm`: the second pass's settings (core/qc.py). `encoder`: libx264 (whose argv the
    exactness suite pins) or a hardware one with its own rate control (ffmpeg/encoders.py)."""
    first = start if seek_from is None else seek_from
    inp = ffmpeg.input(source, **({"ss": _floor_us(first)} if first > 0 else {}))
    streams = [_video_graph(inp["v:0"], media, options, crop_x, encoder)]
    q = options.quality_settings
    out: dict[str, Any] = {}
    if seek_from is not None and start > seek_from:
        out["ss"] = _t(floor_us(start) - floor_us(seek_from))
    out["t"] = _t(floor_us(end) - floor_us(start))
    if encoder == encoders.X264:
        out |= {"c:v": "libx264", "preset": q.x264_preset, "crf": q.crf, "profile:v": "high"}
    else:
        out |= encoders.video_options(encoder, options.quality, (options.width, options.height))
    out |= {"fps_mode": "vfr", "enc_time_base:v": _time_base_arg(time_base)}
    if options.audio and media.has_audio:
        sound = inp["a:0"]
        if loudnorm:  # two-pass normalisation; loudnorm outputs 192 kHz, clips get 48 kHz
            # (the explicit layouts: ffmpeg 5.1 cannot pick one after loudnorm on its own)
            sound = (sound.filter("loudnorm", **loudnorm).filter("aresample", 48000)
                     .filter("aformat", channel_layouts="mono|stereo"))  # fmt: skip
        streams.append(sound)
        out.update({"c:a": "aac", "b:a": q.audio_bitrate})
    out.update({"map_metadata": -1, "movflags": "+faststart", "f": "mp4"})
    node = ffmpeg.output(*streams, output, **out)
    return [ffmpeg_path, *GLOBAL_ARGS, *encoders.input_options(encoder), *ffmpeg.get_args(node)]


def build_copy(
    ffmpeg_path: str,
    source: str,
    clips: list[ClipPlan],
    media: MediaInfo,
    options: StoryOptions,
    output_pattern: str,
    segment_list: Path,
    offset: float = 0.0,
) -> SegmentRun:
    """Cut without re-encoding, in one pass: `clips` must already start and end on keyframes
    (plan.keyframe_plan); the segment muxer cuts at the first keyframe at or after each time.
    Clip times count from the first video frame, which is at `offset` on the file's clock."""
    run = tuple(clips)
    origin = run[0].start
    first = offset + origin
    kwargs: dict[str, Any] = {"ss": _floor_us(first)} if first > 0 else {}
    ends_early = media.duration is not None and run[-1].end < media.duration - 1e-3
    if ends_early:  # read a little past the last cut; the extra segment is thrown away
        kwargs["t"] = _t(run[-1].end - origin + 2)
    inp = ffmpeg.input(source, **kwargs)
    streams = [inp["v:0"]]
    if options.audio and media.has_audio:
        streams.append(inp["a:0"])
    cuts = [c.start - origin for c in run[1:]]
    cuts.append(run[-1].end - origin if ends_early else run[-1].end - origin + 3600)
    out: dict[str, Any] = {"c": "copy", "map_metadata": -1, "avoid_negative_ts": "make_zero",
                           "f": "segment", "segment_times": ",".join(map(_floor_us, cuts)),
                           "segment_start_number": run[0].index, "reset_timestamps": 1,
                           "segment_list": str(segment_list), "segment_list_type": "csv",
                           "segment_format": "mp4",
                           "segment_format_options": "movflags=+faststart"}  # fmt: skip
    node = ffmpeg.output(*streams, output_pattern, **out)
    argv = [ffmpeg_path, *GLOBAL_ARGS, *ffmpeg.get_args(node)]
    return SegmentRun(argv, run, segment_list)


def parse_segment_list(text: str) -> list[tuple[str, float, float]]:
    """Complete lines of the segment muxer's CSV list: (file name, start, end) in run time."""
    rows: list[tuple[str, float, float]] = []
    for line in text.splitlines():
        name, _, rest = line.rpartition(",")
        name, _, start = name.rpartition(",")
        try:
            rows.append((name.strip('"'), float(start), float(rest)))
        except ValueError:
            continue
    return rows
