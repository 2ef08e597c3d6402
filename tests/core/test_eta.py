"""The learned ETA: what it learns from clips, how it answers, and how it falls back."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import pytest

from storyclip_gui.core.eta import (
    LIVE_BAND,
    MIN_JUDGED,
    EtaEstimator,
    EtaModel,
    Sample,
    work_per_second,
)
from storyclip_gui.core.jobs import Clip, ClipState, Job, JobState
from storyclip_gui.core.options import Quality, StoryOptions
from storyclip_gui.core.probe import MediaInfo


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class MemoryLog:
    def __init__(self) -> None:
        self.samples: list[Sample] = []
        self.judgements: list[list[float]] = []

    def append(self, sample: Sample) -> None:
        self.samples.append(sample)

    def recent(self, limit: int) -> list[Sample]:
        return self.samples[-limit:]

    def append_judgement(self, ratios: Sequence[float]) -> None:
        self.judgements.append(list(ratios))

    def recent_judgements(self, limit: int) -> list[list[float]]:
        return self.judgements[-limit:]


def media(seconds: float = 60.0, height: int = 1080) -> MediaInfo:
    return MediaInfo(duration=seconds, width=height * 16 // 9, height=height, has_video=True,
                     video_codec="h264", pix_fmt="yuv420p", sar=Fraction(1), fps=30.0)  # fmt: skip


def running_job(clock: Clock, seconds: float = 60.0, clip: float = 15.0,
                quality: str = "medium") -> Job:  # fmt: skip
    job = Job(id=f"j{clock.now}", source="/nonexistent.mp4",
              options=StoryOptions(clip_seconds=int(clip), quality=Quality(quality)),
              output_root="/tmp")  # fmt: skip
    job.media = media(seconds)
    job.clips = [Clip(i + 1, i * clip, min(seconds, (i + 1) * clip), f"/o/{i}.mp4")
                 for i in range(int(-(-seconds // clip)))]  # fmt: skip
    job.transition(JobState.PROCESSING, now=clock.now)
    return job


def render(estimator: EtaEstimator, clock: Clock, job: Job, rate: float,
           clips: int | None = None, overhead: float = 0.0) -> None:  # fmt: skip
    """Clips done one after another at `rate` source seconds per wall second, each also taking
    `overhead` seconds; the job ends (completed) when its last clip is done."""
    estimator.job_started(job)
    for clip in job.clips[:clips]:
        clock.now += overhead + (clip.end - clip.start) / rate
        clip.state = ClipState.VERIFIED
        estimator.clip_verified(job, clip.end - clip.start, 1)
    if all(c.state is ClipState.VERIFIED for c in job.clips):
        job.transition(JobState.COMPLETED, now=clock.now)
        estimator.job_ended(job)


def test_nothing_known_means_no_eta_then_ffmpeg_live_speed_with_a_fixed_band() -> None:
    clock = Clock()
    estimator = EtaEstimator(clock=clock, size_of=lambda _: 0)
    job = running_job(clock)
    assert estimator.job_eta(job, 1) is None
    job.speed = 2.0
    eta = estimator.job_eta(job, 1)
    assert eta is not None and eta.basis == "live"
    assert eta.p50_seconds == pytest.approx(30.0) and eta.p90_seconds == pytest.approx(37.5)


def test_after_clips_are_done_history_predicts_the_next_job_and_keeps_it_between_runs() -> None:
    clock, log = Clock(), MemoryLog()
    estimator = EtaEstimator(log, clock=clock, size_of=lambda _: 0)
    render(estimator, clock, running_job(clock), rate=3.0)  # 4 clips at 3x, alone
    assert [(s.concurrency, s.machine_seconds) for s in log.samples] == [(1.0, 5.0)] * 4
    restarted = EtaEstimator(log, clock=clock, size_of=lambda _: 0)  # a new run of the app
    eta = restarted.job_eta(running_job(clock, seconds=90), 1)
    assert eta is not None and eta.basis == "history"
    assert eta.p50_seconds == pytest.approx(30.0)  # 90 s of source at 3x
    # no finished job has judged an estimate yet: the band is the fixed one
    assert eta.p90_seconds == pytest.approx(30.0 * LIVE_BAND)


def test_jobs_rendering_together_share_the_machine_and_each_is_measured_so() -> None:
    clock, log = Clock(), MemoryLog()
    estimator = EtaEstimator(log, clock=clock, size_of=lambda _: 0)
    a, b = running_job(clock), running_job(clock, seconds=30)
    b.id = "b"
    estimator.job_started(a)
    estimator.job_started(b)
    for n in range(4):  # the machine does 3 source s/s: 1.5x each while both run
        clock.now += 15 / 1.5 if n < 2 else 15 / 3.0
        for job in (a, b) if n < 2 else (a,):
            job.clips[n].state = ClipState.VERIFIED
            estimator.clip_verified(job, 15.0, 99)  # the count given is not trusted
        if n == 1:
            b.transition(JobState.COMPLETED, now=clock.now)
            estimator.job_ended(b)
    assert [round(s.concurrency, 6) for s in log.samples] == [2.0, 2.0, 2.0, 2.0, 1.0, 1.0]
    assert {round(s.machine_seconds, 6) for s in log.samples} == {5.0}
    alone = estimator.job_eta(running_job(clock, seconds=90), 1)
    assert alone is not None and alone.p50_seconds == pytest.approx(30.0)
    together = estimator.job_eta(running_job(clock, seconds=90), 2)
    assert together is not None and together.p50_seconds == pytest.approx(60.0)


def test_a_running_job_speeds_up_in_the_estimate_when_the_one_beside_it_will_finish() -> None:
    clock = Clock()
    estimator = EtaEstimator(clock=clock, size_of=lambda _: 0)
    render(estimator, clock, running_job(clock), rate=3.0)  # machine: 3 source s/s
    long, short = running_job(clock, seconds=90), running_job(clock, seconds=30)
    short.id = "short"
    queued = running_job(clock, seconds=30)
    queued.id, queued.state = "queued", JobState.QUEUED
    estimator.lineup = lambda: ([long, short, queued], 2)
    # 10 s each of machine for short, 30 for long, 10 for queued; two at a time share it:
    # short ends at 20 s, queued then runs beside long until 40 s, long alone to the end at 50
    assert estimator.job_eta(short).p50_seconds == pytest.approx(20.0)  # type: ignore[union-attr]
    assert estimator.job_eta(queued).p50_seconds == pytest.approx(40.0)  # type: ignore[union-attr]
    assert estimator.job_eta(long).p50_seconds == pytest.approx(50.0)  # type: ignore[union-attr]
    queue = estimator.queue_eta([long, short, queued], slots=2)
    assert queue is not None and queue.p50_seconds == pytest.approx(50.0)
    # one slot (lowered while two run): the queued job waits for both, the work is the same
    estimator.lineup = lambda: ([long, short, queued], 1)
    assert estimator.job_eta(queued).p50_seconds == pytest.approx(50.0)  # type: ignore[union-attr]
    assert estimator.job_eta(long).p50_seconds == pytest.approx(40.0)  # type: ignore[union-attr]


def test_a_fixed_cost_per_clip_is_learned_from_clips_of_different_lengths() -> None:
    clock = Clock()
    estimator = EtaEstimator(clock=clock, size_of=lambda _: 0)
    for seconds, clip in ((60, 15), (60, 5), (40, 10), (30, 30)):  # 1 s + source / 3 each
        render(estimator, clock, running_job(clock, seconds=seconds, clip=clip), rate=3.0,
               overhead=1.0)  # fmt: skip
    assert estimator.model.overhead() == pytest.approx(1.0)
    eta = estimator.job_eta(running_job(clock, seconds=60, clip=15), 1)
    assert eta is not None and eta.p50_seconds == pytest.approx(4 * 1.0 + 60 / 3.0)


def test_the_band_is_as_wide_as_the_estimates_of_finished_jobs_were_wrong() -> None:
    clock, log = Clock(), MemoryLog()
    estimator = EtaEstimator(log, clock=clock, size_of=lambda _: 0)
    render(estimator, clock, running_job(clock), rate=3.0)
    for _ in range(MIN_JUDGED):  # each of these goes at 2x where 3x was expected
        job = running_job(clock)
        estimator.lineup = lambda job=job: ([job], 1)  # type: ignore[misc]
        estimator.job_started(job)
        for clip in job.clips:
            estimator.job_eta(job)  # asked along the way, as every progress event does
            clock.now += (clip.end - clip.start) / 2.0
            clip.state = ClipState.VERIFIED
            estimator.clip_verified(job, clip.end - clip.start, 1)
        job.transition(JobState.COMPLETED, now=clock.now)
        estimator.job_ended(job)
    estimator.lineup = None
    eta = estimator.job_eta(running_job(clock, seconds=60), 1)
    assert eta is not None
    # the estimates kept learning from the slow clips, yet were too short: the P90 allows it
    assert eta.p90_seconds > eta.p50_seconds * 1.1
    assert eta.p50_seconds * 1.5 >= eta.p90_seconds  # never wider than the worst miss
    # judged once per finished job, kept: after a restart the band is the same at once
    assert len(log.judgements) == MIN_JUDGED  # the jobs asked along the way, once each
    restarted = EtaEstimator(log, clock=clock, size_of=lambda _: 0)
    again = restarted.job_eta(running_job(clock, seconds=60), 1)
    assert again is not None and again.p90_seconds / again.p50_seconds == pytest.approx(
        eta.p90_seconds / eta.p50_seconds)


def test_the_jobs_own_pace_pulls_the_estimate() -> None:
    clock = Clock()
    estimator = EtaEstimator(clock=clock, size_of=lambda _: 0)
    for _ in range(2):
        render(estimator, clock, running_job(clock, seconds=30), rate=3.0)
    fresh = estimator.job_eta(running_job(clock, seconds=60), 1)
    job = running_job(clock, seconds=60)
    render(estimator, clock, job, rate=1.5, clips=3)  # this one is slow: 45 s in 30 s
    halfway = estimator.job_eta(job, 1)
    assert fresh is not None and halfway is not None and halfway.basis == "history+live"
    assert halfway.p50_seconds > 15 / 3.0  # pulled toward its own, slower pace


def test_a_kind_of_work_with_few_samples_pulls_the_coarser_estimate_towards_it() -> None:
    clock = Clock()
    estimator = EtaEstimator(clock=clock, size_of=lambda _: 0)
    render(estimator, clock, running_job(clock, quality="low"), rate=4.0)
    render(estimator, clock, running_job(clock, quality="high", seconds=30), rate=1.0)
    high = estimator.job_eta(running_job(clock, seconds=60, quality="high"), 1)
    low = estimator.job_eta(running_job(clock, seconds=60, quality="low"), 1)
    assert high is not None and low is not None
    assert low.p50_seconds == pytest.approx(15.0)  # its own kind, four clips
    # two clips of its own kind (1x) against the coarser level of all six: between the two
    everything = estimator.model.rates(((),))
    assert everything is not None
    assert 60.0 > high.p50_seconds > 60 / (everything[0] / job_work_of("high"))


def job_work_of(quality: str) -> float:
    return work_per_second("libx264", quality, "1080x1920", 1080)


def test_a_queued_jobs_length_is_guessed_from_its_file_size() -> None:
    clock = Clock()
    sizes = {"/nonexistent.mp4": 6_000_000, "/queued.mp4": 3_000_000}
    estimator = EtaEstimator(clock=clock, size_of=lambda path: sizes.get(path, 0))
    render(estimator, clock, running_job(clock, seconds=60), rate=2.0)  # 60 s = 6 MB
    queued = Job(id="q", source="/queued.mp4", options=StoryOptions(), output_root="/tmp")
    eta = estimator.job_eta(queued, 1)
    assert eta is not None and eta.p50_seconds == pytest.approx(15.0)  # ~30 s at 2x
    unknown = Job(id="u", source="/nowhere.mp4", options=StoryOptions(), output_root="/tmp")
    queue = estimator.queue_eta([queued, unknown], slots=1)
    assert queue is not None and queue.unknown_jobs == 1


def test_bad_samples_teach_nothing() -> None:
    model = EtaModel()
    model.add(Sample(0, "libx264", "medium", "1080x1920", "h264", 1080, 1, 0.0, 1.0))
    model.add(Sample(0, "libx264", "medium", "1080x1920", "h264", 1080, 1, 1.0, 0.0))
    model.add(Sample(0, "libx264", "medium", "1080x1920", "h264", 1080, 0, 1.0, 1.0))
    assert model.rates(((),)) is None
