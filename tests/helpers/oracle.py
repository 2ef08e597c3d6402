"""An independent exactness oracle for finished clips: PyAV (libav* through `av`) and numpy only.

Nothing here imports storyclip_gui or asks the ffmpeg command line for its opinion: the source
and every clip are demuxed and decoded with PyAV, and each clip is compared with what the
source really holds in its planned range.

The clock. The engine reports clip times from the start of the video stream (builds disagree
on the file clock's zero, e.g. ffmpeg 5.1 starts a WebM at its Opus pre-skip): `check_clips`
adds the time of the video's first shown packet and judges everything on the file's clock, the
one `ffmpeg -ss` uses: a frame's time is its own timestamp minus the container's start time
(`container.start_time`, in AV_TIME_BASE = microseconds), the offset the ffmpeg CLI subtracts
from every input timestamp when `-copyts` is not given. Like the CLI, the offset is first
rounded to the stream's time base (nearest tick, `av_rescale_q`): a 2.478667 s start in a
1/15360 stream is 38072 ticks, so a frame stored at 2.5 s is at 0.0213542 s, not 0.0213333 s.
`tests/exactness/test_exact_clips.py::test_oracle_clock_is_the_clock_of_ffmpeg_ss` checks this
against `ffmpeg -ss` on every build.

Per clip (see `check_clips`):
  (a) decoded frames == source frames whose time falls in [start, end) (not counted for a
      source above 60 fps: the engine caps those to 60 fps, so durations are compared instead);
  (b) the clip's video lasts end - start, within one source frame (the frame that straddles
      each boundary);
  (c) its first frame is the source frame at `start`: thumbnails (32x32 gray of what the crop
      layout shows) of source frames k-2..k+2 are compared with it, and frame k must be the
      best match within a small epsilon;
  (d) where the source has sound in the clip's range, the clip's sound lasts as long as its
      video (or as the sound in range), within one audio frame + one video frame, and starts
      where the source's sound starts relative to the first frame, within the same slack;
  (e) the container's declared duration is within 0.1 s of the video's;
and for the whole job
  (f) the clips are contiguous, the first starts at the first video frame (or the trim start),
      and the last ends where the video ends (or at the trim end), except a dropped tail
      shorter than `min_tail_seconds`.
"""

from __future__ import annotations

import bisect
import itertools
import os
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Protocol

import av
import numpy as np

THUMB = 32  # thumbnails are THUMB x THUMB gray
MAX_FPS = 60  # the engine caps faster sources to this (documented behaviour)
FIRST_FRAME_EPSILON = 0.75  # gray levels (of 255) a non-best frame k may be behind the best
CONTAINER_SLACK = 0.1  # seconds the container may claim beyond or short of its video
TIME_SLACK = 1e-3  # seconds of rounding allowed on top of a frame-sized tolerance
_EPS = Fraction(1, 10**7)  # plan times are rounded to the microsecond; frames are much further


class ClipLike(Protocol):
    index: int
    start: float
    end: float
    path: str


# -- source analysis ------------------------------------------------------------------------


@dataclass
class AudioExtent:
    start: Fraction  # first decoded sample, file clock
    end: Fraction  # just after the last decoded sample
    frame: float  # seconds of one (typical) decoded audio frame


@dataclass
class SourceVideo:
    """A source's shown video frames, decoded with PyAV, on the file clock."""

    path: str
    start_time: Fraction  # the container's start (what the file clock subtracts)
    times: list[Fraction]  # shown frames, ascending
    durations: list[Fraction]  # each frame's duration (next frame's time for all but the last)
    thumbs: np.ndarray  # (len(times), THUMB, THUMB) float32, the region the layout shows
    keyframes: list[Fraction]  # times of key packets
    end: Fraction  # where the video ends: last frame time + its duration
    fps: float  # declared average rate (or measured from the frames)
    width: int  # picture as displayed (rotation and pixel aspect applied)
    height: int
    audio: AudioExtent | None
    # where the video stream's clock starts: its first shown packet's timestamp (the engine
    # counts clip times from there); earlier than times[0] when leading frames do not decode
    origin: Fraction = Fraction(0)
    notes: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.times)

    @property
    def capped(self) -> bool:
        return self.fps > MAX_FPS + 0.5

    @property
    def typical_frame(self) -> float:
        steps = [float(d) for d in self.durations if d > 0]
        return statistics.median(steps) if steps else 1 / 30

    def index_at(self, seconds: float | Fraction) -> int:
        """The first frame at or after `seconds` (len(times) when there is none)."""
        return bisect.bisect_left(self.times, _frac(seconds) - _EPS)

    def count_between(self, start: float, end: float) -> int:
        return self.index_at(end) - self.index_at(start)

    def frame_duration(self, i: int) -> float:
        i = max(0, min(i, self.count - 1))
        return float(self.durations[i]) if self.durations[i] > 0 else self.typical_frame


