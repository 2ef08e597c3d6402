#!/usr/bin/env python3
"""A stand-in for ffmpeg whose behaviour the test chooses: FAKE_FFMPEG_MODE in the environment.

normal  - prints a few progress blocks and exits 0
slow    - like normal, one block every 0.2 s for 10 s (for cancel tests)
stall   - prints one progress block, then writes nothing and sleeps
crash   - prints one block, then kills itself with SIGSEGV
flood   - writes FAKE_FFMPEG_FLOOD_MB (default 50) MiB to stderr, then exits 1
diskfull- says "No space left on device" on stderr and exits 1
passthrough - runs the real ffmpeg (FAKE_FFMPEG_REAL) for every run (with FAKE_FFMPEG_HW)

With FAKE_FFMPEG_REAL set to a real ffmpeg, only clip-writing runs (whose output, the last
argument, is a .part file) misbehave; probes and scans go to the real ffmpeg, so a whole job
can run through the pipeline. FAKE_FFMPEG_STRIKE=analysis makes only the smart-cut analysis
run (the one with `scdet` in its filter graph) misbehave instead. The app's self-test of a new
build always runs a real ffmpeg: the faults strike jobs.

FAKE_FFMPEG_HW="h264_nvenc=work,h264_qsv=fail,h264_vaapi=fail@2,h264_videotoolbox=hang" makes
`-encoders` list those names (without it, libx264 alone) and decides what a run with
`-c:v <name>` does: `work` swaps in libx264 (dropping the hardware options) and runs the real
ffmpeg, so clips are real; `fail` prints an encoder error and exits 1; `fail@N` fails only
when writing clip N; `hang` sleeps.
"""

import itertools
import os
import signal
import sys
import time

mode = os.environ.get("FAKE_FFMPEG_MODE", "normal")
real = os.environ.get("FAKE_FFMPEG_REAL")
HW_ONLY = {"-vaapi_device", "-rc", "-cq", "-tune", "-forced-idr", "-forced_idr", "-rc_mode",
           "-qp", "-global_quality", "-look_ahead", "-allow_sw", "-b:v", "-preset"}


def hardware(spec: str) -> None:
    """Play the hardware encoders FAKE_FFMPEG_HW names (see the module's docstring)."""
    encoders = dict(item.split("=", 1) for item in spec.split(",") if "=" in item)
    if "-encoders" in sys.argv:
        for name in ["libx264", *encoders]:
            print(f" V....D {name:<20} fake {name}")
        sys.exit(0)
    argv = sys.argv[1:]
    name = next((b for a, b in itertools.pairwise(argv) if a == "-c:v" and b in encoders), None)
    if name is None:
        return
    how = encoders[name]
    if how.startswith("fail@"):
        part = argv[-1]
        index = int(part.rsplit(".", 2)[-2]) if part.endswith(".part") else -1
        how = "fail" if index == int(how[5:]) else "work"
    if how == "hang":
        time.sleep(3600)
    if how == "fail":
        sys.stderr.write(f"[{name} @ 0x1] Cannot load the fake driver for {name}\n"
                         "[out#0/mp4 @ 0x2] Nothing was written into output file\n"
                         "Conversion failed!\n")
        sys.exit(1)
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in HW_ONLY:
            skip = True
        else:
            out.append("libx264" if arg == name else arg.replace("hwupload", "null"))
    exe = real or imageio_exe()
    os.execv(exe, [exe, *out])


def imageio_exe() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


if os.environ.get("FAKE_FFMPEG_HW"):
    hardware(os.environ["FAKE_FFMPEG_HW"])
elif "-encoders" in sys.argv:  # the engine's encoder detection: a build without hardware ones
    hardware("")
if os.environ.get("FAKE_FFMPEG_STRIKE") == "analysis":
    struck = any("scdet" in a for a in sys.argv)
else:
    struck = sys.argv[-1].endswith(".part")
if real and (not struck or mode == "passthrough"):
    os.execv(real, [real, *sys.argv[1:]])
if any("storyclip-selftest-" in a for a in sys.argv):  # the app's check of a new build passes
    bundled = imageio_exe()
    os.execv(bundled, [bundled, *sys.argv[1:]])


def block(us: int, end: bool = False) -> None:
    sys.stdout.write(
        f"frame={us // 33333}\nfps=30.0\nout_time_us={us}\nspeed=1.5x\n"
        f"progress={'end' if end else 'continue'}\n"
    )
    sys.stdout.flush()


if mode == "normal":
    for i in range(5):
        block(i * 200_000, end=i == 4)
    sys.exit(0)
if mode == "slow":
    for i in range(50):
        block(i * 200_000)
        time.sleep(0.2)
    sys.exit(0)
if mode == "stall":
    block(0)
    time.sleep(3600)
if mode == "crash":
    block(0)
    os.kill(os.getpid(), signal.SIGSEGV)
if mode == "flood":
    chunk = ("x" * 1023 + "\n").encode()
    for _ in range(int(os.environ.get("FAKE_FFMPEG_FLOOD_MB", "50")) * 1024):
        os.write(2, chunk)
    os.write(2, b"flood done: last line\n")
    sys.exit(1)
if mode == "diskfull":
    sys.stderr.write("[out#0/mp4] Error writing trailer: No space left on device\n")
    sys.exit(1)
sys.exit(f"unknown FAKE_FFMPEG_MODE {mode}")
