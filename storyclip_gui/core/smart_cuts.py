"""Smart cuts: move each planned boundary to a silence or a scene change near it.

Each inner boundary of the fixed plan may move within ±window: to the middle of a silent gap
(the longest one in reach), else to a scene change (the strongest), else it stays. A clip never
gets longer than the platform limit nor shorter than a minimum; the first and last boundaries
(video start/end or trims) never move. Moved boundaries are frame times (rounded down to the
microsecond, as the planner's cuts are), so the exact-cut rules of the engine hold unchanged.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from storyclip_gui.core.analysis import SourceAnalysis
from storyclip_gui.core.plan import ClipPlan, floor_us


@dataclass(frozen=True)
class Boundary:
    time: float
    reason: str | None  # None: at its nominal place


def smart_plan(
    plans: list[ClipPlan],
    analysis: SourceAnalysis,
    times: Sequence[float],
    *,
    window: float,
    max_seconds: float,
    min_seconds: float,
) -> list[ClipPlan]:
    """`plans` from plan_clips; `analysis` and `times` (the video's frame times) count from the
    first video frame, like the plans."""
    if len(plans) < 2 or window <= 0:
        return plans
    nominal = [p.start for p in plans] + [plans[-1].end]
    end = nominal[-1]
    last_nominal = nominal[-1] - nominal[-2]
    chosen = [Boundary(nominal[0], None)]
    for i in range(1, len(nominal) - 1):
        prev = chosen[-1].time
        after = len(nominal) - 1 - i  # clips after this boundary: they fit in their limits
        lo = max(nominal[i] - window, prev + min_seconds, end - max_seconds * after)
        hi = min(nominal[i] + window, prev + max_seconds,
                 end - min(min_seconds, last_nominal) if after == 1 else end)
        chosen.append(_choose(nominal[i], lo, hi, analysis, times, max_seconds))
    chosen.append(Boundary(end, None))
    return [
        replace(plan, start=a.time, end=b.time, start_reason=a.reason, end_reason=b.reason,
                nominal_start=plan.start, nominal_end=plan.end)
        for plan, (a, b) in zip(plans, itertools.pairwise(chosen), strict=True)
    ]  # fmt: skip


def _choose(nominal: float, lo: float, hi: float, analysis: SourceAnalysis,
            times: Sequence[float], max_seconds: float) -> Boundary:  # fmt: skip
    if lo > hi:  # the limits leave no room: stay
        return Boundary(nominal, None)
    gaps = sorted(analysis.silences, key=lambda g: (-(g[1] - g[0]), abs((g[0] + g[1]) / 2
                                                                         - nominal)))  # fmt: skip
    for start, stop in gaps:
        cut = _silence_cut(start, stop, lo, hi, times)
        if cut is not None:
            return Boundary(cut, f"silence at {cut:.1f} s")
    scenes = sorted(((t, s) for t, s in analysis.scenes if lo - 1e-6 <= t <= hi + 1e-6),
                    key=lambda c: (-c[1], abs(c[0] - nominal)))  # fmt: skip
    for t, _ in scenes:
        frame = _nearest_frame(times, t)
        if frame is not None and lo - 1e-6 <= frame <= hi + 1e-6:
            return Boundary(floor_us(frame), f"scene change at {frame:.1f} s")
    if nominal < lo or nominal > hi:  # only the limits moved it: the last frame they allow
        i = bisect.bisect_right(times, min(max(nominal, lo), hi) + 1e-9) - 1
        if i >= 0 and times[i] >= lo - 1e-9:
            return Boundary(floor_us(times[i]), f"kept within the {max_seconds:g} s limit")
    return Boundary(nominal, None)


def _silence_cut(start: float, stop: float, lo: float, hi: float,
                 times: Sequence[float]) -> float | None:  # fmt: skip
    """A frame inside the gap (start, stop) and inside [lo, hi], nearest the gap's middle."""
    a, b = max(start, lo), min(stop, hi)
    if a >= b:
        return None
    middle = min(max((start + stop) / 2, a), b)
    i = bisect.bisect_left(times, middle)
    for j in (i, i - 1, i + 1, i - 2):  # the frame at/after the middle, else a neighbour
        if 0 <= j < len(times) and a <= times[j] <= b and start < times[j] < stop:
            return floor_us(times[j])
    return None


def _nearest_frame(times: Sequence[float], t: float) -> float | None:
    i = bisect.bisect_left(times, t)
    near = [times[j] for j in (i - 1, i) if 0 <= j < len(times)]
    return min(near, key=lambda f: abs(f - t)) if near else None
