"""Smart framing: from per-sample subject detections to a smoothed, speed-limited crop path,
and that path as an ffmpeg crop expression.

Pure Python (the detector runs in its own process: core/framing_worker.py). The idea is
Google AutoFlip's: split the source into shots, and in each shot hold the crop still when the
subject stays inside it, else follow the subject with a pan whose speed never exceeds
`PAN_SPEED`; the crop only jumps at a shot change.

Positions are fractions of the source's (display) width; times count from the source's first
video frame, like clip boundaries.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

ANALYSIS_FPS = 4.0  # samples per second of source
ANALYSIS_WIDTH = 384  # pixels: frames are analysed at this width
DETECTOR_VERSION = 1  # raise when the detector's samples change: cached ones are then not used
PAN_SPEED = 0.2  # the crop's fastest pan, in source widths per second
STILL_FRACTION = 0.6  # a subject that moves less than this share of the crop width: hold still
DEADZONE_FRACTION = 0.25  # of the crop's half width: a subject this near the centre is not chased
FACE_GAP_SECONDS = 2.0  # a face missed for up to this long is taken to be where it was
MOTION_ENERGY = 0.2  # percent of the picture changed since the last sample: movement
SIMPLIFY = 0.002  # knots closer than this to the straight line between their neighbours go
JUMP = 1e-3  # seconds: a cut's jump is a knot pair this close


@dataclass(frozen=True)
class FrameSample:
    """What the detector saw at time `t`: faces as (centre x, width, score), the centre of
    motion and its energy (percent of the picture that changed), the most salient point, and
    whether a shot begins here."""

    t: float
    faces: tuple[tuple[float, float, float], ...] = ()
    motion: tuple[float, float] | None = None
    salient: float | None = None
    cut: bool = False

    def to_dict(self) -> dict[str, Any]:
        """As the detector writes it (and `from_dict` reads it)."""
        out: dict[str, Any] = {"t": self.t, "faces": [list(f) for f in self.faces]}
        if self.motion is not None:
            out["motion"] = list(self.motion)
        if self.salient is not None:
            out["salient"] = self.salient
        if self.cut:
            out["cut"] = True
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FrameSample:
        return cls(
            t=float(data["t"]),
            faces=tuple((float(f[0]), float(f[1]), float(f[2])) for f in data.get("faces", ())),
            motion=(float(data["motion"][0]), float(data["motion"][1]))
            if data.get("motion") else None,
            salient=float(data["salient"]) if data.get("salient") is not None else None,
            cut=bool(data.get("cut", False)),
        )


@dataclass(frozen=True)
class CropPath:
    """The crop window's centre over time, piecewise linear between `knots` (time, centre),
    held before the first and after the last; `half_width` is half the window's width."""

    knots: tuple[tuple[float, float], ...]
    half_width: float
    modes: tuple[str, ...] = field(default=())  # per shot: still | tracking
    span: tuple[float, float] = (0.0, 0.0)  # the source times analysed
    source_key: str = ""  # which file, as it was then (path, size, modification time)

    def centre(self, t: float) -> float:
        knots = self.knots
        if not knots:
            return 0.5
        i = bisect.bisect_right([k[0] for k in knots], t)
        if i == 0:
            return knots[0][1]
        if i == len(knots):
            return knots[-1][1]
        (t0, c0), (t1, c1) = knots[i - 1], knots[i]
        return c0 + (c1 - c0) * (t - t0) / (t1 - t0) if t1 > t0 else c1

    def window(self, t: float) -> tuple[float, float]:
        """The crop's left and right edges at `t`, fractions of the source width."""
        c = self.centre(t)
        return c - self.half_width, c + self.half_width

    def position(self, t: float) -> float:
        """The window's left edge as a share of the room it has to move in (0 left, 1 right):
        what the crop filter's x is, times (iw - ow)."""
        room = 1 - 2 * self.half_width
        return 0.5 if room <= 1e-9 else _clamp((self.centre(t) - self.half_width) / room, 0, 1)

    def max_speed(self) -> float:
        """The fastest pan between knots, ignoring the jumps at shot changes."""
        return max((abs(c1 - c0) / (t1 - t0) for (t0, c0), (t1, c1)
                    in zip(self.knots, self.knots[1:], strict=False)
                    if t1 - t0 > JUMP * 1.5), default=0.0)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return dict(self._json)  # a copy: callers may change it

    @functools.cached_property
    def _json(self) -> dict[str, Any]:  # made once per (immutable) path: every event has it
        return {"halfWidth": self.half_width, "modes": list(self.modes),
                "span": list(self.span),
                "knots": [[round(t, 4), round(c, 5)] for t, c in self.knots]}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CropPath:
        span = data.get("span") or (0.0, 0.0)
        return cls(tuple((float(t), float(c)) for t, c in data["knots"]),
                   float(data["halfWidth"]), tuple(data.get("modes", ())),
                   (float(span[0]), float(span[1])))  # fmt: skip


