"""ffmpeg faults through the whole engine: a real ffmpeg made to stall, crash, flood stderr,
vanish, lack its encoder, or run out of disk (tests/reliability/misbehaving_ffmpeg.py)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from storyclip_gui.app import Engine, build_engine
from storyclip_gui.config import Settings, load_settings
from storyclip_gui.core.jobs import ClipState, Job, JobState
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.runner.qprocess_runner import QProcessRunner
from tests.helpers.procs import ROOT, alive, leftovers, query, rss_kib

pytestmark = pytest.mark.media

WRAPPER = Path(__file__).with_name("misbehaving_ffmpeg.py")
OPTIONS = StoryOptions(clip_seconds=2, width=720, height=1280, quality="low")
EXPECTED = [(0, 2), (2, 4), (4, 6)]
STALL_TIMEOUT = 2.0


@pytest.fixture
def misbehave(monkeypatch: pytest.MonkeyPatch, ffmpeg: str, tmp_path: Path) -> Callable[..., Any]:
    """misbehave(mode, **settings) → Settings whose ffmpeg is the misbehaving wrapper. Call
    again to change the mode: each ffmpeg start reads it."""

    def configure(mode: str, **overrides: Any) -> Settings:
        monkeypatch.setenv("MISBEHAVE_MODE", mode)
        monkeypatch.setenv("MISBEHAVE_REAL", ffmpeg)
        monkeypatch.setenv("MISBEHAVE_MARK", str(tmp_path / "marks"))
        return load_settings(overrides={"ffmpeg": str(WRAPPER), **overrides})

    return configure


def marks(tmp_path: Path) -> dict[str, tuple[float, int]]:
    """What the wrapper did: {"stopped"|"crashed"|"flooded": (time, real ffmpeg pid)}."""
    lines = (tmp_path / "marks").read_text().split("\n") if (tmp_path / "marks").exists() else []
    return {w: (float(t), int(p)) for w, t, p in (ln.split() for ln in lines if ln)}


def run_all(run_async: Callable[..., Any], engine: Engine, sources: list[Path]) -> list[Job]:
    async def go() -> list[Job]:
        jobs = [engine.manager.submit(JobSpec(str(s), OPTIONS)) for s in sources]
        await engine.manager.wait_until_idle()
        return jobs

    result: list[Job] = run_async(go(), timeout=120)
    return result


def retry(run_async: Callable[..., Any], engine: Engine, job: Job) -> None:
    async def go() -> None:
        engine.manager.retry(job.id)
        await engine.manager.wait_until_idle()

    run_async(go(), timeout=120)


def assert_exact_clips(job: Job) -> None:
    assert job.state is JobState.COMPLETED, job.error
    assert [(c.start, c.end) for c in job.clips] == EXPECTED
    assert all(c.state is ClipState.VERIFIED for c in job.clips)
    folder = Path(job.output_dir or "")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [Path(c.path).name for c in job.clips] + ["manifest.json"]
    ), "exactly the planned clips, nothing else"


def assert_no_partial_output(job: Job) -> None:
    if job.output_dir is None:  # nothing was made: no folder was left
        assert not job.clips_verified
        return
    folder = Path(job.output_dir)
    assert not leftovers(folder), leftovers(folder)
    verified = {Path(c.path) for c in job.clips if c.state is ClipState.VERIFIED}
    assert set(folder.glob("*.mp4")) == verified if folder.exists() else not verified


def test_stall_fires_the_watchdog_in_its_window(run_async, misbehave, video, tmp_path):
    source = video("fault6.mp4", seconds=6)
    settings = misbehave("stall", stall_timeout_s=STALL_TIMEOUT, concurrency=1)
    engine = build_engine(settings, runner=QProcessRunner(terminate_grace=1.0))
    [job] = run_all(run_async, engine, [source])
    assert job.state is JobState.FAILED and job.error and job.error.code.value == "stalled"
    assert f"no progress for {STALL_TIMEOUT:g} s" in job.error.message
    stopped_at, real_pid = marks(tmp_path)["stopped"]
    # ffmpeg's last output came at most ~0.5 s before it was stopped; the watchdog checks
    # every 0.5 s: it fires between timeout - 0.5 and timeout + 0.5 s after the stop
    waited = (job.finished_at or 0) - stopped_at
    assert STALL_TIMEOUT - 0.7 < waited < STALL_TIMEOUT + 2.0, waited
    print(f"stall: failed {waited:.2f} s after ffmpeg stopped (timeout {STALL_TIMEOUT:g} s)")
    assert not alive(real_pid), "the stopped ffmpeg died with its parent"
    assert_no_partial_output(job)
    # the engine goes on: the same job, retried with a working ffmpeg, completes exactly
    misbehave("pass")
    retry(run_async, engine, job)
    assert_exact_clips(job)


def test_crash_mid_run_keeps_verified_clips_and_retry_renders_only_the_rest(
    run_async, misbehave, video, tmp_path
):
    source = video("fault6.mp4", seconds=6)
    engine = build_engine(misbehave("crash", concurrency=1))
    [job] = run_all(run_async, engine, [source])
    assert job.state is JobState.FAILED and job.error and job.error.code.value == "ffmpeg_error"
    assert "stopped unexpectedly" in job.error.message
    assert "crashed" in marks(tmp_path)
    assert_no_partial_output(job)
    kept = [c for c in job.clips if c.state is ClipState.VERIFIED]
    assert [c.index for c in kept] == [1], "clip 1 closed and verified before the crash"
    manifest = json.loads((Path(job.output_dir or "") / "manifest.json").read_text())
    assert manifest["complete"] is False and manifest["missingClips"] == [2, 3]
    assert [c["index"] for c in manifest["clips"]] == [1]
    kept_size = Path(kept[0].path).stat().st_size
    misbehave("pass")
    before = len(job.commands)
    retry(run_async, engine, job)
    assert_exact_clips(job)
    assert Path(job.clips[0].path).stat().st_size == kept_size
    starts = [argv[argv.index("-ss") + 1] for argv in job.commands[before:]]
    assert starts == ["2", "4"], "the retry rendered clips 2-3 only"


def test_ffmpeg_that_vanishes_after_start_gives_a_setup_error(run_async, ffmpeg, video, tmp_path):
    link = tmp_path / "bin" / "ffmpeg"
    link.parent.mkdir()
    link.symlink_to(ffmpeg)
    engine = build_engine(load_settings(overrides={"ffmpeg": str(link), "concurrency": 2}))
    [first] = run_all(run_async, engine, [video("fault6.mp4", seconds=6)])
    assert first.state is JobState.COMPLETED, first.error  # the build is checked and in use
    link.unlink()  # uninstalled (or its disk unmounted) while the app runs
    started = time.monotonic()
    jobs = run_all(run_async, engine, [video("fault6.mp4", seconds=6)] * 3)
    elapsed = time.monotonic() - started
    for job in jobs:
        assert job.state is JobState.FAILED and job.error, job.error
        assert job.error.code.value == "encoder_unavailable", job.error
        assert "ffmpeg could not be started" in job.error.message
        assert "missing or not executable" in job.error.message and "doctor" in job.error.message
        assert job.output_dir is None
    assert elapsed < 5, elapsed
    print(f"ffmpeg gone: 3 jobs failed as encoder_unavailable in {elapsed:.2f} s")
    link.symlink_to(ffmpeg)  # reinstalled: the same engine works again
    retry(run_async, engine, jobs[0])
    assert_exact_clips(jobs[0])


def test_ffmpeg_without_libx264(run_async, misbehave, video):
    engine = build_engine(misbehave("noencoder"))
    [job] = run_all(run_async, engine, [video("fault6.mp4", seconds=6)])
    assert job.state is JobState.FAILED and job.error
    assert job.error.code.value == "encoder_unavailable"
    assert "no H.264 encoder (libx264)" in job.error.message
    assert_no_partial_output(job)


def _disk_full_story(run_async: Callable[..., Any], engine: Engine, sources: list[Path],
                     free_space: Callable[[], None], db: Path,
                     db_on_full_disk: bool) -> list[Job]:  # fmt: skip
    """Three jobs, one at a time; the first runs out of space. The queue must pause (not fail
    the other two), nothing partial is left, the failure reaches the database (at once when
    it is on another disk; with the first write after space is freed when it is on the full
    one); once space is freed and the queue resumed, the others complete, and the first on
    retry."""
    first, *others = jobs = run_all(run_async, engine, sources)
    assert first.state is JobState.FAILED and first.error, first.error
    assert first.error.code.value == "disk_full", first.error
    assert "No space left on device" in first.error.detail or "File too large" in first.error.detail
    assert [j.state for j in others] == [JobState.QUEUED, JobState.QUEUED]
    assert engine.manager.scheduler.paused
    assert (engine.manager.pause_reason or "").startswith("Queue paused: ")
    assert_no_partial_output(first)

    def stored() -> dict[str, str]:
        return dict(query(db, "SELECT id, state || ':' || coalesce(error_code, '') FROM job"))

    queued = {j.id: "queued:" for j in others}
    if db_on_full_disk and stored()[first.id] != "failed:disk_full":
        assert stored() == {first.id: "processing:", **queued}
        assert engine.store.last_error is not None  # type: ignore[attr-defined]
    else:
        assert stored() == {first.id: "failed:disk_full", **queued}
    free_space()

    async def resume() -> None:
        engine.manager.resume()
        await engine.manager.wait_until_idle()

    run_async(resume(), timeout=120)
    assert engine.manager.pause_reason is None
    for job in others:
        assert_exact_clips(job)
    assert stored() == {first.id: "failed:disk_full", **{j.id: "completed:" for j in others}}
    retry(run_async, engine, first)
    assert_exact_clips(first)
    return jobs


def test_disk_full_by_file_size_limit_pauses_the_queue(run_async, misbehave, video, monkeypatch):
    """Where no file system can be mounted: each file ffmpeg writes is limited to 40 kB."""
    settings = misbehave("fsize", concurrency=1)
    monkeypatch.setenv("MISBEHAVE_FSIZE", "40000")
    engine = build_engine(settings)
    sources = [video("fault6.mp4", seconds=6)] * 3
    _disk_full_story(run_async, engine, sources, lambda: misbehave("pass"),
                     settings.data_dir / "storyclip.db", db_on_full_disk=False)  # fmt: skip


@contextlib.contextmanager
def small_filesystem(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True, text=True)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="tmpfs")
def test_disk_full_on_a_real_full_filesystem_pauses_the_queue(run_async, ffmpeg, video, tmp_path):
    """Output folder *and* database on a 4 MiB tmpfs, filled to leave ~400 KB free."""
    with small_filesystem(tmp_path / "small", "4m") as small:
        settings = load_settings(overrides={"output_dir": small / "out", "concurrency": 1,
                                            "data_dir": small / "data"})  # fmt: skip
        engine = build_engine(settings)
        filler = small / "filler"
        free = os.statvfs(small).f_bavail * os.statvfs(small).f_frsize
        filler.write_bytes(bytes(free - 400_000))
        store_errors: list[str] = []
        engine.store.on_error = store_errors.append  # type: ignore[attr-defined]
        sources = [video("fault6.mp4", seconds=6)] * 3
        _disk_full_story(run_async, engine, sources, filler.unlink,
                         settings.data_dir / "storyclip.db", db_on_full_disk=True)  # fmt: skip
        print(f"tmpfs disk full: store write errors reported while full: {len(store_errors)}")


def _run_cli_measuring_rss(args: list[str], env: dict[str, str]) -> tuple[int, float, int, str]:
    """Run `storyclip ...`; return (peak RSS KiB of the app process, seconds, exit status,
    stdout). The peak is the kernel's high-water mark (VmHWM), read until the process ends."""
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "storyclip_gui", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)  # fmt: skip
    peak = 0
    while proc.poll() is None:
        peak = max(peak, rss_kib(proc.pid)[1])
        time.sleep(0.02)  # sampling another process's /proc: nothing to wait on
    stdout, _ = proc.communicate()
    return peak, time.monotonic() - started, proc.returncode, stdout.decode()


