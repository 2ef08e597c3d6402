"""Learned ETA: clip throughput measured on this machine, and P50/P90 finish times from it.

Every verified clip is a sample: the source seconds it covers, the wall seconds it took (from
the job's start, or from its previous clip), how many jobs shared the machine meanwhile, and
what decides the speed (encoder, quality, output size, source codec and resolution). Time is
counted in machine seconds: x264 uses every core, so n jobs at once each get 1/n of the machine.
From the samples the model learns a rate per kind of work (work units per machine second,
`work_per_second` normalising kinds so one kind teaches the others) and a fixed cost per clip.
A job's finish is found by laying out what it and every job beside and ahead of it still needs
on the parallel slots (`_shared_finishes`); while it runs its own pace is blended in, and ffmpeg
says how much of the current clip is left. The band is honest about the past: the estimates a
job was given (about ten along the way) are judged when it finishes, and P90 - P50 is how
far off 80 % of them were (split conformal); the judgements are kept in the history database
with the samples. Before three jobs were judged it is a fixed +25 %, and before any history
ffmpeg's live speed is used. bench/bench_eta.py measures all this on a recorded queue.
"""

from __future__ import annotations

import itertools
import math
import os
import statistics
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from storyclip_gui.core.ffmpeg.command import can_copy
from storyclip_gui.core.jobs import ClipState, Job, JobState
from storyclip_gui.core.options import QUALITY_SETTINGS, Quality

MIN_SAMPLES = 3  # fewer at a level: ask a coarser one
KEEP = 200  # newest samples per kind
LIVE_BAND = 1.25  # P90 / P50 until finished jobs have shown how wrong the estimates are
JUDGED_JOBS = 50  # the newest finished jobs' judgements read at start
MIN_JUDGED = 3  # finished jobs whose estimates were judged before they calibrate the band
BAND_COVERS = 0.8  # of the truths fall within P50 ± (P90 - P50), as far as the past tells


@dataclass(frozen=True)
class Sample:
    """One verified clip: how fast this kind of work went on this machine."""

    at: float
    encoder: str  # "libx264", or "copy" for a fast copy
    quality: str
    size: str  # output "WxH"
    source_codec: str
    source_height: int
    concurrency: float  # jobs processing while it rendered, this one included (on average)
    media_seconds: float  # source seconds the clip covers
    wall_seconds: float
    source_bytes: int = 0  # the whole source file (for jobs whose length is not known yet)
    source_seconds: float = 0.0  # the whole source's length

    @property
    def work(self) -> float:
        """The clip in work units (see `work_per_second`)."""
        return self.media_seconds * work_per_second(self.encoder, self.quality, self.size,
                                                    self.source_height)  # fmt: skip

    @property
    def machine_seconds(self) -> float:
        """The wall seconds it took as if it had had the machine to itself."""
        return self.wall_seconds / self.concurrency

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
            (encoder, quality), (encoder, size), (encoder,), ())  # fmt: skip


class ThroughputLog(Protocol):
    """Where samples and judged estimates are kept between runs (the history database)."""

    def append(self, sample: Sample) -> None: ...
    def recent(self, limit: int) -> list[Sample]: ...
    def append_judgement(self, ratios: Sequence[float]) -> None:
        """One finished job's truth / estimate ratios."""

    def recent_judgements(self, limit: int) -> list[list[float]]:
        """The newest jobs' ratios, oldest first."""


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
    return _levels(
        _encoder(job),
        options.quality.value,
        options.size,
        media.video_codec or "" if media else "",
        media.height if media else 0,
    )


def job_work(job: Job) -> float:
    """Work per source second of this job (an unprobed source counts as 1080p)."""
    media = job.media
    height = media.height if media is not None and media.height else 1080
    return work_per_second(_encoder(job), job.options.quality.value, job.options.size, height)


