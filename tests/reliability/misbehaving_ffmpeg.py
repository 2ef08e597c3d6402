#!/usr/bin/env python3
"""Real ffmpeg that misbehaves on demand: MISBEHAVE_MODE, MISBEHAVE_REAL (the real ffmpeg).

Runs that do not write clips (their output, the last argument, is no .part file: probes and
scans) and the app's self-test of a new build exec the real ffmpeg: the faults strike jobs.
Clip-writing runs start the real ffmpeg as a child (sharing our stdout/stderr, dying with us),
so files on disk are real partial clips when the fault strikes:

pass      - no fault
stall     - SIGSTOP the real ffmpeg once its first .part file has data; then wait forever
crash     - SIGSEGV the real ffmpeg once the app has verified the first clip (renamed it into
            place); crash the same way
flood     - write MISBEHAVE_FLOOD_MB (default 50) MiB of junk to stderr while ffmpeg works
fsize     - limit the size of any file ffmpeg writes to MISBEHAVE_FSIZE bytes (RLIMIT_FSIZE,
            SIGXFSZ ignored, so writes fail with EFBIG: "File too large")
noencoder - print what an ffmpeg without libx264 prints, exit 1
MISBEHAVE_MARK, when set, is a file where the time of the fault and the child pid are written.
"""

import ctypes
import os
import resource
import signal
import sys
import threading
import time

mode = os.environ.get("MISBEHAVE_MODE", "pass")
real = os.environ["MISBEHAVE_REAL"]
argv = [real, *sys.argv[1:]]
selftest = any("storyclip-selftest-" in a for a in argv)  # the app's check of a new build
if not argv[-1].endswith(".part") or mode == "pass" or selftest:
    os.execv(real, argv)
if mode == "noencoder":
    sys.stderr.write("[vost#0:0 @ 0x1] Unknown encoder 'libx264'\n")
    sys.exit(1)
if mode == "fsize":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # ignored dispositions survive exec
    limit = int(os.environ.get("MISBEHAVE_FSIZE", "300000"))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    os.execv(real, argv)

folder = os.path.dirname(argv[-1])


def die_with_parent() -> None:
    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def mark(what: str) -> None:
    path = os.environ.get("MISBEHAVE_MARK")
    if path:
        with open(path, "a") as f:
            f.write(f"{what} {time.time()} {child}\n")


child = os.fork()
if child == 0:
    die_with_parent()
    os.execv(real, argv)


def first_part_has_data() -> bool:
    try:
        names = [n for n in os.listdir(folder) if n.endswith(".part")]
        return any(os.path.getsize(os.path.join(folder, n)) > 0 for n in names)
    except OSError:
        return False


def first_clip_in_place() -> bool:
    try:
        return any(n.endswith(".mp4") and not n.startswith(".") for n in os.listdir(folder))
    except OSError:
        return False


reaped: list[int] = []  # the child's wait status once collected


def wait(condition) -> bool:
    """Poll `condition` while the child runs; False if it ended first."""
    while True:
        pid, status = os.waitpid(child, os.WNOHANG)
        if pid:
            reaped.append(status)
            return False
        if condition():
            return True
        time.sleep(0.01)


def flood() -> None:
    line = b"junk " * 204 + b"\n"  # 1 KiB
    for _ in range(int(os.environ.get("MISBEHAVE_FLOOD_MB", "50")) * 1024):
        os.write(2, line)
    mark("flooded")


flooder = threading.Thread(target=flood)
if mode == "stall" and wait(first_part_has_data):
    os.kill(child, signal.SIGSTOP)
    mark("stopped")
    while True:
        time.sleep(3600)
elif mode == "crash" and wait(first_clip_in_place):
    os.kill(child, signal.SIGSEGV)
    mark("crashed")
elif mode == "flood":
    flooder.start()
status = reaped[0] if reaped else os.waitpid(child, 0)[1]
if flooder.is_alive():
    flooder.join()  # all of it must get through: a reader that stops reading deadlocks here
if os.WIFSIGNALED(status):
    signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
    os.kill(os.getpid(), os.WTERMSIG(status))
sys.exit(os.WEXITSTATUS(status))
