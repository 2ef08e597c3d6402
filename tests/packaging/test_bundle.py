"""Build the PyInstaller bundle and run it without Python: doctor, process, serve and the window.

Slow and opt-in: STORYCLIP_BUILD_BUNDLE=1 python -m pytest tests/packaging/test_bundle.py
(needs `pip install pyinstaller`; CI does not build). STORYCLIP_BUNDLE_DIR=dist/storyclip
tests an existing bundle instead of building one.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.helpers.procs import alive, wait_for

ROOT = Path(__file__).parents[2]

WANTED = os.environ.get("STORYCLIP_BUILD_BUNDLE") == "1" or "STORYCLIP_BUNDLE_DIR" in os.environ
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not WANTED,
        reason="set STORYCLIP_BUILD_BUNDLE=1 to build and smoke-run the bundle (minutes)",
    ),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("STORYCLIP_BUNDLE_DIR")
    if given:
        return Path(given).absolute()
    pytest.importorskip("PyInstaller", reason="pip install pyinstaller")
    dist = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "STORYCLIP_BUILD_WORK": str(tmp_path_factory.mktemp("work"))}
    result = subprocess.run(["sh", str(ROOT / "packaging" / "build.sh"), str(dist)], env=env,
                            capture_output=True, text=True, timeout=1800)  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return dist / "storyclip"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """No Python, no virtualenv, no ffmpeg on PATH: only what a fresh desktop session has."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "STORYCLIP_DATA_DIR": str(tmp_path / "data"),
        "OUTPUT_DIR": str(tmp_path / "out"),
        "TEMP_DIR": str(tmp_path / "tmp"),
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


def test_the_bundle_holds_ffmpeg_qt_plugins_and_translations(bundle: Path) -> None:
    internal = bundle / "_internal"
    [ffmpeg] = (internal / "imageio_ffmpeg" / "binaries").glob("ffmpeg-*")
    assert os.access(ffmpeg, os.X_OK)
    plugins = internal / "PySide6" / "Qt" / "plugins" / "platforms"
    assert (plugins / "libqoffscreen.so").is_file() and (plugins / "libqxcb.so").is_file()
    assert (internal / "resources" / "translations" / "storyclip_es.qm").is_file()
    assert (internal / "storyclip_gui" / "server" / "static" / "dashboard.html").is_file()
    assert (bundle / "share" / "applications" / "org.storyclip.StoryClipStudio.desktop").is_file()


def test_doctor_from_the_bundle_finds_the_bundled_ffmpeg(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(bundle / "storyclip"), "doctor"], env=_env(tmp_path),
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{bundle}/_internal/imageio_ffmpeg/binaries/ffmpeg-" in result.stdout
    assert "✓ libx264" in result.stdout and "Everything the engine needs is here." in result.stdout


def test_process_from_the_bundle_cuts_a_video(bundle: Path, tmp_path: Path, video) -> None:
    source = video("bundle.mp4", seconds=3, size="320x240")
    argv = [str(bundle / "storyclip"), "process", str(source), "--clip-seconds", "1",
            "--size", "720x1280", "--quality", "low", "--json"]  # fmt: skip
    result = subprocess.run(argv, env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    [job] = json.loads(result.stdout)
    assert job["status"] == "completed" and len(job["clips"]) == 3
    assert all(Path(clip["path"]).is_file() for clip in job["clips"])


def test_serve_from_the_bundle_listens_and_stops_on_sigterm(bundle: Path, tmp_path: Path) -> None:
    env = _env(tmp_path, STORYCLIP_TOKEN="Zp3u1Cq5m1bH2Vw0Xr7-T4s9_kLfYjN8aQeGdRcUvBo")
    proc = subprocess.Popen([str(bundle / "storyclip"), "serve", "--port", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    with proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.fullmatch(r"Listening on (http://127\.0\.0\.1:\d+)\n", line)
        assert match, (line, proc.stderr.read() if proc.poll() is not None else "")
        with urllib.request.urlopen(f"{match.group(1)}/api/health", timeout=10) as response:
            assert json.loads(response.read())["status"] == "ok"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0


def test_the_window_from_the_bundle_processes_the_file_it_was_opened_with(
    bundle: Path, tmp_path: Path, video
) -> None:
    """What the .desktop entry does (`storyclip gui %F`), offscreen."""
    source = video("opened.mp4", seconds=2, size="320x240")
    proc = subprocess.Popen([str(bundle / "storyclip"), "gui", str(source)], env=_env(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    manifest = tmp_path / "out" / "opened" / "manifest.json"
    try:
        wait_for(lambda: manifest.is_file() or proc.poll() is not None, 120, "the clips")
        assert proc.poll() is None, proc.communicate()
        assert json.loads(manifest.read_text())["clips"]
    finally:
        proc.kill()
        proc.communicate(timeout=30)


def _children_named(parent: int, name: str) -> list[int]:
    """Pids of live processes whose parent is `parent` and whose name contains `name`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        comm, fields = text[text.index("(") + 1 : text.rindex(")")], text[text.rindex(")") + 2 :]
        state, ppid = fields.split()[:2]
        if name in comm and int(ppid) == parent and state != "Z":
            found.append(int(stat.parent.name))
    return found


def test_kill_9_of_the_bundle_takes_its_ffmpeg_with_it(bundle: Path, tmp_path: Path, video) -> None:
    """The frozen app has no `python -c`: it re-enters itself to set the parent-death signal."""
    source = video("long-bundle.mp4", seconds=30, size="640x360")
    env = _env(tmp_path, STORYCLIP_TOKEN="Zp3u1Cq5m1bH2Vw0Xr7-T4s9_kLfYjN8aQeGdRcUvBo")
    proc = subprocess.Popen([str(bundle / "storyclip"), "serve", "--port", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    with proc:
        assert proc.stdout is not None
        url = re.fullmatch(r"Listening on (\S+)\n", proc.stdout.readline()).group(1)  # type: ignore[union-attr]
        request = urllib.request.Request(
            f"{url}/api/v1/process/story",
            data=json.dumps({"tempPath": str(source), "options": {"quality": "high"}}).encode(),
            headers={"Authorization": "Bearer Zp3u1Cq5m1bH2Vw0Xr7-T4s9_kLfYjN8aQeGdRcUvBo"},
        )
        urllib.request.urlopen(request, timeout=10).close()
        children: list[int] = []
        wait_for(lambda: children.extend(_children_named(proc.pid, "ffmpeg")) or children, 60,
                 "ffmpeg started by the bundle")  # fmt: skip
        proc.kill()
        proc.wait(timeout=10)
    assert children
    wait_for(lambda: not any(alive(pid) for pid in children), 10, "ffmpeg to die with the bundle")
