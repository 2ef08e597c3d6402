"""Command line: storyclip [gui] | process | doctor (serve and history come with later issues)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
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
    sub.add_parser("gui", help="open the window (the default)")

    p = sub.add_parser("process", help="cut videos into story clips in the terminal")
    p.add_argument("paths", nargs="*", metavar="FILE_OR_FOLDER",
                   help="videos, or folders searched for videos")  # fmt: skip
    p.add_argument("--demo", action="store_true",
                   help="make a 20 s test video and process it (no file needed)")  # fmt: skip
    p.add_argument("--output-dir", help="where job folders with clips are written")
    p.add_argument("--clip-seconds", type=float, help="length of each clip (default 15)")
    p.add_argument("--layout", choices=["crop", "blur", "fit"], help="how 16:9 becomes 9:16")
    p.add_argument("--size", help="1080x1920 (default) or 720x1280")
    p.add_argument("--quality", choices=["low", "medium", "high"])
    p.add_argument("--preset", help="instagram-stories, instagram-reels, tiktok, youtube-shorts")
    p.add_argument("--trim-start", type=float, help="seconds to skip at the start")
    p.add_argument("--trim-end", type=float, help="stop at this second of the source")
    p.add_argument("--max-clips", type=int, help="keep at most this many clips")
    p.add_argument("--no-audio", action="store_true", help="drop the sound")
    p.add_argument("--name-template", help="default {stem}_{index:02d}.mp4")
    p.add_argument("--fast-copy", action="store_true",
                   help="cut without re-encoding when the source already is 9:16 H.264 "
                        "(cuts snap to keyframes)")  # fmt: skip
    p.add_argument("--jobs", type=int, help="how many videos to process at once")
    p.add_argument("--json", action="store_true", help="print one JSON array of results")

    sub.add_parser("doctor", help="check ffmpeg, encoders and folders")
    return parser


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
    return gui_main()


def gui_main() -> int:
    print(
        "The StoryClip window is not built yet (it arrives with the desktop-window issue).\n"
        "Use `storyclip process FILE...` to cut videos in the terminal.",
        file=sys.stderr,
    )
    return EXIT_USAGE


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


def _options_from_args(args: argparse.Namespace, settings: Any) -> Any:
    from storyclip_gui.core.options import StoryOptions

    given: dict[str, Any] = {
        "clip_seconds": args.clip_seconds,
        "layout": args.layout,
        "size": args.size,
        "quality": args.quality,
        "preset": args.preset,
        "trim_start": args.trim_start,
        "trim_end": args.trim_end,
        "max_clips": args.max_clips,
        "name_template": args.name_template,
    }
    given = {k: v for k, v in given.items() if v is not None}
    if args.no_audio:
        given["audio"] = False
    if args.fast_copy:
        given["fast_copy"] = True
    if not args.preset:
        given.setdefault("clip_seconds", settings.default_clip_seconds)
    given.setdefault("quality", settings.default_quality)
    return StoryOptions.from_dict(given)


def _process(args: argparse.Namespace) -> int:
    from rich.console import Console

    from storyclip_gui.app import build_engine, make_demo_video, run_headless
    from storyclip_gui.cli.process_view import (
        ProcessView,
        print_json,
        print_summary,
        result_objects,
    )
    from storyclip_gui.config import SettingsError
    from storyclip_gui.core.ffmpeg.locate import FFmpegNotFound
    from storyclip_gui.core.manager import JobSpec
    from storyclip_gui.core.options import OptionsError
    from storyclip_gui.core.sources import expand_inputs

    err = Console(stderr=True)
    if not args.paths and not args.demo:
        err.print("storyclip process: give videos or folders, or --demo for a sample run.")
        return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        err.print("storyclip process: --jobs must be at least 1.")
        return EXIT_USAGE
    try:
        settings = _load(args, output_dir=args.output_dir, concurrency=args.jobs)
        options = _options_from_args(args, settings)
        engine = build_engine(settings)
    except (SettingsError, OptionsError) as exc:
        err.print(f"storyclip process: {exc}")
        return EXIT_USAGE
    except FFmpegNotFound as exc:
        err.print(f"storyclip process: {exc}")
        return EXIT_FAILED
    sources, problems = expand_inputs(list(args.paths))
    manager = engine.manager
    state = {"interrupted": False}

    def interrupt() -> None:
        state["interrupted"] = True
        err.print("[yellow]Interrupted: cancelling running jobs…")
        manager.cancel_all()

    async def run() -> list[dict[str, Any]]:
        if args.demo:
            err.print("Making a 20 s demo video…")
            sources.append(str(await make_demo_video(engine, settings.temp_dir / "demo")))
        jobs = [manager.submit(JobSpec(source, options)) for source in sources]
        await manager.wait_until_idle()
        await asyncio.sleep(0)
        return [job.to_dict() for job in jobs]

    with ProcessView(engine.bus, err) if not args.json or err.is_terminal else _Null():
        jobs = run_headless(run, interrupt)
    results = result_objects(jobs, problems)
    if args.json:
        print_json(Console(), results)
    else:
        print_summary(Console(), results)
    if state["interrupted"]:
        return EXIT_INTERRUPTED
    return EXIT_OK if all(r["status"] == "completed" for r in results) else EXIT_FAILED


class _Null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    sys.exit(main())
