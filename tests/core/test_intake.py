"""The intake's rules that the door table does not show: options merged once, re-run and retry
checks, a re-run's own empty folder reused, paths stored without '..'."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyclip_gui.core.events import EventBus
from storyclip_gui.core.intake import Intake, IntakeError, IntakeRequest, Problem, merge_options
from storyclip_gui.core.jobs import Job, JobState
from storyclip_gui.core.manager import JobManager
from storyclip_gui.core.memory_store import MemoryJobStore
from storyclip_gui.core.pipeline import PipelineHooks
from storyclip_gui.core.presets import PRESETS

DEFAULTS = {"quality": "low", "clip_seconds": 15}


async def never_runs(job: Job, hooks: PipelineHooks) -> None:
    raise AssertionError("the queue is paused")


@pytest.fixture
def intake(tmp_path: Path) -> Intake:
    manager = JobManager(store=MemoryJobStore(), bus=EventBus(), run_pipeline=never_runs,
                         output_root=tmp_path / "out")  # fmt: skip
    manager.pause()
    return Intake(manager, DEFAULTS)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "talk.mp4"
    path.write_bytes(b"x" * 100)
    return path


def test_options_are_defaults_then_the_presets_limits_then_what_was_chosen() -> None:
    assert merge_options(DEFAULTS, {}).clip_seconds == 15
    tiktok = merge_options(DEFAULTS, {"preset": "tiktok"})
    assert tiktok.clip_seconds == PRESETS["tiktok"].clip_seconds and tiktok.quality == "low"
    chosen = merge_options(DEFAULTS, {"preset": "tiktok", "clipSeconds": 20})
    assert chosen.clip_seconds == 20
    with pytest.raises(IntakeError) as refused:
        merge_options(DEFAULTS, {"clip_seconds": "long"})
    assert refused.value.problem is Problem.OPTIONS


def test_a_job_id_names_one_job(intake: Intake, source: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.mp4"
    other.write_bytes(b"x")
    with pytest.raises(IntakeError) as refused:
        intake.submit(IntakeRequest([str(source), str(other)], job_id="one"))
    assert refused.value.problem is Problem.JOB_ID
    intake.submit(IntakeRequest([str(source)], job_id="one"))
    with pytest.raises(IntakeError) as refused:
        intake.submit(IntakeRequest([str(source)], job_id="one"))
    assert refused.value.problem is Problem.DUPLICATE


def test_output_folders_are_stored_without_dots(intake: Intake, source: Path,
                                                tmp_path: Path) -> None:  # fmt: skip
    (tmp_path / "a").mkdir()
    [job] = intake.submit(IntakeRequest([str(source)], output_root=f"{tmp_path}/a/../b/.")).jobs
    assert job.output_root == str(tmp_path / "b")


def test_a_rerun_reuses_its_own_empty_folder_unless_a_live_job_writes_there(
    intake: Intake, source: Path, tmp_path: Path
) -> None:
    [old] = intake.submit(IntakeRequest([str(source)])).jobs
    intake.manager.cancel(old.id)
    folder = tmp_path / "out" / "talk"
    folder.mkdir(parents=True)  # what an older version (or a crash) left: empty
    old.output_dir = str(folder)
    first = intake.rerun(old.id)
    assert first.output_dir == str(folder) and first.parent_id == old.id
    second = intake.rerun(old.id)  # `first` will write there: this one gets its own
    assert second.output_dir is None
    (folder / "talk_01.mp4").write_bytes(b"x")
    intake.manager.cancel(first.id)
    assert intake.rerun(old.id).output_dir is None, "a folder with clips is never reused"


def test_rerun_and_retry_check_the_source_again(intake: Intake, source: Path) -> None:
    [job] = intake.submit(IntakeRequest([str(source)])).jobs
    with pytest.raises(IntakeError) as refused:
        intake.retry(job.id)
    assert refused.value.problem is Problem.NOT_RETRYABLE  # still queued
    intake.manager.cancel(job.id)
    source.unlink()
    for again in (intake.retry, intake.rerun):
        with pytest.raises(IntakeError, match=r"'talk\.mp4' does not exist") as refused:
            again(job.id)
        assert refused.value.problem is Problem.SOURCE
    assert job.state is JobState.CANCELLED
    with pytest.raises(IntakeError) as refused:
        intake.rerun("nosuchjob")
    assert refused.value.problem is Problem.UNKNOWN_JOB
