"""The JSON the server speaks: job views for REST and the WebSocket messages built from events."""

from __future__ import annotations

import re
import time
from typing import Any

from storyclip_gui.core.events import Event, EventKind, WhenDoneState

PROTOCOL_VERSION = 1
MESSAGE_TYPES = ("snapshot", "status", "completed", "error", "heartbeat", "whenDone")
# the fields every WebSocket message carries at its top level (None when no single job)
JOB_FIELDS = ("jobId", "status", "progress", "phase", "message", "updatedAt")
_EMPTY_JOB: dict[str, Any] = dict.fromkeys(JOB_FIELDS)
_ERROR_STATES = frozenset({"failed", "cancelled"})


MAX_PUBLIC_MESSAGE = 300
INTERNAL_MESSAGE = "Internal error; the details are in the app's log."
# an absolute path (POSIX or Windows), quoted or not, up to the next quote or space
_PATH = re.compile(r"""(?:[A-Za-z]:)?[/\\][^\s'"]*""")
_EXCEPTION = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception)\b:?\s*|\[Errno -?\d+\]\s*")


def public_message(code: str | None, message: str | None) -> str | None:
    """A job's message as observers see it: no absolute paths, no Python exception names,
    bounded. The full text stays in the app's log and the window's ffmpeg output tab."""
    if message is None:
        return None
    if code == "internal_error":
        return INTERNAL_MESSAGE
    text = _EXCEPTION.sub("", _PATH.sub("…", message)).strip()
    if len(text) > MAX_PUBLIC_MESSAGE:
        text = text[: MAX_PUBLIC_MESSAGE - 1] + "…"
    return text


def public_error(error: dict[str, Any] | None) -> dict[str, Any] | None:
    """Code and message only: ffmpeg's stderr tail (`detail`) is for the owner's log."""
    if not error:
        return None
    return {"code": error["code"], "message": public_message(error["code"], error["message"])}


def source_name(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def job_view(job: dict[str, Any], *, clips: bool = False) -> dict[str, Any]:
    """A compact job status from `Job.to_dict()`: what observers need, nothing heavier.

    The error keeps its code and message (not ffmpeg's stderr tail, which is in the job's
    full view); clips are listed when asked for or once the job is completed.
    """
    error = job.get("error")
    message = job["message"]
    if error and message == error.get("message"):
        message = public_message(error["code"], message)
    view = {
        "jobId": job["jobId"],
        "status": job["status"],
        "progress": job["progress"],
        "phase": job["phase"],
        "message": message,
        "updatedAt": job["updatedAt"],
        "sourceName": source_name(job.get("source") or ""),
        "clipsDone": job.get("clipsDone", 0),
        "clipsTotal": job.get("clipsTotal", 0),
        "speed": job.get("speed"),
        "etaSeconds": job.get("etaSeconds"),
        "eta": job.get("eta"),
        "error": public_error(error),
        "attempts": job.get("attempts", 0),
        "createdAt": job.get("createdAt"),
        "startedAt": job.get("startedAt"),
        "finishedAt": job.get("finishedAt"),
        "outputDir": job.get("outputDir"),
    }
    if clips or job["status"] == "completed":
        view["clips"] = [
            {k: c.get(k) for k in ("index", "path", "start", "end", "duration", "size", "state",
                                   "worker", "cut", "qc")}
            for c in job.get("clips", [])
        ]
    if job["status"] == "processing":  # the clips being rendered now, and who renders each
        view["rendering"] = [
            {k: c.get(k) for k in ("index", "worker", "renderedSeconds", "speed")}
            for c in job.get("clips", []) if c["state"] == "planned" and c.get("worker")
        ]  # fmt: skip
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
    if job is not None and job.get("error") and head["message"] == job["error"].get("message"):
        head["message"] = public_message(job["error"]["code"], head["message"])
    return {**head, "type": "heartbeat", "seq": seq, "activeJobs": active_jobs,
            "serverTime": time.time() if now is None else now}  # fmt: skip


def when_done_message(seq: int, state: WhenDoneState) -> dict[str, Any]:
    """The when-done action changed (a countdown second, a result): to every observer of all
    jobs. Not numbered and not replayed: `seq` is the last job event's."""
    return {**_EMPTY_JOB, "type": "whenDone", "seq": seq, "whenDone": state.to_dict()}