def test_50_mb_stderr_flood_neither_deadlocks_nor_grows_memory(ffmpeg, video, tmp_path):
    source = video("fault6.mp4", seconds=6)
    env = {**os.environ, "MISBEHAVE_REAL": ffmpeg, "MISBEHAVE_MARK": str(tmp_path / "marks")}
    args = ["--ffmpeg", str(WRAPPER), "process", "--json", "--clip-seconds", "2", "--size",
            "720x1280", "--quality", "low", str(source)]  # fmt: skip
    runs = {}
    for mode in ("pass", "flood"):
        peak, seconds, code, stdout = _run_cli_measuring_rss(
            [*args[:3], "--output-dir", str(tmp_path / mode), *args[3:]],
            {**env, "MISBEHAVE_MODE": mode},
        )
        assert code == 0, (mode, stdout)
        [result] = json.loads(stdout)
        assert result["status"] == "completed" and len(result["clips"]) == 3
        runs[mode] = (peak, seconds)
    assert "flooded" in marks(tmp_path), "all 50 MiB were written (and so read)"
    growth = runs["flood"][0] - runs["pass"][0]
    print(f"flood: peak RSS {runs['pass'][0] / 1024:.1f} MiB without, "
          f"{runs['flood'][0] / 1024:.1f} MiB with 50 MiB of stderr; "
          f"{runs['pass'][1]:.1f} s vs {runs['flood'][1]:.1f} s")  # fmt: skip
    assert growth < 16 * 1024, f"peak RSS grew by {growth} KiB"


