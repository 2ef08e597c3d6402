"""Bad and unusual inputs, all through one engine (2 jobs at a time) among good jobs."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storyclip_gui.app import build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.intake import expand
from storyclip_gui.core.jobs import ClipState, Job, JobState
from storyclip_gui.core.manager import JobSpec, SubmitError
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.probe import MediaInfo, parse_ffmpeg_banner
from tests.helpers.procs import ROOT, leftovers
from tests.reliability.inputs import BadInput, OddInput, bad_inputs, lavfi_video, odd_inputs

pytestmark = pytest.mark.media

OPTIONS = StoryOptions(clip_seconds=1, width=720, height=1280, quality="low")
SECONDS_TO_FAIL = 5.0  # a bad input ends within this long after it starts


@dataclass
class Run:
    root: Path
    bad: dict[str, tuple[BadInput, Path, Job]]
    odd: dict[str, tuple[OddInput, Path, Job]]
    controls: list[Job]
    vanished: tuple[Job, JobState]  # the job, and its state when its file was deleted
    wall_seconds: float


def _probe(ffmpeg: str, path: str) -> MediaInfo:
    err = subprocess.run([ffmpeg, "-hide_banner", "-i", path], capture_output=True, text=True)
    return parse_ffmpeg_banner(err.stderr)


@pytest.fixture(scope="module")
def run(media_ffmpeg: str, tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Run:
    """Generate every input, submit them all to one engine with good jobs among them, run the
    queue to the end once for the module."""
    import qasync

    root = tmp_path_factory.mktemp("badinput")
    good = lavfi_video(media_ffmpeg, root / "good.mp4", 2)
    faststart = lavfi_video(media_ffmpeg, root / "faststart.mp4", 2, "-movflags", "+faststart")
    sources: list[tuple[str, BadInput | OddInput | None, Path]] = []
    for kind in [*bad_inputs(media_ffmpeg, good, faststart), *odd_inputs(media_ffmpeg, good)]:
        folder = root / "in" / kind.name
        folder.mkdir(parents=True)
        sources.append((kind.name, kind, kind.make(folder)))
    # good jobs first, in the middle and last; one more good file deleted while it waits
    for n, at in enumerate((0, len(sources) // 2, len(sources))):
        copy = root / "in" / f"control_{n}.mp4"
        shutil.copy(good, copy)
        sources.insert(at, (f"control_{n}", None, copy))
    doomed = root / "in" / "vanishes.mp4"
    shutil.copy(good, doomed)
    sources.insert(10, ("vanishes", None, doomed))

    settings = load_settings(overrides={"output_dir": root / "out", "temp_dir": root / "tmp",
                                        "data_dir": root / "data", "concurrency": 2})  # fmt: skip
    engine = build_engine(settings)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)

    async def go() -> tuple[dict[str, Job], JobState]:
        jobs = {name: engine.manager.submit(JobSpec(str(path), OPTIONS))
                for name, _, path in sources}  # fmt: skip
        state_at_deletion = jobs["vanishes"].state
        doomed.unlink()  # the queue has not reached it: nothing ran yet
        await engine.manager.wait_until_idle()
        return jobs, state_at_deletion

    started = time.monotonic()
    try:
        jobs, state_at_deletion = loop.run_until_complete(asyncio.wait_for(go(), 300))
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    wall = time.monotonic() - started
    bad = {n: (k, p, jobs[n]) for n, k, p in sources if isinstance(k, BadInput)}
    odd = {n: (k, p, jobs[n]) for n, k, p in sources if isinstance(k, OddInput)}
    controls = [jobs[n] for n, _, _ in sources if n.startswith("control_")]
    return Run(root, bad, odd, controls, (jobs["vanishes"], state_at_deletion), wall)


def _final_files(job: Job) -> list[Path]:
    if not job.output_dir or not Path(job.output_dir).exists():
        return []
    return [p for p in Path(job.output_dir).iterdir() if not p.name.startswith(".")]


def _check_failed(job: Job, code: str, words: str) -> None:
    assert job.state is JobState.FAILED, (job.source, job.state, job.error)
    assert job.error is not None and job.error.code.value == code, (job.source, job.error)
    assert words in job.error.message, job.error.message
    assert len(job.error.message) < 300 and "Traceback" not in job.error.message
    assert job.started_at and job.finished_at
    assert job.finished_at - job.started_at < SECONDS_TO_FAIL, job.finished_at - job.started_at
    verified = {Path(c.path) for c in job.clips if c.state is ClipState.VERIFIED}
    # nothing under a final name except clips verified before the failure (complete ones),
    # with a manifest that says the job is incomplete; no clip: no folder
    files = set(_final_files(job))
    manifest = Path(job.output_dir or "") / "manifest.json"
    assert files == (verified | {manifest} if verified else set()), files
    if verified:
        assert json.loads(manifest.read_text())["complete"] is False
    else:
        assert job.output_dir is None


@pytest.mark.parametrize("name", [b.name for b in bad_inputs("ffmpeg", Path(), Path())])
def test_bad_input_fails_clearly_and_fast(run: Run, name: str) -> None:
    kind, _, job = run.bad[name]
    _check_failed(job, kind.code, kind.words)


def test_a_file_deleted_while_queued_fails_clearly(run: Run) -> None:
    job, state_at_deletion = run.vanished
    assert state_at_deletion is JobState.QUEUED
    _check_failed(job, "invalid_input", "does not exist")


def test_good_jobs_among_bad_ones_are_unaffected(run: Run, ffmpeg: str) -> None:
    assert len(run.controls) == 3
    for job in run.controls:
        assert job.state is JobState.COMPLETED, job.error
        assert [(c.start, c.end) for c in job.clips] == [(0, 1), (1, 2)]
        assert all(Path(c.path).is_file() for c in job.clips)
    out = run.root / "out"
    assert not leftovers(out) and not any((run.root / "tmp").rglob("*.part"))
    every_job = [j for _, _, j in [*run.bad.values(), *run.odd.values()]] + run.controls
    verified = {Path(c.path) for j in every_job for c in j.clips if c.state is ClipState.VERIFIED}
    assert {p for p in out.rglob("*.mp4")} == verified, "no file under a final name is unverified"
    # the whole run (45 jobs, 2 at a time) stays short: failures do not hold the queue
    assert run.wall_seconds < 120
    failed = [j for _, _, j in run.bad.values()] + [run.vanished[0]]
    slowest = max((j.finished_at or 0) - (j.started_at or 0) for j in failed)
    print(f"bad input: {len(failed)} failing kinds (+1 refused at submit), slowest failure "
          f"{slowest:.2f} s; {len(run.odd)} unusual sources completed; "
          f"{len(every_job) + 1} jobs in {run.wall_seconds:.1f} s")  # fmt: skip


@pytest.mark.parametrize("name", [o.name for o in odd_inputs("ffmpeg", Path())])
def test_unusual_source_gives_correct_clips(run: Run, ffmpeg: str, name: str) -> None:
    kind, source, job = run.odd[name]
    assert job.state is JobState.COMPLETED, (name, job.error)
    assert len(job.clips) == kind.clips, [(c.start, c.end) for c in job.clips]
    source_info = _probe(ffmpeg, str(source))
    tolerance = source_info.frame_duration + 0.011
    for clip in job.clips:
        assert clip.state is ClipState.VERIFIED
        path = Path(clip.path)
        assert path.parent == Path(job.output_dir or "") and "\n" not in path.name
        info = _probe(ffmpeg, clip.path)
        assert (info.width, info.height, info.rotation, info.sar) == (720, 1280, 0, 1), name
        assert info.video_codec == "h264" and info.pix_fmt == "yuv420p"
        assert abs((info.duration or 0) - (clip.end - clip.start)) <= tolerance, (name, info)
        assert info.has_audio == source_info.has_audio
    manifest = json.loads((Path(job.output_dir or "") / "manifest.json").read_text())
    assert [c["path"] for c in manifest["clips"]] == [Path(c.path).name for c in job.clips]


def test_vfr_clips_cover_their_planned_time(run: Run, ffmpeg: str) -> None:
    """The VFR source has 30 frames in its first second and 10 in its second: each clip must
    hold the frames of its own second, not a share of the frame count."""
    _, _, job = run.odd["vfr"]
    counts = []
    for clip in job.clips:
        out = subprocess.run([ffmpeg, "-nostdin", "-hide_banner", "-i", clip.path, "-map", "0:v",
                              "-f", "null", "-"], capture_output=True, text=True).stderr
        counts.append(int(out.rsplit("frame=", 1)[1].split()[0]))
    # the encoder may duplicate frames to a constant rate; what matters is clip 1 is not short
    assert counts[0] >= 29 and counts[1] >= 9, counts


def test_a_name_that_is_not_utf8_is_refused_with_a_reason(
    run_async: Callable[..., Any], tmp_path: Path, ffmpeg: str
) -> None:
    folder = tmp_path / "latin1"
    folder.mkdir()
    source = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9 \xff.mp4"))
    lavfi_video(ffmpeg, source, 1)
    engine = build_engine(load_settings())
    with pytest.raises(SubmitError, match=r"caf\\xe9 \\xff.mp4.*not valid UTF-8.*rename"):
        engine.manager.submit(JobSpec(str(source), OPTIONS))
    assert engine.manager.jobs() == []
    good = lavfi_video(ffmpeg, tmp_path / "fine.mp4", 1)

    async def go() -> Job:
        job = engine.manager.submit(JobSpec(str(good), OPTIONS))
        await engine.manager.wait_until_idle()
        return job

    assert run_async(go()).state is JobState.COMPLETED


@pytest.mark.skipif(not shutil.which("setpriv"), reason="needs setpriv to drop root's overrides")
def test_unreadable_and_undecodable_names_through_the_cli(tmp_path: Path, ffmpeg: str) -> None:
    """The tests run as root, who reads any file whatever its mode. The app is run here the way
    a normal user's is: without CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH (dropped from the
    bounding set, so its ffmpeg children cannot get them back either)."""
    locked = lavfi_video(ffmpeg, tmp_path / "locked.mp4", 1)
    locked.chmod(0)
    latin1 = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.mp4"))
    lavfi_video(ffmpeg, latin1, 1)
    good = lavfi_video(ffmpeg, tmp_path / "good.mp4", 1)
    out = tmp_path / "out"
    argv = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--",
            sys.executable, "-m", "storyclip_gui", "process", "--json", "--output-dir", str(out),
            "--clip-seconds", "1", "--size", "720x1280", "--quality", "low",
            str(locked), str(latin1), str(good)]  # fmt: skip
    probe = subprocess.run([*argv[:4], "cat", str(locked)], capture_output=True)
    if probe.returncode == 0:
        pytest.skip("setpriv could not take the read override away here")
    result = subprocess.run(argv, capture_output=True, cwd=ROOT, timeout=120,
                            stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 1, result.stderr
    by_name = {Path(r["source"]).name: r for r in json.loads(result.stdout)}
    assert by_name["locked.mp4"]["status"] == "failed"
    assert by_name["locked.mp4"]["error"]["code"] == "invalid_input"
    assert "permission denied" in by_name["locked.mp4"]["error"]["message"]
    assert by_name["caf\\xe9.mp4"]["status"] == "failed"
    assert "not valid UTF-8" in by_name["caf\\xe9.mp4"]["error"]["message"]
    assert by_name["good.mp4"]["status"] == "completed" and len(by_name["good.mp4"]["clips"]) == 1
    assert sorted(p.name for p in out.rglob("*.mp4")) == ["good_01.mp4"]


def test_a_folder_of_thousands_of_non_videos_is_searched_fast(tmp_path: Path) -> None:
    """10,000 files in 100 nested folders, symlink loops among them: expand stays fast,
    does not follow the loops, and finds exactly the videos there are."""
    drop = tmp_path / "drop"
    for d in range(100):
        folder = drop / f"d{d % 10}" / f"sub{d}"
        folder.mkdir(parents=True)
        for f in range(100):
            (folder / f"note{f}.txt").touch()
        (folder / "up").symlink_to(drop, target_is_directory=True)  # a loop back to the top
    (drop / "hidden").mkdir()
    (drop / "hidden" / ".secret.mp4").touch()
    (drop / ".cache").mkdir()
    (drop / ".cache" / "x.mp4").touch()
    started = time.monotonic()
    sources, problems = expand([str(drop)])
    empty_seconds = time.monotonic() - started
    assert sources == [] and len(problems) == 1 and "holds no videos" in problems[0].message
    for where in ("d3/sub13", "d7/sub57", "d7/sub97"):
        (drop / where / "Clip.MP4").write_bytes(b"x")  # an empty file would be refused
    started = time.monotonic()
    sources, problems = expand([str(drop)])
    found_seconds = time.monotonic() - started
    assert problems == []
    assert [str(Path(s).relative_to(drop)) for s in sources] == [
        "d3/sub13/Clip.MP4", "d7/sub57/Clip.MP4", "d7/sub97/Clip.MP4"]  # fmt: skip
    assert max(empty_seconds, found_seconds) < 2.0, (empty_seconds, found_seconds)
    print(f"expand over 10,000 files: {empty_seconds:.3f} s, {found_seconds:.3f} s")
