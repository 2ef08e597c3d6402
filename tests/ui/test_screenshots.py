"""Render the window's main states offscreen into test-artifacts/ui/ (to look at, not compare)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QScrollArea

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
    window.detail.tabs.setCurrentWidget(window.detail.clips.parentWidget())
    shoot(window, "3-completed-thumbnails")

    window.select_job(rows(window)[-1].id)
    window.detail.tabs.setCurrentWidget(window.detail.log)  # the log, with the reason
    qtbot.waitUntil(lambda: "[invalid_input]" in window.detail.log.toPlainText(), timeout=5_000)
    shoot(window, "4-failure")

    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 5, timeout=5_000)
    shoot(window, "5-history")


SIZES = ((800, 600), (1440, 900))


@pytest.fixture(params=["en", "es"])
def language(request, qapp):
    from storyclip_gui.ui.resources import install_translator, uninstall_translator

    translator = install_translator(qapp, request.param)
    yield request.param
    if translator is not None:
        uninstall_translator(qapp, translator)


def test_screens_in_english_and_spanish_at_small_and_large_sizes(
    make_window, engine, video, qtbot, tmp_path, language
):
    """The main states at 800×600 and 1440×900 in both languages, into test-artifacts/ui/ to be
    looked at; what can be measured (nothing wider than the window) is asserted."""
    from storyclip_gui.ui.help_dialogs import SetupCheckDialog

    engine.manager.pause()
    window = make_window(check_setup=lambda _o: "✓ ffmpeg  /usr/bin/ffmpeg\n" + "x" * 150)
    clip = str(video("interview.mp4", seconds=2))
    other = tmp_path / "other"
    other.mkdir()
    same_name = other / "interview.mp4"
    same_name.write_bytes(Path(clip).read_bytes())
    jobs = window.add_paths([clip, str(same_name)] + [
        str(video(f"v{i}.mp4", seconds=2)) for i in (1, 2, 10)
    ])  # fmt: skip
    engine.manager.cancel(jobs[1].id)
    window.act_folder_column.trigger()
    qtbot.waitUntil(lambda: rows(window)[0].state == "cancelled", timeout=5_000)
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width, h=height: (window.width(), window.height()) == (w, h),
                        timeout=2_000)  # fmt: skip
        tag = f"{language}-{width}x{height}"
        window.tabs.setCurrentIndex(0)
        window.select_job(jobs[2].id)
        window.detail.tabs.setCurrentIndex(3)  # Options
        qtbot.wait(50)
        shoot(window, f"queue-{tag}")
        # the options panel leaves the table most of the width; the toolbar fits
        assert window.main_splitter.sizes()[0] <= 0.3 * width
        toolbar = window.toolbar
        assert toolbar.sizeHint().width() <= window.width(), tag
        window.tabs.setCurrentIndex(1)
        qtbot.waitUntil(lambda: window.history.model.rowCount() == 5, timeout=5_000)
        shoot(window, f"history-{tag}")
        settings = window.open_settings()
        qtbot.waitUntil(settings.isVisible, timeout=2_000)
        assert settings.width() <= window.width() and settings.height() <= window.height()
        assert settings.findChild(QScrollArea).horizontalScrollBar().maximum() == 0, tag
        shoot(settings, f"settings-{tag}")
        settings.reject()
        window.act_doctor.trigger()
        check = window.findChild(SetupCheckDialog)
        qtbot.waitUntil(lambda c=check: c.finished_checking, timeout=5_000)
        assert check.width() <= window.width()
        assert check.report.horizontalScrollBar().maximum() == 0, tag
        shoot(check, f"check-setup-{tag}")
        check.close()
        check.deleteLater()
        qtbot.waitUntil(lambda: window.findChild(SetupCheckDialog) is None, timeout=2_000)
