"""Composition root: builds the engine from settings, owns start-up and shutdown order.

The one place that picks and builds the adapters (QProcessRunner, the SQLite store or its
in-memory fallback, the server, the window). In the package only __main__ imports it (the
layers contract in pyproject.toml); bench/ and docs/screenshots use it from outside.
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
from typing import TYPE_CHECKING, Any, TypeVar

from storyclip_gui.cli.when_done_view import WhenDoneLines
from storyclip_gui.config import (
    LIVE_SETTINGS,
    Settings,
    SettingsError,
    save_changes,
    with_overrides,
)
from storyclip_gui.core.eta import EtaEstimator
from storyclip_gui.core.events import EventBus
from storyclip_gui.core.executor import ClipExecutor, LocalClipExecutor
from storyclip_gui.core.facade import EngineFacade, LiveSettings
from storyclip_gui.core.ffmpeg.locate import Toolchain, bundled_toolchain, locate
from storyclip_gui.core.intake import Intake, IntakeRequest
from storyclip_gui.core.jobs import Job
from storyclip_gui.core.keep_awake import KeepAwake, platform_inhibitor
from storyclip_gui.core.manager import JobManager
from storyclip_gui.core.memory_store import MemoryAnalysisCache, MemoryJobStore
from storyclip_gui.core.pipeline import JobPipeline, PipelineConfig, PipelineHooks
from storyclip_gui.core.ports import AnalysisCache, JobStore, Runner, StoreError
from storyclip_gui.core.power import RunnerPower
from storyclip_gui.core.recovery import RecoveryReport
from storyclip_gui.core.scheduler import Scheduler
from storyclip_gui.core.selftest import ToolchainGate
from storyclip_gui.core.webhooks import Webhooks
from storyclip_gui.core.when_done import Power, WhenDone, WhenDonePolicy

if TYPE_CHECKING:
    from storyclip_gui.runner.gc_guard import QtThreadGarbageCollector
    from storyclip_gui.server import ServerHandle
    from storyclip_gui.server.webhook_sender import WebhookSender
    from storyclip_gui.store.job_store import SqliteJobStore

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
    facade: EngineFacade  # what the window, the server and the terminal use (intake included)
    recovery: RecoveryReport | None = None  # what start-up recovery did (None: not run)
    store_error: StoreError | None = None  # the history could not be opened: jobs not kept
    executor: ClipExecutor | None = None  # where clips render (None: locally, the runner)
    gc_guard: QtThreadGarbageCollector | None = None  # with Dask's threads in the process
    pruned: str | None = None  # what start-up retention forgot, said to a person
    webhooks: Webhooks | None = None  # subscriptions and their outbox, in the history database
    when_done: WhenDone | None = None  # the action when the queue is done (command, sleep...)
    keep_awake: KeepAwake | None = None  # the sleep inhibitor held while jobs process
    sender: WebhookSender | None = None  # sends the outbox while it runs (start_deliveries)

    def start(self) -> None:
        """Let the queue run (recovered jobs first). Call once the event loop runs."""
        self.manager.resume()

    async def stop(self) -> None:
        """Stop running jobs as interrupted and disconnect from the cluster (headless runs)."""
        await self.facade.shutdown()
        await self.close_services()

    async def close_services(self) -> None:
        """What runs beside the jobs stops: no when-done countdown goes on and no sleep
        inhibitor is held behind a closing engine, and the cluster (whose clips were cancelled
        when their jobs stopped) is disconnected."""
        if self.when_done is not None:
            self.when_done.close()
        if self.keep_awake is not None:
            self.keep_awake.close()
        close = getattr(self.executor, "close", None)
        if close is not None:
            await close()
        if self.gc_guard is not None:
            self.gc_guard.stop()
            self.gc_guard = None

    def start_deliveries(self) -> None:
        """Send webhook deliveries from now on, on the running loop: in the window, `serve` and
        the terminal runs alike (the server need not run)."""
        if self.webhooks is None or self.sender is not None:
            return
        from storyclip_gui import __version__
        from storyclip_gui.server.webhook_sender import WebhookSender

        self.sender = WebhookSender(self.webhooks.outbox,
                                    user_agent=f"StoryClip-Studio/{__version__}")  # fmt: skip
        self.webhooks.wake = self.sender.wake
        self.sender.start()

    async def drain_deliveries(self, timeout: float) -> int:
        """Wait up to `timeout` s for the outbox to empty; how many deliveries are left."""
        if self.sender is None:
            return 0
        try:
            return await self.sender.drain(timeout)
        except StoreError as exc:
            log.error("The webhook outbox could not be read: %s", exc)
            return 0

    async def stop_deliveries(self) -> None:
        """Stop sending; a request cut short stays pending and goes out at the next start."""
        if self.sender is not None and self.webhooks is not None:
            self.webhooks.wake = lambda: None
            await self.sender.close()
            self.sender = None

    def apply_settings(self, settings: Settings) -> list[str]:
        """Save what a person changed in the window (never what came from the environment),
        take the live settings at once; return the changed names that apply at next start."""
        changed = save_changes(self.settings, settings)
        self.settings = settings
        self.facade.apply(live_settings(settings))
        if self.when_done is not None:
            self.when_done.set_policy(when_done_policy(settings))
        if self.keep_awake is not None:
            self.keep_awake.set_enabled(settings.keep_awake)
        return [name for name in changed if name not in LIVE_SETTINGS]


def live_settings(settings: Settings) -> LiveSettings:
    return LiveSettings(settings.concurrency, settings.monitoring_interval, settings.output_dir,
                        settings.temp_dir, settings.stall_timeout_s)  # fmt: skip


def when_done_policy(settings: Settings) -> WhenDonePolicy:
    return WhenDonePolicy(settings.when_done, settings.when_done_command,
                          settings.when_done_countdown_s,
                          settings.when_done_command_timeout_s)  # fmt: skip


def default_options(settings: Settings) -> dict[str, Any]:
    """The settings' default story options, which every door's choices are merged over."""
    return {"quality": settings.default_quality, "clip_seconds": settings.default_clip_seconds,
            "encoder": settings.default_encoder}


def open_job_store(settings: Settings) -> SqliteJobStore:
    """The job history at data_dir/storyclip.db. Raises StoreError for a person to read."""
    from storyclip_gui.store import open_store

    return open_store(settings.data_dir / "storyclip.db")


def build_engine(
    settings: Settings,
    *,
    store: JobStore | None = None,
    runner: Runner | None = None,
    recover: bool = True,
    list_failed: bool = False,
    power: Power | None = None,
) -> Engine:
    """Wire the engine. Raises FFmpegNotFound with a clear message when there is no ffmpeg.

    The store defaults to the SQLite history; when it cannot be opened the engine runs on
    memory and says why in `store_error`. With `recover`, jobs a previous run left unfinished
    are recovered (store.recovery) and adopted before anything else is queued; they start when
    `Engine.start()` (or any submit) pumps the queue. With `list_failed` (the window), the
    failed jobs the last run listed are listed again, until retried or removed. `power`
    sleeps or shuts down when the queue is done (default: the platform's commands; tests
    give one that records).
    """
    from storyclip_gui.runner.qprocess_runner import QProcessRunner
    from storyclip_gui.store.job_store import SqliteJobStore

    toolchain = locate(settings.ffmpeg)
    store_error: StoreError | None = None
    if store is None:
        try:
            store = open_job_store(settings)
        except StoreError as exc:
            log.error("%s", exc)
            store, store_error = MemoryJobStore(), exc
    runner = runner or QProcessRunner()
    bus = EventBus.after(store.last_seq())

    async def run_pipeline(job: Job, hooks: PipelineHooks) -> None:
        await JobPipeline(job, facade.pipeline or config, hooks).run()  # settings applied live

    manager = JobManager(
        store=store,
        bus=bus,
        run_pipeline=run_pipeline,
        output_root=settings.output_dir,
        scheduler=Scheduler(settings.concurrency),
        monitoring_interval=settings.monitoring_interval,
        eta=_eta_estimator(store),
    )
    # a configured ffmpeg is used once it passes the self-test, else the bundled build
    gate = ToolchainGate(toolchain, bundled_toolchain(), runner,
                         settings.data_dir / "ffmpeg-checks.json", manager.notice)  # fmt: skip
    # smart cuts' analyses live in the history database when there is one
    cache = store if isinstance(store, AnalysisCache) else MemoryAnalysisCache()
    config = PipelineConfig(runner, toolchain, settings.temp_dir, settings.stall_timeout_s,
                            choose_toolchain=gate.toolchain, analysis_cache=cache,
                            executor=build_executor(settings, runner))  # fmt: skip
    facade = EngineFacade(
        manager, store, pipeline=config, store_error=store_error,
        kill_processes=runner.kill_all if isinstance(runner, QProcessRunner) else None,
        intake=Intake(manager, default_options(settings)),
    )  # fmt: skip
    if isinstance(store, SqliteJobStore):  # its write errors reach the views (StoreFailed)
        store.on_error = facade.store_failed
    engine = Engine(settings, toolchain, bus, store, runner, manager, facade,
                    store_error=store_error, executor=config.executor)  # fmt: skip
    engine.webhooks = facade.webhooks = _webhooks(store, manager)
    if engine.webhooks is not None:
        bus.subscribe(engine.webhooks.on_event)
    engine.when_done = WhenDone(when_done_policy(settings), bus=bus,
                                queue_done=manager.finishes_queue, runner=runner,
                                power=power or RunnerPower(runner, dry_run=_power_dry_run()),
                                results_dir=settings.data_dir)  # fmt: skip
    bus.subscribe(engine.when_done.on_event)

    def remember(policy: WhenDonePolicy) -> None:  # a door (REST) chose: kept in settings.json
        chosen = with_overrides(engine.settings, when_done=policy.action,
                                when_done_countdown_s=policy.countdown_s)  # fmt: skip
        if chosen != engine.settings:
            engine.apply_settings(chosen)

    engine.when_done.policy_listeners.append(remember)
    engine.keep_awake = KeepAwake(platform_inhibitor(runner), settings.keep_awake)
    bus.subscribe(engine.keep_awake.on_event)
    bus.subscribe_engine(engine.keep_awake.on_engine_event)
    if settings.executor == "dask":  # Qt objects are then never freed on Dask's threads
        from storyclip_gui.runner.gc_guard import QtThreadGarbageCollector

        engine.gc_guard = QtThreadGarbageCollector()
        engine.gc_guard.start()
    if recover:
        engine.recovery = _recover(engine, list_failed)
    return engine


def _power_dry_run() -> bool:
    """$STORYCLIP_POWER_DRY_RUN=1: the when-done countdown runs, sleep and shutdown are only
    said (to try the setting out; every test process and the programs tests start have it)."""
    return os.environ.get("STORYCLIP_POWER_DRY_RUN", "").strip() not in ("", "0")


def build_executor(settings: Settings, runner: Runner) -> ClipExecutor:
    """The clip executor the settings ask for: this machine, or a Dask cluster (which
    renders here while its scheduler is unreachable when dask_fallback_local is on)."""
    local = LocalClipExecutor(runner)
    if settings.executor != "dask":
        return local
    try:
        from storyclip_gui.cluster.executor import DaskClipExecutor
    except ImportError as exc:
        raise SettingsError(f"executor dask needs Dask distributed ({exc}): pip install "
                            "\"storyclip-studio[cluster]\"") from None  # fmt: skip

    fallback = local if settings.dask_fallback_local else None
    return DaskClipExecutor(settings.dask_scheduler, fallback=fallback)


def _eta_estimator(store: JobStore) -> EtaEstimator:
    """The learned ETA remembers clip speeds in the SQLite history (in memory without it)."""
    from storyclip_gui.store.job_store import SqliteJobStore
    from storyclip_gui.store.throughput_store import SqliteThroughputLog

    if not isinstance(store, SqliteJobStore):
        return EtaEstimator()
    return EtaEstimator(SqliteThroughputLog(store.database))


def _webhooks(store: JobStore, manager: JobManager) -> Webhooks | None:
    """Webhooks keep their outbox in the SQLite history; without it there are none."""
    from storyclip_gui.store.job_store import SqliteJobStore
    from storyclip_gui.store.webhook_store import SqliteWebhookOutbox

    if not isinstance(store, SqliteJobStore):
        return None
    return Webhooks(SqliteWebhookOutbox(store.database), manager.finishes_queue)


def _recover(engine: Engine, list_failed: bool) -> RecoveryReport:
    """Start-up recovery, before the queue runs: adopted jobs keep their order."""
    import time

    from storyclip_gui.store.recovery import recover

    settings, manager = engine.settings, engine.manager
    if settings.history_retention_days > 0:  # opt-in: 0 (the default) keeps everything
        engine.pruned = _prune(engine.store, settings.history_retention_days, time.time())
    try:
        jobs, report = recover(engine.store, auto_resume=settings.auto_resume,
                               temp_root=settings.temp_dir)  # fmt: skip
    except StoreError as exc:
        log.error("Unfinished jobs could not be recovered: %s", exc)
        engine.store_error = engine.store_error or exc
        return RecoveryReport()
    failed: list[Job] = []
    if list_failed:  # failed jobs the list showed stay there (retry, or remove) across restarts
        manager.remember_failed = True
        try:
            failed = engine.store.load_failed_list()
        except StoreError as exc:
            log.error("Failed jobs of the last run could not be read: %s", exc)
    adopted = {job.id for job in jobs}
    manager.adopt_all([*jobs, *(job for job in failed if job.id not in adopted)])
    return report


def _prune(store: JobStore, days: float, now: float) -> str | None:
    """Retention at start-up: forget finished jobs older than `days`, saying first what."""
    import datetime

    try:
        count, oldest = store.prunable(now - days * 86400)
        if not count:
            return None
        when = datetime.datetime.fromtimestamp(oldest or now).strftime("%Y-%m-%d")
        message = (f"History retention ({days:g} days): forgetting {count} finished jobs "
                   f"that ended more than {days:g} days ago, the oldest on {when}. "
                   "Their clips are kept.")  # fmt: skip
        log.warning("%s", message)
        store.prune(now - days * 86400)
    except StoreError as exc:
        log.error("History could not be pruned: %s", exc)
        return None
    return message


def run_headless(main: Callable[[], Awaitable[T]], on_interrupt: Callable[[], None],
                 when_done: WhenDone | None = None) -> T:  # fmt: skip
    """Run `main()` on a QCoreApplication's event loop through qasync (no widgets).

    SIGINT/SIGTERM call `on_interrupt` (once); a second SIGINT exits at once. While the
    when-done action counts down to sleep or shutdown, SIGINT cancels that instead.
    """
    os.environ.setdefault("QT_API", "pyside6")
    import qasync
    from PySide6.QtCore import QCoreApplication, QTimer

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    interrupted = {"count": 0}

    def handle(signum: int, _frame: object) -> None:
        if signum == signal.SIGINT and when_done is not None and when_done.counting:
            loop.call_soon_threadsafe(when_done.cancel, "Cancelled with Ctrl+C: the computer "
                                      "stays on.")  # fmt: skip
            return
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


def run_gui(settings: Settings, paths: list[str]) -> int:
    """Open the window on a QApplication through qasync, with `paths` queued; returns the
    exit status once the window has closed and running jobs were stopped (they resume)."""
    os.environ.setdefault("QT_API", "pyside6")  # so qasync binds to PySide6
    import qasync
    from PySide6.QtWidgets import QApplication

    from storyclip_gui.runner.qprocess_runner import QProcessRunner
    from storyclip_gui.ui.application import open_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # the window decides when to quit (jobs, tray)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    engine = build_engine(settings, list_failed=True)
    window = open_window(
        app, engine, paths, check_setup=lambda output: setup_report(engine.settings, output)
    )
    if engine.store_error is not None:
        window.show_notice(str(engine.store_error))
    if engine.pruned is not None:
        window.show_notice(engine.pruned)
    engine.facade.add_notice_listener(window.show_notice)
    loop.call_soon(engine.start)  # recovered jobs first, then the files given

    async def session() -> None:
        engine.start_deliveries()
        server = await _window_server(window, engine)
        upkeep = asyncio.ensure_future(_window_upkeep(window, engine, server))
        try:
            await window.wait_closed()
        finally:
            upkeep.cancel()
            # running jobs stop as interrupted (they resume at the next start), then sockets
            await engine.facade.shutdown()
            if server is not None:
                await server.close()
            await engine.stop_deliveries()
            await engine.close_services()

    try:
        with loop:
            loop.run_until_complete(session())
    finally:
        if isinstance(engine.runner, QProcessRunner):  # whatever happened: no orphans
            engine.runner.kill_all()
        asyncio.set_event_loop(None)
    return 0


async def _window_server(window: Any, engine: Engine) -> ServerHandle | None:
    """Start the observer server beside the window; a taken port is a notice, not a failure."""
    from storyclip_gui.server import ServerStartError

    try:
        server = await start_server(engine)
    except ServerStartError as exc:
        window.show_notice(f"The observer server is off: {exc}")
        window.set_server_status(None)
        return None
    ws_base = server.url.replace("http://", "ws://", 1)

    def job_ws_url(job_id: str) -> str:  # read-only, short-lived: safe to paste into a web page
        ticket, _ = server.state.tickets.issue(job_id)
        return f"{ws_base}/ws?jobId={job_id}&ticket={ticket}"

    window.set_server_status(server.url, server.hub.client_count, job_ws_url)
    return server


async def _window_upkeep(window: Any, engine: Engine, server: ServerHandle | None) -> None:
    """Every few seconds: the observer count in the status bar, and finished jobs older than
    `finished_display_s` leave the list (the history keeps them)."""
    while True:
        await asyncio.sleep(engine.settings.monitoring_interval)
        if server is not None:
            window.set_server_status(server.url, server.hub.client_count, window.job_ws_url)
        window.expire_finished(engine.settings.finished_display_s)


def setup_report(settings: Settings, output_dir: Path | None = None) -> str:
    """`storyclip doctor`'s report for these settings (blocking: it starts ffmpeg a few times);
    the window's Help ▸ Check setup runs it in a worker thread."""
    from storyclip_gui.cli.doctor import diagnose, render

    folders = {"data": settings.data_dir, "output": output_dir or settings.output_dir,
               "temp": settings.temp_dir}  # fmt: skip
    return render(diagnose(settings.ffmpeg, folders))


