"""The .desktop entry and AppStream metainfo: consistent, and valid for the freedesktop tools."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from storyclip_gui import __version__
from storyclip_gui.core.sources import VIDEO_EXTENSIONS

ROOT = Path(__file__).parents[2]
APP_ID = "org.storyclip.StoryClipStudio"
DESKTOP = ROOT / "packaging" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_opens_video_files_in_the_window() -> None:
    entry = _entry()
    assert entry["Exec"] == "storyclip gui %F"  # any number of files, as local paths
    assert entry["Icon"] == APP_ID and entry["Terminal"] == "false"
    mime = [m for m in entry["MimeType"].split(";") if m]
    assert all(m.startswith("video/") for m in mime) and len(mime) == len(set(mime))
    assert {"video/mp4", "video/quicktime", "video/x-matroska", "video/webm"} <= set(mime)
    assert len(mime) >= 10 and len(VIDEO_EXTENSIONS) >= len(mime)


def test_the_metainfo_names_the_desktop_entry_and_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


def test_every_icon_size_the_build_installs_exists() -> None:
    build = (ROOT / "packaging" / "build.sh").read_text()
    for size in (16, 32, 48, 64, 128, 256):
        assert (ROOT / "resources" / "icons" / f"storyclip-{size}.png").is_file()
        assert str(size) in build
    assert (ROOT / "resources" / "icons" / "storyclip.svg").is_file()


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (apt install desktop-file-utils)",
)
def test_desktop_file_validate_accepts_the_entry() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                            text=True, timeout=30)  # fmt: skip
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None,
    reason="appstreamcli is not installed (apt install appstream)",
)
def test_appstreamcli_accepts_the_metainfo() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
