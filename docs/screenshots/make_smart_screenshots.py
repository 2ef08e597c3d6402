"""Render the window with a smart-cut job into docs/screenshots/smart-clips.png.

    python docs/screenshots/make_smart_screenshots.py [OUTPUT_FOLDER]

Like make_screenshots.py (whose helpers it uses): the real engine on a generated 50 s video
with known scene changes and silences (tests/helpers/smart_media.py), in a temporary data
folder; nothing of the user's is read or written.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from make_screenshots import shoot, until  # noqa: E402 (sets the offscreen platform first)
from PySide6.QtWidgets import QApplication  # noqa: E402


async def render(folder: Path, scratch: Path) -> None:
    from storyclip_gui.app import build_engine, setup_report
    from storyclip_gui.config import load_settings
    from storyclip_gui.ui.application import prepare_application
    from storyclip_gui.ui.job_table_model import JOB_ROLE
    from storyclip_gui.ui.main_window import MainWindow
    from tests.helpers.smart_media import make_smart_source

    engine = build_engine(load_settings(), recover=False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prepare_application(app, engine)
    window = MainWindow(engine, check_setup=lambda output: setup_report(engine.settings, output),
                        confirm_quit=lambda _n: True)  # fmt: skip
    window.resize(1280, 800)
    window.show()
    source = make_smart_source(engine.toolchain.ffmpeg, scratch / "interview.mp4")
    panel = window.options_panel
    panel.preset.setCurrentIndex(panel.preset.findData("tiktok"))
    panel.clip_seconds.setValue(10.0)
    panel.size.setCurrentIndex(panel.size.findData("720x1280"))
    panel.quality.setCurrentIndex(panel.quality.findData("low"))
    panel.cuts.setCurrentIndex(panel.cuts.findData("smart"))
    window.add_paths([str(source)])

    def row():  # the row's JobView
        return window.model.index(0, 0).data(JOB_ROLE)

    window.select_job(row().id)
    await until(lambda: row().state == "completed", timeout=300)
    window.select_job(row().id)
    await until(lambda: window.detail.clips.count() == 5)
    await until(lambda: not window.thumbnails.busy, timeout=60)
    tabs = window.detail.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Clips"))
    await asyncio.sleep(0.3)
    shoot(window, folder, "smart-clips")
    window.quit()
    await window.wait_closed()
    close = getattr(engine.store, "close", None)
    if close is not None:
        close()


def main() -> int:
    import qasync

    folder = Path(sys.argv[1]).absolute() if len(sys.argv) > 1 else HERE
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # as run_gui: the window decides when to quit
    with tempfile.TemporaryDirectory(prefix="storyclip-shots-") as tmp:
        scratch = Path(tmp)
        for name, sub in (("STORYCLIP_DATA_DIR", "data"), ("OUTPUT_DIR", "out"),
                          ("TEMP_DIR", "temp"), ("HOME", "home")):  # fmt: skip
            os.environ[name] = str(scratch / sub)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(render(folder, scratch))
    return 0


if __name__ == "__main__":
    sys.exit(main())
