"""Entry point of the frozen bundle: the same command line as the `storyclip` script."""

import sys

if len(sys.argv) > 3 and sys.argv[1] == "--exec-with-parent-death-signal":
    # storyclip_gui/runner/qprocess_runner.py starts ffmpeg through us: ask the kernel to
    # SIGKILL the child when the app dies (PR_SET_PDEATHSIG = 1), then become the child.
    import ctypes
    import os

    ctypes.CDLL(None).prctl(1, 9)
    if os.getppid() != int(sys.argv[2]):
        os._exit(125)  # the app died before the request took effect
    os.setpgid(0, 0)  # out of the terminal's group: Ctrl-C reaches the app, which stops us
    os.execv(sys.argv[3], sys.argv[3:])

if len(sys.argv) > 1 and sys.argv[1] == "--frame-analysis":
    # the smart framing detector (storyclip_gui/core/framing_worker.py), a process of its own
    from storyclip_gui.core.framing_worker import main as frame_analysis

    sys.exit(frame_analysis(sys.argv[2:]))

from storyclip_gui.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
