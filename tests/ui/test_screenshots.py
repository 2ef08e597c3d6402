"""Render the window's main states offscreen into test-artifacts/ui/ (to look at, not compare)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyclip_gui.ui.job_table_model import JOB_ROLE

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts" / "ui"


def rows(window) -> list[dict]:
    return [window.model.index(r, 0).data(JOB_ROLE) for r in range(window.model.rowCount())]


def shoot(window, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert window.grab().save(str(path))
    return path


@pytest.mark.slow
def test_render_the_main_states(make_window, engine, video, qtbot, tmp_path):
    engine.manager.set_concurrency(2)
    window = make_window()
    window.resize(1280, 800)
    panel = window.options_panel
    panel.clip_seconds.setValue(2.0)
    panel.size.setCurrentIndex(panel.size.findData("720x1280"))
    panel.quality.setCurrentIndex(panel.quality.findData("low"))
    shoot(window, "1-empty")

    sources = [str(video(f"{name}.mp4", seconds=8, size="640x360"))
               for name in ("beach-day", "interview", "city-walk", "concert")]  # fmt: skip
    window.add_paths(sources)
    window.select_job(rows(window)[0].id)
    qtbot.waitUntil(
        lambda: sum(r.state == "processing" and r.progress > 35 for r in rows(window)) == 2,
        timeout=60_000,
    )
    shoot(window, "2-running")

    broken = tmp_path / "holiday-corrupt.mp4"
    broken.write_bytes(b"\x00garbage" * 4000)
    window.add_paths([str(broken)])
    qtbot.waitUntil(lambda: all(r.state in ("completed", "failed") for r in rows(window)),
                    timeout=180_000)  # fmt: skip
    window.select_job(rows(window)[1].id)
    qtbot.waitUntil(lambda: window.detail.clips.count() == 4, timeout=5_000)
    qtbot.waitUntil(lambda: not window.thumbnails.busy, timeout=30_000)
    window.detail.tabs.setCurrentIndex(0)
    shoot(window, "3-completed-thumbnails")

    window.select_job(rows(window)[-1].id)
    window.detail.tabs.setCurrentIndex(1)  # the log, with the reason
    qtbot.waitUntil(lambda: "[invalid_input]" in window.detail.log.toPlainText(), timeout=5_000)
    shoot(window, "4-failure")

    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 5, timeout=5_000)
    shoot(window, "5-history")
