"""Live terminal view of jobs (rich progress bars) and the end-of-run summary or JSON."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn
from rich.table import Table

from storyclip_gui.core.events import Event, EventBus, EventKind
from storyclip_gui.core.sources import Refusal


class ProcessView:
    """Subscribes to the bus and draws one progress bar per job on stderr."""

    def __init__(self, bus: EventBus, console: Console) -> None:
        self.console = console
        self.progress = Progress(
            TextColumn("{task.fields[name]}", style="bold"),
            BarColumn(),
            TextColumn("{task.percentage:>5.1f}%"),
            TextColumn("{task.fields[status]}"),
            TextColumn("{task.fields[eta]}", style="cyan"),
            console=console,
            transient=False,
        )
        self._tasks: dict[str, TaskID] = {}
        self._unsubscribe: Callable[[], None] = bus.subscribe(self._on_event)

    def __enter__(self) -> ProcessView:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()
        self._unsubscribe()

    def _on_event(self, event: Event) -> None:
        job = event.job
        task = self._tasks.get(event.job_id)
        if task is None:
            name = os.path.basename(job["source"])[:40]
            task = self.progress.add_task("", total=100, name=name, status="queued", eta="")
            self._tasks[event.job_id] = task
        status = job["message"]
        if event.kind is EventKind.JOB_COMPLETED:
            status = {"completed": "[green]✓ completed", "cancelled": "[yellow]cancelled"}.get(
                job["status"], f"[red]✗ {job['error']['message'] if job['error'] else 'failed'}"
            )
        elif job["speed"]:
            status = f"{status}  {job['speed']:.1f}x"
        self.progress.update(task, completed=job["progress"], status=status,
                             eta=eta_text(job.get("eta")))  # fmt: skip


def eta_text(eta: dict[str, Any] | None) -> str:
    """'~1:40 (≤2:10)': the learned P50, and the P90 it stays under nine times in ten."""
    if not eta:
        return ""
    return f"~{clock_text(eta['p50Seconds'])} (≤{clock_text(eta['p90Seconds'])})"


def clock_text(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def result_objects(
    jobs: list[dict[str, Any]], refused: list[Refusal]
) -> list[dict[str, Any]]:
    """One object per input for --json (the contract in docs/cli.md)."""
    results = []
    for job in jobs:
        results.append({
            "jobId": job["jobId"],
            "source": job["source"],
            "status": job["status"],
            "error": ({"code": job["error"]["code"], "message": job["error"]["message"]}
                      if job["error"] else None),
            "outputDir": job["outputDir"],
            "encoder": job.get("encoder"),
            "clips": [
                {"path": c["path"], "start": c["start"], "end": c["end"],
                 "duration": c["duration"], "width": c["width"], "height": c["height"],
                 "size": c["size"], "cut": c.get("cut"), "qc": c.get("qc")}
                for c in job["clips"] if c["state"] == "verified"
            ],
        })  # fmt: skip
    for refusal in refused:  # an input the intake refused: no job, the reason
        results.append({
            "jobId": None, "source": refusal.path, "status": "failed",
            "error": {"code": "invalid_input", "message": refusal.message},
            "outputDir": None, "encoder": None, "clips": [],
        })  # fmt: skip
    return results


def print_json(console: Console, results: list[dict[str, Any]]) -> None:
    console.file.write(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    console.file.flush()


def print_summary(console: Console, results: list[dict[str, Any]]) -> None:
    table = Table(title="StoryClip results")
    table.add_column("Source")
    table.add_column("Status")
    table.add_column("Clips", justify="right")
    table.add_column("Encoder")  # a hardware encoder asked for but not working shows here
    table.add_column("Output / reason")
    for r in results:
        ok = r["status"] == "completed"
        table.add_row(
            os.path.basename(r["source"]),
            f"[green]{r['status']}" if ok else f"[red]{r['status']}",
            str(len(r["clips"])),
            r.get("encoder") or "",
            r["outputDir"] if ok else (r["error"] or {}).get("message", ""),
        )
    console.print(table)
