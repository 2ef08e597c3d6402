"""`storyclip process` and `storyclip doctor` as a user runs them: a real subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.media

CLI = [sys.executable, "-m", "storyclip_gui"]


def storyclip(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)  # fmt: skip


def test_json_has_one_object_per_input_and_exit_status_1_on_any_failure(video, tmp_path):
    good = video("good.mp4", seconds=3)
    notes = tmp_path / "notes.mp4"
    notes.write_text("not a video")
    empty_folder = tmp_path / "nothing here"
    empty_folder.mkdir()
    out = tmp_path / "out"
    result = storyclip("process", str(good), str(notes), str(empty_folder), "--json",
                       "--clip-seconds", "1.5", "--size", "720x1280", "--quality", "low",
                       "--output-dir", str(out))  # fmt: skip
    assert result.returncode == 1, result.stderr
    results = json.loads(result.stdout)  # stdout is exactly one JSON document
    assert [r["status"] for r in results] == ["completed", "failed", "failed"]
    ok, bad, folder = results
    assert ok["error"] is None and Path(ok["outputDir"]).parent == out
    assert ok["encoder"] == "libx264" and bad["encoder"] is None  # no GPU here: auto → x264
    assert [(c["start"], c["end"]) for c in ok["clips"]] == [(0, 1.5), (1.5, 3)]
    for clip in ok["clips"]:
        assert Path(clip["path"]).is_file() and (clip["width"], clip["height"]) == (720, 1280)
        assert abs(clip["duration"] - (clip["end"] - clip["start"])) < 0.05
        assert clip["size"] == Path(clip["path"]).stat().st_size
    assert bad["error"]["code"] == "invalid_input" and "notes.mp4" in bad["error"]["message"]
    assert folder["jobId"] is None and folder["source"] == str(empty_folder)
    assert folder["error"]["message"] == f"'{empty_folder}' holds no videos."


def test_an_encoder_asked_for_that_does_not_work_here_falls_back_to_x264(video, tmp_path):
    """No GPU here: --encoder nvenc meets the build's real failure and the job still ends."""
    good = video("good.mp4", seconds=3)
    result = storyclip("process", str(good), "--json", "--encoder", "nvenc", "--size",
                       "720x1280", "--quality", "low", "--output-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    [job] = json.loads(result.stdout)
    assert job["status"] == "completed" and job["encoder"] == "libx264"
    manifest = json.loads((Path(job["outputDir"]) / "manifest.json").read_text())
    assert manifest["options"]["encoder"] == "nvenc"
    [note] = manifest["encoderNotes"]
    assert note.startswith("h264_nvenc does not work here (") and note.endswith("libx264")


def test_all_good_exits_0_with_a_summary(video, tmp_path):
    result = storyclip("process", str(video("good.mp4", seconds=3)), "--clip-seconds", "5",
                       "--size", "720x1280", "--quality", "low")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "completed" in result.stdout
    assert Path(os.environ["OUTPUT_DIR"], "good", "good_01.mp4").is_file()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "give videos or folders"),
        (("x.mp4", "--clip-seconds", "0"), "Clip length must be between"),
        (("x.mp4", "--size", "1x1"), "not supported"),
        (("x.mp4", "--preset", "vine"), "Unknown preset"),
        (("x.mp4", "--jobs", "0"), "--jobs must be at least 1"),
    ],
)
def test_usage_errors_exit_2(args, words):
    result = storyclip("process", *args)
    assert result.returncode == 2
    assert words in " ".join(result.stderr.split())


def test_doctor_reports_the_toolchain_and_folders():
    result = storyclip("doctor")
    assert result.returncode == 0, result.stdout + result.stderr
    for words in ("ffmpeg version", "libx264", "usable", "hardware H.264", "output folder",
                  "h264_nvenc", "listed, fails: ", "not in this build"):
        assert words in result.stdout
    assert os.environ["OUTPUT_DIR"] in result.stdout


def test_doctor_fails_without_ffmpeg(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYCLIP_FFMPEG", str(tmp_path / "no-such-ffmpeg"))
    result = storyclip("doctor")
    assert result.returncode == 1 and "does not exist" in result.stdout
    result = storyclip("process", "x.mp4")
    assert result.returncode == 1 and "does not exist" in result.stderr


@pytest.mark.slow
def test_ctrl_c_interrupts_and_resume_finishes_the_run(video, tmp_path):
    """Ctrl-C as a terminal sends it, to the whole foreground process group: the running job
    becomes interrupted (its verified clips kept), the others stay queued, nothing is blamed
    on the sources, and `storyclip resume` finishes the run (docs/cli.md)."""
    sources = [str(video(f"long{i}.mp4", seconds=12, size="640x360")) for i in range(3)]
    out = tmp_path / "out"
    proc = subprocess.Popen([*CLI, "process", *sources, "--output-dir", str(out), "--json",
                             "--jobs", "1", "--clip-seconds", "4", "--quality", "high"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # its own group, as a shell gives it
    deadline = time.monotonic() + 60
    while not any(out.rglob(".*.part")) and time.monotonic() < deadline:
        time.sleep(0.05)  # polling the file system of another process: nothing to wait on
    assert any(out.rglob(".*.part")), "ffmpeg never started writing"
    os.killpg(proc.pid, signal.SIGINT)  # the terminal's Ctrl-C
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    results = json.loads(stdout)
    assert [r["status"] for r in results] == ["interrupted", "queued", "queued"], results
    assert not list(out.rglob(".*.part"))
    assert not [line for line in subprocess.run(["ps", "-eo", "args"], capture_output=True,
                text=True).stdout.splitlines() if str(out) in line]  # fmt: skip
    resumed = storyclip("resume", "--json")
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(r["status"] for r in json.loads(resumed.stdout)) == ["completed"] * 3


def test_demo_runs_without_any_video(tmp_path):
    result = storyclip("process", "--demo", "--json", "--size", "720x1280", "--quality", "low",
                       "--clip-seconds", "10")  # fmt: skip
    assert result.returncode == 0, result.stderr
    [demo] = json.loads(result.stdout)
    assert demo["status"] == "completed" and len(demo["clips"]) == 2


def test_the_window_without_a_display_says_what_to_do_instead(monkeypatch):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    result = storyclip()
    assert result.returncode == 2
    assert "no display" in result.stderr and "storyclip process" in result.stderr


def test_an_ffmpeg_that_fails_the_self_test_is_replaced_and_the_user_told_once(video, tmp_path):
    from storyclip_gui.core.ffmpeg.locate import bundled_toolchain
    from tests.helpers.builds import sloppy_build

    bundled = bundled_toolchain()
    assert bundled
    sloppy = sloppy_build(tmp_path, bundled.ffmpeg)
    sources = [str(video("a.mp4", seconds=3)), str(video("b.mp4", seconds=2))]
    result = storyclip("--ffmpeg", sloppy.ffmpeg, "process", *sources, "--json",
                       "--clip-seconds", "1", "--size", "720x1280", "--quality", "low")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("failed the self-test") == 1, result.stderr
    assert "came out 5 frames too long" in " ".join(result.stderr.split())
    for job in json.loads(result.stdout):
        assert job["status"] == "completed"