class EtaModel:
    """What the samples teach: the machine's rate by kind of work, at every level of detail, and
    its fixed cost per clip (starting ffmpeg, seeking, muxing, verifying)."""

    def __init__(self, samples: Iterable[Sample] = ()) -> None:
        self._points: dict[tuple[str, ...], deque[tuple[float, float]]] = defaultdict(
            lambda: deque(maxlen=KEEP)
        )  # level → (work, machine seconds) per clip
        self._bands: dict[tuple[str, ...], tuple[float, float, int]] = {}  # rates() per level
        self._overhead: float | None = None
        self._seconds_per_byte: deque[float] = deque(maxlen=KEEP)
        for sample in samples:
            self.add(sample)

    def add(self, sample: Sample) -> None:
        if sample.wall_seconds <= 0 or sample.media_seconds <= 0 or sample.concurrency <= 0:
            return
        point = (sample.work, sample.machine_seconds)
        for level in sample.levels():
            self._points[level].append(point)
        self._bands.clear()  # the overhead, and so every rate, may move
        self._overhead = None
        if sample.source_bytes > 0 and sample.source_seconds > 0:
            self._seconds_per_byte.append(sample.source_seconds / sample.source_bytes)

    def overhead(self) -> float:
        """Machine seconds every clip costs whatever its length: the intercept of machine
        seconds against work over the recent clips, when their lengths differ enough to tell."""
        if self._overhead is None:
            self._overhead = _intercept(self._points.get((), ()))
        return self._overhead

    def rates(self, levels: Sequence[tuple[str, ...]]) -> tuple[float, float] | None:
        """(median, 10th percentile) machine rate, in work per machine second, for the most
        specific level known well enough; a more specific level with one or two samples
        already pulls it towards its own (a new kind of work is rarely as the others)."""
        found = [self._band(level) for level in levels]
        for i, band in enumerate(found):
            if band is None or band[2] < MIN_SAMPLES:
                continue
            median, slow, _ = band
            own = next((b for b in found[:i] if b is not None), None)
            if own is not None:  # k samples of the job's own kind count as k of the coarser
                k = own[2]
                median = (k * own[0] + median) / (k + 1)
                slow = min(slow, median * slow / band[0])
            return median, slow
        return None

    def _band(self, level: tuple[str, ...]) -> tuple[float, float, int] | None:
        band = self._bands.get(level)
        if band is None:  # asked on every progress tick, changed once per clip: kept
            points = self._points.get(level)
            if not points:
                return None
            c0 = self.overhead()
            rates = [work / max(machine - c0, machine * 0.2) for work, machine in points]
            band = self._bands[level] = (statistics.median(rates), _quantile(rates, 0.10),
                                         len(rates))  # fmt: skip
        return band

    def source_seconds(self, source_bytes: int) -> tuple[float, float] | None:
        """(median, 90th percentile) guess of a source's length from its size."""
        if source_bytes <= 0 or len(self._seconds_per_byte) < MIN_SAMPLES:
            return None
        per_byte = self._seconds_per_byte
        return (statistics.median(per_byte) * source_bytes,
                _quantile(per_byte, 0.90) * source_bytes)  # fmt: skip


def _intercept(points: Iterable[tuple[float, float]]) -> float:
    """Least-squares intercept of machine seconds on work, kept within what is plausible (0 to
    half the typical clip); 0 while the clips are too alike in length to separate the two."""
    pts = list(points)
    if len(pts) < 2 * MIN_SAMPLES:
        return 0.0
    works = [w for w, _ in pts]
    mean_w = statistics.fmean(works)
    spread = statistics.pstdev(works)
    if spread < 0.15 * mean_w:
        return 0.0
    mean_m = statistics.fmean(m for _, m in pts)
    slope = sum((w - mean_w) * (m - mean_m) for w, m in pts) / (spread**2 * len(pts))
    return min(max(0.0, mean_m - slope * mean_w), 0.5 * statistics.median(m for _, m in pts))


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


@dataclass(frozen=True)
class _Need:
    """Machine seconds a job still needs: at the median rate, at the slow rate."""

    p50: float
    p90: float
    basis: str


Lineup = Callable[[], tuple[Sequence[Job], int]]  # running then queued jobs, and the slots


