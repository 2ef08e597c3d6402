"""The engine's status messages in the window's language (the API keeps the English texts)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

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
    # core/when_done.py
    QT_TRANSLATE_NOOP("EngineText", "Sleep cancelled."),
    QT_TRANSLATE_NOOP("EngineText", "Shutdown cancelled."),
    QT_TRANSLATE_NOOP("EngineText", "The countdown was cancelled: a new job was queued."),
    QT_TRANSLATE_NOOP("EngineText", "The countdown was cancelled: the action changed."),
    QT_TRANSLATE_NOOP("EngineText", "Going to sleep…"),
    QT_TRANSLATE_NOOP("EngineText", "Shutting down…"),
})  # fmt: skip


class EngineText(QObject):
    """The engine's counted messages, with Qt's plural forms (lupdate reads `self.tr(…, n)`
    only inside a class; the context is this class's name)."""

    def generated(self, done: int, total: int) -> str:
        return self.tr("Generated %n of {total} clips", "", done).replace("{total}", str(total))

    def verified(self, done: int, total: int) -> str:
        return self.tr("Verified %n of {total} clips", "", done).replace("{total}", str(total))

    def stopped_after(self, attempts: int) -> str:
        return self.tr("Stopped after %n interrupted attempts; retry it by hand.", "", attempts)


_texts: list[EngineText] = []  # one stateless helper, made on first use (needs the app)

PATTERNS: tuple[tuple[re.Pattern[str], Callable[..., str]], ...] = (
    (re.compile(r"Generated (\d+) of (\d+) clips"), EngineText.generated),
    (re.compile(r"Verified (\d+) of (\d+) clips"), EngineText.verified),
    (re.compile(r"Stopped after (\d+) interrupted attempts; retry it by hand\."),
     EngineText.stopped_after),
)  # fmt: skip


def engine_message(text: str) -> str:
    """`text` in the installed language when it is one of the engine's known messages; any
    other text (most failure reasons name files and numbers) is shown as the engine wrote it."""
    if text in FIXED:
        return QCoreApplication.translate(CONTEXT, text)
    for pattern, translate in PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            if not _texts:
                _texts.append(EngineText())
            return translate(_texts[0], *(int(g) for g in match.groups()))
    return text
