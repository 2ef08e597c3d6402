"""ffmpeg started through a tiny shim so it dies with its parent and leaves its process group.

Before exec, the shim asks the kernel to SIGKILL the child when its parent dies
(prctl(PR_SET_PDEATHSIG)): a crashed app, or a killed Dask worker, never leaves an ffmpeg
writing on. It also leaves the parent's process group (setpgid), so a Ctrl-C in the terminal
reaches the app, which stops its runs as interrupted, instead of killing them mid-write. Used
by the QProcess runner and by the cluster's worker task.
"""

from __future__ import annotations

import os
import sys

# A frozen bundle has no `python -c`: its entry point (packaging/entry.py) runs the same lines
# when started as `storyclip --exec-with-parent-death-signal PPID PROGRAM ARGS...`.
FROZEN_EXEC_FLAG = "--exec-with-parent-death-signal"
SHIM = (
    "import ctypes,os,sys\n"
    "ctypes.CDLL(None).prctl(1,9)\n"
    "os.getppid()==int(sys.argv[1]) or os._exit(125)\n"
    "os.setpgid(0,0)\n"
    "os.execv(sys.argv[2],sys.argv[2:])\n"
)


# A child that does nothing until its parent (e.g. systemd-inhibit) ends, then dies with it:
# what an inhibitor holds its lock around, so no `sleep infinity` outlives a released lock.
# Its parent may end before the death signal is asked for (a lock released at once): then its
# parent is a reaper, not a process of this app (argv[1]), and it leaves at once.
HOLD = (
    "import ctypes,os,signal,sys\n"
    "ctypes.CDLL(None).prctl(1,9)\n"
    "try:\n"
    " up=int(open(f'/proc/{os.getppid()}/stat').read().rsplit(')',1)[1].split()[1])\n"
    "except (OSError,ValueError,IndexError):\n"
    " up=-1\n"
    "up==int(sys.argv[1]) or os._exit(0)\n"
    "signal.pause()\n"
)


def hold_argv() -> list[str]:
    """A child that waits for ever and dies with its parent, whose parent is this process
    (Linux; elsewhere it just waits)."""
    if getattr(sys, "frozen", False) or not death_signal_supported():
        return ["sleep", "infinity"]
    return [sys.executable, "-I", "-S", "-c", HOLD, str(os.getpid())]


def death_signal_supported() -> bool:
    return sys.platform.startswith("linux")


def death_signal_prefix() -> list[str]:
    """What goes before a child's argv so that it dies with this process."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_EXEC_FLAG, str(os.getpid())]
    return [sys.executable, "-I", "-S", "-c", SHIM, str(os.getpid())]
