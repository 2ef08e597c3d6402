"""`storyclip history` (list, --json, --stats, filters), `history export` and `history rerun`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from storyclip_gui.__main__ import main
from storyclip_gui.cli import history_view
from storyclip_gui.config import load_settings
from storyclip_gui.core import history_export
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError
from storyclip_gui.core.jobs import Clip, ClipState, Job, JobState, new_job_id
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.store import open_store

ROOT = Path(__file__).parents[1]


@pytest.fixture
def history(isolated_env):
    """Five stored jobs: three completed talks, a failed one, a queued one (newest last)."""
    settings = load_settings()
    store = open_store(settings.data_dir / "storyclip.db")
    jobs = []
    for n, (name, state) in enumerate([("talk a.mp4", JobState.COMPLETED),
                                       ("talk b.mp4", JobState.COMPLETED),
                                       ("Broken.mp4", JobState.FAILED),
                                       ("talk c.mp4", JobState.COMPLETED),
                                       ("later.mp4", JobState.QUEUED)]):  # fmt: skip
        created = 1_700_000_000.0 + n * 86400
        job = Job(id=f"hist{n}", source=f"/videos/{name}", output_root="/out",
                  options=StoryOptions(clip_seconds=5), created_at=created, updated_at=created)
        job.state = state
        if state is not JobState.QUEUED:
            job.started_at, job.finished_at = created + 1, created + 11
            job.clips = [Clip(1, 0, 5, f"/out/{n}/a_01.mp4", ClipState.VERIFIED, 5.0, 1080,
                              1920, 1000)]  # fmt: skip
        if state is JobState.FAILED:
            job.error = JobError(ErrorCode.INVALID_INPUT, "Broken.mp4: damaged")
        store.add(job)
        jobs.append(job)
    store.close()
    return jobs


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lines_filtered_by_status_and_search(history, capsys):
    code, out, _ = run(capsys, "history", "--status", "completed", "--search", "TALK", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["jobId"] for r in rows] == ["hist3", "hist1", "hist0"]
    assert rows[0]["clips"][0]["state"] == "verified"


def test_since_limit_and_the_table(history, capsys):
    code, out, _ = run(capsys, "history", "--since", "2023-11-16", "--limit", "2", "--json")
    assert [json.loads(line)["jobId"] for line in out.splitlines()] == ["hist4", "hist3"]
    code, out, _ = run(capsys, "history", "--status", "failed,cancelled")
    assert code == 0 and "Broken.mp4" in out and "damaged" in out and "talk" not in out


def test_bad_filters_are_usage_errors(history, capsys):
    code, _, err = run(capsys, "history", "--status", "done")
    assert code == 2 and "Unknown status 'done'" in err
    code, _, err = run(capsys, "history", "--since", "last tuesday")
    assert code == 2 and "is not a date" in err


def test_stats_as_json(history, capsys):
    code, out, _ = run(capsys, "history", "--stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["counts"] == {"completed": 3, "failed": 1, "queued": 1}
    assert stats["clipsGenerated"] == 4 and stats["meanProcessingSeconds"] == 10.0
    assert stats["failuresByCode"] == {"invalid_input": 1}


def test_export_csv_and_json(history, capsys, tmp_path):
    target = tmp_path / "not yet" / "there" / "history.csv"  # a missing folder is created
    code, _, err = run(capsys, "history", "export", "--format", "csv", "--output", str(target))
    assert code == 0 and "Exported 5 jobs" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert [r["jobId"] for r in rows] == ["hist4", "hist3", "hist2", "hist1", "hist0"]
    assert rows[2]["errorCode"] == "invalid_input" and rows[2]["status"] == "failed"
    code, out, _ = run(capsys, "history", "export", "--format", "json")
    records = json.loads(out)
    assert list(records[0]) == list(rows[0]) == list(history_export.COLUMNS)
    assert [r["createdAt"] for r in records] == [r["createdAt"] for r in rows]  # ISO 8601
    code, out, _ = run(capsys, "history", "export", "--format", "json", "--status", "completed")
    assert [j["jobId"] for j in json.loads(out)] == ["hist3", "hist1", "hist0"]


def test_piped_output_is_never_cut_at_80_columns(history, capsys):
    settings = load_settings()
    store = open_store(settings.data_dir / "storyclip.db")
    long = Job(id="a-rather-long-job-id-0123456789", source="/videos/" + "very long name " * 8,
               output_root="/out", options=StoryOptions(clip_seconds=5))  # fmt: skip
    long.state = JobState.FAILED
    long.error = JobError(ErrorCode.INVALID_INPUT, "The file is damaged: " + "detail " * 20)
    store.add(long)
    store.close()
    code, out, _ = run(capsys, "history", "--status", "failed")
    assert code == 0
    line = next(line for line in out.splitlines() if long.id in line)
    assert long.error.message in line and "very long name " * 8 in line


def test_a_narrow_terminal_cuts_other_columns_but_never_the_job_id(history):
    for job in history:
        job.id = new_job_id()  # 16 characters, as the engine makes them
        job.source = "/videos/" + "a long file name " * 4 + ".mp4"
    terminal = Console(file=io.StringIO(), width=80, force_terminal=True)
    history_view.print_history(terminal, history, more=False)
    shown = terminal.file.getvalue()
    assert all(job.id in shown for job in history), shown


def test_rerun_takes_a_unique_prefix_and_names_the_candidates(history, capsys):
    code, _, err = run(capsys, "history", "rerun", "hist")
    assert code == 2
    assert "several job ids: hist0, hist1, hist2, hist3, hist4. Type more" in err
    code, _, err = run(capsys, "history", "rerun", "nojob")
    assert code == 2 and "No job with id 'nojob' (or starting with it)" in err


def test_a_damaged_history_is_a_clear_error(isolated_env, capsys):
    settings = load_settings()
    settings.data_dir.mkdir(parents=True)
    (settings.data_dir / "storyclip.db").write_bytes(b"not sqlite" * 500)
    code, _, err = run(capsys, "history")
    assert code == 1 and "damaged" in err


@pytest.mark.slow
def test_rerun_makes_a_new_linked_job_with_changed_options(video, isolated_env):
    source = video("rerun.mp4", seconds=4)
    settings = load_settings()
    store = open_store(settings.data_dir / "storyclip.db")
    old = Job(id="oldjob", source=str(source), output_root=str(settings.output_dir),
              options=StoryOptions(clip_seconds=2, width=720, height=1280, quality="low"))
    old.state = JobState.FAILED
    old.error = JobError(ErrorCode.STALLED, "stalled")
    store.add(old)
    store.close()
    result = subprocess.run(
        [sys.executable, "-m", "storyclip_gui", "history", "rerun", "oldj",  # a prefix
         "--clip-seconds", "4", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    [new] = json.loads(result.stdout)
    assert new["status"] == "completed" and new["jobId"] != "oldjob"
    assert len(new["clips"]) == 1
    store = open_store(settings.data_dir / "storyclip.db")
    stored = store.get(new["jobId"])
    assert stored.parent_id == "oldjob" and stored.options.clip_seconds == 4
    assert stored.options.quality.value == "low"
    assert store.get("oldjob").state is JobState.FAILED, "the old job is left as it was"
    store.close()
    missing = subprocess.run([sys.executable, "-m", "storyclip_gui", "history", "rerun", "nope"],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert missing.returncode == 2 and "No job with id 'nope'" in missing.stderr
