"""SqliteJobStore against real files: round trips, commit-before-publish, throttled progress,
ownership of unfinished jobs, and the user's environment failing (locked, full, damaged)."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.events import EventBus
from storyclip_gui.core.ffmpeg.errors import ErrorCode
from storyclip_gui.core.jobs import Clip, ClipState, JobState, Phase
from storyclip_gui.core.manager import JobManager, JobSpec, SubmitError
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.ports import StoreError
from storyclip_gui.store import open_store


def stored_state(db_path, job_id):
    """Read through a separate connection: only committed data is visible there."""
    con = sqlite3.connect(db_path)
    try:
        row = con.execute("SELECT state, progress FROM job WHERE id = ?", (job_id,)).fetchone()
        return row
    finally:
        con.close()


def test_a_job_round_trips_with_its_clips_error_and_options(store, make_job):
    job = make_job(JobState.FAILED, clips=3, verified=2, error=ErrorCode.DISK_FULL,
                   parent_id="job-before", output_dir="/out/x", commands=[["ffmpeg", "-i", "x"]])
    store.add(job)
    again = store.get(job.id)
    assert again is not None
    assert again.to_dict() == job.to_dict()
    assert again.options == job.options
    assert store.get("nope") is None


def test_a_duplicate_id_is_refused_and_the_first_job_kept(store, make_job):
    job = make_job()
    store.add(job)
    clash = make_job()
    clash.id = job.id
    with pytest.raises(SubmitError, match="already exists"):
        store.add(clash)
    assert store.get(job.id).source == job.source


def test_state_changes_are_committed_before_they_are_published(store, db_path, tmp_path):
    """A subscriber reading the file through its own connection already sees each new state."""
    seen: list[tuple[str, object]] = []
    bus = EventBus()

    async def pipeline(job, hooks):  # never awaited: the job is only registered and cancelled
        raise AssertionError

    manager = JobManager(store=store, bus=bus, run_pipeline=pipeline, output_root=tmp_path)
    manager.scheduler.paused = True

    def check(event):
        if event.state_changed:
            seen.append((event.job["status"], stored_state(db_path, event.job_id)))

    bus.subscribe(check)
    job = manager.submit(JobSpec(str(tmp_path / "a.mp4")))
    manager.cancel(job.id)
    assert [(status, row[0]) for status, row in seen] == [("queued", "queued"),
                                                          ("cancelled", "cancelled")]
    assert store.last_seq() == bus.last_seq
    log = store.state_log(job.id)
    assert [state for _, state, _, _ in log] == ["queued", "cancelled"]
    assert log[-1][3] == "cancelled"


def test_progress_writes_are_throttled_per_job(db_path, tmp_path, make_job):
    class CountingStore:
        def __init__(self, inner):
            self.inner, self.progress_writes = inner, 0

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def save_progress(self, job):
            self.progress_writes += 1
            self.inner.save_progress(job)

    store = CountingStore(open_store(db_path))
    clock = [0.0]

    async def scenario() -> None:
        ticked, hold = asyncio.Event(), asyncio.Event()

        async def pipeline(job, hooks):  # progress through the hooks the pipeline gets
            for tick in range(20):  # 20 ticks over 5 seconds of the manager's clock
                clock[0] = tick * 0.25
                job.progress = tick
                hooks.progress(job)
            ticked.set()
            await hold.wait()

        manager = JobManager(store=store, bus=EventBus(), run_pipeline=pipeline,
                             output_root=tmp_path, monitoring_interval=2.0,
                             clock=lambda: clock[0])  # type: ignore[arg-type]  # fmt: skip
        job = manager.submit(JobSpec(str(tmp_path / "a.mp4")))
        await ticked.wait()
        assert store.progress_writes == 3  # at 0, 2 and 4 s
        assert stored_state(db_path, job.id)[1] == 16  # the tick at 4.0 s
        hold.set()
        await manager.wait_until_idle()

    asyncio.run(scenario())
    store.inner.close()


def test_save_progress_touches_only_the_live_fields(store, make_job):
    job = make_job(JobState.PROCESSING, clips=2)
    store.add(job)
    job.progress, job.phase, job.message, job.speed = 42.0, Phase.GENERATING, "Generated 1", 3.5
    job.state = JobState.COMPLETED  # not a progress field: must not be written by a tick
    store.save_progress(job)
    again = store.get(job.id)
    assert (again.progress, again.phase, again.message, again.speed) == (
        42.0, Phase.GENERATING, "Generated 1", 3.5)
    assert again.state is JobState.PROCESSING


def test_clips_are_written_as_each_completes(store, make_job):
    job = make_job(JobState.PROCESSING, clips=3)
    store.add(job)
    clip = job.clips[1]
    clip.state, clip.duration, clip.size, clip.width, clip.height = (
        ClipState.VERIFIED, 5.0, 1234, 720, 1280)
    store.save_clip(job, clip)
    again = store.get(job.id)
    assert [c.state for c in again.clips] == [ClipState.PLANNED, ClipState.VERIFIED,
                                              ClipState.PLANNED]
    assert again.clips[1].size == 1234 and again.clips_verified == 1
    # a new plan (fewer clips) replaces the old clip rows
    job.clips = [Clip(1, 0, 7.5, "/o/1.mp4"), Clip(2, 7.5, 15, "/o/2.mp4")]
    store.save(job)
    assert [(c.index, c.end) for c in store.get(job.id).clips] == [(1, 7.5), (2, 15)]


def test_unfinished_jobs_are_claimed_only_from_dead_engines(db_path, make_job):
    first = open_store(db_path, identity="engine-that-crashed")
    running = make_job(JobState.PROCESSING, clips=2, verified=1, created=100.0)
    queued_late = make_job(created=300.0)
    queued_early = make_job(created=200.0)
    done = make_job(JobState.COMPLETED, created=50.0)
    for job in (queued_late, running, queued_early, done):
        first.add(job)
    first.close()
    alive_store = open_store(db_path)  # this very process: a live engine
    mine = make_job(created=400.0)
    alive_store.add(mine)

    second = open_store(db_path, identity="next-start")
    claimed = second.load_unfinished()
    assert [j.id for j in claimed] == [running.id, queued_early.id, queued_late.id]
    assert claimed[0].clips[0].state is ClipState.VERIFIED
    assert second.load_unfinished() == [], "claimed jobs now belong to the new engine"
    for opened in (second, alive_store):
        opened.close()


def test_the_sequence_number_never_goes_back(db_path):
    store = open_store(db_path)
    store.record_seq(41)
    store.record_seq(40)
    store.close()
    again = open_store(db_path)
    assert again.last_seq() == 41
    # the engine starts well above it (ticks after the last commit may have been seen)
    assert build_engine(load_settings(), store=again, recover=False).bus.last_seq > 41
    again.close()


def test_a_locked_database_is_reported_and_caught_up_later(db_path, make_job):
    errors: list[StoreError] = []
    store = open_store(db_path, on_error=errors.append, busy_timeout_ms=50)
    job = make_job(JobState.PROCESSING, clips=2)
    store.add(job)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    job.transition(JobState.COMPLETED)
    store.save(job)  # does not raise: the app keeps running
    assert len(errors) == 1 and "locked" in str(errors[0])
    assert store.last_error is errors[0]
    with pytest.raises(StoreError, match="locked"):
        store.add(make_job())  # a job that cannot be stored is not born
    other.execute("ROLLBACK")
    other.close()
    store.record_seq(5)  # the next write catches the job up
    assert store.last_error is None
    assert store.get(job.id).state is JobState.COMPLETED
    store.close()


def test_a_full_disk_is_reported_and_nothing_stored_is_lost(db_path, make_job):
    errors: list[StoreError] = []
    store = open_store(db_path, on_error=errors.append)
    kept = make_job(JobState.COMPLETED, clips=2, verified=2)
    store.add(kept)
    job = make_job(JobState.PROCESSING)
    store.add(job)
    pages = store.database.execute_sql("PRAGMA page_count").fetchone()[0]
    store.database.execute_sql(f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL from here
    job.clips = [Clip(i, i, i + 1, "/very/long/path/" + "x" * 400 + f"{i}.mp4")
                 for i in range(1, 60)]  # fmt: skip
    store.save(job)
    assert errors and "disk holding the job history is full" in str(errors[0])
    assert store.get(kept.id).to_dict() == kept.to_dict()
    store.database.execute_sql("PRAGMA max_page_count = 1073741823")
    store.save_progress(job)
    assert len(store.get(job.id).clips) == 59
    store.close()


def test_a_damaged_history_leaves_the_engine_running_on_memory(isolated_env):
    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "storyclip.db").write_bytes(b"garbage" * 1000)
    engine = build_engine(settings)
    assert isinstance(engine.store, MemoryJobStore)
    assert engine.store_error is not None and "damaged" in str(engine.store_error)
    engine.manager.scheduler.paused = True
    job = engine.manager.submit(JobSpec("/nowhere/a.mp4", StoryOptions()))
    assert engine.store.get(job.id) is job
