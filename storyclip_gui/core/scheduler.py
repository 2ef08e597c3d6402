"""Queue order, concurrency limit and pause: decides which queued job starts next."""

from __future__ import annotations

import os
from collections.abc import Collection


def default_concurrency() -> int:
    """x264 already uses every core; running more than half the cores' worth of jobs only
    makes each slower. At least one, at most four."""
    return max(1, min(4, (os.cpu_count() or 2) // 2))


class Scheduler:
    def __init__(self, concurrency: int | None = None) -> None:
        self._order: list[str] = []
        self.concurrency = concurrency or default_concurrency()
        self.paused = False

    @property
    def concurrency(self) -> int:
        return self._concurrency

    @concurrency.setter
    def concurrency(self, value: int) -> None:
        if int(value) < 1:
            raise ValueError("Concurrency must be at least 1.")
        self._concurrency = int(value)

    @property
    def order(self) -> list[str]:
        return list(self._order)

    def enqueue(self, job_id: str, front: bool = False) -> None:
        if job_id not in self._order:
            self._order.insert(0 if front else len(self._order), job_id)

    def discard(self, job_id: str) -> None:
        if job_id in self._order:
            self._order.remove(job_id)

    def move(self, job_id: str, delta: int) -> bool:
        """Move a queued job `delta` places (negative: towards the front). False if not queued."""
        if job_id not in self._order:
            return False
        i = self._order.index(job_id)
        j = max(0, min(len(self._order) - 1, i + delta))
        self._order.insert(j, self._order.pop(i))
        return i != j

    def take_startable(self, running: int, busy: Collection[str] = ()) -> list[str]:
        """Pop the ids that may start now, front of the queue first. Ids in `busy` (a job whose
        previous run is still winding down) stay queued, in place, until they are not."""
        if self.paused:
            return []
        free = max(0, self.concurrency - running)
        started = [job_id for job_id in self._order if job_id not in busy][:free]
        self._order = [job_id for job_id in self._order if job_id not in started]
        return started
