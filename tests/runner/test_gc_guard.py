"""Garbage is collected by the Qt thread's timer, not by whichever thread allocates."""

from __future__ import annotations

import gc
import threading
import weakref

from storyclip_gui.runner.gc_guard import QtThreadGarbageCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_cycles_made_on_another_thread_are_freed_on_the_qt_thread(qtbot) -> None:
    guard = QtThreadGarbageCollector(interval_ms=10)
    guard.start()
    try:
        assert not gc.isenabled()
        freed_on: list[str] = []
        refs: list[weakref.ref[Node]] = []

        def churn() -> None:  # allocations on another thread never trigger a collection
            for _ in range(3 * gc.get_threshold()[0]):
                node = Node()
                weakref.finalize(node, lambda: freed_on.append(threading.current_thread().name))
                refs.append(weakref.ref(node))

        worker = threading.Thread(target=churn, name="dask-like")
        worker.start()
        worker.join()
        assert freed_on == []  # nothing collected while the guard holds automatic collection
        qtbot.waitUntil(lambda: len(freed_on) > 0, timeout=5_000)
        assert set(freed_on) == {threading.main_thread().name}
    finally:
        guard.stop()
    assert gc.isenabled()
