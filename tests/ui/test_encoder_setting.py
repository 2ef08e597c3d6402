"""The Settings dialog's encoder combo shows what detection found (a one-frame encode per
hardware encoder, through the runner, while the window stays responsive)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from storyclip_gui.app import Engine, build_engine
from storyclip_gui.config import load_settings
from storyclip_gui.core import encoder_detect
from storyclip_gui.core.memory_store import MemoryJobStore
from tests.conftest import FAKE_FFMPEG


@pytest.fixture
def engine(qloop: asyncio.AbstractEventLoop, monkeypatch: Any, ffmpeg: str) -> Iterator[Engine]:
    """The window's engine on the fake ffmpeg: NVENC works (libx264 in its place), QSV fails,
    VA-API and VideoToolbox are not in the build."""
    encoder_detect.forget()
    monkeypatch.setenv("FAKE_FFMPEG_HW", "h264_nvenc=work,h264_qsv=fail")
    monkeypatch.setenv("FAKE_FFMPEG_MODE", "passthrough")
    monkeypatch.setenv("FAKE_FFMPEG_REAL", ffmpeg)
    settings = load_settings(overrides={"ffmpeg": str(FAKE_FFMPEG)})
    yield build_engine(settings, store=MemoryJobStore(), recover=False)
    encoder_detect.forget()


def test_the_encoder_combo_shows_which_encoders_work_here(make_window, qtbot):
    window = make_window()
    dialog = window.open_settings()
    note = dialog.findChild(QLabel, "encoderNote")
    assert note.text() == "Checking which encoders work here…"  # the dialog is already shown
    qtbot.waitUntil(lambda: "Automatic uses" in note.text(), timeout=60_000)
    combo = dialog.editor("default_encoder")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Automatic (hardware if it works)",
        "x264 (software)",
        "NVIDIA NVENC — works here",
        "VA-API (Intel, AMD) — not in this ffmpeg",
        "Intel Quick Sync — not usable here",
        "Apple VideoToolbox — not in this ffmpeg",
    ]
    assert combo.currentData() == "auto"
    assert "Automatic uses h264_nvenc here." in note.text()
    assert "h264_qsv: listed, fails: Cannot load the fake driver for h264_qsv" in note.text()
    dialog.grab().save("/tmp/hwenc-settings.png")
    dialog.reject()
    # detected once per build: the next dialog shows it at once, with no process started
    again = window.open_settings()
    assert "Automatic uses h264_nvenc" in again.findChild(QLabel, "encoderNote").text()
    again.reject()


def test_the_options_panel_sends_the_encoder_only_when_one_is_chosen(make_window):
    panel = make_window().options_panel
    assert panel.encoder.currentData() == "" and "encoder" not in panel.values()  # Settings'
    panel.encoder.setCurrentIndex(panel.encoder.findData("nvenc"))
    assert panel.values()["encoder"] == "nvenc"
    assert panel.options().encoder.value == "nvenc"
    panel.restore()  # remembered like the other options
    assert panel.encoder.currentData() == "nvenc"
