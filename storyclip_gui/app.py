"""Composition root: builds the engine from settings, owns start-up and shutdown order.

The only module that knows the concrete classes (QProcessRunner, the store, the views);
nothing imports it except __main__.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from storyclip_gui.config import Settings
from storyclip_gui.core.events import EventBus
from storyclip_gui.core.ffmpeg.locate import Toolchain, locate
from storyclip_gui.core.jobs import Job
from storyclip_gui.core.manager import JobManager
from storyclip_gui.core.pipeline import JobPipeline, PipelineConfig, PipelineHooks
from storyclip_gui.core.ports import JobStore, MemoryJobStore, Runner
from storyclip_gui.core.scheduler import Scheduler

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class Engine:
    settings: Settings
    toolchain: Toolchain
    bus: EventBus
    store: JobStore
    runner: Runner
    manager: JobManager


def build_engine(
    settings: Settings, *, store: JobStore | None = None, runner: Runner | None = None
) -> Engine:
    """Wire the engine. Raises FFmpegNotFound with a clear message when there is no ffmpeg."""
    from storyclip_gui.runner.qprocess_runner import QProcessRunner

    toolchain = locate(settings.ffmpeg)
    store = store or MemoryJobStore()
    runner = runner or QProcessRunner()
    bus = EventBus(start_seq=store.last_seq())
    config = PipelineConfig(runner, toolchain, settings.temp_dir, settings.stall_timeout_s)

    async def run_pipeline(job: Job, hooks: PipelineHooks) -> None:
        await JobPipeline(job, config, hooks).run()

    manager = JobManager(
        store=store,
        bus=bus,
        run_pipeline=run_pipeline,
        output_root=settings.output_dir,
        scheduler=Scheduler(settings.concurrency),
        monitoring_interval=settings.monitoring_interval,
    )
    return Engine(settings, toolchain, bus, store, runner, manager)


def run_headless(main: Callable[[], Awaitable[T]], on_interrupt: Callable[[], None]) -> T:
    """Run `main()` on a QCoreApplication's event loop through qasync (no widgets).

    SIGINT/SIGTERM call `on_interrupt` (once); a second SIGINT exits at once.
    """
    os.environ.setdefault("QT_API", "pyside6")
    import qasync
    from PySide6.QtCore import QCoreApplication, QTimer

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    interrupted = {"count": 0}

    def handle(signum: int, _frame: object) -> None:
        interrupted["count"] += 1
        if interrupted["count"] > 1 and signum == signal.SIGINT:
            raise KeyboardInterrupt
        loop.call_soon_threadsafe(on_interrupt)

    previous = {s: signal.signal(s, handle) for s in (signal.SIGINT, signal.SIGTERM)}
    # Python runs signal handlers only between bytecodes; wake the interpreter regularly.
    ticker = QTimer()
    ticker.start(200)
    ticker.timeout.connect(lambda: None)
    try:
        with loop:
            return loop.run_until_complete(main())
    finally:
        ticker.stop()
        for sig, old in previous.items():
            signal.signal(sig, old)
        asyncio.set_event_loop(None)


async def make_demo_video(engine: Engine, folder: Path) -> Path:
    """Generate a 20 s test-pattern video with a tone through the real runner."""
    from storyclip_gui.core.sources import demo_source_argv

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "storyclip-demo.mp4"
    outcome = await engine.runner.run(demo_source_argv(engine.toolchain.ffmpeg, str(path)))
    if not outcome.ok:
        raise RuntimeError(
            f"Could not make the demo video: ffmpeg {outcome}\n{outcome.stderr_tail}"
        )
    return path
