"""The learned ETA: what it learns from clips, how it answers, and how it falls back."""

from __future__ import annotations

from fractions import Fraction

import pytest

from storyclip_gui.core.eta import EtaEstimator, EtaModel, Sample
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

    def append(self, sample: Sample) -> None:
        self.samples.append(sample)

    def recent(self, limit: int) -> list[Sample]:
        return self.samples[-limit:]


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


def render(estimator: EtaEstimator, clock: Clock, job: Job, rate: float, running: int = 1,
           clips: int | None = None) -> None:  # fmt: skip
    """Clips done at `rate` source seconds per wall second."""
    estimator.job_started(job)
    for clip in job.clips[:clips]:
        clock.now += (clip.end - clip.start) / rate
        clip.state = ClipState.VERIFIED
        estimator.clip_verified(job, clip.end - clip.start, running)


def test_nothing_known_means_no_eta_then_ffmpeg_live_speed_with_a_fixed_band() -> None:
    clock = Clock()
    estimator = EtaEstimator(clock=clock, size_of=lambda _: 0)
    job = running_job(clock)
    assert estimator.job_eta(job, 1) is None
    job.speed = 2.0
    eta = estimator.job_eta(job, 1)
    assert eta is not None and eta.basis == "live"
    assert eta.p50_seconds == pytest.approx(30.0) and eta.p90_seconds == pytest.approx(37.5)


def test_after_three_clips_history_predicts_the_next_job_and_keeps_it_between_runs() -> None:
    clock, log = Clock(), MemoryLog()
    estimator = EtaEstimator(log, clock=clock, size_of=lambda _: 0)
    render(estimator, clock, running_job(clock), rate=3.0)  # 4 clips at 3x
    assert len(log.samples) == 4
    assert {round(s.machine_rate, 6) for s in log.samples} == {3.0}
    restarted = EtaEstimator(log, clock=clock, size_of=lambda _: 0)  # a new run of the app
    eta = restarted.job_eta(running_job(clock, seconds=90), 1)
    assert eta is not None and eta.basis == "history"
    assert eta.p50_seconds == pytest.approx(30.0)  # 90 s of source at 3x
    assert eta.p90_seconds == pytest.approx(30.0)  # every sample alike: no spread


def test_two_jobs_at_once_each_go_half_as_fast() -> None:
    clock = Clock()
    estimator = EtaEstimator(clock=clock, size_of=lambda _: 0)
    render(estimator, clock, running_job(clock), rate=1.5, running=2)  # machine rate 3
    eta = estimator.job_eta(running_job(clock, seconds=90), 2)
    assert eta is not None and eta.p50_seconds == pytest.approx(60.0)  # 90 s at 1.5x
    alone = estimator.job_eta(running_job(clock, seconds=90), 1)
    assert alone is not None and alone.p50_seconds == pytest.approx(30.0)


def test_a_slow_tenth_of_samples_widens_the_band_and_the_jobs_own_pace_narrows_it() -> None:
    clock = Clock()
    estimator = EtaEstimator(clock=clock, size_of=lambda _: 0)
    for rate in (3.0, 3.0, 3.0, 3.0, 1.5):
        render(estimator, clock, running_job(clock, seconds=15), rate=rate)
    fresh = estimator.job_eta(running_job(clock, seconds=60), 1)
    assert fresh is not None and fresh.p90_seconds > fresh.p50_seconds * 1.1
    job = running_job(clock, seconds=60)
    render(estimator, clock, job, rate=1.5, clips=3)  # this one is slow: 45 s in 30 s
    halfway = estimator.job_eta(job, 1)
    assert halfway is not None and halfway.basis == "history+live"
    assert halfway.p50_seconds > 15 / 3.0  # pulled toward its own, slower pace
    assert halfway.p90_seconds - halfway.p50_seconds < fresh.p90_seconds - fresh.p50_seconds


def test_a_coarser_kind_of_work_answers_when_the_exact_one_is_unknown() -> None:
    clock = Clock()
    estimator = EtaEstimator(clock=clock, size_of=lambda _: 0)
    render(estimator, clock, running_job(clock, quality="high"), rate=1.0)
    render(estimator, clock, running_job(clock, quality="low"), rate=4.0)
    high = estimator.job_eta(running_job(clock, seconds=60, quality="high"), 1)
    assert high is not None and high.p50_seconds == pytest.approx(60.0)  # its own kind
    medium = estimator.job_eta(running_job(clock, seconds=60, quality="medium"), 1)
    assert medium is not None and 15.0 <= medium.p50_seconds <= 60.0  # both, by size


def test_the_queue_is_laid_out_on_its_slots_and_unmeasured_jobs_are_counted() -> None:
    clock = Clock()
    estimator = EtaEstimator(clock=clock, size_of=lambda path: 0)
    render(estimator, clock, running_job(clock), rate=2.0)  # machine rate 2
    jobs = [running_job(clock, seconds=s) for s in (40, 40, 40)]
    unknown = Job(id="q", source="/nowhere.mp4", options=StoryOptions(), output_root="/tmp")
    one_slot = estimator.queue_eta([*jobs, unknown], slots=1)
    assert one_slot is not None and one_slot.p50_seconds == pytest.approx(60.0)
    assert one_slot.unknown_jobs == 1
    two = estimator.queue_eta(jobs, slots=2)  # each at 1x: 40 + 40 on one slot
    assert two is not None and two.p50_seconds == pytest.approx(80.0)


def test_a_queued_jobs_length_is_guessed_from_its_file_size() -> None:
    clock = Clock()
    sizes = {"/nonexistent.mp4": 6_000_000, "/queued.mp4": 3_000_000}
    estimator = EtaEstimator(clock=clock, size_of=lambda path: sizes.get(path, 0))
    render(estimator, clock, running_job(clock, seconds=60), rate=2.0)  # 60 s = 6 MB
    queued = Job(id="q", source="/queued.mp4", options=StoryOptions(), output_root="/tmp")
    eta = estimator.job_eta(queued, 1)
    assert eta is not None and eta.p50_seconds == pytest.approx(15.0)  # ~30 s at 2x


def test_bad_samples_teach_nothing() -> None:
    model = EtaModel()
    model.add(Sample(0, "libx264", "medium", "1080x1920", "h264", 1080, 1, 0.0, 1.0))
    model.add(Sample(0, "libx264", "medium", "1080x1920", "h264", 1080, 1, 1.0, 0.0))
    assert model.rates(((),)) is None
