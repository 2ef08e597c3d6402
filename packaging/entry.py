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

from storyclip_gui.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
