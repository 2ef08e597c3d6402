"""Terminal views of the job history: filters, the table, JSON lines, statistics."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable
from datetime import datetime
from typing import IO

from rich.console import Console
from rich.table import Table

from storyclip_gui.core.jobs import Job, JobState
from storyclip_gui.core.ports import HistoryStats


class DateError(ValueError):
    """A --since/--until value that is neither a date nor an age like 7d."""


def parse_when(text: str, now: float | None = None) -> float:
    """'2024-05-01', '2024-05-01T14:30' (local time), or an age: '90m', '12h', '7d', '2w'."""
    now = time.time() if now is None else now
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*", text)
    if match:
        unit = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}[match.group(2)]
        return now - float(match.group(1)) * unit
    try:
        return datetime.fromisoformat(text.strip()).timestamp()
    except ValueError:
        raise DateError(f"{text!r} is not a date (2024-05-01, 2024-05-01T14:30) or an age "
                        "(90m, 12h, 7d, 2w).") from None  # fmt: skip


def parse_states(values: Iterable[str]) -> frozenset[JobState]:
    """--status completed --status failed, or --status completed,failed."""
    states: set[JobState] = set()
    for value in values:
        for name in value.split(","):
            if not name.strip():
                continue
            try:
                states.add(JobState(name.strip().lower()))
            except ValueError:
                known = ", ".join(s.value for s in JobState)
                raise ValueError(f"Unknown status {name!r}; choose from {known}.") from None
    return frozenset(states)


def _duration(job: Job) -> str:
    if job.started_at is None or job.finished_at is None:
        return ""
    seconds = job.finished_at - job.started_at
    return f"{seconds:.1f} s" if seconds < 120 else f"{seconds / 60:.1f} min"


def print_history(console: Console, jobs: list[Job], more: bool) -> None:
    table = Table(title="StoryClip history (newest first)")
    # the id is what `history rerun` takes: never cut it, let the other columns wrap
    table.add_column("Job", no_wrap=True, min_width=max((len(j.id) for j in jobs), default=3))
    for name, justify in (("Created", "left"), ("Source", "left"),
                          ("Status", "left"), ("Clips", "right"), ("Took", "right"),
                          ("Output / reason", "left")):  # fmt: skip
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    colours = {"completed": "green", "failed": "red", "cancelled": "yellow"}
    for job in jobs:
        status = job.state.value
        colour = colours.get(status, "cyan")
        detail = job.error.message if job.error else (job.output_dir or "")
        table.add_row(
            job.id,
            datetime.fromtimestamp(job.created_at).strftime("%Y-%m-%d %H:%M"),
            os.path.basename(job.source),
            f"[{colour}]{status}",
            f"{job.clips_verified}/{job.clips_total}",
            _duration(job),
            detail,
        )
    console.print(table)
    if more:
        console.print("More jobs match: raise --limit or narrow the filter.", style="dim")


def write_json_lines(out: IO[str], jobs: Iterable[Job]) -> int:
    count = 0
    for job in jobs:
        out.write(json.dumps(job.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def print_stats(console: Console, stats: HistoryStats) -> None:
    table = Table(title="StoryClip statistics", show_header=False)
    table.add_column("What")
    table.add_column("Value", justify="right")
    for state, count in sorted(stats.counts.items()):
        table.add_row(f"jobs {state}", str(count))
    table.add_row("clips generated", str(stats.clips_generated))
    table.add_row("media processed", f"{stats.media_seconds / 60:.1f} min")

    def seconds(value: float | None) -> str:
        return "—" if value is None else f"{value:.1f} s"

    table.add_row("mean processing time", seconds(stats.mean_processing_seconds))
    table.add_row("p95 processing time", seconds(stats.p95_processing_seconds))
    table.add_row("mean speed", "—" if stats.mean_speed is None else f"{stats.mean_speed:.2f}x")
    rate = stats.failure_rate
    table.add_row("failure rate", "—" if rate is None else f"{rate:.1%}")
    for code, count in sorted(stats.failures_by_code.items()):
        table.add_row(f"  failed: {code}", str(count))
    console.print(table)
