"""The translation pipeline stays whole: every text in the window is extracted, translated to
Spanish (plural forms included), and the shipped .qm files are compiled from the .ts files."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], ET.Element]:
    """What lupdate finds in the code today."""
    if shutil.which("pyside6-lupdate") is None:
        pytest.fail("pyside6-lupdate (PySide6's tools) is needed to check the translations")
    out = tmp_path_factory.mktemp("ts") / "now.ts"
    sources = sorted(str(p) for p in (ROOT / "storyclip_gui" / "ui").glob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-ts", str(out)], check=True,
                   capture_output=True)  # fmt: skip
    return messages(out)


def test_every_text_of_the_window_is_in_the_spanish_catalogue_and_translated(extracted):
    spanish = messages(TRANSLATIONS / "storyclip_es.ts")
    missing = [key for key in extracted if key not in spanish]
    assert not missing, f"run lupdate and fill_es.py (docs/architecture.md): {missing}"
    unfinished = []
    for key in extracted:
        translation = spanish[key].find("translation")
        forms = translation.findall("numerusform")
        texts = [f.text for f in forms] if forms else [translation.text]
        if translation.get("type") == "unfinished" or not all(texts):
            unfinished.append(key)
    assert not unfinished, unfinished


def test_counted_texts_use_plural_forms(extracted):
    counted = [key for key, message in extracted.items() if "%n" in key[1]]
    assert counted  # "%n videos queued", the quit question, the engine's counts
    for key in counted:
        assert extracted[key].get("numerus") == "yes", key
    english = messages(TRANSLATIONS / "storyclip_en.ts")
    for key in counted:
        forms = english[key].find("translation").findall("numerusform")
        assert len(forms) == 2 and all(f.text for f in forms), key


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_shipped_qm_is_compiled_from_the_ts(language, tmp_path):
    ts = tmp_path / f"storyclip_{language}.ts"
    shutil.copy(TRANSLATIONS / ts.name, ts)
    qm = tmp_path / "out.qm"
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)  # fmt: skip
    assert qm.read_bytes() == (TRANSLATIONS / f"storyclip_{language}.qm").read_bytes()