class EtaEstimator:
    """Records samples as clips are verified; answers job and queue ETAs (module docstring).
    `lineup` (set by the manager) gives the running and queued jobs and the slots, so a job's
    ETA accounts for the jobs it shares the machine with and those ahead of it."""

    def __init__(self, log: ThroughputLog | None = None, history: int = 2000,
                 clock: Callable[[], float] = time.time,
                 size_of: Callable[[str], int] | None = None) -> None:  # fmt: skip
        self.log = log
        self.clock = clock
        self.size_of = size_of or _file_size
        self.model = EtaModel(log.recent(history) if log is not None else ())
        self.lineup: Lineup | None = None  # set by the manager
        self._shares: dict[str, float] = {}  # running job → machine seconds it has had
        self._since: float | None = None  # when the shares were brought up to date
        self._marks: dict[str, tuple[float, float]] = {}  # job → (time, share) at its last clip
        self._said: dict[str, list[tuple[float, float]]] = {}  # job → (when, raw P50 left)
        self._ratios: deque[float] = deque(maxlen=KEEP)  # truth / raw P50 for finished jobs
        self._judged = 0  # finished jobs whose estimates are in _ratios
        for ratios in log.recent_judgements(JUDGED_JOBS) if log is not None else ():
            self._ratios.extend(ratios)
            self._judged += 1
        self._width: float | None = None  # the band, from _ratios

    # -- learning ---------------------------------------------------------------------------
    def _advance(self) -> float:
        now = self.clock()
        if self._since is not None and self._shares:
            share = max(0.0, now - self._since) / len(self._shares)
            for job_id in self._shares:
                self._shares[job_id] += share
        self._since = now
        return now

    def job_started(self, job: Job) -> None:
        now = self._advance()
        self._shares[job.id] = 0.0
        self._marks[job.id] = (now, 0.0)
        self._said.pop(job.id, None)

    def clip_verified(self, job: Job, media_seconds: float, concurrency: int) -> None:
        now = self._advance()
        mark = self._marks.get(job.id)
        share = self._shares.get(job.id, 0.0)
        self._marks[job.id] = (now, share)
        if mark is None or job.media is None:
            return
        wall = now - mark[0]
        machine = share - mark[1] if job.id in self._shares else wall / max(1, concurrency)
        sample = Sample(now, work_levels(job)[0][0], job.options.quality.value, job.options.size,
                        job.media.video_codec or "", job.media.height,
                        wall / machine if machine > 0 else float(max(1, concurrency)),
                        media_seconds, wall, self.size_of(job.source),
                        job.media.duration or 0.0)  # fmt: skip
        self.model.add(sample)
        if self.log is not None:
            self.log.append(sample)

    def job_ended(self, job: Job) -> None:
        """The job stopped processing (finished, or left the slots for any reason)."""
        now = self._advance()
        self._shares.pop(job.id, None)
        self._marks.pop(job.id, None)
        said = self._said.pop(job.id, [])
        ratios = [(now - at) / p50 for at, p50 in said if p50 > 0 and now > at]
        if job.state is JobState.COMPLETED and ratios:
            self._ratios.extend(ratios)
            self._judged += 1
            self._width = None
            if self.log is not None:
                self.log.append_judgement(ratios)

    # -- answers ----------------------------------------------------------------------------
    def job_eta(self, job: Job, concurrency: int = 1) -> Eta | None:
        """From now until the job is done, if anything is known to estimate it from."""
        if job.state not in (JobState.PROCESSING, JobState.QUEUED):
            return None
        finish = self._finishes(job, concurrency)
        if finish is None:
            return None
        if job.state is JobState.PROCESSING:  # judged later: about ten times along the way
            said = self._said.setdefault(job.id, [])
            now = self.clock()
            due = not said or now - said[-1][0] >= max(1.0, said[-1][1] / 10)
            if due and finish[2] != "live":
                said.append((now, finish[0]))
        return self._calibrated(*finish)

    def queue_eta(self, jobs: Sequence[Job], slots: int) -> Eta | None:
        """Running jobs first, then queued ones in order, on `slots` parallel slots."""
        layout, unknown = self._layout(jobs, slots)
        if not layout:
            return None
        bases = {basis for _, _, basis in layout.values()}
        basis = bases.pop() if len(bases) == 1 else "history+live"
        eta = self._calibrated(max(f[0] for f in layout.values()),
                               max(f[1] for f in layout.values()), basis)  # fmt: skip
        return Eta(eta.p50_seconds, eta.p90_seconds, eta.basis, unknown)

    def _calibrated(self, p50: float, p90: float, basis: str) -> Eta:
        if self._width is None and self._judged >= MIN_JUDGED:
            self._width = _band_width(self._ratios)
        if self._width is None or basis == "live":
            return Eta(p50, max(p90, p50 * LIVE_BAND), basis)
        return Eta(p50, p50 * (1 + self._width), basis)

    def _finishes(self, job: Job, concurrency: int = 1) -> tuple[float, float, str] | None:
        """(P50, P90, basis) seconds until `job` is done, laid out with the jobs around it."""
        if self.lineup is not None:
            jobs, slots = self.lineup()
            if any(j.id == job.id for j in jobs):
                return self._layout(jobs, slots, until=job.id)[0].get(job.id)
        need = self._need(job)
        if need is None:
            return None
        n = max(1, concurrency)
        return need.p50 * n, need.p90 * n, need.basis

    def _layout(
        self, jobs: Sequence[Job], slots: int, until: str | None = None
    ) -> tuple[dict[str, tuple[float, float, str]], int]:
        """Each job's finish from now, every job sharing the machine equally with the others
        on the slots; jobs with nothing to estimate from are left out (and counted). With
        `until`, only as far as that job's finish: the jobs queued after it are not looked at
        (a job's ETA is asked on every progress event)."""
        running = [job for job in jobs if job.state is JobState.PROCESSING]
        known = [(job.id, need) for job in running if (need := self._need(job)) is not None]
        rest = iter([job for job in jobs if job.state is not JobState.PROCESSING])
        looked_at = len(running)

        def needs(pick: Callable[[_Need], float]) -> Iterator[float]:
            nonlocal looked_at
            for i in itertools.count():
                while i >= len(known):
                    job = next(rest, None)
                    if job is None:
                        return
                    looked_at += 1
                    if (need := self._need(job)) is not None:
                        known.append((job.id, need))
                yield pick(known[i][1])

        stop = None if until is None else (lambda i: known[i][0] == until)
        p50 = _shared_finishes(needs(lambda n: n.p50), slots, len(known), stop)
        p90 = _shared_finishes(needs(lambda n: n.p90), slots, len(known), stop)
        rows = zip(known, p50, p90, strict=False)
        layout = {job_id: (a, b, need.basis) for (job_id, need), a, b in rows if not math.isnan(a)}
        return layout, looked_at - len(known)

    def _need(self, job: Job) -> _Need | None:
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
        rendering = job.state is JobState.PROCESSING and job.media_left is not None
        if job.clips:
            clips_left: float = sum(1 for c in job.clips if c.state is not ClipState.VERIFIED)
            clips_left -= 0.5 if rendering and clips_left else 0  # its start is behind it
        else:
            clips_left = max(1.0, remaining / max(1, job.options.clip_seconds))
        rates = self.model.rates(work_levels(job))
        if rates is None:
            live = job.speed if job.state is JobState.PROCESSING and job.speed else None
            if live is None:
                return None
            n = max(1, len(self._shares))  # its speed is what it gets of the machine now
            return _Need(remaining / live / n, remaining_high / live / n * LIVE_BAND, "live")
        work = job_work(job)
        c0 = self.model.overhead()
        median, slow = rates
        fixed = clips_left * c0
        need = _Need(remaining * work / median + fixed, remaining_high * work / slow + fixed,
                     "history")  # fmt: skip
        total = sum(c.end - c.start for c in job.clips)
        done = 1 - remaining / total if total and not guessed else 0.0
        share = self._shares.get(job.id)
        if done <= 0 or share is None:
            return need
        spent = share - (len(job.clips) - clips_left) * c0
        if spent <= 0:
            return need
        own = (total - remaining) * work / spent
        # its own pace counts as much as the job is done; the band keeps its relative width
        blended = remaining * work / ((1 - done) * median + done * own) + fixed
        widen = need.p90 / need.p50 if need.p50 > 0 else 1.0
        return _Need(blended, blended * widen, "history+live")


