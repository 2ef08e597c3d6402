"""The job: its states and legal transitions, its clips, its immutable view for observers,
and what a person may do with a job in each state (derived from the transitions)."""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from storyclip_gui.core.ffmpeg.encoders import encoder_in
from storyclip_gui.core.ffmpeg.errors import JobError
from storyclip_gui.core.framing import CropPath
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.probe import MediaInfo


class JobState(StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"


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
# final: nothing happens to the job any more unless a person retries it
FINAL_STATES = frozenset(s for s in JobState if TRANSITIONS[s] <= {JobState.QUEUED})
# active: the engine will move it on by itself (start it, finish it)
ACTIVE_STATES = frozenset(
    s for s in JobState if TRANSITIONS[s] & {JobState.PROCESSING, JobState.COMPLETED}
)


# -- what a person may do with a job, by state (the window, the server and the CLI ask these) --
def can_cancel(state: JobState) -> bool:
    return JobState.CANCELLED in TRANSITIONS[state]


def can_retry(state: JobState) -> bool:
    """Put it back in the queue (failed, cancelled, interrupted)."""
    return JobState.QUEUED in TRANSITIONS[state]


def can_remove(state: JobState) -> bool:
    """Drop it from the live list (the history keeps it)."""
    return state in FINAL_STATES


def can_move(state: JobState) -> bool:
    """Change its place in the queue: only a job waiting to start has one."""
    return JobState.PROCESSING in TRANSITIONS[state]


def can_rerun(state: JobState) -> bool:
    """Submit a new job for its source: not while the engine still runs this one."""
    return state not in ACTIVE_STATES


class Phase(StrEnum):
    WAITING = "waiting"
    STARTING = "starting"  # 0-10: checking and probing the source
    PREPARING = "preparing"  # 10-30: planning, folders, command
    ANALYSING = "analysing"  # 20-30 when the options need it: silences and scene changes
    # (smart cuts), the subject (smart layout)
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
    # smart cuts: {"nominalStart", "nominalEnd", "startReason", "endReason"}; None: fixed cuts
    cut: dict[str, Any] | None = None
    qc: dict[str, Any] | None = None  # platform checks after verification (core/qc.evaluate)
    # live, not stored: who renders (or rendered) it, its run's speed and seconds written
    worker: str | None = None
    speed: float | None = None
    rendered: float = 0.0

    def view(self) -> ClipView:
        return ClipView(self.index, self.start, self.end, self.path, self.state, self.duration,
                        self.width, self.height, self.size, self.worker, self.speed,
                        self.rendered, self.cut, self.qc)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return self.view().to_dict()


class ClipView(NamedTuple):
    """A clip as observers see it at one moment: a named tuple, as it is made for every clip of
    every event (a frozen dataclass took 3× as long); its `index` is the clip's number."""

    index: int  # type: ignore[assignment]  # shadows tuple.index(), which nobody calls
    start: float
    end: float
    path: str
    state: ClipState
    duration: float | None
    width: int | None
    height: int | None
    size: int | None
    worker: str | None = None  # live: who renders or rendered it ("local" or a cluster worker)
    speed: float | None = None  # live: its run's speed
    rendered: float = 0.0  # live: seconds its run has written
    cut: dict[str, Any] | None = None  # smart cuts: why the boundaries are where they are
    qc: dict[str, Any] | None = None  # the platform checks

    @property
    def verified(self) -> bool:
        return self.state is ClipState.VERIFIED

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
            "cut": self.cut,
            "qc": self.qc,
        }


JOB_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")  # always fullmatch()
BAD_JOB_ID = "jobId must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'."


class SubmitError(ValueError):
    """A job could not be registered or re-queued; the message is for the caller."""


class DuplicateJobError(SubmitError):
    """A job with this id exists already (live, or in the history)."""

    def __init__(self, job_id: str) -> None:
        super().__init__(f"A job with id {job_id!r} already exists.")


