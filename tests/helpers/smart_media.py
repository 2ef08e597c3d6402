"""Sources with known cut points: segments of different content concatenated at known times
(scene changes) over a tone with known gaps (silences). The truth is how they were made."""

from __future__ import annotations

import itertools
import subprocess
from dataclasses import dataclass
from pathlib import Path

FPS = 30


@dataclass(frozen=True)
class Truth:
    seconds: float
    scenes: tuple[float, ...]  # the first frame of each new segment
    silences: tuple[tuple[float, float], ...]  # gaps in the tone (start, end)


# Boundaries every 10 s, window ±2 s:
#   10: a silence (9.0-9.6) and a scene change (11.0) in reach: the silence wins
#   20: only a scene change (21.5)
#   30: nothing in reach: stays
#   40: a scene change (39.0) and a silence (41.2-41.8): the silence wins
# 15.0-15.5 is a silence no boundary can reach.
SMART_TRUTH = Truth(
    seconds=50.0,
    scenes=(11.0, 21.5, 39.0),
    silences=((9.0, 9.6), (15.0, 15.5), (41.2, 41.8)),
)
SEGMENTS = ("testsrc2", "smptebars", "mandelbrot", "rgbtestsrc")


def make_smart_source(ffmpeg: str, path: Path, truth: Truth = SMART_TRUTH,
                      size: str = "320x240") -> Path:  # fmt: skip
    """H.264 + AAC MP4: one lavfi source per segment, concatenated; a 440 Hz tone (amplitude
    0.4) that is exactly 0 inside each silence."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    cuts = (0.0, *truth.scenes, truth.seconds)
    parts, labels = [], []
    for i, (a, b) in enumerate(itertools.pairwise(cuts)):
        kind = SEGMENTS[i % len(SEGMENTS)]
        parts.append(f"{kind}=s={size}:r={FPS},trim=duration={b - a:g},setpts=PTS-STARTPTS,"
                     f"format=yuv420p[s{i}]")  # fmt: skip
        labels.append(f"[s{i}]")
    video = ";".join(parts) + f";{''.join(labels)}concat=n={len(labels)}"
    gate = "+".join(f"between(t\\,{a:g}\\,{b:g})" for a, b in truth.silences)
    audio = f"aevalsrc='if({gate}\\,0\\,0.4*sin(2*PI*440*t))':s=48000:d={truth.seconds:g}"
    part = path.with_suffix(".part.mp4")
    subprocess.run([ffmpeg, "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", video,
                    "-f", "lavfi", "-i", audio, "-c:v", "libx264", "-preset", "ultrafast",
                    "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(part)],
                   check=True, capture_output=True)  # fmt: skip
    part.rename(path)
    return path
