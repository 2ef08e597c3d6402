"""Command line: storyclip [gui] | process | resume | history | serve | doctor."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from storyclip_gui import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyclip", description="Cut long videos into vertical story clips."
    )
    parser.add_argument("--version", action="version", version=f"StoryClip Studio {__version__}")
    parser.add_argument("--data-dir", help="folder for the database, token and settings file")
    parser.add_argument("--ffmpeg", help="path of the ffmpeg binary to use")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command")
    g = sub.add_parser("gui", help="open the window (the default)")
    g.add_argument("paths", nargs="*", metavar="FILE_OR_FOLDER", help="videos to queue at once")

    p = sub.add_parser("process", help="cut videos into story clips in the terminal")
    p.add_argument("paths", nargs="*", metavar="FILE_OR_FOLDER",
                   help="videos, or folders searched for videos")  # fmt: skip
    p.add_argument("--demo", action="store_true",
                   help="make a 20 s test video and process it (no file needed)")  # fmt: skip
    p.add_argument("--output-dir", help="where job folders with clips are written")
    p.add_argument("--clip-seconds", type=float, help="length of each clip (default 15)")
    p.add_argument("--layout", choices=["crop", "blur", "fit", "smart"],
                   help="how 16:9 becomes 9:16 (smart: the crop follows the subject)")
    p.add_argument("--size", help="1080x1920 (default) or 720x1280")
    p.add_argument("--quality", choices=["low", "medium", "high"])
    _encoder_argument(p)
    p.add_argument("--preset", help="instagram-stories, instagram-reels, tiktok, youtube-shorts")
    p.add_argument("--trim-start", type=float, help="seconds to skip at the start")
    p.add_argument("--trim-end", type=float, help="stop at this second of the source")
    p.add_argument("--max-clips", type=int, help="keep at most this many clips")
    p.add_argument("--no-audio", action="store_true", help="drop the sound")
    p.add_argument("--name-template", help="default {stem}_{index:02d}.mp4")
    p.add_argument("--fast-copy", action="store_true",
                   help="cut without re-encoding when the source already is 9:16 H.264 "
                        "(cuts snap to keyframes)")  # fmt: skip
    _smart_arguments(p)
    p.add_argument("--jobs", type=int, help="how many videos to process at once")
    p.add_argument("--json", action="store_true", help="print one JSON array of results")
    p.add_argument("--webhook-wait", type=float, metavar="SECONDS",
                   help="at the end, wait up to this long for webhook deliveries to go out "
                   "(default: the webhook_drain_s setting, 10 s; 0: do not wait)")  # fmt: skip
    _executor_options(p)

    sub.add_parser("doctor", help="check ffmpeg, encoders and folders")

    sv = sub.add_parser("serve", help="run the engine with the observer server (REST, WebSocket, "
                        "web dashboard) and no window, until SIGTERM or Ctrl+C")  # fmt: skip
    sv.add_argument("--host", help="address to listen on (default 127.0.0.1; anything else "
                    "exposes the API to the network)")  # fmt: skip
    sv.add_argument("--port", type=int, help="port (default 8765; 0: any free port)")
    sv.add_argument("--output-dir", help="where job folders with clips are written")
    sv.add_argument("--watch", action="append", metavar="DIR", default=[],
                    help="turn videos that appear in DIR into jobs (repeatable)")  # fmt: skip

    _executor_options(sv)

    w = sub.add_parser("worker", help="render clips for apps whose executor is dask: runs "
                       "`dask worker SCHEDULER` with one clip at a time per process")  # fmt: skip
    w.add_argument("scheduler", metavar="SCHEDULER", help="tcp://host:8786")
    w.add_argument("--nworkers", type=int, default=1,
                   help="worker processes, each rendering one clip at a time (default 1: "
                        "ffmpeg's encoder already uses every core)")  # fmt: skip
    w.add_argument("--name", help="the worker's name in the app's workers panel")
    w.add_argument("--path-map", metavar="APP=HERE", action="append", default=[],
                   help="the app's path prefix APP is HERE on this machine (repeatable)")

    r = sub.add_parser("resume", help="recover jobs a previous run left unfinished and run the "
                       "queue until it is empty")  # fmt: skip
    r.add_argument("--json", action="store_true", help="print one JSON array of results")

    h = sub.add_parser("history", help="list, export or re-run past jobs")
    _history_filters(h)
    h.add_argument("--limit", type=int, default=50, help="show at most N jobs (default 50)")
    h.add_argument("--json", action="store_true", help="one JSON object per line")
    h.add_argument("--stats", action="store_true", help="print statistics instead of jobs")
    hs = h.add_subparsers(dest="history_command")
    e = hs.add_parser("export", help="write the (filtered) history as CSV or JSON")
    _history_filters(e)
    e.add_argument("--format", choices=["csv", "json"], required=True)
    e.add_argument("--output", help="file to write (default: standard output)")
    rr = hs.add_parser("rerun", help="run a past job again as a new job (same or changed options)")
    rr.add_argument("job_id", metavar="JOB_ID", help="the job's id or its first characters")
    rr.add_argument("--clip-seconds", type=float, help="new clip length")
    rr.add_argument("--layout", choices=["crop", "blur", "fit", "smart"])
    rr.add_argument("--size", help="1080x1920 or 720x1280")
    rr.add_argument("--quality", choices=["low", "medium", "high"])
    _encoder_argument(rr)
    rr.add_argument("--preset", help="instagram-stories, instagram-reels, tiktok, youtube-shorts")
    rr.add_argument("--max-clips", type=int, help="keep at most this many clips")
    _smart_arguments(rr)
    rr.add_argument("--json", action="store_true", help="print one JSON array of results")
    return parser


def _encoder_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoder", choices=["auto", "x264", "nvenc", "vaapi", "qsv", "videotoolbox"],
                   help="H.264 encoder (default: the default_encoder setting, auto): auto uses "
                        "the first hardware encoder that works here; any failure falls back "
                        "to x264 (docs/encoders.md)")  # fmt: skip


def _smart_arguments(p: argparse.ArgumentParser) -> None:
    """Smart clips (docs/user-guide.md, "Smart cuts"): where cuts land, loudness."""
    p.add_argument("--cuts", choices=["fixed", "smart"],
                   help="fixed: every clip length (default); smart: move each cut to a nearby "
                        "silence or scene change")  # fmt: skip
    p.add_argument("--cut-window", type=float, metavar="SECONDS",
                   help="how far a smart cut may move either way (default 2)")  # fmt: skip
    p.add_argument("--loudnorm", action="store_true",
                   help="normalise each clip's loudness to the platform's target (two passes)")


def _smart_options(args: argparse.Namespace) -> dict[str, Any]:
    given: dict[str, Any] = {"cuts": getattr(args, "cuts", None),
                             "cut_window": getattr(args, "cut_window", None)}
    if getattr(args, "loudnorm", False):
        given["loudnorm"] = True
    return {k: v for k, v in given.items() if v is not None}


def _executor_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--executor", choices=["local", "dask"],
                   help="render clips on this machine (local) or on a Dask cluster")  # fmt: skip
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="the Dask scheduler, tcp://host:8786 (implies --executor dask)")


def _executor_overrides(args: argparse.Namespace) -> dict[str, Any]:
    executor = args.executor or ("dask" if args.scheduler else None)
    return {"executor": executor, "dask_scheduler": args.scheduler}


def _history_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--status", action="append", default=[], metavar="S",
                   help="queued, processing, completed, failed, cancelled, interrupted "
                        "(repeat or separate with commas)")  # fmt: skip
    p.add_argument("--since", metavar="DATE", help="created at or after: 2024-05-01, "
                   "2024-05-01T14:30, or an age like 12h, 7d")  # fmt: skip
    p.add_argument("--until", metavar="DATE", help="created before this date or age")
    p.add_argument("--search", metavar="TEXT", help="part of the source file name")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    command = args.command or "gui"
    if command == "process":
        return _process(args)
    if command == "doctor":
        return _doctor(args)
    if command == "resume":
        return _resume(args)
    if command == "history":
        return _history(args)
    if command == "serve":
        return _serve(args)
    if command == "worker":
        return _worker(args)
    return _gui(args)


def gui_main(argv: list[str] | None = None) -> int:
    """`storyclip-gui [FILE_OR_FOLDER...]`: open the window with those videos queued."""
    parser = argparse.ArgumentParser(prog="storyclip-gui", description="Open StoryClip Studio.")
    parser.add_argument("--data-dir", help="folder for the database, token and settings file")
    parser.add_argument("--ffmpeg", help="path of the ffmpeg binary to use")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    parser.add_argument("paths", nargs="*", metavar="FILE_OR_FOLDER", help="videos to queue")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")  # fmt: skip
    return _gui(args)


def _gui(args: argparse.Namespace) -> int:
    from storyclip_gui.app import run_gui
    from storyclip_gui.config import SettingsError
    from storyclip_gui.core.ffmpeg.locate import FFmpegNotFound

    if _no_display():
        print("storyclip: there is no display to open the window on. On a machine without a "
              "screen use `storyclip process FILE...` or `storyclip serve`.", file=sys.stderr)
        return EXIT_USAGE
    try:
        settings = _load(args)
        return run_gui(settings, list(getattr(args, "paths", None) or []))
    except SettingsError as exc:
        print(f"storyclip: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FFmpegNotFound as exc:
        print(f"storyclip: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _no_display() -> bool:
    """Linux without X11 or Wayland (and no QT_QPA_PLATFORM): Qt would abort the process."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _load(args: argparse.Namespace, **overrides: Any) -> Any:
    from storyclip_gui.config import load_settings

    return load_settings(overrides={"data_dir": args.data_dir, "ffmpeg": args.ffmpeg, **overrides})