_SOURCES: dict[tuple[Any, ...], SourceVideo] = {}


def analyse_source(
    path: str | os.PathLike[str],
    *,
    layout: str = "crop",
    size: tuple[int, int] = (720, 1280),
    until: float | None = None,
) -> SourceVideo:
    """Decode the source's first video stream (and first audio stream) once; cached per file,
    layout and size. `until` stops decoding a little past that time (file clock)."""
    path = os.fspath(path)
    st = os.stat(path)
    key = (path, st.st_size, st.st_mtime_ns, layout, size, until)
    if key not in _SOURCES:
        _SOURCES[key] = _analyse(path, layout, size, until)
    return _SOURCES[key]


def file_clock(pts: int, time_base: Fraction, start_us: int) -> Fraction:
    """Seconds on the file clock of a timestamp `pts` in `time_base`, for a container that
    starts at `start_us` microseconds."""
    return (pts - _rescale_near(start_us, Fraction(1, 1_000_000), time_base)) * time_base


def _rescale_near(value: int, src: Fraction, dst: Fraction) -> int:
    """av_rescale_q: value * src / dst, rounded to the nearest integer, halves away from 0."""
    exact = Fraction(value) * src / dst
    sign = 1 if exact >= 0 else -1
    return sign * int(abs(exact) + Fraction(1, 2))


def _analyse(path: str, layout: str, size: tuple[int, int], until: float | None) -> SourceVideo:
    notes: list[str] = []
    with av.open(path) as container:
        start_us = container.start_time or 0
        start_time = Fraction(start_us, 1_000_000)
        video = container.streams.video[0]
        video.thread_type = "AUTO"
        audio = container.streams.audio[0] if container.streams.audio else None
        rate = video.average_rate or video.guessed_rate
        sar = video.sample_aspect_ratio or Fraction(1)
        raw: list[tuple[int | None, int | None, Fraction, Fraction, np.ndarray]] = []
        errors: dict[str, int] = {}
        keyframes: list[Fraction] = []
        audio_frames: list[tuple[Fraction, Fraction]] = []
        first_packet: Fraction | None = None
        stop = None if until is None else Fraction(until).limit_denominator(10**6) + 1
        streams = [s for s in (video, audio) if s is not None]
        for packet in container.demux(*streams):
            if packet.stream.type == "video":
                stamp = packet.pts if packet.pts is not None else packet.dts
                past = stop is not None and stamp is not None and \
                    file_clock(stamp, packet.time_base, start_us) > stop + 2  # fmt: skip
                if past:
                    break  # far enough past the range for any reordering
                if packet.is_keyframe and not packet.is_discard and packet.pts is not None:
                    keyframes.append(file_clock(packet.pts, packet.time_base, start_us))
                if not packet.is_discard and packet.pts is not None and packet.size:
                    t = file_clock(packet.pts, packet.time_base, start_us)
                    first_packet = t if first_packet is None else min(first_packet, t)
            for frame in _decode(packet, errors):
                if isinstance(frame, av.AudioFrame):
                    if frame.pts is None or not frame.samples:
                        continue
                    t = file_clock(frame.pts, frame.time_base, start_us)
                    audio_frames.append((t, Fraction(frame.samples, frame.sample_rate)))
                    continue
                duration = Fraction(frame.duration or 0) * frame.time_base
                thumb = _thumb(_region(_display(frame, sar), layout, size, sar))
                raw.append((frame.pts, frame.dts, frame.time_base, duration, thumb))
    notes.extend(f"{n} {kind} packets could not be decoded" for kind, n in errors.items())
    if not raw:
        raise ValueError(f"{path}: PyAV decoded no video frame")
    stamps, note = _presentation_stamps([r[0] for r in raw], [r[1] for r in raw])
    if note:
        notes.append(note)
    frames = sorted(((file_clock(stamp, r[2], start_us), r[3], r[4])
                     for stamp, r in zip(stamps, raw, strict=True) if stamp is not None),
                    key=lambda f: f[0])  # fmt: skip
    if len(frames) < len(raw):
        notes.append(f"{len(raw) - len(frames)} decoded frames had no timestamp: not counted")
    if not frames:
        raise ValueError(f"{path}: no decoded video frame has a timestamp")
    times = [t for t, _, _ in frames]
    durations = [b - a for a, b in itertools.pairwise(times)]
    durations.append(frames[-1][1])
    positive = [d for d in durations if d > 0]
    if durations[-1] <= 0:  # no duration on the last frame: the typical step
        durations[-1] = Fraction(statistics.median(positive)) if positive else Fraction(1, 30)
    measured = (len(times) - 1) / float(times[-1] - times[0]) if len(times) > 1 else 30.0
    fps = float(rate) if rate else measured
    display_w, display_h = _display_size(video, sar)
    extent = None
    if audio_frames:
        audio_frames.sort()
        a_start = audio_frames[0][0]
        a_end = max(t + d for t, d in audio_frames)
        frame = statistics.median(float(d) for _, d in audio_frames)
        extent = AudioExtent(a_start, a_end, frame)
    keyframes.sort()
    return SourceVideo(
        path=path,
        start_time=start_time,
        times=times,
        durations=durations,
        thumbs=np.stack([f[2] for f in frames]),
        keyframes=keyframes,
        end=times[-1] + durations[-1],
        fps=fps,
        width=display_w,
        height=display_h,
        audio=extent,
        origin=times[0] if first_packet is None else min(first_packet, times[0]),
        notes=notes,
    )


