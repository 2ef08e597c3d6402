"""Runs on a Dask worker: one clip's ffmpeg, its progress published as it comes, stopped as
soon as nobody wants the clip any more (cancelled, or the app that asked for it is gone).

Only the standard library, distributed and core's sans-I/O parts are used here: a worker needs
`pip install storyclip-studio` (for ffmpeg and this module), never Qt or a display.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyclip_gui.core.child_process import death_signal_prefix
from storyclip_gui.core.ffmpeg.progress import ProgressParser, ProgressUpdate

TOPIC = "storyclip-clip"  # worker → app: started / progress / ended, one dict per event
PATH_MAP_ENV = "STORYCLIP_PATH_MAP"  # "APP_PREFIX=WORKER_PREFIX;..." on a worker
POLL_S = 0.1  # how often a run checks whether its clip is still wanted
TERMINATE_GRACE_S = 0.4  # SIGTERM, then SIGKILL: gone well within a second
STDERR_LIMIT = 64 * 1024
WANTED_STATES = frozenset({"executing", "long-running"})



def parse_path_map(text: str) -> list[tuple[str, str]]:
    """'/mnt/videos=/data/videos;/home/a/out=/srv/out' → [(app prefix, worker prefix), ...],
    longest app prefix first."""
    pairs = []
    for item in filter(None, (part.strip() for part in text.split(";"))):
        app, sep, local = item.partition("=")
        if not sep or not app or not local:
            raise ValueError(f"{PATH_MAP_ENV}: {item!r} is not APP_PREFIX=WORKER_PREFIX")
        pairs.append((app.rstrip("/") or "/", local.rstrip("/") or "/"))
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


def map_path(path: str, pairs: Sequence[tuple[str, str]], reverse: bool = False) -> str:
    for app, local in pairs:
        old, new = (local, app) if reverse else (app, local)
        if path == old or path.startswith(old + "/"):
            return new + path[len(old) :]
    return path


def worker_label(name: Any, address: str) -> str:
    """How a worker is shown: the name it was given (`dask worker --name`), else host:port."""
    text = str(name)
    if text and text != address and not text.isdigit():
        return text
    return address.split("://", 1)[-1]


def _local_ffmpeg(program: str) -> str:
    """The app's ffmpeg path when it exists here too, else this machine's own build."""
    if os.access(program, os.X_OK) and not os.path.isdir(program):
        return program
    from storyclip_gui.core.ffmpeg.locate import locate

    return locate(None).ffmpeg


@dataclass
class _Run:
    proc: subprocess.Popen[bytes]
    last_output: float
    stderr: bytearray = field(default_factory=bytearray)
    stalled: bool = False
    unwanted: bool = False


def render_clip(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The Dask task: spec = {argv, output, stall_timeout}. Writes a hidden file of its own
    next to `output` and returns where (on the app's paths) with how ffmpeg ended."""
    from distributed import get_worker

    worker = get_worker()
    key = worker.get_current_task()
    label = worker_label(worker.name, worker.address)
    pairs = parse_path_map(os.environ.get(PATH_MAP_ENV, ""))
    planned = map_path(str(spec["output"]), pairs)
    # every attempt its own file: a re-run elsewhere never shares one with a killed run
    mine = f"{planned.removesuffix('.part')}.{uuid.uuid4().hex[:8]}.part"
    argv = [mine if a == planned else a for a in (map_path(a, pairs) for a in spec["argv"])]
    argv[0] = _local_ffmpeg(argv[0])

    def publish(kind: str, **fields: Any) -> None:
        worker.log_event(TOPIC, {"kind": kind, "key": key, "label": label, "t": time.time(),
                                 **fields})  # fmt: skip

    def wanted() -> bool:
        state = worker.state.tasks.get(key)
        return state is not None and state.state in WANTED_STATES

    result: dict[str, Any] = {"worker": label, "output": map_path(mine, pairs, reverse=True)}
    try:
        proc = subprocess.Popen(
            [*death_signal_prefix(), *argv],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
    except OSError as exc:
        return {**result, "exit_code": None, "start_error": str(exc)}
    publish("started", pid=proc.pid)
    run = _Run(proc, time.monotonic())
    try:
        _pump(run, spec.get("stall_timeout"), wanted, publish)
        if not (run.unwanted or run.stalled):  # its output ended: let it exit by itself
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(10)
    finally:
        _stop(proc)
        publish("ended", pid=proc.pid)
    code = proc.returncode
    crashed = code is not None and code < 0
    if code == 125 and not run.stderr:
        result["start_error"] = "the worker could not start ffmpeg"
    if run.unwanted or run.stalled:  # stopped half-way: nobody will read this file
        with contextlib.suppress(OSError):
            os.unlink(mine)
    return {**result, "exit_code": None if crashed else code, "crashed": crashed or run.unwanted,
            "stalled": run.stalled, "stderr_tail": run.stderr.decode("utf-8", "replace")}


def _pump(run: _Run, stall_timeout: float | None, wanted: Any, publish: Any) -> None:
    """Read ffmpeg's output to the end, publishing its progress blocks; stop it when the clip
    is no longer wanted or it stalls."""
    proc = run.proc
    assert proc.stdout is not None and proc.stderr is not None
    parser = ProgressParser()
    selector = selectors.DefaultSelector()
    for stream in (proc.stdout, proc.stderr):
        os.set_blocking(stream.fileno(), False)
        selector.register(stream, selectors.EVENT_READ)
    open_streams = 2
    try:
        while open_streams:
            for item, _ in selector.select(POLL_S):
                data = os.read(item.fd, 65536)
                if not data:
                    selector.unregister(item.fileobj)
                    open_streams -= 1
                    continue
                run.last_output = time.monotonic()
                if item.fileobj is proc.stderr:
                    run.stderr.extend(data)
                    del run.stderr[: max(0, len(run.stderr) - STDERR_LIMIT)]
                elif updates := parser.feed(data):
                    publish("progress", pid=proc.pid, **_fields(updates[-1]))
            if not wanted():
                run.unwanted = True
                return
            if stall_timeout and time.monotonic() - run.last_output > stall_timeout:
                run.stalled = True
                return
    finally:
        selector.close()


def _fields(update: ProgressUpdate) -> dict[str, Any]:
    return {"out_time": update.out_time, "speed": update.speed, "fps": update.fps,
            "frame": update.frame, "total_size": update.total_size}  # fmt: skip


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """terminate → a short grace → kill → reap."""
    if proc.poll() is None:
        with contextlib.suppress(OSError):
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(TERMINATE_GRACE_S)
        except subprocess.TimeoutExpired:
            proc.kill()
    proc.wait()
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()

