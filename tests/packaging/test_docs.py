"""The docs stay true: settings.md matches config.SETTINGS; the user guide's images exist."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from storyclip_gui.config import SETTINGS

DOCS = Path(__file__).parents[2] / "docs"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_settings_doc", DOCS / "make_settings_doc.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_settings_md_is_generated_from_the_current_settings() -> None:
    expected = _generator().render()
    actual = (DOCS / "settings.md").read_text("utf-8")
    assert actual == expected, (
        "docs/settings.md is out of date: run python docs/make_settings_doc.py"
    )


def test_every_setting_and_its_environment_variable_is_documented() -> None:
    text = (DOCS / "settings.md").read_text("utf-8")
    for spec in SETTINGS:
        assert f"| `{spec.name}` |" in text
        assert spec.env is None or f"`{spec.env}`" in text


def test_the_generated_reference_does_not_depend_on_this_machine(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert _generator().render() == (DOCS / "settings.md").read_text("utf-8")


def test_the_user_guide_shows_screenshots_that_exist_and_links_the_references() -> None:
    guide = (DOCS / "user-guide.md").read_text("utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide)
    assert len(images) >= 5
    for image in images:
        assert (DOCS / image).is_file(), image
    for heading in ("ffmpeg was not found", "port", "token"):
        assert heading.lower() in guide.lower()
    assert "settings.md" in guide and "api.md" in guide
