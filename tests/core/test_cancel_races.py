"""Cancel and retry at any instant, alone or sent together: the queue never wedges.

A real JobManager on a MemoryJobStore with a fake pipeline (plain asyncio loops, no Qt).
The fake pipeline has a fixed number of await points (probe, render, verify), so a test can
land a cancel on each one, including the instant the scheduler has created the job's task
but its coroutine has not run yet.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import random
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from storyclip_gui.core.events import EventBus
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError, JobFailure
from storyclip_gui.core.jobs import Job, JobState
from storyclip_gui.core.manager import JobManager, JobSpec, SubmitError
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.core.pipeline import PipelineHooks
from storyclip_gui.core.scheduler import Scheduler

PROBE_TICKS, RENDER_TICKS, VERIFY_TICKS, EXIT_TICKS = 2, 3, 2, 2


class FakeProcess:
    """An ffmpeg that needs a few loop ticks to exit once terminated; if the pipeline stops
    waiting for it, it is left running (QProcess: Destroyed while process still running)."""

    def __init__(self) -> None:
        self.exited = False

    async def terminate_and_wait(self) -> None:
        for _ in range(EXIT_TICKS):
            await asyncio.sleep(0)
        self.exited = True


class FakePipeline:
    """probe → render (a process, reaped on cancel) → verify (a child task, always awaited).
    Jobs named in `failing` fail in verification with a JobFailure."""

    def __init__(self, failing: frozenset[str] = frozenset()) -> None:
        self.failing = failing
        self.phase: dict[str, str] = {}  # where each job is (or was when it stopped)
        self.started: list[str] = []
        self.leaked: list[str] = []

    async def __call__(self, job: Job, hooks: PipelineHooks) -> None:
        self.started.append(job.id)
        self.phase[job.id] = "probe"
        for _ in range(PROBE_TICKS):
            await asyncio.sleep(0)
        hooks.progress(job)
        self.phase[job.id] = "render"
        proc = FakeProcess()
        try:
            for _ in range(RENDER_TICKS):
                await asyncio.sleep(0)
                hooks.progress(job)
            proc.exited = True
        except asyncio.CancelledError:
            with contextlib.suppress(asyncio.CancelledError):  # cancelled again meanwhile
                await proc.terminate_and_wait()
            raise
        finally:
            if not proc.exited:
                self.leaked.append(job.id)
        self.phase[job.id] = "verify"
        verify = asyncio.ensure_future(self._verify(job))
        try:
            await verify
        finally:
            if not verify.done():
                verify.cancel()
                await asyncio.gather(verify, return_exceptions=True)
            elif not verify.cancelled():
                verify.exception()  # retrieved, whatever happens to us
        self.phase[job.id] = "done"

    async def _verify(self, job: Job) -> None:
        for _ in range(VERIFY_TICKS):
            await asyncio.sleep(0)
        if job.id in self.failing:
            raise JobFailure(JobError(ErrorCode.VERIFICATION_FAILED, "bad clip"))


def make(
    concurrency: int = 1, failing: frozenset[str] = frozenset()
) -> tuple[JobManager, FakePipeline]:
    pipeline = FakePipeline(failing)
    manager = JobManager(
        store=MemoryJobStore(),
        bus=EventBus(),
        run_pipeline=pipeline,
        output_root=Path("/out"),
        scheduler=Scheduler(concurrency),
    )
    return manager, pipeline


def run(scenario: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run on a fresh loop that records what asyncio reports (un-awaited tasks, exceptions
    never retrieved, errors in callbacks); after the loop is closed and garbage collected,
    nothing may have been reported."""
    reports: list[dict[str, Any]] = []
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(lambda _loop, context: reports.append(context))
    try:
        loop.run_until_complete(scenario())
        gc.collect()
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        assert not pending, f"tasks left pending: {pending}"
    finally:
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
        gc.collect()
    assert not reports, [r.get("message") for r in reports]


async def drained(manager: JobManager, timeout: float = 5.0) -> None:
    try:
        await asyncio.wait_for(manager.wait_until_idle(), timeout)
    except TimeoutError:
        stuck = {j.id: j.state.value for j in manager.jobs()}
        pytest.fail(f"the queue never drained: {stuck}, running={manager.running_ids}, "
                    f"queued={manager.queued_ids}")  # fmt: skip
    assert manager.running_ids == [] and manager.queued_ids == []


def check_bookkeeping(manager: JobManager) -> None:
    """A job that is processing has a task; a queued one is in the queue or has a task."""
    for job in manager.jobs():
        if job.state is JobState.PROCESSING:
            assert job.id in manager.running_ids, (job.id, job.state)
        if job.state is JobState.QUEUED and not manager.scheduler.paused:
            assert job.id in manager.running_ids or job.id in manager.queued_ids, job.id


@pytest.fixture(autouse=True)
def no_errors_logged(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.WARNING, logger="storyclip_gui")
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


TICKS_OF_A_RUN = PROBE_TICKS + RENDER_TICKS + VERIFY_TICKS + 4


@pytest.mark.parametrize("ticks", range(TICKS_OF_A_RUN))
def test_a_cancel_at_every_await_point_ends_the_job_cancelled_and_frees_its_slot(ticks):
    async def scenario() -> None:
        manager, pipeline = make(concurrency=1)
        a = manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        b = manager.submit(JobSpec("/v/b.mp4", job_id="b"))
        for _ in range(ticks):
            await asyncio.sleep(0)
        where = pipeline.phase.get("a", "not started")
        accepted = manager.cancel("a")
        check_bookkeeping(manager)
        await drained(manager)
        if accepted:
            assert a.state is JobState.CANCELLED, where
            assert a.error and a.error.code is ErrorCode.CANCELLED
        else:
            assert a.state is JobState.COMPLETED and where == "done"
        assert b.state is JobState.COMPLETED, (where, b.state)
        assert pipeline.leaked == []

    run(scenario)


