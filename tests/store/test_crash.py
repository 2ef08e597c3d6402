"""The real crash: a headless engine in a subprocess is killed with -9 while three jobs render
with real ffmpeg; a second start (`storyclip resume`) must finish them exactly."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from storyclip_gui.core.probe import parse_ffmpeg_banner
from tests.helpers.procs import alive, query, wait_for

ROOT = Path(__file__).parents[2]
CLIP_SECONDS = 5
LONG_SECONDS = 25


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kill -9 and /proc")
def test_kill_9_then_resume_finishes_every_job_exactly(video, ffmpeg, tmp_path, isolated_env):
    short = video("crash-short.mp4", seconds=4, size="320x240")
    longs = [video(f"crash-long-{n}.mp4", seconds=LONG_SECONDS, size="320x240") for n in (1, 2, 3)]
    data, out = tmp_path / "crashdata", tmp_path / "crashout"
    db = data / "storyclip.db"
    base = [sys.executable, "-m", "storyclip_gui", "--data-dir", str(data), "--ffmpeg", ffmpeg]
    options = ["--clip-seconds", str(CLIP_SECONDS), "--quality", "low", "--size", "720x1280"]
    log = tmp_path / "first-run.log"
    with log.open("wb") as log_file:
        first = subprocess.Popen(
            [*base, "process", "--jobs", "3", "--output-dir", str(out), *options, "--json",
             str(short), *map(str, longs)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log_file,
        )  # fmt: skip
    pids: set[int] = set()
    snapshot: dict[str, object] = {}

    def ready() -> bool:
        assert first.poll() is None, log.read_text()
        if not db.exists():
            return False
        try:
            rows = query(db, "SELECT id, source, state, pid, clips_verified FROM job")
        except sqlite3.OperationalError:  # the schema is being created
            return False
        pids.update(r[3] for r in rows if r[3])
        by_source = {Path(r[1]).name: r for r in rows}
        if len(rows) < 4 or by_source[short.name][2] != "completed":
            return False
        running = [by_source[p.name] for p in longs]
        return all(r[2] == "processing" for r in running) and any(r[4] for r in running)

    wait_for(ready, 120, "three jobs rendering, one with a verified clip, the short one done")
    snapshot["done"] = query(db, "SELECT * FROM job WHERE state = 'completed'")
    snapshot["done_clips"] = query(db, "SELECT c.* FROM clip c JOIN job j ON j.id = c.job_id "
                                       "WHERE j.state = 'completed' ORDER BY c.id")  # fmt: skip
    first.kill()  # kill -9: no clean-up code runs
    first.wait()
    assert first.returncode == -9

    second = subprocess.run([*base, "resume", "--json"], cwd=ROOT, capture_output=True,
                            text=True, timeout=240)  # fmt: skip
    assert second.returncode == 0, second.stderr
    results = json.loads(second.stdout)
    assert sorted(Path(r["source"]).name for r in results) == sorted(p.name for p in longs)
    assert all(r["status"] == "completed" for r in results), results

    done_ids = [row[0] for row in snapshot["done"]]  # type: ignore[attr-defined]
    marks = ",".join("?" * len(done_ids))
    assert query(db, f"SELECT * FROM job WHERE id IN ({marks})", *done_ids) == snapshot["done"], \
        "every job completed before the kill is unchanged"  # fmt: skip
    assert query(db, f"SELECT * FROM clip WHERE job_id IN ({marks}) ORDER BY id",
                 *done_ids) == snapshot["done_clips"]  # fmt: skip
    jobs = query(db, "SELECT id, source, state, output_dir, attempts FROM job")
    assert len(jobs) == 4 and all(state == "completed" for _, _, state, _, _ in jobs)
    expected = [(i + 1, i * CLIP_SECONDS, (i + 1) * CLIP_SECONDS)
                for i in range(LONG_SECONDS // CLIP_SECONDS)]  # fmt: skip
    for job_id, source, _, output_dir, attempts in jobs:
        if Path(source).name == short.name:
            continue
        assert attempts == 2
        clips = query(db, "SELECT idx, start_s, end_s, path, state FROM clip WHERE job_id = ? "
                          "ORDER BY idx", job_id)  # fmt: skip
        assert [(i, s, e) for i, s, e, _, _ in clips] == expected
        assert all(state == "verified" for *_, state in clips)
        folder = Path(output_dir)
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            [Path(path).name for _, _, _, path, _ in clips] + ["manifest.json"]
        ), "exactly the planned clips: no temporary files, no second copies"
        for _, start, end, path, _ in clips:
            banner = subprocess.run([ffmpeg, "-hide_banner", "-i", path], capture_output=True,
                                    text=True).stderr  # fmt: skip
            info = parse_ffmpeg_banner(banner)
            assert info.display_size == (720, 1280) and info.has_audio, banner
            assert abs((info.duration or 0) - (end - start)) <= 1 / 30 + 0.011, banner
    temp_root = Path(os.environ["TEMP_DIR"])
    assert not [p for p in temp_root.rglob("*") if any(j[0] in str(p) for j in jobs)]
    assert pids and not [pid for pid in pids if alive(pid)], "no ffmpeg of the first run lives"