def server_token_location(settings: Settings) -> str:
    """Where the server's token comes from, for people: $STORYCLIP_TOKEN or the token file."""
    from storyclip_gui.server import TOKEN_FILE_NAME

    if os.environ.get("STORYCLIP_TOKEN", "").strip():
        return "$STORYCLIP_TOKEN"
    return str(settings.data_dir / TOKEN_FILE_NAME)


async def start_server(engine: Engine, settings: Settings | None = None) -> ServerHandle:
    """Start the observer server (REST, WebSocket, dashboard) for `engine` on the running loop;
    the window and `storyclip serve` both call this. Raises ServerStartError (port taken...)."""
    from storyclip_gui import __version__
    from storyclip_gui.server import (
        TOKEN_FILE_NAME,
        ServerConfig,
        load_or_create_token,
        start_web_server,
    )

    settings = settings or engine.settings
    token = os.environ.get("STORYCLIP_TOKEN", "").strip()
    if not token:
        token = load_or_create_token(settings.data_dir / TOKEN_FILE_NAME)
    config = ServerConfig(
        token=token,
        host=settings.server_host,
        port=settings.server_port,
        allowed_origins=tuple(filter(None, settings.server_allowed_origins.split(","))),
        allowed_hosts=tuple(filter(None, settings.server_allowed_hosts.split(","))),
        max_connections=settings.server_max_connections,
        max_queued_jobs=settings.max_queued_jobs,
        heartbeat_interval=settings.monitoring_interval,
        version=__version__,
    )
    return await start_web_server(engine.facade, config, engine.webhooks, engine.when_done)


