"""The engine's status messages in the window's language (the API keeps the English texts)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "EngineText"

# The engine's fixed messages (core/manager.py, core/pipeline.py, store/recovery.py), word for
# word: REST, WebSocket and the CLI show them as they are; only the window translates them.
FIXED = frozenset({
    QT_TRANSLATE_NOOP("EngineText", "Waiting in queue"),
    QT_TRANSLATE_NOOP("EngineText", "Starting video processing..."),
    QT_TRANSLATE_NOOP("EngineText", "Processing video files..."),
    QT_TRANSLATE_NOOP("EngineText", "Video processing completed"),
    QT_TRANSLATE_NOOP("EngineText", "Cancelled"),
    QT_TRANSLATE_NOOP("EngineText", "Cancelled before it started."),
    QT_TRANSLATE_NOOP("EngineText", "Interrupted: resumes at next start"),
    QT_TRANSLATE_NOOP("EngineText", "Interrupted: the app stopped while this job ran"),
    QT_TRANSLATE_NOOP("EngineText", "ffmpeg stopped unexpectedly (it crashed or was killed)."),
})  # fmt: skip


def _generated(done: int, total: int) -> str:
    return (QCoreApplication.translate(CONTEXT, "Generated %n of {total} clips", "", done)
            .replace("{total}", str(total)))  # fmt: skip


def _verified(done: int, total: int) -> str:
    return (QCoreApplication.translate(CONTEXT, "Verified %n of {total} clips", "", done)
            .replace("{total}", str(total)))  # fmt: skip


def _stopped_after(attempts: int) -> str:
    return QCoreApplication.translate(
        CONTEXT, "Stopped after %n interrupted attempts; retry it by hand.", "", attempts
    )


PATTERNS: tuple[tuple[re.Pattern[str], Callable[..., str]], ...] = (
    (re.compile(r"Generated (\d+) of (\d+) clips"), _generated),
    (re.compile(r"Verified (\d+) of (\d+) clips"), _verified),
    (re.compile(r"Stopped after (\d+) interrupted attempts; retry it by hand\."), _stopped_after),
)


def engine_message(text: str) -> str:
    """`text` in the installed language when it is one of the engine's known messages; any
    other text (most failure reasons name files and numbers) is shown as the engine wrote it."""
    if text in FIXED:
        return QCoreApplication.translate(CONTEXT, text)
    for pattern, translate in PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return translate(*(int(g) for g in match.groups()))
    return text
