"""ffmpeg builds that misbehave the way old or patched builds do, on top of a real one."""

from __future__ import annotations

import sys
from pathlib import Path

from storyclip_gui.core.ffmpeg.locate import Toolchain


def sloppy_build(tmp_path: Path, real: str) -> Toolchain:
    """A build that cuts 5 frames late: the real ffmpeg with each clip's -t made longer."""
    script = tmp_path / "sloppy-ffmpeg"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, sys\n"
        "argv = sys.argv[1:]\n"
        "if argv and argv[-1].endswith('.part') and '-t' in argv:\n"
        "    i = argv.index('-t') + 1\n"
        "    argv[i] = str(float(argv[i]) + 5 / 30)\n"
        f"os.execv({real!r}, [{real!r}, *argv])\n"
    )
    script.chmod(0o755)
    return Toolchain(str(script), None, "setting")
