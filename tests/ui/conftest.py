"""Window fixtures: a running qasync loop driven by qtbot's waits, an engine, the window."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from storyclip_gui.app import Engine, build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core.memory_store import MemoryJobStore


@pytest.fixture
def qloop(qapp: Any, qtbot: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop that *is* the Qt loop and counts as running, so tasks advance whenever
    qtbot.waitUntil / waitSignal process Qt events (no nested run_until_complete).

    Public seams only: qasync schedules through Qt timers whether or not its run_forever runs,
    and asyncio._set_running_loop (in asyncio's __all__, "intended to be used by event loops")
    makes get_running_loop() find it. Not loop.stop() at the end: it calls
    QApplication.exit(), which later tests' waits would inherit.
    """
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    asyncio._set_running_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        qtbot.waitUntil(lambda: all(t.done() for t in pending), timeout=10_000)
    asyncio._set_running_loop(None)
    asyncio.set_event_loop(None)
    loop.close()


@pytest.fixture
def engine(qloop: asyncio.AbstractEventLoop) -> Engine:
    return build_engine(load_settings(), store=MemoryJobStore(), recover=False)


@pytest.fixture
def make_window(qtbot: Any, engine: Engine) -> Iterator[Any]:
    """make_window(**kwargs) → a shown MainWindow on `engine`; closed and the engine stopped at
    the end."""
    from storyclip_gui.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(**kwargs: Any) -> MainWindow:
        kwargs.setdefault("confirm_quit", lambda _n: True)
        window = MainWindow(engine, **kwargs)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.isVisible():
            window.close()
    stopped = asyncio.ensure_future(engine.facade.shutdown())  # what app.run_gui does
    qtbot.waitUntil(stopped.done, timeout=15_000)
