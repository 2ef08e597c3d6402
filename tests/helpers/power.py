"""A Power (core/power.py) that records what it was asked to do: no test sleeps or powers off."""

from __future__ import annotations


class RecordingPower:
    def __init__(self, problem: str | None = None) -> None:
        self.calls: list[str] = []
        self.problem = problem  # what perform() answers: None is "done"

    async def perform(self, action: str) -> str | None:
        self.calls.append(action)
        return self.problem
