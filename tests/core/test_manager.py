"""JobManager with a scripted pipeline (pure asyncio, no Qt): registration, ordering, control."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from storyclip_gui.core.events import Event, EventBus, EventKind
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError, JobFailure
from storyclip_gui.core.jobs import Job, JobState
from storyclip_gui.core.manager import JobManager, JobSpec, SubmitError
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.core.pipeline import PipelineHooks
from storyclip_gui.core.scheduler import Scheduler


class RecordingStore(MemoryJobStore):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, str, str]] = []

    def add(self, job: Job) -> None:
        self.calls.append(("add", job.id, job.state.value))
        super().add(job)

    def save(self, job: Job) -> None:
        self.calls.append(("save", job.id, job.state.value))
        super().save(job)

    def save_progress(self, job: Job) -> None:
        self.calls.append(("progress", job.id, job.state.value))


class Script:
    """Pipeline stand-in: each job waits for its gate, then does what `outcome` says."""

    def __init__(self) -> None:
        self.gates: dict[str, asyncio.Event] = {}
        self.outcome: dict[str, object] = {}
        self.started: list[str] = []
        self.cancelled: list[str] = []
        self.ticks = 0
        self.before_tick = lambda: None  # e.g. move a fake clock on

    async def __call__(self, job: Job, hooks: PipelineHooks) -> None:
        self.started.append(job.id)
        try:
            for _ in range(self.ticks):
                self.before_tick()
                job.progress += 1
                hooks.progress(job)
            await self.gates.setdefault(job.id, asyncio.Event()).wait()
        except asyncio.CancelledError:
            self.cancelled.append(job.id)
            raise
        result = self.outcome.get(job.id)
        if isinstance(result, BaseException):
            raise result

    def release(self, *ids: str) -> None:
        for job_id in ids:
            self.gates.setdefault(job_id, asyncio.Event()).set()


def make(concurrency: int = 1, **kwargs) -> tuple[JobManager, RecordingStore, Script, list[Event]]:
    store, script, events = RecordingStore(), Script(), []
    bus = EventBus()
    bus.subscribe(events.append)
    manager = JobManager(
        store=store,
        bus=bus,
        run_pipeline=script,
        output_root=Path("/out"),
        scheduler=Scheduler(concurrency),
        **kwargs,
    )
    return manager, store, script, events


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_registration_is_committed_before_it_is_published():
    async def scenario() -> None:
        manager, store, script, events = make()
        committed_when_told = []
        manager.bus.subscribe(lambda e: committed_when_told.append(e.job_id in store.jobs))
        job = manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        assert store.calls[0] == ("add", "a", "queued")
        assert events[0].kind is EventKind.JOB_REGISTERED and committed_when_told[0]
        await settle()
        script.release("a")
        await manager.wait_until_idle()
        assert job.state is JobState.COMPLETED and job.progress == 100
        states = [e.job["status"] for e in events if e.state_changed]
        assert states == ["queued", "processing", "completed"]
        assert [e.seq for e in events] == sorted({e.seq for e in events})
        # every state change was saved before its event
        assert ("save", "a", "completed") in store.calls
        assert events[-1].kind is EventKind.JOB_COMPLETED

    asyncio.run(scenario())


def test_concurrency_limit_and_queue_order():
    async def scenario() -> None:
        manager, _, script, _ = make(concurrency=2)
        for name in "abcd":
            manager.submit(JobSpec(f"/v/{name}.mp4", job_id=name))
        manager.move("d", -1)
        await settle()
        assert script.started == ["a", "b"]
        script.release("a")
        await settle()
        assert script.started == ["a", "b", "d"]
        script.release("b", "c", "d")
        await manager.wait_until_idle()
        assert script.started == ["a", "b", "d", "c"]

    asyncio.run(scenario())


def test_cancel_queued_and_running_jobs():
    async def scenario() -> None:
        manager, _, script, events = make()
        a = manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        b = manager.submit(JobSpec("/v/b.mp4", job_id="b"))
        await settle()
        assert manager.cancel("b") and b.state is JobState.CANCELLED
        assert manager.cancel("a")
        await manager.wait_until_idle()
        assert a.state is JobState.CANCELLED and script.cancelled == ["a"]
        assert a.error and a.error.code is ErrorCode.CANCELLED
        assert not manager.cancel("a")
        finals = [e.job_id for e in events if e.kind is EventKind.JOB_COMPLETED]
        assert sorted(finals) == ["a", "b"]

    asyncio.run(scenario())


def test_failures_do_not_stop_other_jobs_and_retry_works():
    async def scenario() -> None:
        manager, _, script, _ = make(concurrency=3)
        script.outcome["a"] = JobFailure(JobError(ErrorCode.INVALID_INPUT, "bad file"))
        script.outcome["b"] = ZeroDivisionError("bug")
        for name in "abc":
            manager.submit(JobSpec(f"/v/{name}.mp4", job_id=name))
        await settle()
        script.release("a", "b", "c")
        await manager.wait_until_idle()
        a, b, c = (manager.get(x) for x in "abc")
        assert (a.state, a.error.code, a.message) == (
            JobState.FAILED,
            ErrorCode.INVALID_INPUT,
            "bad file",
        )
        assert b.state is JobState.FAILED and b.error.code is ErrorCode.INTERNAL_ERROR
        assert c.state is JobState.COMPLETED
        script.outcome.pop("a")
        manager.retry("a")
        await manager.wait_until_idle()
        assert a.state is JobState.COMPLETED and a.error is None and a.attempts == 2
        with pytest.raises(SubmitError):
            manager.retry("c")

    asyncio.run(scenario())


def test_shutdown_interrupts_running_and_keeps_queued():
    async def scenario() -> None:
        manager, _, _, _ = make()
        a = manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        b = manager.submit(JobSpec("/v/b.mp4", job_id="b"))
        await settle()
        await manager.shutdown()
        assert a.state is JobState.INTERRUPTED and a.error is None
        assert b.state is JobState.QUEUED

    asyncio.run(scenario())


def test_pause_holds_the_queue():
    async def scenario() -> None:
        manager, _, script, _ = make()
        manager.pause()
        manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        await manager.wait_until_idle()  # paused with work queued counts as idle
        assert script.started == []
        manager.resume()
        await settle()
        assert script.started == ["a"]
        script.release("a")
        await manager.wait_until_idle()

    asyncio.run(scenario())


def test_progress_is_published_every_tick_but_written_once_per_interval():
    async def scenario() -> None:
        now = [0.0]
        manager, store, script, events = make(monitoring_interval=2.0, clock=lambda: now[0])
        script.before_tick = lambda: now.__setitem__(0, now[0] + 0.5)
        script.ticks = 10  # 10 ticks through the pipeline's hooks, half a second apart
        manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        script.release("a")
        await manager.wait_until_idle()
        progress_events = [
            e for e in events if e.kind is EventKind.JOB_UPDATED and not e.state_changed
        ]
        writes = [c for c in store.calls if c[0] == "progress"]
        assert len(progress_events) == 10
        assert len(writes) == 3  # at 0.5 s, 2.5 s and 4.5 s

    asyncio.run(scenario())


@pytest.mark.parametrize("bad", ["", "a b", "x" * 65, "../etc", "é"])
def test_job_ids_are_checked(bad):
    async def scenario() -> None:
        manager, _, _, _ = make()
        with pytest.raises(SubmitError):
            manager.submit(JobSpec("/v/a.mp4", job_id=bad))

    asyncio.run(scenario())


def test_duplicate_job_id_is_refused():
    async def scenario() -> None:
        manager, _, _, _ = make()
        manager.pause()
        manager.submit(JobSpec("/v/a.mp4", job_id="same"))
        with pytest.raises(SubmitError, match="already exists"):
            manager.submit(JobSpec("/v/b.mp4", job_id="same"))

    asyncio.run(scenario())
