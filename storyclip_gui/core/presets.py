"""Platform presets (Instagram Stories, Reels, TikTok, YouTube Shorts): clip length and limits.

Sources and the date they were checked are in docs/presets.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlatformPreset:
    id: str
    label: str
    clip_seconds: float
    max_seconds: float
    max_clips: int | None = None


PRESETS: dict[str, PlatformPreset] = {
    preset.id: preset
    for preset in (
        PlatformPreset("instagram-stories", "Instagram Stories", 15, 60),
        PlatformPreset("instagram-reels", "Instagram Reels", 30, 180),
        PlatformPreset("tiktok", "TikTok", 30, 600),
        PlatformPreset("youtube-shorts", "YouTube Shorts", 60, 180),
    )
}
