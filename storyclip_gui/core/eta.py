"""Learned ETA: clip throughput measured on this machine, and P50/P90 finish times from it.

Every verified clip is a sample: the source seconds it covers, the wall seconds it took (from
the job's start, or from the job's previous clip), and what decides the speed (encoder,
quality, output size, source codec and resolution). Rates are kept per machine, that is
multiplied by the number of jobs that ran at once: two jobs on a busy machine each go about
half as fast. A job's ETA then divides its remaining source seconds by the median rate (P50)
and by a slow rate, the 10th percentile (P90). While a job runs, its own measured pace takes
over from the history as its clips are done. Before there is any history, ffmpeg's live speed
is used and the band is a fixed ±25 %. The queue's ETA lays the jobs out on the parallel
slots in queue order. bench/bench_eta.py measures how good this is on a recorded queue.
"""

from __future__ import annotations

import os
import statistics
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from storyclip_gui.core.ffmpeg.command import can_copy
from storyclip_gui.core.jobs import ClipState, Job, JobState
from storyclip_gui.core.options import QUALITY_SETTINGS, Quality

MIN_SAMPLES = 3  # fewer at a level: ask a coarser one
KEEP = 200  # newest samples per kind
LIVE_BAND = 1.25  # P90 / P50 when only ffmpeg's live speed is known


@dataclass(frozen=True)
class Sample:
    """One verified clip: how fast this kind of work went on this machine."""

    at: float
    encoder: str  # "libx264", or "copy" for a fast copy
    quality: str
    size: str  # output "WxH"
    source_codec: str
    source_height: int
    concurrency: int  # jobs processing at the time, this one included
    media_seconds: float  # source seconds the clip covers
    wall_seconds: float
    source_bytes: int = 0  # the whole source file (for jobs whose length is not known yet)
    source_seconds: float = 0.0  # the whole source's length

    @property
    def machine_rate(self) -> float:
        """Work units per wall second for the machine as a whole (see `work_per_second`)."""
        work = self.media_seconds * work_per_second(self.encoder, self.quality, self.size,
                                                    self.source_height)  # fmt: skip
        return work / self.wall_seconds * self.concurrency

    def levels(self) -> tuple[tuple[str, ...], ...]:
        return _levels(self.encoder, self.quality, self.size, self.source_codec,
                       self.source_height)  # fmt: skip


# x264's relative cost per preset (veryfast = 1), from its own documentation's ordering and
# measured here: our "high" (medium preset) ran 2.2x slower than "medium" (veryfast)
PRESET_COST = {"ultrafast": 0.5, "superfast": 0.7, "veryfast": 1.0, "faster": 1.4, "fast": 1.8,
               "medium": 2.3, "slow": 3.5, "slower": 5.0}  # fmt: skip
REFERENCE_PIXELS = 1080 * 1920


def work_per_second(encoder: str, quality: str, size: str, source_height: int) -> float:
    """How much work one source second of this kind is, 1 for the default (1080x1920, medium,
    from 1080p). Samples are kept in work per second, so what one kind of job taught carries
    over to the others: a queue of mixed sizes and qualities is estimated from its first
    finished clips, and each kind's own samples refine it once there are enough."""
    if encoder == "copy":
        return 0.05
    hardware = encoder not in ("libx264", "")  # its speed hardly depends on the preset
    try:
        settings = QUALITY_SETTINGS[Quality(quality)]
        width, height = (int(n) for n in size.split("x"))
    except ValueError:
        return 1.0
    encode = 0.3 + 0.7 * width * height / REFERENCE_PIXELS  # a fixed part does not scale
    decode = 0.15 * (source_height / 1080) ** 2
    cost = PRESET_COST.get(settings.x264_preset, 1.0) * (1 + 0.02 * (23 - settings.crf))
    if hardware:  # a guess until its own samples come (kept per encoder): 3x x264's pace
        encode, cost = encode / 3, 1.0
    return (encode + decode) * cost / 1.15  # 1.15: the default's own (encode + decode)


def _bucket(height: int) -> str:
    return "sd" if height < 700 else "hd" if height < 1000 else "fhd" if height < 1500 else "uhd"


def _levels(encoder: str, quality: str, size: str, codec: str,
            height: int) -> tuple[tuple[str, ...], ...]:  # fmt: skip
    """From the most to the least specific description of the work."""
    return ((encoder, quality, size, codec, _bucket(height)), (encoder, quality, size),
            (encoder, size), (encoder,), ())  # fmt: skip


