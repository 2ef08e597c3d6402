"""The job: its states and legal transitions, its clips, and its JSON-ready view."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from storyclip_gui.core.ffmpeg.errors import JobError
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.probe import MediaInfo


class JobState(StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"


FINAL_STATES = frozenset({JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED})

TRANSITIONS: dict[JobState, frozenset[JobState]] = {
    JobState.QUEUED: frozenset({JobState.PROCESSING, JobState.CANCELLED, JobState.INTERRUPTED}),
    JobState.PROCESSING: frozenset(
        {JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED, JobState.INTERRUPTED}
    ),
    JobState.INTERRUPTED: frozenset({JobState.QUEUED, JobState.FAILED, JobState.CANCELLED}),
    # retry puts a failed or cancelled job back in the queue
    JobState.FAILED: frozenset({JobState.QUEUED}),
    JobState.CANCELLED: frozenset({JobState.QUEUED}),
    JobState.COMPLETED: frozenset(),
}


class Phase(StrEnum):
    WAITING = "waiting"
    STARTING = "starting"  # 0-10: checking and probing the source
    PREPARING = "preparing"  # 10-30: planning, folders, command
    GENERATING = "generating"  # 30-80: ffmpeg writes the clips
    FINALIZING = "finalizing"  # 80-100: verification, manifest
    DONE = "done"


class IllegalTransition(RuntimeError):
    """A state change the job's life does not allow (a bug in the caller, not user error)."""


class ClipState(StrEnum):
    PLANNED = "planned"
    VERIFIED = "verified"
    FAILED = "failed"


@dataclass
class Clip:
    index: int
    start: float
    end: float
    path: str  # the final name; the file exists only once verified
    state: ClipState = ClipState.PLANNED
    duration: float | None = None  # measured
    width: int | None = None
    height: int | None = None
    size: int | None = None  # bytes
    # live, not stored: who renders (or rendered) it, its run's speed and seconds written
    worker: str | None = None
    speed: float | None = None
    rendered: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "path": self.path,
            "start": self.start,
            "end": self.end,
            "state": self.state.value,
            "duration": self.duration,
            "width": self.width,
            "height": self.height,
            "size": self.size,
            "worker": self.worker,
            "speed": self.speed,
            "renderedSeconds": round(self.rendered, 2),
        }


def new_job_id() -> str:
    return uuid.uuid4().hex[:16]


@dataclass
class Job:
    id: str
    source: str
    options: StoryOptions
    output_root: str
    state: JobState = JobState.QUEUED
    progress: float = 0.0
    phase: Phase = Phase.WAITING
    message: str = "Waiting in queue"
    clips: list[Clip] = field(default_factory=list)
    speed: float | None = None
    fps: float | None = None
    eta_seconds: float | None = None
    error: JobError | None = None
    output_dir: str | None = None
    media: MediaInfo | None = None
    commands: list[list[str]] = field(default_factory=list)
    pid: int | None = None
    attempts: int = 0
    parent_id: str | None = None  # the history job this one re-runs
    created_at: float = field(default_factory=time.time)
    started_at: float | None = None
    finished_at: float | None = None
    updated_at: float = field(default_factory=time.time)

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES

    @property
    def clips_total(self) -> int:
        return len(self.clips)

    @property
    def clips_verified(self) -> int:
        return sum(1 for c in self.clips if c.state is ClipState.VERIFIED)

    def transition(self, new: JobState, now: float | None = None) -> None:
        if new not in TRANSITIONS[self.state]:
            raise IllegalTransition(f"job {self.id}: {self.state} → {new} is not allowed")
        self.state = new
        self.updated_at = now if now is not None else time.time()
        if new is JobState.PROCESSING:
            self.started_at = self.updated_at
            self.finished_at = None
        elif new in FINAL_STATES:
            self.finished_at = self.updated_at
            self.eta_seconds = None
        elif new is JobState.QUEUED:
            self.finished_at = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready view every observer sees (REST, WebSocket, CLI --json, the table)."""
        return {
            "jobId": self.id,
            "source": self.source,
            "status": self.state.value,
            "progress": round(self.progress, 1),
            "phase": self.phase.value,
            "message": self.message,
            "clipsDone": self.clips_verified,  # usable clips: verified, under their final name
            "clipsVerified": self.clips_verified,
            "clipsTotal": self.clips_total,
            "speed": self.speed,
            "fps": self.fps,
            "etaSeconds": self.eta_seconds,
            "error": self.error.to_dict() if self.error else None,
            "outputDir": self.output_dir,
            "options": self.options.to_dict(),
            "attempts": self.attempts,
            "parentId": self.parent_id,
            "createdAt": self.created_at,
            "startedAt": self.started_at,
            "finishedAt": self.finished_at,
            "updatedAt": self.updated_at,
            "clips": [c.to_dict() for c in self.clips],
        }
