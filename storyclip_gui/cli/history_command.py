"""`storyclip history` and `storyclip history export`: filters from the command line, pages from
the JobStore port, output through history_view. Knows the store only as core's JobStore."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console

from storyclip_gui.cli import history_view
from storyclip_gui.core.jobs import Job
from storyclip_gui.core.ports import HistoryQuery, JobStore

EXIT_OK = 0
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


def iter_jobs(store: JobStore, query: HistoryQuery) -> Iterator[Job]:
    """Every matching job, newest first, a keyset page at a time."""
    cursor = query.before
    while True:
        page = store.history(HistoryQuery(query.states, query.since, query.until, query.search,
                                          query.limit, cursor))  # fmt: skip
        yield from page.jobs
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def show_history(args: argparse.Namespace, store: JobStore) -> int:
    out = Console()
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
    query = query_from_args(args, EXPORT_PAGE)
    jobs = iter_jobs(store, query)
    writer = history_view.write_csv if args.format == "csv" else history_view.write_json_array
    if not args.output:
        writer(sys.stdout, jobs)
        return EXIT_OK
    target = Path(args.output)
    temp = target.with_name(f".{target.name}.part")
    try:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            count = writer(handle, jobs)
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise HistoryUsageError(f"{target} could not be written: {exc.strerror}.") from None
    Console(stderr=True).print(f"Exported {count} jobs to {target}.")
    return EXIT_OK