def _decode(packet: av.Packet, errors: dict[str, int]) -> list[Any]:
    """The packet's frames; a packet the decoder refuses (damaged data) is counted, not fatal,
    as a player skips it."""
    try:
        return list(packet.decode())
    except av.error.FFmpegError:
        kind = packet.stream.type
        errors[kind] = errors.get(kind, 0) + 1
        return []


def _presentation_stamps(
    pts: list[int | None], dts: list[int | None]
) -> tuple[list[int | None], str | None]:
    """Each decoded frame's timestamp, in decoder output (= display) order.

    The frames' own pts when they rise. Otherwise (AVI with packed B-frames, whose pts the
    demuxer can only guess; a stream whose damaged start makes the decoder output frames out of
    order) the order the decoder gives them in is kept and they are stamped like the ffmpeg CLI
    and players stamp them: by their packets' dts when those rise (the last frames, flushed
    without a dts, one typical step apart), else by libavcodec's best-effort rule
    (`guess_correct_pts`), dropping frames whose stamp would go back (as a player drops them)."""

    def rising(values: list[int | None]) -> bool:
        known = [v for v in values if v is not None]
        return len(known) == len(values) and all(b > a for a, b in itertools.pairwise(known))

    if rising(pts):
        return pts, None
    why = "decoded frames' pts do not rise in display order"
    known = len(dts)
    while known and dts[known - 1] is None:
        known -= 1
    if known >= 2 and rising(dts[:known]):
        head = [d for d in dts[:known] if d is not None]
        step = statistics.median(b - a for a, b in itertools.pairwise(head))
        tail = [head[-1] + round(step * (i + 1)) for i in range(len(dts) - known)]
        return [*dts[:known], *tail], f"{why}: stamped by their packets' dts"
    guessed: list[int | None] = []
    faulty_pts = faulty_dts = 0
    last_pts = last_dts = None
    for p, d in zip(pts, dts, strict=True):
        if d is not None:
            faulty_dts += last_dts is not None and d <= last_dts
            last_dts = d
        elif p is not None:
            last_dts = p
        if p is not None:
            faulty_pts += last_pts is not None and p <= last_pts
            last_pts = p
        elif d is not None:
            last_pts = d
        use_pts = (faulty_pts <= faulty_dts or d is None) and p is not None
        guessed.append(p if use_pts else d)
    kept: list[int | None] = []
    last = None
    for stamp in guessed:
        ok = stamp is not None and (last is None or stamp > last)
        kept.append(stamp if ok else None)
        last = stamp if ok else last
    dropped = sum(1 for k, g in zip(kept, guessed, strict=True) if k is None and g is not None)
    return kept, (f"{why}: stamped by libavcodec's best-effort rule"
                  + (f", {dropped} going back dropped" if dropped else ""))  # fmt: skip


