"""Failure codes and the human message for them, read from ffmpeg's exit status and stderr."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ErrorCode(StrEnum):
    INVALID_INPUT = "invalid_input"
    NO_VIDEO_STREAM = "no_video_stream"
    DISK_FULL = "disk_full"
    STALLED = "stalled"
    ENCODER_UNAVAILABLE = "encoder_unavailable"
    CANCELLED = "cancelled"
    FFMPEG_ERROR = "ffmpeg_error"
    VERIFICATION_FAILED = "verification_failed"
    INTERNAL_ERROR = "internal_error"
    TOO_MANY_ATTEMPTS = "too_many_attempts"  # interrupted by crashes too often


@dataclass(frozen=True)
class JobError:
    code: ErrorCode
    message: str  # one or two sentences for a person
    detail: str = ""  # the stderr tail, for the log panel and bug reports

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code.value, "message": self.message, "detail": self.detail}


class JobFailure(Exception):
    """Raised inside a job's pipeline to end it as failed with a classified error."""

    def __init__(self, error: JobError) -> None:
        super().__init__(error.message)
        self.error = error


# Ordered: the first needle found in stderr decides. Lower-cased comparisons.
_STDERR_RULES: tuple[tuple[str, ErrorCode, str], ...] = (
    ("no space left on device", ErrorCode.DISK_FULL,
     "The disk is full: free some space in the output folder and retry."),
    ("file too large", ErrorCode.DISK_FULL,
     "The output file hit the file-size limit of the file system or process."),
    ("disk quota exceeded", ErrorCode.DISK_FULL,
     "The disk quota is exceeded: free some space and retry."),
    ("unknown encoder", ErrorCode.ENCODER_UNAVAILABLE,
     "This ffmpeg has no H.264 encoder (libx264); install a full ffmpeg build."),
    ("encoder not found", ErrorCode.ENCODER_UNAVAILABLE,
     "This ffmpeg has no H.264 encoder (libx264); install a full ffmpeg build."),
    ("error while opening encoder", ErrorCode.ENCODER_UNAVAILABLE,
     "ffmpeg could not open the video encoder with these settings."),
    ("moov atom not found", ErrorCode.INVALID_INPUT,
     "The file is incomplete or damaged (no index: 'moov atom not found')."),
    ("invalid data found when processing input", ErrorCode.INVALID_INPUT,
     "The file is damaged or is not a video ffmpeg can read."),
    ("permission denied", ErrorCode.INVALID_INPUT,
     "A file could not be read or written (permission denied)."),
    ("no such file or directory", ErrorCode.INVALID_INPUT,
     "The file disappeared before it could be read."),
    ("does not contain any stream", ErrorCode.NO_VIDEO_STREAM,
     "The file contains no audio or video."),
    ("matches no streams", ErrorCode.NO_VIDEO_STREAM,
     "The file has no video stream to cut into clips."),
)  # fmt: skip


def classify(exit_code: int | None, crashed: bool, stderr_tail: str) -> JobError:
    """A failed ffmpeg run → the error a person sees. Call only for runs that did not succeed."""
    lowered = stderr_tail.lower()
    for needle, code, message in _STDERR_RULES:
        if needle in lowered:
            return JobError(code, message, stderr_tail)
    last = next((ln.strip() for ln in reversed(stderr_tail.splitlines()) if ln.strip()), "")
    if crashed:
        message = "ffmpeg stopped unexpectedly (it crashed or was killed)."
    else:
        message = f"ffmpeg failed with exit code {exit_code}."
    if last:
        message += f" Last message: {last[:300]}"
    return JobError(ErrorCode.FFMPEG_ERROR, message, stderr_tail)