@pytest.mark.slow
def test_headless_disk_full_leaves_the_rest_queued_for_resume(ffmpeg, video, tmp_path):
    """`storyclip process` whose first job fills the disk: the others are not failed, they
    stay queued in the history and `storyclip resume` (space freed) completes them."""
    source = video("fault6.mp4", seconds=6)
    other = tmp_path / "fault6-copy.mp4"  # a second file: the same one twice is one job
    shutil.copy(source, other)
    env = {**os.environ, "MISBEHAVE_REAL": ffmpeg, "MISBEHAVE_MODE": "fsize",
           "MISBEHAVE_FSIZE": "40000", "STORYCLIP_FFMPEG": str(WRAPPER)}  # fmt: skip
    cli = [sys.executable, "-m", "storyclip_gui"]
    first = subprocess.run([*cli, "process", "--json", "--jobs", "1", "--clip-seconds", "2",
                            "--size", "720x1280", "--quality", "low", str(source), str(other)],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                           stdin=subprocess.DEVNULL)  # fmt: skip
    assert first.returncode == 1, first.stderr
    assert [r["status"] for r in json.loads(first.stdout)] == ["failed", "queued"]
    assert "Queue paused" in first.stderr and "storyclip resume" in first.stderr
    second = subprocess.run([*cli, "resume", "--json"], cwd=ROOT, timeout=120,
                            env={**env, "MISBEHAVE_MODE": "pass"}, capture_output=True,
                            text=True, stdin=subprocess.DEVNULL)  # fmt: skip
    assert second.returncode == 0, second.stderr
    [resumed] = json.loads(second.stdout)
    assert resumed["status"] == "completed" and len(resumed["clips"]) == 3
