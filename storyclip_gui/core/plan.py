"""The clip plan: from a duration and story options to N clips with exact time ranges."""

from __future__ import annotations

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

    @property
    def duration(self) -> float:
        return round(self.end - self.start, 6)


def plan_clips(duration: float, options: StoryOptions) -> list[ClipPlan]:
    """Cut [trim_start, trim_end) into clip_seconds pieces.

    A tail shorter than `min_tail_seconds` is merged into the previous clip instead of being
    emitted as a sliver; `max_clips` keeps the first N clips.
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
        if full == 0 or tail >= min(options.min_tail_seconds, length / 2):
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
