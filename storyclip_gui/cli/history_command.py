"""`storyclip history` and `storyclip history export`: filters from the command line, pages from
the JobStore port, output through history_view. Knows the store only as core's JobStore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from storyclip_gui.cli import history_view
from storyclip_gui.cli.console import output_console
from storyclip_gui.core import history_export
from storyclip_gui.core.history import HistoryPager
from storyclip_gui.core.ports import HistoryQuery, JobStore

EXIT_OK = 0
EXIT_FAILED = 1
EXPORT_PAGE = 1000


class HistoryUsageError(ValueError):
    """A filter the user gave cannot be understood; the message says which and why."""


def query_from_args(args: argparse.Namespace, limit: int) -> HistoryQuery:
    try:
        states = history_view.parse_states(args.status or [])
        since = history_view.parse_when(args.since) if args.since else None
        until = history_view.parse_when(args.until) if args.until else None
    except ValueError as exc:
        raise HistoryUsageError(str(exc)) from None
    if limit < 1:
        raise HistoryUsageError("--limit must be at least 1.")
    return HistoryQuery(states=states, since=since, until=until,
                        search=args.search or None, limit=limit)  # fmt: skip


def show_history(args: argparse.Namespace, store: JobStore) -> int:
    out = output_console()
    if args.stats:
        since = query_from_args(args, 1).since
        stats = store.stats(since)
        if args.json:
            import json

            print(json.dumps(stats.to_dict(), ensure_ascii=False))
        else:
            history_view.print_stats(out, stats)
        return EXIT_OK
    page = store.history(query_from_args(args, args.limit))
    if args.json:
        history_view.write_json_lines(sys.stdout, page.jobs)
    elif page.jobs:
        history_view.print_history(out, page.jobs, more=page.next_cursor is not None)
    else:
        Console(stderr=True).print("No jobs match.")
    return EXIT_OK


def export_history(args: argparse.Namespace, store: JobStore) -> int:
    """Every matching job in the shared export format (core.history_export), to standard
    output or atomically to --output (its folder is created)."""
    jobs = HistoryPager(store, query_from_args(args, EXPORT_PAGE))
    if not args.output:
        history_export.write(sys.stdout, args.format, jobs)
        return EXIT_OK
    target = Path(args.output)
    try:
        count = history_export.write_file(target, args.format, jobs)
    except OSError as exc:
        print(f"storyclip history: {target} could not be written: {exc.strerror or exc}.",
              file=sys.stderr)  # fmt: skip
        return EXIT_FAILED
    Console(stderr=True).print(f"Exported {count} jobs to {target}.")
    return EXIT_OK