def _display_size(stream: Any, sar: Fraction) -> tuple[int, int]:
    w, h = stream.codec_context.width, stream.codec_context.height
    return round(w * sar), h


def _display(frame: av.VideoFrame, sar: Fraction) -> np.ndarray:
    """The frame as gray, turned the way a player shows it (display matrix)."""
    gray = frame.to_ndarray(format="gray").astype(np.float32)
    rotation = round((getattr(frame, "rotation", 0) or 0) / 90) % 4
    if rotation:
        gray = np.rot90(gray, k=rotation)
    return gray


def _region(gray: np.ndarray, layout: str, size: tuple[int, int], sar: Fraction) -> np.ndarray:
    """What the layout shows of the source: the centre of the picture that fills `size` for
    "crop" (scale to cover, centre crop), the whole picture for "fit" and "blur"."""
    if layout != "crop":
        return gray
    h, w = gray.shape
    display_w = w * float(sar)
    out_w, out_h = size
    scale = max(out_w / display_w, out_h / h)
    vis_w = out_w / scale / float(sar)  # stored pixels
    vis_h = out_h / scale
    x0 = (w - vis_w) / 2
    y0 = (h - vis_h) / 2
    xs, xe = max(0, round(x0)), min(w, round(x0 + vis_w))
    ys, ye = max(0, round(y0)), min(h, round(y0 + vis_h))
    return gray[ys:ye, xs:xe]


def _clip_region(gray: np.ndarray, layout: str, source: SourceVideo) -> np.ndarray:
    """The part of the clip's picture that shows the source (inside the bars for "fit")."""
    if layout == "crop":
        return gray
    h, w = gray.shape
    scale = min(w / source.width, h / source.height)
    pw, ph = source.width * scale, source.height * scale
    xs, ys = round((w - pw) / 2), round((h - ph) / 2)
    return gray[ys : ys + round(ph), xs : xs + round(pw)]