def test_the_await_points_cover_every_phase():
    seen = set()

    async def scenario() -> None:
        for ticks in range(TICKS_OF_A_RUN):
            manager, pipeline = make()
            manager.submit(JobSpec("/v/a.mp4", job_id="a"))
            for _ in range(ticks):
                await asyncio.sleep(0)
            seen.add(pipeline.phase.get("a", "not started"))
            manager.cancel("a")
            await drained(manager)

    run(scenario)
    assert seen == {"not started", "probe", "render", "verify", "done"}


@pytest.mark.parametrize("ticks", range(TICKS_OF_A_RUN))
@pytest.mark.parametrize("concurrency", [1, 2])
def test_cancel_then_retry_in_the_same_tick_runs_the_job_again(ticks, concurrency):
    async def scenario() -> None:
        manager, pipeline = make(concurrency)
        a = manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        b = manager.submit(JobSpec("/v/b.mp4", job_id="b"))
        for _ in range(ticks):
            await asyncio.sleep(0)
        cancelled = manager.cancel("a")
        try:
            manager.retry("a")
        except SubmitError:  # still stopping (processing) or already completed
            retried = False
        else:
            retried = True
        check_bookkeeping(manager)
        await drained(manager)
        if cancelled and not retried:
            assert a.state is JobState.CANCELLED
        else:
            assert a.state is JobState.COMPLETED
        assert b.state is JobState.COMPLETED
        assert pipeline.leaked == []

    run(scenario)


def test_a_second_cancel_does_not_interrupt_the_job_while_it_stops():
    async def scenario() -> None:
        manager, pipeline = make()
        a = manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        while pipeline.phase.get("a") != "render":
            await asyncio.sleep(0)
        assert manager.cancel("a")
        await asyncio.sleep(0)  # the pipeline is now waiting for its process to exit
        assert a.state is JobState.PROCESSING
        assert manager.cancel("a")
        await drained(manager)
        assert a.state is JobState.CANCELLED and pipeline.leaked == []

    run(scenario)


def test_shutdown_before_a_created_task_ran_keeps_the_job_queued():
    async def scenario() -> None:
        manager, pipeline = make()
        a = manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        b = manager.submit(JobSpec("/v/b.mp4", job_id="b"))
        await manager.shutdown()
        assert pipeline.started == []
        assert (a.state, b.state) == (JobState.QUEUED, JobState.QUEUED)
        assert manager.running_ids == [] and manager.queued_ids == ["a", "b"]

    run(scenario)


def test_a_task_cancelled_from_outside_before_it_ran_frees_its_slot():
    """E.g. the loop closing cancels every task: the job is not left queued with no task."""

    async def scenario() -> None:
        manager, pipeline = make()
        a = manager.submit(JobSpec("/v/a.mp4", job_id="a"))
        manager.pause()  # b stays queued
        b = manager.submit(JobSpec("/v/b.mp4", job_id="b"))
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        assert pipeline.started == [] and manager.running_ids == []
        assert a.state is JobState.INTERRUPTED and b.state is JobState.QUEUED
        assert manager.queued_ids == ["b"]

    run(scenario)


def _hammer(seed: int, concurrency: int, iterations: int = 300) -> None:
    """Cancel and retry, alone or together (both orders, in the same tick or ticks apart),
    on random jobs at random instants; then the queue must drain and each job end as its last
    accepted command says."""
    rng = random.Random(seed)
    names = ["a", "b", "c", "d"]
    failing = frozenset({"d"})

    async def scenario() -> None:
        manager, pipeline = make(concurrency, failing)
        loop = asyncio.get_running_loop()
        last: dict[str, str] = {}  # job → last accepted command

        def cancel(job_id: str) -> None:
            if manager.cancel(job_id):
                last[job_id] = "cancel"

        def retry(job_id: str) -> None:
            try:
                manager.retry(job_id)
            except SubmitError:
                return
            last[job_id] = "retry"

        for name in names:
            manager.submit(JobSpec(f"/v/{name}.mp4", job_id=name))
        for _ in range(iterations):
            job_id = rng.choice(names)
            pattern = rng.choice(["cancel+retry", "retry+cancel", "cancel", "retry",
                                  "cancel+cancel"])  # fmt: skip
            commands = [cancel if p == "cancel" else retry for p in pattern.split("+")]
            if rng.random() < 0.5:  # as two requests handled in the same loop iteration
                for command in commands:
                    loop.call_soon(command, job_id)
            else:  # one after the other, a few ticks apart
                for command in commands:
                    command(job_id)
                    for _ in range(rng.randrange(3)):
                        await asyncio.sleep(0)
            for _ in range(rng.randrange(4)):
                await asyncio.sleep(0)
                check_bookkeeping(manager)
        await drained(manager, timeout=10)
        for name in names:
            job = manager.get(name)
            assert job is not None and job.is_final, (name, job and job.state)
            natural = JobState.FAILED if name in failing else JobState.COMPLETED
            expected = JobState.CANCELLED if last.get(name) == "cancel" else natural
            assert job.state is expected, (name, last.get(name), job.state)
        assert pipeline.leaked == []

    run(scenario)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("concurrency", [1, 2])
def test_cancel_and_retry_hammered_together_the_queue_still_drains(seed, concurrency):
    _hammer(seed, concurrency)
