"""Faults around the cluster: the scheduler lost mid-run, the app killed mid-run."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from storyclip_gui.core.jobs import JobState
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from tests.cluster.conftest import dask_engine
from tests.cluster.test_dask_jobs import SMALL, _free_port, assert_exact
from tests.helpers.procs import ROOT, processes_mentioning, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.media]


def start_cluster(port: int):
    from distributed import LocalCluster

    return LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                        dashboard_address=":0", scheduler_port=port)  # fmt: skip


def test_a_scheduler_lost_mid_run_interrupts_the_job_which_finishes_when_it_is_back(
    run_async, video, tmp_path
) -> None:
    source = video("lost.mp4", seconds=24, size="640x360")
    out = tmp_path / "lost-out"
    port = _free_port()
    clusters = [start_cluster(port)]
    engine = dask_engine(f"tcp://127.0.0.1:{port}", output_dir=out)

    async def go():
        job = engine.manager.submit(JobSpec(str(source), StoryOptions(clip_seconds=6, **SMALL)))
        while not any(c.rendered > 0 for c in job.clips):
            assert not job.is_final, job.error
            await asyncio.sleep(0.05)
        await asyncio.to_thread(clusters[0].close)  # scheduler and workers gone
        while job.state is not JobState.INTERRUPTED:
            assert not job.is_final, job.error
            await asyncio.sleep(0.05)
        message = job.message
        orphans = processes_mentioning(str(out))
        clusters.append(await asyncio.to_thread(start_cluster, port))
        while not job.is_final:
            await asyncio.sleep(0.1)
        await engine.stop()
        return job, message, orphans

    try:
        job, message, orphans = run_async(go(), timeout=400)
    finally:
        for cluster in clusters:
            cluster.close()
    assert "was lost" in message or "cannot be reached" in message, message
    assert orphans == []  # the workers' ffmpeg went with them
    assert_exact(source, job)
    assert job.attempts == 2  # interrupted once, resumed by itself


def test_the_app_killed_mid_run_leaves_no_task_running_on_the_cluster(
    video, dask_cluster, tmp_path
) -> None:
    source = video("appkill.mp4", seconds=40, size="640x360")
    out = tmp_path / "appkill-out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    app = subprocess.Popen(
        [sys.executable, "-m", "storyclip_gui", "process", str(source), "--output-dir",
         str(out), "--clip-seconds", "10", "--size", "720x1280", "--quality", "low",
         "--scheduler", dask_cluster.scheduler_address],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(lambda: len(processes_mentioning(str(out))) >= 2, 120,
                 "two clips rendering on the workers")  # fmt: skip
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait()
    # the scheduler sees the client gone, forgets its tasks; each worker's task sees that
    # and stops its ffmpeg
    wait_for(lambda: not processes_mentioning(str(out)), 30, "the workers' ffmpeg to stop")
    from distributed import Client

    with Client(dask_cluster.scheduler_address, set_as_default=False) as client:
        wait_for(lambda: not client.processing() or not any(client.processing().values()),
                 30, "no task left on the cluster")  # fmt: skip
    # a run nobody wants removes its own half-written file
    wait_for(lambda: not any(p.name.endswith(".part") for p in Path(out).rglob("*")), 30,
             "the workers' half-written clips to go")  # fmt: skip


def test_storyclip_worker_joins_the_cluster_under_its_name(dask_cluster) -> None:
    from distributed import Client

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    worker = subprocess.Popen(
        [sys.executable, "-m", "storyclip_gui", "worker", dask_cluster.scheduler_address,
         "--name", "render-box-1", "--path-map", "/home/ana=/mnt/ana"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        with Client(dask_cluster.scheduler_address, set_as_default=False) as client:

            def joined() -> tuple[str, dict] | None:
                info = client.scheduler_info(n_workers=-1)["workers"]
                return next(((address, w) for address, w in info.items()
                             if w["name"] == "render-box-1"), None)  # fmt: skip

            address, info = wait_for(joined, 60, "the worker to join")
            assert info["nthreads"] == 1  # one clip at a time per worker process
            mapped = client.run(lambda: os.environ.get("STORYCLIP_PATH_MAP"),
                                workers=[address])  # fmt: skip
            assert list(mapped.values()) == ["/home/ana=/mnt/ana"]
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(30)


def test_storyclip_worker_refuses_a_malformed_path_map(capsys) -> None:
    from storyclip_gui.__main__ import main

    assert main(["worker", "tcp://127.0.0.1:1", "--path-map", "/only-one-side"]) == 2
    assert "STORYCLIP_PATH_MAP" in capsys.readouterr().err


def test_a_run_that_stalls_on_a_worker_is_stopped_as_stalled(run_async, dask_cluster,
                                                             tmp_path) -> None:  # fmt: skip
    from distributed import Client

    from storyclip_gui.cluster.executor import DaskClipExecutor
    from storyclip_gui.core.executor import ClipCallbacks, ClipRun
    from tests.conftest import FAKE_FFMPEG

    out = tmp_path / ".job.001.part"
    run = ClipRun("job", 1, [str(FAKE_FFMPEG), "-i", "in.mp4", str(out)], str(out), 5.0,
                  stall_timeout=1.0)  # fmt: skip
    executor = DaskClipExecutor(dask_cluster.scheduler_address)
    with Client(dask_cluster.scheduler_address, set_as_default=False) as client:
        client.run(os.environ.__setitem__, "FAKE_FFMPEG_MODE", "stall")
        try:
            result = run_async(executor.render(run, ClipCallbacks()), timeout=120)
            run_async(executor.close())
        finally:
            client.run(os.environ.pop, "FAKE_FFMPEG_MODE", None)
    assert result.outcome.stalled and not result.outcome.ok
    assert not processes_mentioning(str(tmp_path))
