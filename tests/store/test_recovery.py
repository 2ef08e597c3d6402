"""Start-up recovery on real files and processes, and clip-level resume with real ffmpeg."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.ffmpeg.errors import ErrorCode
from storyclip_gui.core.jobs import ClipState, JobState
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.store import open_store, recover
from storyclip_gui.store.processes import is_our_ffmpeg, kill_if_ours
from tests.conftest import FAKE_FFMPEG

pytestmark = pytest.mark.media

SMALL = {"clip_seconds": 2, "width": 720, "height": 1280, "quality": "low"}


def crashed_store(db_path):
    return open_store(db_path, identity="engine-that-was-killed")


def test_running_jobs_are_interrupted_then_requeued_or_failed(db_path, make_job, tmp_path):
    first = crashed_store(db_path)
    out = tmp_path / "out" / "talk"
    out.mkdir(parents=True)
    fresh = make_job(JobState.PROCESSING, clips=3, verified=1, output_dir=str(out))
    worn = make_job(JobState.PROCESSING, attempts=3)
    queued = make_job()
    stopped = make_job(JobState.INTERRUPTED, attempts=1)  # stopped by a clean shutdown
    for job in (queued, fresh, worn, stopped):
        first.add(job)
    mine = out / f".{fresh.id}.002.part"
    other = out / f".{queued.id}.001.part"
    user = out / "talk_01.mp4"
    for path in (mine, other, user):
        path.write_bytes(b"x")
    work = tmp_path / "temp" / fresh.id
    work.mkdir(parents=True)
    (work / "segments-002.csv").write_text("")
    first.close()

    second = open_store(db_path)
    jobs, report = recover(second, temp_root=tmp_path / "temp")
    assert [j.id for j in jobs] == [fresh.id, worn.id, queued.id, stopped.id]
    assert report.requeued == [fresh.id, stopped.id]
    assert report.failed == [worn.id] and report.queued == [queued.id]
    again = second.get(fresh.id)
    assert again.state is JobState.QUEUED and again.attempts == 1
    assert [c.state for c in again.clips] == [ClipState.VERIFIED, ClipState.PLANNED,
                                              ClipState.PLANNED]
    assert [s for _, s, _, _ in second.state_log(fresh.id)] == [
        "processing", "interrupted", "queued"]
    failed = second.get(worn.id)
    assert failed.state is JobState.FAILED
    assert failed.error.code is ErrorCode.TOO_MANY_ATTEMPTS
    assert not mine.exists() and not work.exists()
    assert other.exists() and user.exists(), "only this job's temporary files are removed"
    second.close()


def test_without_auto_resume_interrupted_jobs_wait_for_the_user(db_path, make_job):
    first = crashed_store(db_path)
    job = make_job(JobState.PROCESSING)
    first.add(job)
    first.close()
    second = open_store(db_path)
    _, report = recover(second, auto_resume=False)
    assert report.interrupted == [job.id]
    assert second.get(job.id).state is JobState.INTERRUPTED
    second.close()


def test_old_temporary_files_are_swept(tmp_path, store):
    temp = tmp_path / "temp"
    old_dir, new_dir, old_file = temp / "oldjob", temp / "newjob", temp / "stray.csv"
    for folder in (old_dir, new_dir):
        folder.mkdir(parents=True)
        (folder / "segments-001.csv").write_text("x")
    old_file.write_text("x")
    two_days_ago = time.time() - 2 * 86400
    for path in (old_dir / "segments-001.csv", old_dir, old_file):
        os.utime(path, (two_days_ago, two_days_ago))
    _, report = recover(store, temp_root=temp)
    assert not old_dir.exists() and not old_file.exists() and new_dir.exists()
    assert sorted(report.removed_temp) == sorted([str(old_dir), str(old_file)])


def test_temp_folders_of_ended_jobs_are_swept_at_start_never_a_live_engines(db_path, make_job,
                                                                           tmp_path):  # fmt: skip
    """Issue 16 item 5: what cancelled, failed or crashed jobs left in TEMP_DIR goes at the
    next start whatever its age; a folder of a job another live engine (sharing the data
    folder) has queued or running stays, and so do fresh entries that name no job."""
    from storyclip_gui.store import processes

    temp = tmp_path / "temp"
    live = open_store(db_path, identity=processes.identity(os.getppid()))  # alive: our parent
    ended, running, waiting = (make_job(JobState.FAILED), make_job(JobState.PROCESSING),
                               make_job(JobState.QUEUED))  # fmt: skip
    for job in (ended, running, waiting):
        live.add(job)
        (temp / job.id).mkdir(parents=True)
        (temp / job.id / "segments.csv").write_text("x")
    (temp / "demo").mkdir()
    live.close()

    second = open_store(db_path)
    jobs, report = recover(second, temp_root=temp)
    assert jobs == [], "another live engine's jobs are not ours to recover"
    assert report.removed_temp == [str(temp / ended.id)]
    assert sorted(p.name for p in temp.iterdir()) == sorted([running.id, waiting.id, "demo"])
    assert second.get(running.id).state is JobState.PROCESSING
    second.close()


@pytest.fixture
def stray_process(tmp_path, monkeypatch):
    """Start a long-running process with a given argv; killed at the end if still alive."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str, fake_ffmpeg: bool = True) -> subprocess.Popen[bytes]:
        script = [str(FAKE_FFMPEG)] if fake_ffmpeg else ["-c", "import time; time.sleep(60)"]
        argv = [sys.executable, *script, *args]
        proc = subprocess.Popen(argv, env={**os.environ, "FAKE_FFMPEG_MODE": "stall"},
                                stdout=subprocess.DEVNULL)  # fmt: skip
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_leftover_ffmpeg_is_killed_only_if_it_is_ours(stray_process, tmp_path):
    pattern = str(tmp_path / ".job42abc.%03d.part")
    ours = stray_process("-i", "in.mp4", "-f", "segment", pattern)
    other_job = stray_process("-f", "segment", str(tmp_path / ".otherjob.%03d.part"))
    not_ffmpeg = stray_process(pattern, fake_ffmpeg=False)
    deadline = time.monotonic() + 10
    while not is_our_ffmpeg(ours.pid, "job42abc") and time.monotonic() < deadline:
        time.sleep(0.01)  # wait until the child has exec'd
    assert not kill_if_ours(other_job.pid, "job42abc")
    assert not kill_if_ours(not_ffmpeg.pid, "job42abc")
    assert kill_if_ours(ours.pid, "job42abc")
    assert ours.wait(timeout=10) == -9
    assert other_job.poll() is None and not_ffmpeg.poll() is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_recovery_kills_the_stored_ffmpeg_of_a_running_job(db_path, make_job, stray_process,
                                                           tmp_path):  # fmt: skip
    job = make_job(JobState.PROCESSING, output_dir=str(tmp_path))
    ffmpeg = stray_process("-f", "segment", str(tmp_path / f".{job.id}.%03d.part"))
    deadline = time.monotonic() + 10
    while not is_our_ffmpeg(ffmpeg.pid, job.id) and time.monotonic() < deadline:
        time.sleep(0.01)
    job.pid = ffmpeg.pid
    first = crashed_store(db_path)
    first.add(job)
    first.close()
    second = open_store(db_path)
    _, report = recover(second)
    assert report.killed_pids == [ffmpeg.pid]
    assert ffmpeg.wait(timeout=10) == -9
    assert second.get(job.id).pid is None
    second.close()