class ThroughputLog(Protocol):
    """Where samples are kept between runs (the history database)."""

    def append(self, sample: Sample) -> None: ...
    def recent(self, limit: int) -> list[Sample]: ...


@dataclass(frozen=True)
class Eta:
    p50_seconds: float  # from now
    p90_seconds: float
    basis: str  # "history" | "live" | "history+live"
    unknown_jobs: int = 0  # (queue) jobs left out: nothing to estimate them from yet

    def to_dict(self) -> dict[str, object]:
        return {"p50Seconds": round(self.p50_seconds, 1), "p90Seconds": round(self.p90_seconds, 1),
                "basis": self.basis, "unknownJobs": self.unknown_jobs}  # fmt: skip


def _encoder(job: Job) -> str:
    """The encoder the job's clips are made with: the one its latest clip ran with (a hardware
    encoder, or libx264 after a fallback), else what the options make of its source."""
    used = job.encoder
    if used is not None:
        return used
    media = job.media
    return "copy" if media is not None and can_copy(media, job.options) else "libx264"


def work_levels(job: Job) -> tuple[tuple[str, ...], ...]:
    """The kind of work a job is, most specific first (its source unknown until probed)."""
    options, media = job.options, job.media
    return _levels(_encoder(job), options.quality.value, options.size,
                   media.video_codec or "" if media else "", media.height if media else 0)


def job_work(job: Job) -> float:
    """Work per source second of this job (an unprobed source counts as 1080p)."""
    media = job.media
    height = media.height if media is not None and media.height else 1080
    return work_per_second(_encoder(job), job.options.quality.value, job.options.size, height)


class EtaModel:
    """Rates learned from samples, by kind of work, at every level of detail."""

    def __init__(self, samples: Iterable[Sample] = ()) -> None:
        self._rates: dict[tuple[str, ...], deque[float]] = defaultdict(lambda: deque(maxlen=KEEP))
        self._bands: dict[tuple[str, ...], tuple[float, float]] = {}  # rates() per level
        self._seconds_per_byte: deque[float] = deque(maxlen=KEEP)
        for sample in samples:
            self.add(sample)

    def add(self, sample: Sample) -> None:
        if sample.wall_seconds <= 0 or sample.media_seconds <= 0:
            return
        for level in sample.levels():
            self._rates[level].append(sample.machine_rate)
            self._bands.pop(level, None)
        if sample.source_bytes > 0 and sample.source_seconds > 0:
            self._seconds_per_byte.append(sample.source_seconds / sample.source_bytes)

    def rates(self, levels: Sequence[tuple[str, ...]]) -> tuple[float, float] | None:
        """(median, 10th percentile) machine rate for the most specific level known enough."""
        for level in levels:
            band = self._bands.get(level)
            if band is None:  # asked on every progress tick, changed once per clip: kept
                rates = self._rates.get(level)
                if rates is None or len(rates) < MIN_SAMPLES:
                    continue
                band = self._bands[level] = (statistics.median(rates), _quantile(rates, 0.10))
            return band
        return None

    def source_seconds(self, source_bytes: int) -> tuple[float, float] | None:
        """(median, 90th percentile) guess of a source's length from its size."""
        if source_bytes <= 0 or len(self._seconds_per_byte) < MIN_SAMPLES:
            return None
        per_byte = self._seconds_per_byte
        return (statistics.median(per_byte) * source_bytes,
                _quantile(per_byte, 0.90) * source_bytes)  # fmt: skip


def _quantile(values: Iterable[float], q: float) -> float:
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def remaining_media(job: Job) -> float | None:
    """Source seconds still to render: what ffmpeg says is left while it renders, else the
    clips not yet verified, or the whole source before it is planned; None when its length
    is not known yet."""
    if job.clips:
        unverified = sum(c.end - c.start for c in job.clips if c.state is not ClipState.VERIFIED)
        if job.state is JobState.PROCESSING and job.media_left is not None:
            return max(0.0, min(unverified, job.media_left))
        return unverified
    if job.media is not None and job.media.duration:
        return job.media.duration
    return None


