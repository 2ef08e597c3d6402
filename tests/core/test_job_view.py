"""JobView (typed, immutable, the one JSON shape) and what a person may do in each state."""

from __future__ import annotations

import dataclasses
import json

import pytest

from storyclip_gui.core.events import (
    EventBus,
    JobForgotten,
    QueuePaused,
    QueueResumed,
)
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError
from storyclip_gui.core.jobs import (
    FINAL_STATES,
    TRANSITIONS,
    Clip,
    ClipState,
    Job,
    JobState,
    can_cancel,
    can_move,
    can_remove,
    can_rerun,
    can_retry,
)
from storyclip_gui.core.manager import JobManager, JobSpec
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.core.options import StoryOptions

Q, P, C, F, X, N = (JobState.QUEUED, JobState.PROCESSING, JobState.COMPLETED, JobState.FAILED,
                    JobState.CANCELLED, JobState.INTERRUPTED)  # fmt: skip

# state: (cancel, retry, remove, move, rerun) — written out by hand, what the window offers
EXPECTED = {
    Q: (True, False, False, True, False),
    P: (True, False, False, False, False),
    C: (False, False, True, False, True),
    F: (False, True, True, False, True),
    X: (False, True, True, False, True),
    N: (True, True, False, False, True),
}


@pytest.mark.parametrize("state", list(JobState))
def test_the_predicates_table(state: JobState) -> None:
    got = (can_cancel(state), can_retry(state), can_remove(state), can_move(state),
           can_rerun(state))  # fmt: skip
    assert got == EXPECTED[state]


@pytest.mark.parametrize("state", list(JobState))
def test_the_predicates_follow_the_transitions(state: JobState) -> None:
    """Whatever the predicates allow, the job's life allows: a cancel or retry the window
    offers is a legal transition, and a legal cancel/retry is offered."""
    assert can_cancel(state) == (JobState.CANCELLED in TRANSITIONS[state])
    assert can_retry(state) == (JobState.QUEUED in TRANSITIONS[state])
    assert can_remove(state) == (state in FINAL_STATES)
    assert set(EXPECTED) == set(JobState)  # a new state must be added to the table


def _job() -> Job:
    job = Job(id="j1", source="/v/a.mp4", options=StoryOptions(clip_seconds=5),
              output_root="/out", created_at=1.0, updated_at=2.0)  # fmt: skip
    job.clips = [Clip(1, 0.0, 5.0, "/out/a_01.mp4", ClipState.VERIFIED, 5.0, 1080, 1920, 1234),
                 Clip(2, 5.0, 8.0, "/out/a_02.mp4")]  # fmt: skip
    job.error = JobError(ErrorCode.DISK_FULL, "The disk is full.", "No space left")
    job.state, job.progress, job.speed = JobState.FAILED, 42.26, 1.5
    return job


def test_the_view_is_the_documented_json_shape() -> None:
    """Byte for byte what docs/api.md documents (key order included)."""
    data = _job().view().to_dict()
    assert list(data) == [
        "jobId", "source", "status", "progress", "phase", "message", "clipsDone",
        "clipsVerified", "clipsTotal", "speed", "fps", "etaSeconds", "eta", "error", "outputDir",
        "options", "attempts", "parentId", "createdAt", "startedAt", "finishedAt", "updatedAt",
        "clips", "framing", "encoder",
    ]  # fmt: skip
    assert data["framing"] is None  # layout smart, once analysed: the crop path
    assert data["encoder"] is None  # no clip ran yet (then read from the latest command)
    assert (data["status"], data["progress"], data["clipsDone"], data["clipsTotal"]) == (
        "failed", 42.3, 1, 2)  # fmt: skip
    assert data["error"] == {"code": "disk_full", "message": "The disk is full.",
                             "detail": "No space left"}  # fmt: skip
    assert data["clips"][0] == {"index": 1, "path": "/out/a_01.mp4", "start": 0.0, "end": 5.0,
                                "state": "verified", "duration": 5.0, "width": 1080,
                                "height": 1920, "size": 1234, "worker": None, "speed": None,
                                "renderedSeconds": 0.0, "cut": None, "qc": None}  # fmt: skip
    assert data["options"] == StoryOptions(clip_seconds=5).to_dict()
    assert json.dumps(_job().to_dict()) == json.dumps(data)


def test_the_view_is_an_immutable_snapshot() -> None:
    job = _job()
    view = job.view()
    job.progress, job.clips[0].state = 99.0, ClipState.FAILED
    assert view.progress == 42.26 and view.clips_verified == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.progress = 1.0  # type: ignore[misc]
    assert view.can_retry and view.can_remove and not view.can_cancel
    assert not view.can_open  # no output folder yet


async def _never(job: Job, hooks: object) -> None:
    raise AssertionError("nothing runs in these tests")


def _manager() -> tuple[JobManager, list[object]]:
    bus = EventBus()
    seen: list[object] = []
    bus.subscribe_engine(seen.append)
    manager = JobManager(store=MemoryJobStore(), bus=bus, run_pipeline=_never,
                         output_root="/tmp")  # type: ignore[arg-type]  # fmt: skip
    return manager, seen


def test_pause_and_resume_are_announced_once_with_the_reason() -> None:
    manager, seen = _manager()
    manager.pause()
    manager.pause()  # already paused, no news
    manager.pause("Queue paused: The disk is full.")  # the engine says why now
    manager.resume()
    manager.resume()
    assert seen == [QueuePaused(None), QueuePaused("Queue paused: The disk is full."),
                    QueueResumed()]  # fmt: skip
    assert manager.pause_reason is None and not manager.paused


def test_forget_and_expiry_are_announced_and_failed_jobs_wait_for_a_person() -> None:
    manager, seen = _manager()
    manager.pause()
    failed, cancelled = (manager.submit(JobSpec(f"/v/{n}.mp4")) for n in ("f", "c"))
    manager.cancel(failed.id)
    manager.cancel(cancelled.id)
    failed.state = JobState.FAILED  # as the pipeline leaves it
    assert manager.expire_finished(0.0, now=failed.finished_at + 10) == [cancelled.id]  # type: ignore[operator]
    assert manager.forget(failed.id)
    assert seen[1:] == [JobForgotten((cancelled.id,)), JobForgotten((failed.id,))]
