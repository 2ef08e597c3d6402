"""Fixtures for the store tests: a real SQLite file per test, and job builders."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError
from storyclip_gui.core.jobs import Clip, ClipState, Job, JobState
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.store import SqliteJobStore, open_store

_ids = itertools.count(1)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "storyclip.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[SqliteJobStore]:
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def make_job(tmp_path: Path) -> Callable[..., Job]:
    """make_job(state=..., clips=N, verified=K, created=..., source=..., error=code) → Job
    (not stored). Final jobs get started/finished times; verified clips get sizes."""

    def make(
        state: JobState = JobState.QUEUED,
        *,
        clips: int = 0,
        verified: int = 0,
        created: float | None = None,
        source: str | None = None,
        error: ErrorCode | None = None,
        took: float = 10.0,
        **fields: Any,
    ) -> Job:
        n = next(_ids)
        created = 1_700_000_000.0 + n if created is None else created
        job = Job(
            id=f"job{n:06d}",
            source=source or str(tmp_path / f"video {n}.mp4"),
            options=StoryOptions(clip_seconds=5, width=720, height=1280, quality="low"),
            output_root=str(tmp_path / "out"),
            created_at=created,
            updated_at=created,
        )
        job.state = state
        for i in range(1, clips + 1):
            done = i <= verified
            path = str(tmp_path / "out" / f"c{n}_{i}.mp4")
            job.clips.append(Clip(i, (i - 1) * 5.0, i * 5.0, path,
                                  ClipState.VERIFIED if done else ClipState.PLANNED,
                                  5.0 if done else None, 720 if done else None,
                                  1280 if done else None, 1000 + i if done else None))  # fmt: skip
        if state is not JobState.QUEUED:
            job.started_at = created + 1
            job.attempts = 1
        if job.is_final:
            job.finished_at = created + 1 + took
            job.updated_at = job.finished_at
        if error is not None:
            job.error = JobError(error, f"failed: {error.value}", "stderr tail")
        for key, value in fields.items():
            setattr(job, key, value)
        return job

    return make
