"""The history export format, one for the window and the terminal: CSV or a JSON array of the
same records, dates in ISO 8601 with the local offset; written atomically."""

from __future__ import annotations

import contextlib
import csv
import json
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Literal

from storyclip_gui.core.jobs import Job

ExportFormat = Literal["csv", "json"]
COLUMNS = (
    "jobId", "source", "status", "createdAt", "startedAt", "finishedAt", "clipsVerified",
    "clipsTotal", "errorCode", "errorMessage", "outputDir", "attempts", "parentId",
)  # fmt: skip


def iso_time(stamp: float | None) -> str | None:
    """Epoch seconds as local time in ISO 8601 with its UTC offset: 2024-05-01T14:30:00+02:00."""
    if stamp is None:
        return None
    return datetime.fromtimestamp(stamp).astimezone().isoformat(timespec="seconds")


def record(job: Job) -> dict[str, Any]:
    """One job as an export record: the COLUMNS, in order; None where there is no value."""
    return {
        "jobId": job.id,
        "source": job.source,
        "status": job.state.value,
        "createdAt": iso_time(job.created_at),
        "startedAt": iso_time(job.started_at),
        "finishedAt": iso_time(job.finished_at),
        "clipsVerified": job.clips_verified,
        "clipsTotal": job.clips_total,
        "errorCode": job.error.code.value if job.error else None,
        "errorMessage": job.error.message if job.error else None,
        "outputDir": job.output_dir,
        "attempts": job.attempts,
        "parentId": job.parent_id,
    }


def write_csv(out: IO[str], jobs: Iterable[Job]) -> int:
    """A header row of COLUMNS, then one row per job (an empty cell for None)."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for job in jobs:
        writer.writerow("" if v is None else v for v in record(job).values())
        count += 1
    return count


def write_json(out: IO[str], jobs: Iterable[Job]) -> int:
    """A JSON array of records, written job by job so a large history never sits in memory."""
    count = 0
    out.write("[")
    for job in jobs:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(record(job), ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write(out: IO[str], fmt: ExportFormat, jobs: Iterable[Job]) -> int:
    return (write_csv if fmt == "csv" else write_json)(out, jobs)


def write_file(path: Path, fmt: ExportFormat, jobs: Iterable[Job]) -> int:
    """Write the export to `path` (its folder is created) through a hidden temporary file, so
    the file is either complete or absent. Returns how many jobs were written; raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.part")
    try:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            count = write(handle, fmt, jobs)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return count
