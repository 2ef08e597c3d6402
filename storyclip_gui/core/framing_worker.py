"""The framing detector, a program of its own: ffmpeg decodes sampled, downscaled grey frames,
OpenCV finds faces (else motion, else the salient point) and shot changes, and each sample is
written to stdout as one JSON line (the pipeline's progress and result).

It runs as a separate process through the engine's runner (progress, cancel and the stall
watchdog as for ffmpeg; never on the Qt thread): `python -m storyclip_gui.core.framing_worker`,
or `storyclip --frame-analysis` in the frozen bundle. OpenCV and numpy are imported only here.

Faces: OpenCV's bundled Haar cascades (frontal, then profile both ways). The wheels of
OpenCV 4 ship them in `cv2.data`; OpenCV 5 dropped them and its YuNet detector needs a model
file no wheel ships, hence `opencv-python-headless<5`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from storyclip_gui.core.framing import ANALYSIS_FPS, ANALYSIS_WIDTH, FrameSample

FRAME_FLAG = "--frame-analysis"  # the frozen bundle's entry runs main() when given this first
SMALL = (64, 36)  # motion, saliency and shot changes are judged on frames this small
FULL_EVERY = 4  # samples between whole-frame searches while following a face
PROFILE_EVERY = 4  # samples between profile searches (each side in turn)
CHANGED = 12.0  # a small-frame pixel that changed by more (0-255) moved
CUT_CORRELATION = 0.5  # grey histograms less alike than this, and...
CUT_DIFFERENCE = 30.0  # ...this far apart on average (0-255): a new shot


def worker_argv(python: Sequence[str], ffmpeg: str, source: str, start: float, duration: float,
                display: tuple[int, int], origin: float = 0.0,
                fps: float = ANALYSIS_FPS, width: int = ANALYSIS_WIDTH) -> list[str]:  # fmt: skip
    """The command that analyses [start, start + duration) of `source` (file clock); sample
    times are written from `start - origin` (the clip clock). `python` is how to start this
    module: [sys.executable, "-m", __name__], or the frozen app and FRAME_FLAG."""
    return [*python, "--ffmpeg", ffmpeg, "--source", source, "--start", f"{start:.6f}",
            "--duration", f"{duration:.6f}", "--origin", f"{origin:.6f}",
            "--size", f"{display[0]}x{display[1]}", "--fps", f"{fps:g}",
            "--width", str(width)]  # fmt: skip


def python_command() -> list[str]:
    """How this process can start the detector again."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FRAME_FLAG]
    return [sys.executable, "-m", "storyclip_gui.core.framing_worker"]


