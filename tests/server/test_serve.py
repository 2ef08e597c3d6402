"""`storyclip serve` as a real process: URL and token printed, SIGTERM stops it cleanly."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import FAKE_FFMPEG
from tests.helpers.procs import wait_for
from tests.server.conftest import TOKEN


def _start(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[str], list[str]]:
    argv = [sys.executable, "-m", "storyclip_gui", "serve", *args]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)  # fmt: skip
    assert proc.stdout is not None
    lines = [proc.stdout.readline(), proc.stdout.readline()]
    return proc, lines


def _call(url: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@pytest.mark.slow
def test_serve_prints_url_and_stops_jobs_as_interrupted_on_sigterm(video, ffmpeg) -> None:
    source = video("serve.mp4", seconds=2, size="160x120")
    env = {**os.environ, "STORYCLIP_TOKEN": TOKEN, "STORYCLIP_FFMPEG": str(FAKE_FFMPEG),
           "FAKE_FFMPEG_MODE": "slow", "FAKE_FFMPEG_REAL": ffmpeg}  # fmt: skip
    proc, lines = _start(["--port", "0"], env)
    with proc:
        try:
            match = re.fullmatch(r"Listening on (http://127\.0\.0\.1:(\d+))\n", lines[0])
            assert match, (lines, proc.stderr.read() if proc.poll() is not None else "")
            assert "$STORYCLIP_TOKEN" in lines[1]
            url = match.group(1)
            accepted = _call(f"{url}/api/v1/process/story",
                             {"jobId": "long", "tempPath": str(source)})  # fmt: skip
            assert accepted["status"] == "queued"
            wait_for(lambda: _call(accepted["statusUrl"])["phase"] == "generating", 20,
                     "the job to be generating")  # fmt: skip
            proc.send_signal(signal.SIGTERM)
            _out, err = proc.communicate(timeout=20)
            assert proc.returncode == 0, err
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    from storyclip_gui.config import load_settings
    from storyclip_gui.store import open_store

    store = open_store(load_settings().data_dir / "storyclip.db")
    try:
        job = store.get("long")
        assert job is not None and job.state.value == "interrupted"
    finally:
        store.close()


def test_serve_says_clearly_when_the_port_is_taken(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "storyclip_gui", "serve", "--port", str(port)],
            capture_output=True, text=True, timeout=30, env=os.environ.copy(),
        )  # fmt: skip
    assert result.returncode == 1
    assert f"Port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_serve_watch_turns_new_videos_into_jobs_once_across_restarts(video, tmp_path) -> None:
    import shutil

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    env = {**os.environ, "STORYCLIP_TOKEN": TOKEN}

    def jobs(url: str) -> list[dict]:
        return _call(f"{url}/api/v1/jobs")["jobs"]

    for run in range(2):
        proc, lines = _start(["--port", "0", "--watch", str(inbox), "--output-dir",
                              str(tmp_path / "out")], env)  # fmt: skip
        with proc:
            try:
                url = re.fullmatch(r"Listening on (http://\S+)\n", lines[0]).group(1)  # type: ignore[union-attr]
                name = "dropped.mp4" if run == 0 else "second.mp4"
                shutil.copy(video(name, seconds=2, size="160x120"), inbox / name)
                wait_for(lambda u=url, n=name: [j["status"] for j in jobs(u)
                                                if j["source"].endswith(n)] == ["completed"],
                         60, f"{name} done")  # fmt: skip
                # by the time the new file settled and ran, the watcher had long seen the old
                # one again: remembered across the restart, it was not queued a second time
                assert sum(j["source"].endswith("dropped.mp4") for j in jobs(url)) == 1
                proc.send_signal(signal.SIGTERM)
                proc.communicate(timeout=20)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.communicate()
    assert len(list((tmp_path / "out").glob("dropped*"))) == 1
    assert len(list((tmp_path / "out").glob("second*"))) == 1
