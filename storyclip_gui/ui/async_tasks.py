"""Starting background work from Qt signal handlers: only while the event loop runs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def start_task(make: Callable[[], Coroutine[Any, Any, T]]) -> asyncio.Task[T] | None:
    """A task on the running loop; None once it has stopped (the window is closing), without
    creating a coroutine nobody would await."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop.create_task(make())