def analysis_size(display: tuple[int, int], width: int) -> tuple[int, int]:
    dw, dh = display
    width = min(width, dw - dw % 2) or 2
    return width, max(2, int(width * dh / dw) // 2 * 2)


def decode_argv(ffmpeg: str, source: str, start: float, duration: float,
                size: tuple[int, int], fps: float) -> list[str]:  # fmt: skip
    """Grey frames at `fps`, `size`, as raw bytes on stdout. The decoder skips the loop filter
    (a softer picture is as good for finding a face, and decodes faster)."""
    seek = ["-ss", f"{start:.6f}"] if start > 0 else []
    return [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-skip_loop_filter", "all",
            *seek, "-t", f"{duration:.6f}", "-i", source, "-map", "0:v:0", "-an", "-sn",
            "-vf", f"fps={fps:g},scale={size[0]}:{size[1]}:flags=area,format=gray",
            "-f", "rawvideo", "-"]  # fmt: skip


class Detector:
    """Keeps the cascades and the previous small frame; `sample` judges one grey frame."""

    def __init__(self, size: tuple[int, int]) -> None:
        import cv2

        base = cv2.data.haarcascades  # type: ignore[attr-defined]
        self.cv2 = cv2
        self.frontal = cv2.CascadeClassifier(base + "haarcascade_frontalface_alt2.xml")
        self.profile = cv2.CascadeClassifier(base + "haarcascade_profileface.xml")
        if self.frontal.empty() or self.profile.empty():
            raise RuntimeError(f"OpenCV's face cascades are missing from {base}")
        self.width, self.height = size
        self.min_face = (20, 20)  # the cascades' own window: smaller faces are not found
        self.count = 0
        self.last: list[tuple[int, int]] = []  # the faces of the last sample: x, width
        self.previous: Any = None
        self.previous_hist: Any = None

    def sample(self, grey: Any) -> dict[str, Any]:
        import numpy as np

        cv2 = self.cv2
        out: dict[str, Any] = {"faces": self.faces(grey)}
        small = cv2.GaussianBlur(cv2.resize(grey, SMALL, interpolation=cv2.INTER_AREA), (3, 3), 0)
        hist = cv2.calcHist([small], [0], None, [32], [0, 256])
        if self.previous is not None:
            diff = cv2.absdiff(small, self.previous).astype(np.float32)
            moved = diff * (diff > CHANGED)  # compression noise stays under CHANGED
            total = float(moved.sum())
            if total > 0:
                # energy: the share of the picture that changed, in percent (a small thing
                # moving counts as much as a big one moving slowly)
                xs = (np.arange(SMALL[0], dtype=np.float32) + 0.5) / SMALL[0]
                out["motion"] = [round(float((moved.sum(axis=0) * xs).sum() / total), 4),
                                 round(100 * float((moved > 0).mean()), 2)]  # fmt: skip
            alike = cv2.compareHist(hist, self.previous_hist, cv2.HISTCMP_CORREL)
            out["cut"] = bool(alike < CUT_CORRELATION and float(diff.mean()) > CUT_DIFFERENCE)
        out["salient"] = _salient_x(small)
        self.previous, self.previous_hist = small, hist
        return out

    def faces(self, grey: Any, everything: bool = False) -> list[list[float]]:
        """Detect, then track: near the faces of the last sample a small search each sample
        and the whole frame every FULL_EVERY samples; with no face lately, the whole frame
        every other sample and a profile (looking left and right in turn) every PROFILE_EVERY
        samples. A face missed in one sample is filled in by the path builder. `everything`:
        every search, on the whole frame (for a still)."""
        cv2 = self.cv2
        self.count += 1
        n = self.count
        boxes: list[tuple[int, int]] = []
        if everything:
            self.last, n = [], 0
        if self.last and n % FULL_EVERY:
            for x, w in self.last:
                a, b = max(0, x - w), min(self.width, x + 2 * w)
                found = self.frontal.detectMultiScale(grey[:, a:b], 1.2, 3, minSize=self.min_face)
                boxes += [(a + fx, fw) for fx, _, fw, _ in found]
        elif self.last or n % 2 == 0:
            found = self.frontal.detectMultiScale(grey, 1.2, 3, minSize=self.min_face)
            boxes = [(x, w) for x, _, w, _ in found]
        sides = (False, True) if everything else (n % (2 * PROFILE_EVERY) == 0,)
        for flip in sides if not boxes and n % PROFILE_EVERY == 0 else ():
            image = cv2.flip(grey, 1) if flip else grey
            found = self.profile.detectMultiScale(image, 1.2, 3, minSize=self.min_face)
            boxes += [((self.width - x - w) if flip else x, w) for x, _, w, _ in found]
        self.last = _distinct(boxes)
        return [[round((x + w / 2) / self.width, 4), round(w / self.width, 4), 1.0]
                for x, w in self.last]  # fmt: skip


def _distinct(boxes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One box per face when two searches found the same one."""
    out: list[tuple[int, int]] = []
    for x, w in sorted(boxes, key=lambda b: -b[1]):
        if all(abs((x + w / 2) - (ox + ow / 2)) > ow / 2 for ox, ow in out):
            out.append((x, w))
    return out


def _salient_x(small: Any) -> float:
    """The spectral residual saliency map's centre of mass (Hou & Zhang, 2007)."""
    import cv2
    import numpy as np

    image = small.astype(np.float32)
    spectrum = np.fft.fft2(image)
    log_amp = np.log(np.abs(spectrum) + 1e-6)
    residual = log_amp - cv2.blur(log_amp, (3, 3))
    saliency = np.abs(np.fft.ifft2(np.exp(residual + 1j * np.angle(spectrum)))) ** 2
    saliency = cv2.GaussianBlur(saliency.astype(np.float32), (5, 5), 0) ** 2
    columns = saliency.sum(axis=0)
    xs = (np.arange(columns.size) + 0.5) / columns.size
    total = float(columns.sum())
    return round(float((columns * xs).sum() / total), 4) if total > 0 else 0.5


def detect_stills(images: Sequence[tuple[float, str]],
                  width: int = ANALYSIS_WIDTH) -> list[FrameSample]:  # fmt: skip
    """Faces and the salient point in a few still pictures (time, image file): the window's
    preview estimate before a job has been analysed. Blocking: run it in an executor."""
    import cv2

    samples: list[FrameSample] = []
    detector: Detector | None = None
    for t, path in images:
        picture = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        if picture is None:
            continue
        size = analysis_size((picture.shape[1], picture.shape[0]), width)
        grey = cv2.resize(picture, size, interpolation=cv2.INTER_AREA)
        if detector is None or (detector.width, detector.height) != size:
            detector = Detector(size)
        faces = detector.faces(grey, everything=True)  # stills far apart: search each whole
        small = cv2.resize(grey, SMALL, interpolation=cv2.INTER_AREA)
        samples.append(FrameSample(t, tuple((f[0], f[1], f[2]) for f in faces),
                                   salient=_salient_x(small)))  # fmt: skip
    return samples


def frames(argv: list[str], size: tuple[int, int]) -> Iterator[Any]:
    """The decoded grey frames; ffmpeg dies with us (parent-death signal on Linux, else the
    broken pipe on its next write)."""
    import numpy as np

    frame_bytes = size[0] * size[1]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent)  # fmt: skip
    assert process.stdout is not None
    try:
        while True:
            data = process.stdout.read(frame_bytes)
            if len(data) < frame_bytes:
                break
            yield np.frombuffer(data, np.uint8).reshape(size[1], size[0])
    finally:
        process.stdout.close()
        with contextlib.suppress(OSError):
            process.kill()
        _, err = process.communicate()
        if process.returncode not in (0, -9) and err:
            sys.stderr.write(err.decode("utf-8", "replace")[-4000:])


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, 9)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="storyclip-frame-analysis")
    parser.add_argument("--ffmpeg", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--start", type=float, default=0.0)
    parser.add_argument("--duration", type=float, required=True)
    parser.add_argument("--origin", type=float, default=0.0)
    parser.add_argument("--size", required=True)
    parser.add_argument("--fps", type=float, default=ANALYSIS_FPS)
    parser.add_argument("--width", type=int, default=ANALYSIS_WIDTH)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally: stop ffmpeg
    dw, dh = (int(v) for v in args.size.lower().split("x"))
    size = analysis_size((dw, dh), args.width)
    try:
        detector = Detector(size)
    except (ImportError, RuntimeError) as exc:
        sys.stderr.write(f"smart framing is unavailable: {exc}\n")
        return 3
    begin = args.start - args.origin
    out = sys.stdout
    count = 0
    for k, grey in enumerate(frames(decode_argv(args.ffmpeg, args.source, args.start,
                                                args.duration, size, args.fps), size)):  # fmt: skip
        item = {"t": round(begin + k / args.fps, 4), **detector.sample(grey)}
        out.write(json.dumps(item, separators=(",", ":")) + "\n")
        out.flush()
        count += 1
    if not count:
        sys.stderr.write("no frame could be decoded for smart framing\n")
        return 2
    out.write('{"done":true}\n')
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
