"""The clip plan: from a duration and story options to N clips with exact time ranges."""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import dataclass

from storyclip_gui.core.options import StoryOptions


class PlanError(ValueError):
    """The options cannot produce any clip from this source; the message is for a person."""


@dataclass(frozen=True)
class ClipPlan:
    index: int  # 1-based, as in the output names
    start: float  # seconds in the source
    end: float
    # smart cuts (core/smart_cuts.py): why each boundary is where it is; None: nominal
    start_reason: str | None = None
    end_reason: str | None = None
    nominal_start: float | None = None  # where fixed cuts would have put it
    nominal_end: float | None = None

    @property
    def duration(self) -> float:
        return round(self.end - self.start, 6)


def plan_clips(duration: float, options: StoryOptions) -> list[ClipPlan]:
    """Cut [trim_start, trim_end) into clip_seconds pieces.

    Times count from the video's first frame; `duration` is the video's length. A tail shorter
    than `min_tail_seconds` is merged into the previous clip instead of being emitted as a
    sliver, unless that would make it longer than the preset's platform limit; `max_clips`
    keeps the first N clips.
    """
    if not duration or duration <= 0 or not math.isfinite(duration):
        raise PlanError("The video has no duration, so no clips can be planned.")
    start = options.trim_start
    end = duration if options.trim_end is None else min(options.trim_end, duration)
    if start >= end:
        raise PlanError(
            f"Trim start ({start:g} s) is at or past the end of the video ({duration:.2f} s)."
        )
    length = options.clip_seconds
    span = end - start
    # Tolerate float noise so 60.0 / 15.0 never yields a 1e-12 s fifth clip.
    full = math.floor(span / length + 1e-9)
    tail = span - full * length
    bounds = [start + i * length for i in range(full + 1)]
    if tail > 1e-6:
        # never merge a tail as long as half a clip, whatever the threshold says
        too_long = length + tail > options.max_seconds + 1e-9
        if full == 0 or too_long or tail >= min(options.min_tail_seconds, length / 2):
            bounds.append(end)
        else:
            bounds[-1] = end
    else:
        bounds[-1] = end
    clips = [
        ClipPlan(index=i + 1, start=round(a, 6), end=round(b, 6))
        for i, (a, b) in enumerate(itertools.pairwise(bounds))
    ]
    if options.max_clips is not None:
        clips = clips[: options.max_clips]
    return clips


def frame_cut(times: list[float], boundary: float, end: float) -> float:
    """The time of the first frame at or after `boundary` (`end` if there is none): an encoded
    clip for [a, b) holds exactly the frames from frame_cut(a) up to, not including,
    frame_cut(b)."""
    i = bisect.bisect_left(times, boundary - 1e-9)
    return times[i] if i < len(times) else end


def keyframe_plan(plans: list[ClipPlan], keyframes: list[float], end: float) -> list[ClipPlan]:
    """Copy cuts can only land on keyframes: move each boundary to the nearest keyframe (the
    first one back to the keyframe at or before it), merging clips whose cuts meet."""
    if not plans or not keyframes:
        return plans
    first = keyframes[max(0, bisect.bisect_right(keyframes, plans[0].start + 1e-9) - 1)]
    last = min(plans[-1].end, end)
    cuts = [first]
    for plan in plans[1:]:
        later = [k for k in keyframes if cuts[-1] < k < last - 1e-6]
        if later:
            cuts.append(min(later, key=lambda k: abs(k - plan.start)))
    if last < end:  # trim end: the cut nearest to it
        later = [k for k in keyframes if k > cuts[-1]]
        last = min(later, key=lambda k: abs(k - last)) if later else end
    cuts.append(last)
    # rounded down: a cut a fraction of a microsecond after its keyframe (500/30 s rounded up
    # to 16.666667) would make the muxer wait for the next keyframe
    return [
        ClipPlan(index=i + 1, start=floor_us(a), end=floor_us(b))
        for i, (a, b) in enumerate(itertools.pairwise(cuts))
    ]


def floor_us(seconds: float) -> float:
    """Rounded down to the microsecond, the precision ffmpeg takes times in: a cut at a frame's
    time then includes that frame and not the one before (frames are far more than 1 µs
    apart)."""
    return math.floor(seconds * 1_000_000 + 1e-3) / 1_000_000
