"""Helpers for watching other processes: waiting on conditions, /proc, the history database."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[2]


def wait_for(condition: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll `condition` until it returns something true (another process's files or /proc
    entries have no event to wait on); raise with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.05)


def alive(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(") ", 1)[1][0] not in "ZX"


def processes_mentioning(text: str) -> list[tuple[int, str]]:
    """Live processes whose command line contains `text` (e.g. a test's output folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if text in argv and alive(int(entry.name)):
            found.append((int(entry.name), argv))
    return found


def rss_kib(pid: int) -> tuple[int, int]:
    """(current RSS, peak RSS) of a process in KiB, from /proc/PID/status; (0, 0) once gone."""
    values = {"VmRSS": 0, "VmHWM": 0}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in values:
                values[key] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return values["VmRSS"], values["VmHWM"]


def query(db: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Read the history database of another process (read-only, so we never lock it); waits
    a little while the other process is still creating the file or its schema."""
    for _ in range(50):
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            try:
                return con.execute(sql, params).fetchall()
            finally:
                con.close()
        except sqlite3.OperationalError:
            time.sleep(0.05)
    raise AssertionError(f"cannot read {db}")


def leftovers(folder: Path) -> list[Path]:
    """Hidden or temporary files: what a crash or a failure must never leave behind."""
    if not folder.exists():
        return []
    return [p for p in folder.rglob("*") if p.name.startswith(".") or p.suffix == ".part"]


@contextlib.contextmanager
def serve_process(
    env: dict[str, str], grace: float = 30
) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`storyclip serve --port 0` (the real engine, real ffmpeg) in its own process; yields it
    and its URL; on exit it is stopped with SIGTERM (unless the test already ended it) and must
    not have printed a traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "storyclip_gui", "serve", "--port", "0"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.fullmatch(r"Listening on (http://127\.0\.0\.1:\d+)\n", line)
        assert match, (line, proc.stderr.read() if proc.poll() is not None and proc.stderr else "")
        yield proc, match.group(1)
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        stderr = proc.stderr.read() if proc.stderr else ""
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
        assert "Traceback" not in stderr, stderr[-4000:]


@contextlib.contextmanager
def serving(env: dict[str, str], grace: float = 30) -> Iterator[str]:
    """serve_process, for tests that need only the URL."""
    with serve_process(env, grace) as (_, url):
        yield url
