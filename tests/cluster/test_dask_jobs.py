"""Jobs whose clips render on a real Dask LocalCluster: exact clips, a worker killed mid-clip,
cancel, and a scheduler that is not there yet."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
from pathlib import Path

import pytest

from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from tests.cluster.conftest import dask_engine, worker_pids
from tests.helpers.oracle import check_clips
from tests.helpers.procs import processes_mentioning, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.media]

SMALL = {"width": 720, "height": 1280, "quality": "low", "layout": "crop"}


def job_files(job) -> list[str]:
    return sorted(p.name for p in Path(job.output_dir).iterdir())


def assert_exact(source: Path, job) -> None:
    assert job.state is JobState.COMPLETED, job.error
    report = check_clips(source, job.clips, min_tail_seconds=job.options.min_tail_seconds,
                         layout="crop", size=(720, 1280))  # fmt: skip
    assert not report.problems, report.table()
    # every clip under its final name, the manifest, and nothing else (no partial, no twin)
    assert job_files(job) == sorted([*(Path(c.path).name for c in job.clips), "manifest.json"])


def test_a_multi_clip_job_is_spread_over_the_workers_and_exact(
    run_async, video, dask_cluster
) -> None:
    source = video("spread.mp4", seconds=8, size="320x240")
    engine = dask_engine(dask_cluster.scheduler_address)
    seen: dict[int, set[str]] = {}

    def watch(event) -> None:
        for clip in event.job.get("clips", []):
            if clip.get("worker") and clip["state"] == "planned":
                seen.setdefault(clip["index"], set()).add(clip["worker"])

    engine.bus.subscribe(watch)

    async def go():
        job = engine.manager.submit(JobSpec(str(source), StoryOptions(clip_seconds=2, **SMALL)))
        await engine.manager.wait_until_idle()
        await engine.stop()
        return job

    job = run_async(go(), timeout=300)
    assert_exact(source, job)
    assert len(job.clips) == 4
    workers = set(worker_pids(dask_cluster))
    # clips were watched rendering on cluster workers, and both workers took some
    assert set().union(*seen.values()) == workers, seen
    assert {c.worker for c in job.clips} <= workers


def test_a_worker_killed_mid_clip_and_the_job_still_completes(
    run_async, video, dask_cluster
) -> None:
    source = video("killed.mp4", seconds=12, size="640x360")
    engine = dask_engine(dask_cluster.scheduler_address)
    pids = worker_pids(dask_cluster)
    killed: list[str] = []

    def kill_mid_clip(event) -> None:
        if killed:
            return
        for clip in event.job.get("clips", []):
            if clip["state"] == "planned" and clip.get("worker") in pids \
                    and clip["renderedSeconds"] > 0.3:  # fmt: skip
                killed.append(clip["worker"])
                os.kill(pids[clip["worker"]], signal.SIGKILL)
                return

    engine.bus.subscribe(kill_mid_clip)

    async def go():
        job = engine.manager.submit(JobSpec(str(source), StoryOptions(clip_seconds=6, **SMALL)))
        await engine.manager.wait_until_idle()
        await engine.stop()
        return job

    job = run_async(go(), timeout=300)
    assert killed, "no clip was seen rendering on a worker"
    assert_exact(source, job)
    assert job.attempts == 1  # the cluster re-ran the clip; the job itself never failed
    # the nanny starts a new worker in place of the killed one: the cluster is whole again
    wait_for(lambda: len(worker_pids(dask_cluster)) == 2, 60, "the killed worker's successor")


def test_cancel_stops_every_worker_side_ffmpeg(run_async, video, dask_cluster, tmp_path) -> None:
    source = video("cancel.mp4", seconds=40, size="640x360")
    out = tmp_path / "cancel-out"
    engine = dask_engine(dask_cluster.scheduler_address, output_dir=out)

    async def go():
        job = engine.manager.submit(JobSpec(str(source),
                                            StoryOptions(clip_seconds=10, **SMALL)))  # fmt: skip

        def both_rendering() -> bool:
            busy = [c for c in job.clips if c.worker and c.rendered > 0 and c.state.value
                    == "planned"]  # fmt: skip
            return len(busy) >= 2

        while not both_rendering():
            assert not job.is_final, job.error
            await asyncio.sleep(0.05)
        running = processes_mentioning(str(out))
        assert len(running) >= 2, running  # two ffmpeg runs, one per worker
        engine.manager.cancel(job.id)
        await engine.manager.wait_until_idle()
        gone = []
        for _ in range(100):  # a generous poll: the processes must go, soon
            gone = processes_mentioning(str(out))
            if not gone:
                break
            await asyncio.sleep(0.1)
        await engine.stop()
        return job, gone

    job, left = run_async(go(), timeout=300)
    assert left == []
    assert job.state is JobState.CANCELLED
    assert not any(p.name.endswith(".part") for p in out.rglob("*"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_interrupts_the_job_which_resumes_when_it_is_up(
    run_async, video
) -> None:
    from distributed import LocalCluster

    source = video("later.mp4", seconds=4, size="320x240")
    port = _free_port()
    engine = dask_engine(f"tcp://127.0.0.1:{port}")
    cluster_box: list[LocalCluster] = []

    async def go():
        job = engine.manager.submit(JobSpec(str(source), StoryOptions(clip_seconds=2, **SMALL)))
        while job.state is not JobState.INTERRUPTED:
            assert not job.is_final, job.error
            await asyncio.sleep(0.05)
        message = job.message
        pause = engine.manager.pause_reason
        cluster_box.append(await asyncio.to_thread(
            LocalCluster, n_workers=1, threads_per_worker=1, processes=True,
            dashboard_address=":0", scheduler_port=port))  # fmt: skip
        while not job.is_final:
            await asyncio.sleep(0.1)
        await engine.stop()
        return job, message, pause

    try:
        job, message, pause = run_async(go(), timeout=300)
    finally:
        for cluster in cluster_box:
            cluster.close()
    assert f"127.0.0.1:{port}" in message and "cannot be reached" in message, message
    assert pause and "Dask scheduler" in pause
    assert_exact(source, job)
