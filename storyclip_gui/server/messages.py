"""The JSON the server speaks: job views for REST and the WebSocket messages built from events."""

from __future__ import annotations

import time
from typing import Any

from storyclip_gui.core.events import Event, EventKind

PROTOCOL_VERSION = 1
MESSAGE_TYPES = ("snapshot", "status", "completed", "error", "heartbeat")
# the fields every WebSocket message carries at its top level (None when no single job)
JOB_FIELDS = ("jobId", "status", "progress", "phase", "message", "updatedAt")
_EMPTY_JOB: dict[str, Any] = dict.fromkeys(JOB_FIELDS)
_ERROR_STATES = frozenset({"failed", "cancelled"})


def source_name(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def job_view(job: dict[str, Any], *, clips: bool = False) -> dict[str, Any]:
    """A compact job status from `Job.to_dict()`: what observers need, nothing heavier.

    The error keeps its code and message (not ffmpeg's stderr tail, which is in the job's
    full view); clips are listed when asked for or once the job is completed.
    """
    error = job.get("error")
    view = {
        "jobId": job["jobId"],
        "status": job["status"],
        "progress": job["progress"],
        "phase": job["phase"],
        "message": job["message"],
        "updatedAt": job["updatedAt"],
        "sourceName": source_name(job.get("source") or ""),
        "clipsDone": job.get("clipsDone", 0),
        "clipsTotal": job.get("clipsTotal", 0),
        "speed": job.get("speed"),
        "etaSeconds": job.get("etaSeconds"),
        "error": {"code": error["code"], "message": error["message"]} if error else None,
        "attempts": job.get("attempts", 0),
        "createdAt": job.get("createdAt"),
        "startedAt": job.get("startedAt"),
        "finishedAt": job.get("finishedAt"),
        "outputDir": job.get("outputDir"),
    }
    if clips or job["status"] == "completed":
        view["clips"] = [
            {k: c.get(k) for k in ("index", "path", "start", "end", "duration", "size", "state")}
            for c in job.get("clips", [])
        ]
    return view


def event_message(event: Event, seq: int) -> dict[str, Any]:
    """The WebSocket message for one bus event (the seed's message types)."""
    view = job_view(event.job)
    if event.kind is EventKind.JOB_COMPLETED:
        kind = "error" if view["status"] in _ERROR_STATES else "completed"
        if kind == "error" and view["error"] is None:  # cancelled before any error was set
            view["error"] = {"code": view["status"], "message": view["message"]}
    else:
        kind = "status"
    message: dict[str, Any] = {"type": kind, "event": event.kind.value, "seq": seq, **view}
    if event.clip is not None:
        message["clip"] = event.clip
    return message


def snapshot_message(
    seq: int, jobs: list[dict[str, Any]], job_id: str | None, resync: bool
) -> dict[str, Any]:
    """The first message on a socket: every job it watches, as they are now."""
    head = _EMPTY_JOB
    if job_id is not None:
        head = next((job_view(j) for j in jobs if j["jobId"] == job_id), {**_EMPTY_JOB,
                                                                            "jobId": job_id})
    views = [job_view(j) for j in jobs]
    return {**head, "type": "snapshot", "seq": seq, "resync": resync, "jobs": views}


def heartbeat_message(
    seq: int, job: dict[str, Any] | None, active_jobs: int, now: float | None = None
) -> dict[str, Any]:
    """Sent every monitoring interval; carries the watched job's state when there is one."""
    head = {k: job[k] for k in JOB_FIELDS} if job is not None else dict(_EMPTY_JOB)
    return {**head, "type": "heartbeat", "seq": seq, "activeJobs": active_jobs,
            "serverTime": time.time() if now is None else now}  # fmt: skip