def framing_params(start: float, duration: float, size: tuple[int, int]) -> str:
    """The analysis cache's key for the detector's samples of this range of a source."""
    return (f"framing:v{DETECTOR_VERSION}:fps{ANALYSIS_FPS:g}:w{ANALYSIS_WIDTH}:"
            f"{start:.3f}+{duration:.3f}:{size[0]}x{size[1]}")  # fmt: skip


def crop_half_width(source_width: int, source_height: int, out_width: int,
                    out_height: int) -> float:  # fmt: skip
    """Half the crop window's width as a fraction of the source width, once the source is
    scaled to fill the output's height (0.5: the output is as wide as the source or wider)."""
    if source_width <= 0 or source_height <= 0:
        return 0.5
    scaled_width = source_width * out_height / source_height
    return min(0.5, out_width / scaled_width / 2)


def build_path(samples: Sequence[FrameSample], half_width: float,
               pan_speed: float = PAN_SPEED) -> CropPath:  # fmt: skip
    """The smoothed crop path for these samples (sorted by time)."""
    if half_width >= 0.5 or not samples:
        return CropPath(((0.0, 0.5),), min(half_width, 0.5), ("still",))
    lo, hi = half_width, 1 - half_width
    shots: list[list[FrameSample]] = []
    for sample in samples:
        if sample.cut or not shots:
            shots.append([])
        shots[-1].append(sample)
    knots: list[tuple[float, float]] = []
    modes: list[str] = []
    for shot in shots:
        focus = _focus(shot, half_width)
        known = [f for f in focus if f is not None]
        times = [s.t for s in shot]
        if not known:
            centres = [0.5] * len(shot)
            mode = "still"
        elif max(known) - min(known) <= 2 * half_width * STILL_FRACTION:
            centres = [_clamp((max(known) + min(known)) / 2, lo, hi)] * len(shot)
            mode = "still"
        else:
            centres = _follow(times, _filled(focus), half_width, pan_speed, lo, hi)
            mode = "tracking"
        modes.append(mode)
        points = _simplify(list(zip(times, centres, strict=True)), SIMPLIFY)
        if knots:  # a shot change: jump just before the new shot's first sample
            knots.append((points[0][0] - JUMP, knots[-1][1]))
        knots.extend(points)
    return CropPath(tuple((round(t, 4), round(c, 5)) for t, c in knots), half_width,
                    tuple(modes))  # fmt: skip


def _focus(shot: Sequence[FrameSample], half_width: float) -> list[float | None]:
    """Where the subject is in each sample: faces first (a missed face is where it was, for a
    short gap), else the centre of motion, else the most salient point, else unknown."""
    faces: list[float | None] = []
    previous: float | None = None
    for sample in shot:
        point = _face_point(sample.faces, half_width, previous)
        faces.append(point)
        if point is not None:
            previous = point
    times = [s.t for s in shot]
    seen = [i for i, f in enumerate(faces) if f is not None]
    out: list[float | None] = []
    for i, sample in enumerate(shot):
        if faces[i] is not None:
            out.append(faces[i])
            continue
        j = bisect.bisect_left(seen, i)
        before = seen[j - 1] if j > 0 else None
        after = seen[j] if j < len(seen) else None
        if (before is not None and after is not None
                and times[after] - times[before] <= FACE_GAP_SECONDS):  # fmt: skip
            fb, fa = faces[before], faces[after]
            assert fb is not None and fa is not None
            share = (times[i] - times[before]) / (times[after] - times[before])
            out.append(fb + (fa - fb) * share)
        elif before is not None and times[i] - times[before] <= FACE_GAP_SECONDS / 2:
            out.append(faces[before])
        elif after is not None and times[after] - times[i] <= FACE_GAP_SECONDS / 2:
            out.append(faces[after])
        elif sample.motion and sample.motion[1] >= MOTION_ENERGY:
            out.append(sample.motion[0])
        else:
            out.append(sample.salient)
    return out


