"""When the queue is done, as a user runs `storyclip process`: a real command reads a real
queue's results on stdin; a shutdown countdown is printed and Ctrl+C cancels it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_process_cli import CLI

HOOK = """import json, pathlib, sys
data = sys.stdin.read()
json.loads(data)  # valid JSON, or the hook fails
pathlib.Path(sys.argv[1]).write_text(data)
print("hook: got", len(json.loads(data)["jobs"]), "jobs")
"""


@pytest.mark.media
@pytest.mark.slow
def test_the_command_reads_the_real_queues_results_with_its_clips(video, tmp_path):
    hook = tmp_path / "hook script.py"  # a space: argv is split like a shell, quotes kept
    hook.write_text(HOOK)
    received = tmp_path / "received.json"
    sources = [video("one.mp4", seconds=3), video("two.mp4", seconds=2)]
    env = {**os.environ, "STORYCLIP_WHEN_DONE": "command",
           "STORYCLIP_WHEN_DONE_COMMAND": f"'{sys.executable}' '{hook}' '{received}'"}
    result = subprocess.run([*CLI, "process", *map(str, sources), "--clip-seconds", "1.5",
                             "--size", "720x1280", "--quality", "low", "--json"],
                            capture_output=True, text=True, timeout=300, env=env,
                            stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "ran when the queue was done (exit status 0)" in result.stderr
    document = json.loads(received.read_text())
    assert document["event"] == "queueFinished" and document["counts"] == {"completed": 2}
    by_source = {Path(job["source"]).name: job for job in document["jobs"]}
    assert sorted(by_source) == ["one.mp4", "two.mp4"]
    printed = {r["jobId"]: r for r in json.loads(result.stdout)}
    for name, clips in (("one.mp4", 2), ("two.mp4", 1)):
        job = by_source[name]
        assert job["status"] == "completed" and job["error"] is None
        assert job["jobId"] in printed  # the same jobs the run printed
        assert len(job["clips"]) == clips
        for clip in job["clips"]:
            assert Path(clip["path"]).is_file() and clip["state"] == "verified"
            assert clip["size"] == Path(clip["path"]).stat().st_size
            assert abs(clip["duration"] - (clip["end"] - clip["start"])) < 0.1
    log = Path(os.environ["STORYCLIP_DATA_DIR"], "when-done.log").read_text()
    assert "hook: got 2 jobs" in log


@pytest.mark.skipif(sys.platform != "linux", reason="a stand-in systemctl on PATH")
def test_ctrl_c_cancels_the_shutdown_countdown(tmp_path):
    """A queue of one job that fails at once (its file is no video) is done; the countdown is
    printed; Ctrl+C cancels it. A stand-in `systemctl` first on PATH records any call, so
    even a broken cancel cannot power this machine off."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "systemctl-calls"
    fake = bin_dir / "systemctl"
    fake.write_text(f"#!/bin/sh\necho \"$@\" >> '{calls}'\n")
    fake.chmod(0o755)
    gone = tmp_path / "notes.mp4"
    gone.write_text("not a video")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "STORYCLIP_WHEN_DONE": "shutdown", "STORYCLIP_WHEN_DONE_COUNTDOWN": "3600"}
    proc = subprocess.Popen([*CLI, "process", str(gone), "--json"], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    try:
        lines: list[str] = []
        assert proc.stderr is not None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            lines.append(line)
            if "press Ctrl+C to cancel" in line or not line:
                break
        assert "Shutting down in 3600 s: press Ctrl+C to cancel" in lines[-1], lines
        os.killpg(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert "Cancelled with Ctrl+C: the computer stays on." in stderr, stderr
    assert proc.returncode == 1  # the job failed; the run ended normally, not interrupted
    assert [r["status"] for r in json.loads(stdout)] == ["failed"]
    assert not calls.exists()
