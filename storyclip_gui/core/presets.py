"""Platform presets (Instagram Stories, Reels, TikTok, YouTube Shorts): clip length and limits.

Sources and the date they were checked are in docs/presets.md. A preset's limits are enforced
(a clip length past `max_seconds` is refused; smart cuts never make a clip longer) and every
clip is checked against them after verification (core/qc.py).
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1_000_000


@dataclass(frozen=True)
class PlatformPreset:
    id: str
    label: str
    clip_seconds: float
    max_seconds: float  # the platform's longest clip
    max_clips: int | None = None
    min_seconds: float = 3.0  # the platform's shortest clip (APIs refuse less than 3 s)
    min_fps: float = 23.0
    max_fps: float = 60.0
    max_bytes: int | None = None  # file size cap, where one is documented
    max_bitrate: int | None = None  # bits per second, where one is documented
    loudness_target: float = -14.0  # LUFS the platform normalises playback to
    loudness_tolerance: float = 2.0  # LU either side that passes


PRESETS: dict[str, PlatformPreset] = {
    preset.id: preset
    for preset in (
        PlatformPreset("instagram-stories", "Instagram Stories", 15, 60, max_bytes=100 * MB),
        PlatformPreset("instagram-reels", "Instagram Reels", 30, 180, max_bytes=300 * MB),
        PlatformPreset("tiktok", "TikTok", 30, 600, max_bytes=4000 * MB),
        PlatformPreset("youtube-shorts", "YouTube Shorts", 60, 180, min_seconds=1.0,
                       min_fps=1.0),
    )
}

# what a clip is checked against when no preset was chosen: the app's own limits
GENERIC = PlatformPreset("generic", "No preset", 15, 600, min_seconds=1.0, min_fps=1.0)


def rules_for(preset_id: str | None) -> PlatformPreset:
    return PRESETS.get(preset_id or "", GENERIC)