def _doctor(args: argparse.Namespace) -> int:
    from storyclip_gui.cli.doctor import diagnose, render
    from storyclip_gui.config import SettingsError

    try:
        settings = _load(args)
    except SettingsError as exc:
        print(f"storyclip: {exc}", file=sys.stderr)
        return EXIT_USAGE
    folders = {"data": settings.data_dir, "output": settings.output_dir, "temp": settings.temp_dir}
    report = diagnose(settings.ffmpeg, folders)
    print(render(report))
    return EXIT_FAILED if report.fatal else EXIT_OK


def _worker(args: argparse.Namespace) -> int:
    """`storyclip worker tcp://host:8786`: `dask worker` with a process per clip."""
    from storyclip_gui.cluster.task import PATH_MAP_ENV, parse_path_map

    try:
        parse_path_map(";".join(args.path_map))
    except ValueError as exc:
        print(f"storyclip worker: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.path_map:
        os.environ[PATH_MAP_ENV] = ";".join(args.path_map)
    argv = [sys.executable, "-m", "distributed.cli.dask_worker", args.scheduler,
            "--nworkers", str(max(1, args.nworkers)), "--nthreads", "1"]  # fmt: skip
    if args.name:
        argv += ["--name", args.name]
    os.execv(sys.executable, argv)
    return EXIT_FAILED  # not reached


def _serve(args: argparse.Namespace) -> int:
    from storyclip_gui.app import run_serve
    from storyclip_gui.config import SettingsError
    from storyclip_gui.core.ffmpeg.locate import FFmpegNotFound
    from storyclip_gui.server import ServerStartError

    try:
        settings = _load(args, server_host=args.host, server_port=args.port,
                         output_dir=args.output_dir, **_executor_overrides(args))  # fmt: skip
        for folder in args.watch:
            if not os.path.isdir(folder):
                print(f"storyclip serve: --watch {folder}: not a folder", file=sys.stderr)
                return EXIT_USAGE
        return run_serve(settings, lambda line: print(line, flush=True), args.watch)
    except SettingsError as exc:
        print(f"storyclip serve: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (FFmpegNotFound, ServerStartError) as exc:
        print(f"storyclip serve: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _chosen_options(args: argparse.Namespace) -> dict[str, Any]:
    """The story options given on the command line (the intake merges them over defaults)."""
    given: dict[str, Any] = {
        "clip_seconds": args.clip_seconds,
        "layout": args.layout,
        "size": args.size,
        "quality": args.quality,
        "encoder": getattr(args, "encoder", None),
        "preset": args.preset,
        "trim_start": getattr(args, "trim_start", None),
        "trim_end": getattr(args, "trim_end", None),
        "max_clips": args.max_clips,
        "name_template": getattr(args, "name_template", None),
    }
    given = {k: v for k, v in given.items() if v is not None}
    if getattr(args, "no_audio", False):
        given["audio"] = False
    if getattr(args, "fast_copy", False):
        given["fast_copy"] = True
    given.update(_smart_options(args))
    return given


def _process(args: argparse.Namespace) -> int:
    from storyclip_gui.app import make_demo_video
    from storyclip_gui.core.intake import IntakeRequest, merge_options

    if not args.paths and not args.demo:
        print("storyclip process: give videos or folders, or --demo for a sample run.",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        print("storyclip process: --jobs must be at least 1.", file=sys.stderr)
        return EXIT_USAGE
    if args.webhook_wait is not None and not args.webhook_wait >= 0:
        print("storyclip process: --webhook-wait must be 0 or more seconds.", file=sys.stderr)
        return EXIT_USAGE

    async def submit(engine: Any) -> list[Any]:
        intake = engine.facade.intake
        chosen = merge_options(intake.defaults, _chosen_options(args))  # before the demo
        paths = list(args.paths)
        if args.demo:
            print("Making a 20 s demo video…", file=sys.stderr)
            paths.append(str(await make_demo_video(engine, engine.settings.temp_dir / "demo")))
        request = IntakeRequest(paths, chosen, relative_to=os.getcwd())
        return intake.submit(request).refused

    # a one-shot run of the given files: recovering other jobs is `resume`'s (and the
    # window's) business, and a window running beside us may own them
    overrides = {"output_dir": args.output_dir, "concurrency": args.jobs,
                 "webhook_drain_s": args.webhook_wait, **_executor_overrides(args)}
    return _run_engine(args, "process", submit, recover=False, settings=overrides)


def _resume(args: argparse.Namespace) -> int:
    """Headless: recover what a previous run left unfinished, run the queue until idle."""

    async def submit(engine: Any) -> list[Any]:
        return []

    return _run_engine(args, "resume", submit, needs_history=True,
                       nothing="Nothing to resume: no unfinished jobs in the history.")  # fmt: skip


def _history(args: argparse.Namespace) -> int:
    from storyclip_gui.app import open_job_store
    from storyclip_gui.cli.history_command import HistoryUsageError, export_history, show_history
    from storyclip_gui.config import SettingsError
    from storyclip_gui.core.history import JobIdError, resolve_job_id
    from storyclip_gui.core.ports import StoreError

    store = None
    try:
        store = open_job_store(_load(args))
        if args.history_command == "rerun":
            job_id = resolve_job_id(store, args.job_id)  # the table may show a cut id
            store.close()
            store = None
            return _rerun(args, job_id)
        if args.history_command == "export":
            return export_history(args, store)
        return show_history(args, store)
    except (SettingsError, HistoryUsageError, JobIdError) as exc:
        print(f"storyclip history: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as exc:
        print(f"storyclip history: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if store is not None:
            store.close()


def _rerun(args: argparse.Namespace, job_id: str) -> int:
    async def submit(engine: Any) -> list[Any]:
        engine.facade.rerun(job_id, _chosen_options(args))
        return []

    return _run_engine(args, "history rerun", submit, recover=False, needs_history=True)


def _run_engine(
    args: argparse.Namespace,
    name: str,
    submit: Callable[[Any], Awaitable[list[Any]]],
    *,
    recover: bool = True,
    needs_history: bool = False,
    settings: dict[str, Any] | None = None,
    nothing: str = "",
) -> int:
    """Every headless run (process, resume, history rerun): build the engine (recovering
    unfinished jobs unless told not to), `submit(engine)` through the intake, run
    until the queue is idle, print one result per job this run handled and per refused input.
    Ctrl-C or SIGTERM: running jobs become interrupted, queued ones stay queued (`resume`)."""
    from rich.console import Console

    from storyclip_gui.app import build_engine, run_headless
    from storyclip_gui.cli.console import output_console
    from storyclip_gui.cli.process_view import (
        ProcessView,
        print_json,
        print_summary,
        result_objects,
    )
    from storyclip_gui.cli.when_done_view import WhenDoneLines
    from storyclip_gui.config import SettingsError
    from storyclip_gui.core.ffmpeg.locate import FFmpegNotFound
    from storyclip_gui.core.jobs import SubmitError

    err = Console(stderr=True)
    try:
        engine = build_engine(_load(args, **(settings or {})), recover=recover)
    except SettingsError as exc:
        err.print(f"storyclip {name}: {exc}")
        return EXIT_USAGE
    except FFmpegNotFound as exc:
        err.print(f"storyclip {name}: {exc}")
        return EXIT_FAILED
    engine.facade.add_notice_listener(lambda message: err.print(f"Warning: {message}"))
    if engine.store_error is not None:
        err.print(f"storyclip {name}: {engine.store_error}")
        if needs_history:
            return EXIT_FAILED
        err.print("Jobs are kept in memory only.")
    report = engine.recovery
    if report is not None and (report.jobs_touched or report.queued):
        err.print(f"Recovered: {len(report.requeued)} resumed, {len(report.queued)} still "
                  f"queued, {len(report.failed)} failed after too many attempts, "
                  f"{len(report.interrupted)} left interrupted.")  # fmt: skip
    manager = engine.facade
    state: dict[str, Any] = {"interrupted": False, "error": "", "stopping": None}
    refused: list[Any] = []

    def interrupt() -> None:
        # as docs/cli.md promises: running jobs become interrupted (their verified clips are
        # kept), jobs not started stay queued, and `storyclip resume` finishes the run
        state["interrupted"] = True
        err.print("[yellow]Interrupted: stopping; `storyclip resume` finishes the run…")
        state["stopping"] = asyncio.ensure_future(manager.shutdown())

    async def run() -> list[dict[str, Any]]:
        engine.start_deliveries()  # webhooks go out while the jobs run, not only at the end
        try:
            try:
                refused.extend(await submit(engine))
            except SubmitError as exc:
                state["error"] = str(exc)
                return []
            engine.start()
            await manager.wait_until_idle()
            if engine.when_done is not None:  # the countdown or the command, then the end
                await asyncio.sleep(0)
                await engine.when_done.wait_settled()
            if manager.pause_reason:
                err.print(f"[red]{manager.pause_reason} Jobs not started stay queued: run "
                          "`storyclip resume` when the problem is fixed.")  # fmt: skip
            await engine.stop()  # and disconnect from the cluster, if any
            await asyncio.sleep(0)
            if not state["interrupted"]:
                await _drain_webhooks(engine, err)
            return [job.to_dict() for job in manager.jobs()]
        finally:
            await engine.stop_deliveries()

    try:
        with ProcessView(engine.bus, err) if not args.json or err.is_terminal else _Null():
            WhenDoneLines(engine.bus, lambda line: err.print(line, markup=False,
                                                             highlight=False))  # fmt: skip
            jobs = run_headless(run, interrupt, engine.when_done)
    except KeyboardInterrupt:  # a second Ctrl-C: stop at once, the history keeps the rest
        err.print("Stopped at once: `storyclip resume` finishes the run.")
        return EXIT_INTERRUPTED
    if state["error"]:
        err.print(f"storyclip {name}: {state['error']}")
        return EXIT_USAGE
    results = result_objects(jobs, refused)
    if args.json:
        print_json(output_console(), results)
    elif results:
        print_summary(output_console(), results)
    elif nothing:
        err.print(nothing)
    if state["interrupted"]:
        return EXIT_INTERRUPTED
    return EXIT_OK if all(r["status"] == "completed" for r in results) else EXIT_FAILED


async def _drain_webhooks(engine: Any, err: Any) -> None:
    """Wait up to webhook_drain_s for the webhook outbox to empty; say what is left (it stays
    in the history database and goes out at the next start)."""
    from storyclip_gui.core.ports import StoreError

    if engine.webhooks is None:
        return
    wait = engine.settings.webhook_drain_s
    left = await engine.drain_deliveries(wait)
    if not left:
        return
    err.print(f"Webhooks: {left} {'delivery' if left == 1 else 'deliveries'} not sent within "
              f"{wait:g} s; kept for the next start (storyclip serve, resume, process or the "
              "window).")  # fmt: skip
    try:
        subs, summaries = engine.webhooks.subscriptions(), engine.webhooks.summaries()
    except StoreError:  # the count above is what matters; the details cannot be read now
        return
    for sub in subs:
        summary = summaries.get(sub.id)
        if sub.enabled and summary is not None and summary.pending:
            why = f" (last try: {summary.last_error})" if summary.last_error else ""
            err.print(f"  {summary.pending} pending for {sub.url}{why}", markup=False,
                      highlight=False)  # fmt: skip


class _Null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    sys.exit(main())