def _face_point(faces: Sequence[tuple[float, float, float]], half_width: float,
                previous: float | None) -> float | None:  # fmt: skip
    """The biggest faces' centre when they fit in the crop together, else the biggest face
    (of those nearly as big, the one nearest where the subject was)."""
    if not faces:
        return None
    biggest = max(f[1] for f in faces)
    group = [f for f in faces if f[1] >= 0.5 * biggest]
    left = min(f[0] - f[1] / 2 for f in group)
    right = max(f[0] + f[1] / 2 for f in group)
    if right - left <= 2 * half_width * 0.9:
        return (left + right) / 2
    near = [f for f in group if f[1] >= 0.8 * biggest]
    if previous is not None:
        return min(near, key=lambda f: abs(f[0] - previous))[0]
    return max(near, key=lambda f: f[1])[0]


def _filled(focus: list[float | None]) -> list[float]:
    """Unknown points take the nearest known one before them (or after, at the start)."""
    first = next(f for f in focus if f is not None)
    out: list[float] = []
    last = first
    for f in focus:
        last = f if f is not None else last
        out.append(last)
    return out


def _follow(times: list[float], focus: list[float], half_width: float, speed: float,
            lo: float, hi: float) -> list[float]:  # fmt: skip
    """A forward and a backward speed-limited chase with a dead zone, averaged: the forward
    one lags a moving subject, the backward one leads it, their mean is on it; both hold still
    while the subject stays in the dead zone. The mean of two paths that keep a speed limit
    keeps it too."""
    dead = DEADZONE_FRACTION * half_width

    def chase(order: range) -> list[float]:
        out = [0.0] * len(times)
        c: float | None = None
        prev_t = 0.0
        for i in order:
            target = _clamp(focus[i], lo, hi)
            if c is None:
                c = target
            else:
                step = speed * abs(times[i] - prev_t)
                gap = target - c
                want = 0.0 if abs(gap) <= dead else gap - math.copysign(dead, gap)
                c += _clamp(want, -step, step)
            out[i] = c
            prev_t = times[i]
        return out

    forward = chase(range(len(times)))
    backward = chase(range(len(times) - 1, -1, -1))
    return [_clamp((a + b) / 2, lo, hi) for a, b in zip(forward, backward, strict=True)]


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Ramer-Douglas-Peucker on the centre (vertical distance): the kept knots are points of
    the path, so no segment between them is steeper than the path itself."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ta, ca), (tb, cb) = points[a], points[b]
        worst, where = 0.0, -1
        for i in range(a + 1, b):
            t, c = points[i]
            line = ca + (cb - ca) * (t - ta) / (tb - ta) if tb > ta else ca
            if abs(c - line) > worst:
                worst, where = abs(c - line), i
        if worst > tolerance:
            keep[where] = True
            stack += [(a, where), (where, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def crop_x_expression(path: CropPath, start: float, end: float, shift: float) -> str:
    """The crop filter's x for the frames from `start` to `end` (source times): a sum of
    clipped ramps, one per segment, in the filter's own time `t` (= source time - `shift`).
    No nesting, so a long path stays a flat expression every ffmpeg build parses."""
    knots = [(t, path.position(t)) for t, _ in path.knots]
    inside = [k for k in knots if start < k[0] < end]
    points = [(start, path.position(start)), *inside, (end, path.position(end))]
    terms = [f"{points[0][1]:.5f}"]
    for (t0, p0), (t1, p1) in itertools.pairwise(points):
        delta = p1 - p0
        if abs(delta) < 1e-5 or t1 <= t0:
            continue
        terms.append(f"{delta:+.5f}*clip((t-{t0 - shift:.6f})/{t1 - t0:.6f},0,1)")
    return f"(iw-ow)*({''.join(terms)})"


class SampleParser:
    """Sans-I/O reader of the detector's output: one JSON object per line, each a sample (which
    is also its progress) or, last, `{"done": true}`."""

    def __init__(self) -> None:
        self._buffer = b""
        self.samples: list[FrameSample] = []
        self.done = False
        self.last_seconds = 0.0

    def feed(self, data: bytes) -> None:
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if item.get("done"):
                    self.done = True
                    continue
                sample = FrameSample.from_dict(item)
            except (ValueError, KeyError, TypeError, IndexError, AttributeError):
                continue  # not a sample (a stray line): the rest still count
            self.samples.append(sample)
            self.last_seconds = sample.t


def _clamp(value: float, lo: float, hi: float) -> float:
    return lo if value < lo else hi if value > hi else value