def run_engine(run_async, settings):
    engine = build_engine(settings)

    async def go():
        engine.start()
        await engine.manager.wait_until_idle()

    run_async(go(), timeout=180)
    return engine


def test_clip_level_resume_renders_only_the_missing_clips(run_async, video, isolated_env):
    """A completed run is turned back into what a crash leaves: clips 1-2 verified, clip 3
    renamed into place but never recorded, clip 4 missing with a half-written temp file."""
    settings = load_settings()
    source = video("resume.mp4", seconds=8, size="320x240")
    engine = build_engine(settings)

    async def first_run():
        job = engine.manager.submit(JobSpec(str(source), StoryOptions(**SMALL)))
        await engine.manager.wait_until_idle()
        return job

    job = run_async(first_run())
    assert job.state is JobState.COMPLETED and len(job.clips) == 4
    engine.store.close()
    folder = Path(job.output_dir)
    kept = {c.index: (Path(c.path).stat().st_ino, Path(c.path).stat().st_mtime_ns)
            for c in job.clips[:3]}  # fmt: skip
    Path(job.clips[3].path).unlink()
    (folder / f".{job.id}.004.part").write_bytes(b"half a clip")
    (folder / "manifest.json").unlink()
    crashed = open_store(settings.data_dir / "storyclip.db", identity="killed-run")
    job.state, job.finished_at, job.progress = JobState.PROCESSING, None, 55.0
    for clip in job.clips[2:]:
        clip.state, clip.duration, clip.size = ClipState.PLANNED, None, None
    job.commands = []
    crashed.save(job)
    crashed.close()

    engine = run_engine(run_async, settings)
    resumed = engine.manager.get(job.id)
    assert resumed is not None and resumed.state is JobState.COMPLETED, resumed.error
    assert resumed.attempts == 2
    assert [c.state for c in resumed.clips] == [ClipState.VERIFIED] * 4
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [Path(c.path).name for c in resumed.clips] + ["manifest.json"]
    ), "no second copies, no temporary files"
    for index, identity in kept.items():
        path = Path(resumed.clips[index - 1].path)
        assert (path.stat().st_ino, path.stat().st_mtime_ns) == identity, "kept, not rendered"
    [argv] = resumed.commands  # one ffmpeg run, for clip 4 only
    assert argv[-1].endswith(f".{job.id}.004.part")
    assert float(argv[argv.index("-ss") + 1]) == 6.0
    stored = engine.store.get(job.id)
    assert [c.state for c in stored.clips] == [ClipState.VERIFIED] * 4
    engine.store.close()


def test_a_reordered_queue_keeps_its_order_after_a_restart(db_path, run_async):
    """Moving a queued job is remembered: after a crash the queue comes back in that order."""
    import asyncio

    from storyclip_gui.core.events import EventBus
    from storyclip_gui.core.manager import JobManager, JobSpec

    first = crashed_store(db_path)

    async def never_runs(job, hooks):  # the queue stays paused in this test
        raise AssertionError("nothing should start")

    manager = JobManager(store=first, bus=EventBus(), run_pipeline=never_runs,
                         output_root=db_path.parent / "out")  # fmt: skip
    manager.pause()
    ids = [manager.submit(JobSpec(f"/v/{name}.mp4", job_id=name)).id for name in "abcd"]
    assert ids == ["a", "b", "c", "d"]
    manager.move("d", -3)  # d to the front
    manager.move("a", 1)  # a after b
    assert manager.queued_ids == ["d", "b", "a", "c"]
    run_async(asyncio.sleep(0))
    first.close()

    second = open_store(db_path)
    jobs, _ = recover(second)
    assert [j.id for j in jobs] == ["d", "b", "a", "c"]
    second.close()