def _band_width(ratios: Sequence[float]) -> float:
    """How far from the estimate the truth has been (truth / estimate - 1): P50 ± width·P50
    held `BAND_COVERS` of the ratios (the split-conformal rule: with n ratios the
    ceil((n + 1)·0.8)-th smallest distance, the largest when there are few)."""
    distances = sorted(abs(r - 1) for r in ratios)
    rank = min(len(distances), math.ceil((len(distances) + 1) * BAND_COVERS))
    return distances[rank - 1]


def _shared_finishes(needs: Iterable[float], slots: int, running: int = 0,
                     stop: Callable[[int], bool] | None = None) -> list[float]:  # fmt: skip
    """When each job ends (seconds from now; NaN: not reached), given the machine seconds each
    still needs: the first `running` are rendering (even if more than `slots`), the others
    start in order as a slot frees, and the jobs rendering share the machine equally. Stops
    when a job `stop(index)` picks has ended; later needs are then never taken."""
    source = iter(needs)
    left: list[float] = []
    ends: list[float] = []

    def take() -> bool:
        value = next(source, None)
        if value is not None:
            left.append(value)
            ends.append(math.nan)
        return value is not None

    active = [i for i in range(running) if take()]
    now = 0.0
    while True:
        while len(active) < max(1, slots) and take():
            active.append(len(left) - 1)
        if not active:
            return ends
        step = min(left[i] for i in active)
        now += step * len(active)
        for i in active:
            left[i] -= step
        for i in [i for i in active if left[i] <= 1e-9]:
            ends[i] = now
            active.remove(i)
            if stop is not None and stop(i):
                return ends


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