def run_serve(
    settings: Settings, say: Callable[[str], None], watch: list[str] | None = None
) -> int:
    """`storyclip serve`: the engine and the server with no window until SIGTERM or SIGINT;
    then running jobs stop as interrupted (they resume at the next start) and sockets close.
    Videos that appear in the `watch` folders become jobs once they stop growing (each file
    once, across restarts). Raises ServerStartError when the server cannot listen."""
    engine = build_engine(settings)
    if engine.store_error is not None:
        say(f"Warning: {engine.store_error} Jobs are kept in memory only.")
    if engine.pruned is not None:
        say(engine.pruned)
    engine.facade.add_notice_listener(lambda message: say(f"Warning: {message}"))
    WhenDoneLines(engine.bus, say)
    stop = asyncio.Event()

    async def expire_finished() -> None:
        while True:  # the live view (and so the WebSocket snapshot) keeps recent jobs only
            await asyncio.sleep(60)
            engine.facade.expire_finished(settings.finished_display_s)

    async def main() -> None:
        handle = await start_server(engine, settings)
        engine.start_deliveries()
        say(f"Listening on {handle.url}")
        say(f"Token: {server_token_location(settings)} (send 'Authorization: Bearer TOKEN'; "
            f"the dashboard at {handle.url}/ asks for it once)")  # fmt: skip
        engine.start()
        background = [asyncio.ensure_future(expire_finished())]
        if watch:
            background.append(asyncio.ensure_future(_watch(engine, watch)))
            say("Watching for new videos in: " + ", ".join(watch))
        try:
            await stop.wait()
        finally:
            for task in background:
                task.cancel()
            await engine.facade.shutdown()
            await engine.close_services()
            await handle.close()
            await engine.stop_deliveries()
            close_store = getattr(engine.store, "close", None)
            if close_store is not None:
                close_store()

    run_headless(main, stop.set, engine.when_done)
    return 0


async def _watch(engine: Engine, folders: list[str]) -> None:
    """Watch folders → jobs with the default options, through the one intake."""
    from storyclip_gui.core.watch import FolderWatcher, SeenFiles, watch_folders

    settings = engine.settings
    seen = SeenFiles(settings.data_dir / "watched-files.json")
    watcher = FolderWatcher(folders, seen, exclude=[settings.output_dir])
    for folder in watcher.overlaps_output():
        engine.manager.notice(f"The watched folder {folder} and the output folder overlap: the "
                              "app's own clips there are not taken as new videos.")  # fmt: skip

    def take(path: Path) -> None:
        for refusal in engine.facade.intake.submit(IntakeRequest([str(path)])).refused:
            log.warning("watch folder: %s", refusal.message)

    await watch_folders(watcher, take)


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