def is_job_id(value: object) -> bool:
    return isinstance(value, str) and JOB_ID_PATTERN.fullmatch(value) is not None


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
    eta_seconds: float | None = None  # ffmpeg's live estimate for the clips left
    eta: dict[str, Any] | None = None  # the learned P50/P90 (core.eta.Eta.to_dict()); not stored
    media_left: float | None = None  # source seconds still to render, read from ffmpeg; not stored
    error: JobError | None = None
    output_dir: str | None = None
    media: MediaInfo | None = None
    commands: list[list[str]] = field(default_factory=list)
    pid: int | None = None
    attempts: int = 0
    parent_id: str | None = None  # the history job this one re-runs
    framing: CropPath | None = None  # smart layout: the crop path found (kept in memory only)
    created_at: float = field(default_factory=time.time)
    started_at: float | None = None  # the current (or last) attempt's start; None while queued
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

    @property
    def encoder(self) -> str | None:
        """The encoder of the latest clip run ("libx264", "h264_nvenc", "copy"); None before
        one ran. Read from the commands, so the history keeps it too."""
        return encoder_in(self.commands[-1]) if self.commands else None

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
        elif new is JobState.QUEUED:  # a new attempt: its times start afresh when it runs
            self.started_at = self.finished_at = None

    def view(self) -> JobView:
        """An immutable snapshot for views and observers (later changes do not reach it)."""
        return JobView(
            id=self.id, source=self.source, state=self.state, progress=self.progress,
            phase=self.phase, message=self.message, clips=tuple(c.view() for c in self.clips),
            speed=self.speed, fps=self.fps, eta_seconds=self.eta_seconds, error=self.error,
            output_dir=self.output_dir, options=self.options, attempts=self.attempts,
            parent_id=self.parent_id, created_at=self.created_at, started_at=self.started_at,
            finished_at=self.finished_at, updated_at=self.updated_at, eta=self.eta,
            framing=self.framing, encoder=self.encoder,
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready view every observer sees (REST, WebSocket, CLI --json)."""
        return self.view().to_dict()


@dataclass(frozen=True)
class JobView:
    """A job as views see it at one moment: typed, immutable, with what a person may do."""

    id: str
    source: str
    state: JobState
    progress: float
    phase: Phase
    message: str
    clips: tuple[ClipView, ...]
    speed: float | None
    fps: float | None
    eta_seconds: float | None
    error: JobError | None
    output_dir: str | None
    options: StoryOptions
    attempts: int
    parent_id: str | None
    created_at: float
    started_at: float | None
    finished_at: float | None
    updated_at: float
    eta: dict[str, Any] | None = None  # the learned P50/P90 finish (core.eta)
    framing: CropPath | None = None  # smart layout: the crop path found
    encoder: str | None = None  # the encoder clips are (or were last) made with

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES

    @property
    def clips_total(self) -> int:
        return len(self.clips)

    @property
    def clips_verified(self) -> int:
        return sum(1 for c in self.clips if c.verified)

    @property
    def can_cancel(self) -> bool:
        return can_cancel(self.state)

    @property
    def can_retry(self) -> bool:
        return can_retry(self.state)

    @property
    def can_remove(self) -> bool:
        return can_remove(self.state)

    @property
    def can_move(self) -> bool:
        return can_move(self.state)

    @property
    def can_rerun(self) -> bool:
        return can_rerun(self.state)

    @property
    def can_open(self) -> bool:
        """It has an output folder to show."""
        return bool(self.output_dir)

    def elapsed(self, now: float) -> float | None:
        """Running seconds of the latest attempt (to `now` while it runs); None while it waits
        in the queue, when it was cancelled before it started, or when it stopped without an
        end time (interrupted by a crash): time spent waiting never counts."""
        if self.started_at is None:
            return None
        end = self.finished_at
        if end is None:
            if self.state is not JobState.PROCESSING:
                return None
            end = now
        return max(0.0, end - self.started_at)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (docs/api.md): the one shape of a job on every wire."""
        verified = self.clips_verified
        return {
            "jobId": self.id,
            "source": self.source,
            "status": self.state.value,
            "progress": round(self.progress, 1),
            "phase": self.phase.value,
            "message": self.message,
            "clipsDone": verified,  # usable clips: verified, under their final name
            "clipsVerified": verified,
            "clipsTotal": self.clips_total,
            "speed": self.speed,
            "fps": self.fps,
            "etaSeconds": self.eta_seconds,
            "eta": self.eta,
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
            "framing": self.framing.to_dict() if self.framing else None,
            "encoder": self.encoder,
        }