class EtaEstimator:
    """Records samples as clips are verified; answers job and queue ETAs."""

    def __init__(self, log: ThroughputLog | None = None, history: int = 2000,
                 clock: Callable[[], float] = time.time,
                 size_of: Callable[[str], int] | None = None) -> None:  # fmt: skip
        self.log = log
        self.clock = clock
        self.size_of = size_of or _file_size
        self.model = EtaModel(log.recent(history) if log is not None else ())
        self._marks: dict[str, float] = {}  # job id → when its previous clip was done

    # -- learning ---------------------------------------------------------------------------
    def job_started(self, job: Job) -> None:
        self._marks[job.id] = self.clock()

    def clip_verified(self, job: Job, media_seconds: float, concurrency: int) -> None:
        now = self.clock()
        start = self._marks.get(job.id)
        self._marks[job.id] = now
        levels = work_levels(job)
        if start is None or job.media is None:
            return
        sample = Sample(now, levels[0][0], job.options.quality.value, job.options.size,
                        job.media.video_codec or "", job.media.height, max(1, concurrency),
                        media_seconds, now - start, self.size_of(job.source),
                        job.media.duration or 0.0)  # fmt: skip
        self.model.add(sample)
        if self.log is not None:
            self.log.append(sample)

    def job_ended(self, job: Job) -> None:
        self._marks.pop(job.id, None)

    # -- answers ----------------------------------------------------------------------------
    def job_eta(self, job: Job, concurrency: int) -> Eta | None:
        """From now until the job is done, if anything is known to estimate it from."""
        if job.state not in (JobState.PROCESSING, JobState.QUEUED):
            return None
        bounds = self._job_seconds(job, max(1, concurrency))
        if bounds is None:
            return None
        p50, p90, basis = bounds
        return Eta(p50, p90, basis)

    def queue_eta(self, jobs: Sequence[Job], slots: int) -> Eta | None:
        """Running jobs first, then queued ones in order, on `slots` parallel slots."""
        slots = max(1, slots)
        durations: list[tuple[float, float]] = []
        unknown, bases = 0, set()
        for job in jobs:
            bounds = self._job_seconds(job, min(slots, len(jobs)) or 1)
            if bounds is None:
                unknown += 1
                continue
            durations.append(bounds[:2])
            bases.add(bounds[2])
        if not durations:
            return None
        p50 = _makespan([d[0] for d in durations], slots)
        p90 = _makespan([d[1] for d in durations], slots)
        basis = bases.pop() if len(bases) == 1 else "history+live"
        return Eta(p50, p90, basis, unknown)

    def _job_seconds(self, job: Job, concurrency: int) -> tuple[float, float, str] | None:
        remaining = remaining_media(job)
        guessed = remaining is None
        if guessed:
            lengths = self.model.source_seconds(self.size_of(job.source))
            if lengths is None:
                return None
            remaining, remaining_high = lengths
        else:
            assert remaining is not None
            remaining_high = remaining
        rates = self.model.rates(work_levels(job))
        if rates is None:
            live = job.speed if job.state is JobState.PROCESSING and job.speed else None
            if live is None:
                return None
            p50 = remaining / live
            return p50, max(remaining_high / live, p50 * LIVE_BAND), "live"
        work = job_work(job)
        median, slow = (r / concurrency / work for r in rates)
        p50, p90 = remaining / median, max(remaining / median, remaining_high / slow)
        total = sum(c.end - c.start for c in job.clips)
        done = 1 - remaining / total if total and not guessed else 0.0
        own = self._own_rate(job, total - remaining) if done > 0 else None
        if own is None:
            return p50, p90, "history"
        # its own pace counts as much as the job is done; the band keeps its relative width:
        # the pace still varies as much over what is left (load, harder scenes)
        blended = remaining / ((1 - done) * median + done * own)
        return blended, blended * p90 / p50 if p50 > 0 else blended, "history+live"

    def _own_rate(self, job: Job, done_seconds: float) -> float | None:
        """This job's pace so far: source seconds rendered per wall second since it started."""
        if job.started_at is None:
            return None
        elapsed = self.clock() - job.started_at
        return done_seconds / elapsed if done_seconds > 0 and elapsed > 0 else None


def _makespan(durations: Sequence[float], slots: int) -> float:
    """When the last of `durations` ends, each started on the first free slot in order."""
    free = [0.0] * slots
    for duration in durations:
        index = free.index(min(free))
        free[index] += duration
    return max(free)


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