def _thumb(gray: np.ndarray, n: int = THUMB) -> np.ndarray:
    """Area-average `gray` down to n x n (repeating pixels first if it is smaller)."""
    h, w = gray.shape
    if h < n or w < n:
        gray = np.repeat(np.repeat(gray, -(-n // h), axis=0), -(-n // w), axis=1)
        h, w = gray.shape
    ys = np.linspace(0, h, n + 1).astype(int)
    xs = np.linspace(0, w, n + 1).astype(int)
    rows = np.add.reduceat(gray, ys[:-1], axis=0) / np.diff(ys)[:, None]
    return (np.add.reduceat(rows, xs[:-1], axis=1) / np.diff(xs)[None, :]).astype(np.float32)


# -- clip analysis ----------------------------------------------------------------------------


@dataclass
class ClipMedia:
    frames: int
    first: np.ndarray | None  # the first shown frame, gray, full size
    video_start: float | None  # clip clock
    video_duration: float  # packets: first pts to last pts + its duration
    audio_start: float | None  # first decoded sample, clip clock
    audio_duration: float  # decoded samples / rate
    container_duration: float | None
    size: tuple[int, int]


def analyse_clip(path: str | os.PathLike[str]) -> ClipMedia:
    with av.open(os.fspath(path)) as container:
        start_us = container.start_time or 0
        container_duration = (
            container.duration / 1_000_000 if container.duration is not None else None
        )
        video = container.streams.video[0]
        video.thread_type = "AUTO"
        audio = container.streams.audio[0] if container.streams.audio else None
        size = (video.codec_context.width, video.codec_context.height)
        first: np.ndarray | None = None
        first_time: Fraction | None = None
        frames = 0
        v_lo: Fraction | None = None
        v_hi: Fraction | None = None
        a_lo: Fraction | None = None
        samples = Fraction(0)
        streams = [s for s in (video, audio) if s is not None]
        for packet in container.demux(*streams):
            if packet.stream.type == "video" and packet.pts is not None and not packet.is_discard:
                t = file_clock(packet.pts, packet.time_base, start_us)
                end = t + Fraction(packet.duration or 0) * packet.time_base
                v_lo = t if v_lo is None else min(v_lo, t)
                v_hi = end if v_hi is None else max(v_hi, end)
            for frame in _decode(packet, {}):
                if isinstance(frame, av.AudioFrame):
                    if frame.samples:
                        samples += Fraction(frame.samples, frame.sample_rate)
                        if frame.pts is not None:
                            t = file_clock(frame.pts, frame.time_base, start_us)
                            a_lo = t if a_lo is None else min(a_lo, t)
                    continue
                frames += 1
                t = (file_clock(frame.pts, frame.time_base, start_us)
                     if frame.pts is not None else None)  # fmt: skip
                if first is None or (t is not None and first_time is not None and t < first_time):
                    first, first_time = _display(frame, Fraction(1)), t
    duration = float(v_hi - v_lo) if v_lo is not None and v_hi is not None else 0.0
    return ClipMedia(
        frames=frames,
        first=first,
        video_start=float(v_lo) if v_lo is not None else None,
        video_duration=duration,
        audio_start=float(a_lo) if a_lo is not None else None,
        audio_duration=float(samples),
        container_duration=container_duration,
        size=size,
    )


# -- the verdict ------------------------------------------------------------------------------


@dataclass
class ClipReport:
    index: int
    start: float
    end: float
    frames: int = 0
    expected_frames: int | None = None  # None: not counted (source above 60 fps)
    duration: float = 0.0  # the clip's video
    seconds_off: float = 0.0  # duration - (end - start)
    exact_off: float = 0.0  # duration - what the source frames in range span
    tolerance: float = 0.0  # one source frame at the boundaries (+ rounding)
    first_frame_offset: int | None = None  # best-matching source frame - expected one
    first_frame_diffs: tuple[float, ...] = ()  # mean abs difference to frames k-2..k+2
    audio_duration: float | None = None
    audio_expected: float | None = None
    audio_start_off: float | None = None
    container_off: float | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def frames_off(self) -> int | None:
        return None if self.expected_frames is None else self.frames - self.expected_frames

    def row(self) -> str:
        exp = "-" if self.expected_frames is None else str(self.expected_frames)
        off = "-" if self.frames_off is None else f"{self.frames_off:+d}"
        first = "?" if self.first_frame_offset is None else f"{self.first_frame_offset:+d}"
        diffs = "/".join(f"{d:.1f}" for d in self.first_frame_diffs)
        audio = ("-" if self.audio_expected is None or self.audio_duration is None
                 else f"{self.audio_duration - self.audio_expected:+.3f}")  # fmt: skip
        sync = "-" if self.audio_start_off is None else f"{self.audio_start_off:+.3f}"
        container = "-" if self.container_off is None else f"{self.container_off:+.3f}"
        return (f"  clip {self.index:2d} [{self.start:8.3f}, {self.end:8.3f}) frames "
                f"{self.frames}/{exp} ({off}) dur {self.duration:.3f} off {self.seconds_off:+.4f} s"
                f" (exact {self.exact_off:+.4f}, tol {self.tolerance:.4f}) first {first}"
                f" [{diffs}] audio {audio} sync {sync} container {container}")


@dataclass
class OracleReport:
    source: SourceVideo
    clips: list[ClipReport]
    problems: list[str]  # every problem found, clip problems included, readable

    @property
    def ok(self) -> bool:
        return not self.problems

    def table(self) -> str:
        src = self.source
        audio = ("no audio" if src.audio is None
                 else f"audio [{float(src.audio.start):.3f}, {float(src.audio.end):.3f})")
        head = (f"source {os.path.basename(src.path)}: {src.count} frames "
                f"[{float(src.times[0]):.4f}, {float(src.end):.4f}) on the file clock "
                f"(container start {float(src.start_time):.6f}), {src.fps:.3f} fps, {audio}")
        lines = [head, *(f"  ~ {note}" for note in src.notes), *(c.row() for c in self.clips)]
        return "\n".join([*lines, *(f"  ! {p}" for p in self.problems)])

    def __str__(self) -> str:
        return self.table()


def check_clips(
    source_path: str | os.PathLike[str],
    clips: Sequence[ClipLike],
    *,
    min_tail_seconds: float,
    trim_start: float = 0.0,
    trim_end: float | None = None,
    layout: str = "crop",
    size: tuple[int, int] = (720, 1280),
    audio: bool = True,
    keyframe_cuts: bool = False,
) -> OracleReport:
    """Check a finished job's clips against its source. `keyframe_cuts`: the clips are copies
    (fast copy), so each must also start on a source keyframe."""
    # decode a little past the trim end: clip times count from the first frame, not 0
    until = None if trim_end is None else trim_end + 10
    source = analyse_source(source_path, layout=layout, size=size, until=until)
    first = float(source.origin)  # engine clock → file clock
    clips = [_OnFileClock(c.index, c.start + first, c.end + first, c.path) for c in clips]
    trim_start += first
    trim_end = None if trim_end is None else trim_end + first
    problems: list[str] = []
    reports = [_check_clip(source, clip, layout, size, audio) for clip in clips]
    for report in reports:
        problems.extend(f"clip {report.index}: {p}" for p in report.problems)
    if keyframe_cuts:
        keys = set(source.keyframes)
        for clip in clips:
            k = source.index_at(clip.start)
            if k >= source.count or source.times[k] not in keys or \
                    abs(float(source.times[k]) - clip.start) > 1e-5:  # fmt: skip
                near = min(source.keyframes, key=lambda t: abs(float(t) - clip.start))
                problems.append(f"clip {clip.index}: starts at {clip.start:.6f}, not on a "
                                f"keyframe (nearest {float(near):.6f})")  # fmt: skip
    problems.extend(_coverage(source, clips, min_tail_seconds, trim_start, trim_end))
    return OracleReport(source, reports, problems)


@dataclass(frozen=True)
class _OnFileClock:
    index: int
    start: float
    end: float
    path: str


def _check_clip(
    source: SourceVideo, clip: ClipLike, layout: str, size: tuple[int, int], audio: bool
) -> ClipReport:
    report = ClipReport(clip.index, clip.start, clip.end)
    problems = report.problems
    if not os.path.isfile(clip.path):
        problems.append(f"file {clip.path} does not exist")
        return report
    media = analyse_clip(clip.path)
    if media.size != size:
        problems.append(f"is {media.size[0]}x{media.size[1]}, not {size[0]}x{size[1]}")
    k = source.index_at(clip.start)
    k_end = source.index_at(clip.end)
    planned = clip.end - clip.start
    report.frames = media.frames
    report.duration = media.video_duration
    # (a) frames
    if not source.capped:
        report.expected_frames = k_end - k
        if media.frames != k_end - k:
            problems.append(f"has {media.frames} frames where the source has {k_end - k} in "
                            f"[{clip.start:.6f}, {clip.end:.6f}) ({media.frames - (k_end - k):+d})")
    # (b) duration
    exact_end = source.times[k_end] if k_end < source.count else source.end
    exact_start = source.times[k] if k < source.count else source.end
    report.exact_off = media.video_duration - float(exact_end - exact_start)
    report.seconds_off = media.video_duration - planned
    tolerance = max(source.frame_duration(k - 1 if k else 0), source.frame_duration(k_end - 1))
    if source.capped:
        tolerance = max(tolerance, 1 / MAX_FPS)
    report.tolerance = tolerance + TIME_SLACK
    if abs(report.seconds_off) > report.tolerance:
        problems.append(f"video lasts {media.video_duration:.4f} s where {planned:.4f} s was "
                        f"planned ({report.seconds_off:+.4f} s, more than one frame, "
                        f"{tolerance:.4f} s)")  # fmt: skip
    # (c) the first frame ("smart" moves its crop: tests/helpers/face_video.py checks it)
    if media.first is not None and k < source.count and layout != "smart":
        thumb = _thumb(_clip_region(media.first, layout, source))
        lo, hi = max(0, k - 2), min(source.count, k + 3)
        diffs = [float(np.abs(source.thumbs[j] - thumb).mean()) for j in range(lo, hi)]
        report.first_frame_diffs = tuple(diffs)
        best = int(np.argmin(diffs))
        report.first_frame_offset = (lo + best) - k
        if diffs[k - lo] > diffs[best] + FIRST_FRAME_EPSILON:
            problems.append(f"first frame looks like source frame {lo + best} "
                            f"(t={float(source.times[lo + best]):.4f}), not frame {k} "
                            f"(t={float(source.times[k]):.4f}) (offset "
                            f"{report.first_frame_offset:+d}; differences "
                            f"{', '.join(f'{d:.2f}' for d in diffs)})")  # fmt: skip
    elif media.first is None:
        problems.append("has no decodable video frame")
    # (d) sound
    if audio and source.audio is not None:
        _check_audio(source, clip, media, report, float(exact_start))
    # (e) the container
    if media.container_duration is not None:
        report.container_off = media.container_duration - media.video_duration
        if abs(report.container_off) > CONTAINER_SLACK + TIME_SLACK:
            problems.append(f"container says {media.container_duration:.3f} s but the video "
                            f"lasts {media.video_duration:.3f} s")  # fmt: skip
    return report


def _check_audio(
    source: SourceVideo, clip: ClipLike, media: ClipMedia, report: ClipReport, first: float
) -> None:
    sound = source.audio
    assert sound is not None
    a0, a1 = float(sound.start), float(sound.end)
    aac_frame = 1024 / 48000 if media.audio_duration else 0.0
    audio_frame = max(sound.frame, aac_frame, 1024 / 44100)
    video_frame = source.typical_frame
    slack = audio_frame + video_frame + TIME_SLACK
    overlap = min(clip.end, a1) - max(clip.start, a0)
    if overlap < audio_frame:
        return  # no sound in range to speak of
    covers = a0 <= clip.start + audio_frame and a1 >= clip.end - audio_frame
    expected = media.video_duration if covers else overlap
    report.audio_expected = expected
    report.audio_duration = media.audio_duration
    if not media.audio_duration:
        report.problems.append(f"has no sound where the source has {overlap:.3f} s")
        return
    if abs(media.audio_duration - expected) > slack:
        what = "its video" if covers else "the source's sound in range"
        report.problems.append(f"has {media.audio_duration:.3f} s of sound where {what} lasts "
                               f"{expected:.3f} s ({media.audio_duration - expected:+.3f} s, "
                               f"slack {slack:.3f})")  # fmt: skip
    if media.audio_start is not None and media.video_start is not None:
        expected_lead = max(0.0, a0 - first)  # sound starting after the first frame
        report.audio_start_off = (media.audio_start - media.video_start) - expected_lead
        if abs(report.audio_start_off) > slack:
            report.problems.append(f"sound starts {media.audio_start - media.video_start:+.3f} s "
                                   f"from the first frame where the source's starts "
                                   f"{expected_lead:+.3f} s from it (out of sync by "
                                   f"{report.audio_start_off:+.3f} s)")  # fmt: skip


def _coverage(
    source: SourceVideo,
    clips: Sequence[ClipLike],
    min_tail: float,
    trim_start: float,
    trim_end: float | None,
) -> list[str]:
    problems: list[str] = []
    if not clips:
        return ["the job has no clips"]
    ordered = sorted(clips, key=lambda c: c.index)
    if [c.index for c in ordered] != list(range(1, len(ordered) + 1)):
        problems.append(f"clip indexes are {[c.index for c in ordered]}, not 1..{len(ordered)}")
    for a, b in itertools.pairwise(ordered):
        if abs(a.end - b.start) > 1e-6:
            problems.append(f"clips {a.index} and {b.index} do not meet: {a.end:.6f} vs "
                            f"{b.start:.6f}")  # fmt: skip
        if b.start <= a.start:
            problems.append(f"clip {b.index} does not start after clip {a.index}")
    first = float(source.origin)
    start = max(first, trim_start)
    if trim_start <= first:  # the first clip must start exactly at the first frame
        if abs(ordered[0].start - first) > 2e-6:
            problems.append(f"the first clip starts at {ordered[0].start:.6f}, but the first "
                            f"video frame is at {first:.6f}")  # fmt: skip
    elif abs(ordered[0].start - start) > 2e-6:
        problems.append(f"the first clip starts at {ordered[0].start:.6f}, not at the trim "
                        f"start {start:.6f}")  # fmt: skip
    end = float(source.end) if trim_end is None else min(trim_end, float(source.end))
    gap = end - ordered[-1].end
    if gap > 1e-3 and gap >= min_tail:
        problems.append(f"the clips end at {ordered[-1].end:.6f}, {gap:.3f} s before the "
                        f"video's end {end:.6f} (more than the {min_tail:g} s a tail may lose)")
    if gap < -1e-3:
        problems.append(f"the last clip ends at {ordered[-1].end:.6f}, after the video's end "
                        f"{end:.6f}")  # fmt: skip
    return problems


def _frac(seconds: float | Fraction) -> Fraction:
    if isinstance(seconds, Fraction):
        return seconds
    return Fraction(repr(float(seconds)))
