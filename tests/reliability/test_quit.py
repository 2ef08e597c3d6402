"""Quitting with jobs running: SIGTERM/SIGINT to the headless engine (`storyclip resume`)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyclip_gui.core.jobs import Job
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.store import open_store
from tests.helpers.procs import ROOT, alive, processes_mentioning, query, wait_for

OPTIONS = StoryOptions(clip_seconds=2, width=720, height=1280, quality="low")
PLANNED = [(1, 0.0, 2.0), (2, 2.0, 4.0), (3, 4.0, 6.0), (4, 6.0, 8.0)]


def children_of(pid: int) -> set[int]:
    """Every live descendant of `pid` (the app's ffmpeg processes, through the shim)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(") ", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return {p for p in found if alive(p)}


@pytest.mark.parametrize("signum", [
    pytest.param(signal.SIGTERM, id="SIGTERM"),
    pytest.param(signal.SIGINT, id="SIGINT", marks=pytest.mark.slow),  # same path, other signal
])  # fmt: skip
def test_quit_interrupts_running_jobs_and_they_resume(video, tmp_path, signum):
    sources = [video(f"quit-{n}.mp4", seconds=8) for n in (1, 2, 3)]
    data, out = tmp_path / "data", tmp_path / "out"
    db = data / "storyclip.db"
    store = open_store(db, identity="queued-by-the-test")  # an owner that is not alive
    for n, source in enumerate(sources):
        store.add(Job(id=f"quit{n}", source=str(source), options=OPTIONS, output_root=str(out)))
    store.close()
    env = {**os.environ, "STORYCLIP_DATA_DIR": str(data), "STORYCLIP_CONCURRENCY": "3"}
    app = subprocess.Popen([sys.executable, "-m", "storyclip_gui", "resume", "--json"], cwd=ROOT,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, text=True)  # fmt: skip

    def rendering() -> bool:
        assert app.poll() is None, app.communicate()
        states = [s for (s,) in query(db, "SELECT state FROM job")]
        return states == ["processing"] * 3 and len(list(out.rglob(".*.part"))) >= 3

    wait_for(rendering, 60, "three jobs with ffmpeg writing")
    children = children_of(app.pid)
    assert len(children) >= 3, children
    sent = time.monotonic()
    app.send_signal(signum)
    stdout, stderr = app.communicate(timeout=30)
    took = time.monotonic() - sent
    print(f"{signum.name}: exited {took:.2f} s after the signal, {len(children)} children")
    assert app.returncode == 130, stderr
    assert took < 5, took
    assert not [p for p in children if alive(p)], "no ffmpeg outlives the app"
    assert not processes_mentioning(str(out))
    assert [r["status"] for r in json.loads(stdout)] == ["interrupted"] * 3
    assert query(db, "SELECT id, state FROM job ORDER BY id") == [
        (f"quit{n}", "interrupted") for n in range(3)]  # fmt: skip
    assert not list(out.rglob(".*")), "no temporary files after a clean quit"

    again = subprocess.run([sys.executable, "-m", "storyclip_gui", "resume", "--json"], cwd=ROOT,
                           env=env, capture_output=True, text=True, timeout=180,
                           stdin=subprocess.DEVNULL)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert [r["status"] for r in json.loads(again.stdout)] == ["completed"] * 3
    for job_id, output_dir, attempts in query(db, "SELECT id, output_dir, attempts FROM job"):
        assert attempts == 2
        clips = query(db, "SELECT idx, start_s, end_s, path FROM clip WHERE job_id = ? AND "
                          "state = 'verified' ORDER BY idx", job_id)  # fmt: skip
        assert [c[:3] for c in clips] == PLANNED
        assert sorted(p.name for p in Path(output_dir).iterdir()) == sorted(
            [Path(c[3]).name for c in clips] + ["manifest.json"])  # fmt: skip
