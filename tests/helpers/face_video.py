"""A wide video in which a real face photo (scikit-image's public-domain `astronaut`, Eileen
Collins, NASA) moves across a still background, and an oracle that finds that face again in
decoded output frames by template matching (PyAV decode; it shares no code with the engine's
Haar-cascade detector or crop path)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

# the astronaut's head in skimage.data.astronaut() (512x512): rows, columns
HEAD = (slice(20, 210), slice(140, 300))


def face_patch(height: int) -> np.ndarray:
    """The head, scaled to `height` pixels, RGB."""
    import cv2
    from skimage import data

    head = data.astronaut()[HEAD]
    width = round(head.shape[1] * height / head.shape[0])
    return np.ascontiguousarray(cv2.resize(head, (width, height), interpolation=cv2.INTER_AREA))


def background(width: int, height: int) -> np.ndarray:
    """A still, gently textured wall (no face in it)."""
    rng = np.random.default_rng(7)
    small = rng.integers(60, 140, (height // 40 + 1, width // 40 + 1, 3), dtype=np.uint8)
    import cv2

    return np.ascontiguousarray(cv2.resize(small, (width, height), interpolation=cv2.INTER_CUBIC))


@dataclass(frozen=True)
class FaceVideo:
    path: Path
    size: tuple[int, int]
    fps: int
    seconds: float
    face_height: int
    track: Callable[[float], float]  # the face centre's x at time t, pixels of the source


def make_face_video(ffmpeg: str, path: Path, track: Callable[[float], float], *,
                    size: tuple[int, int] = (960, 540), fps: int = 25, seconds: float = 12.0,
                    face_height: int = 170) -> FaceVideo:  # fmt: skip
    """Render with numpy, encode with ffmpeg from raw RGB frames on stdin."""
    video = FaceVideo(path, size, fps, seconds, face_height, track)
    if path.exists():
        return video
    path.parent.mkdir(parents=True, exist_ok=True)
    width, height = size
    wall, face = background(width, height), face_patch(face_height)
    fh, fw = face.shape[:2]
    top = (height - fh) // 2
    argv = [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo",
            "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-r", str(fps), "-i", "-",
            "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p",
            "-g", "50", str(path)]  # fmt: skip
    process = subprocess.Popen(argv, stdin=subprocess.PIPE)
    assert process.stdin is not None
    for n in range(round(seconds * fps)):
        frame = wall.copy()
        left = round(track(n / fps) - fw / 2)
        a, b = max(0, left), min(width, left + fw)
        if b > a:
            frame[top : top + fh, a:b] = face[:, a - left : b - left]
        process.stdin.write(frame.tobytes())
    process.stdin.close()
    if process.wait() != 0:
        raise RuntimeError(f"ffmpeg could not encode {path}")
    return video


@dataclass(frozen=True)
class Sighting:
    t: float  # the output frame's time, from the clip's start
    found: bool  # the whole face is in the picture (template matched)
    face_x: float  # where, pixels of the output (meaningless when not found)


def find_face(clip: Path, video: FaceVideo, out_height: int, threshold: float = 0.6,
              margin: float = 0.0) -> list[Sighting]:  # fmt: skip
    """Each decoded frame of `clip`: is the known face there, and where. The template is the
    face scaled as the engine scales the source to the output height."""
    import cv2

    scale = out_height / video.size[1]
    template = cv2.cvtColor(face_patch(round(video.face_height * scale)), cv2.COLOR_RGB2GRAY)
    # the centre half of the face: it is "in the frame" when its middle is (the face centre
    # inside the crop), whatever happens to its cheeks
    h, w = template.shape
    core = np.ascontiguousarray(template[h // 8 : h - h // 8, w // 4 : w - w // 4])
    sightings: list[Sighting] = []
    with av.open(str(clip)) as container:
        stream = container.streams.video[0]
        for frame in container.decode(stream):
            grey = frame.to_ndarray(format="gray")
            if grey.shape[1] < core.shape[1] or grey.shape[0] < core.shape[0]:
                sightings.append(Sighting(float(frame.time or 0.0), False, -1.0))
                continue
            scores = cv2.matchTemplate(grey, core, cv2.TM_CCOEFF_NORMED)
            _, best, _, (x, _) = cv2.minMaxLoc(scores)
            centre = x + core.shape[1] / 2
            sightings.append(Sighting(float(frame.time or 0.0), best >= threshold, centre))
    return sightings
