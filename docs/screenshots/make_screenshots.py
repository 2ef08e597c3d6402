"""Render the real window offscreen into docs/screenshots/*.png for the user guide.

    python docs/screenshots/make_screenshots.py [OUTPUT_FOLDER]

Runs the real engine (real ffmpeg, generated test-pattern videos) in a temporary data folder;
nothing of the user's is read or written. Takes about a minute.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_API"] = "pyside6"
os.environ.setdefault("LANG", "C.UTF-8")

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
VIDEOS = (("beach-day", 20), ("interview", 24), ("city-walk", 16), ("concert", 12))


async def until(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        await asyncio.sleep(0.1)


def shoot(widget: QWidget, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


async def render(folder: Path, scratch: Path) -> None:
    from storyclip_gui.app import build_engine, setup_report
    from storyclip_gui.config import load_settings
    from storyclip_gui.core.jobs import JobState, JobView
    from storyclip_gui.core.sources import demo_source_argv
    from storyclip_gui.ui.application import prepare_application
    from storyclip_gui.ui.job_table_model import JOB_ROLE
    from storyclip_gui.ui.main_window import MainWindow

    settings = load_settings(overrides={"concurrency": 2})
    engine = build_engine(settings, recover=False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prepare_application(app, engine)
    window = MainWindow(
        engine,
        check_setup=lambda output: setup_report(engine.settings, output),
        confirm_quit=lambda _n: True,
    )
    window.resize(1280, 800)
    window.show()
    await asyncio.sleep(0.3)
    shoot(window, folder, "welcome")

    sources = scratch / "videos"
    sources.mkdir()
    paths = []
    for name, seconds in VIDEOS:
        path = sources / f"{name}.mp4"
        argv = demo_source_argv(engine.toolchain.ffmpeg, str(path), seconds)
        outcome = await engine.runner.run(argv)
        if not outcome.ok:
            raise RuntimeError(f"ffmpeg could not make {path}: {outcome.stderr_tail}")
        paths.append(str(path))
    panel = window.options_panel
    panel.clip_seconds.setValue(4.0)
    panel.size.setCurrentIndex(panel.size.findData("720x1280"))
    panel.quality.setCurrentIndex(panel.quality.findData("low"))

    def rows() -> list[JobView]:
        model = window.model
        return [model.index(r, 0).data(JOB_ROLE) for r in range(model.rowCount())]

    window.add_paths(paths)
    window.select_job(rows()[0].id)
    def running_with_a_clip() -> bool:
        running = [r for r in rows() if r.state is JobState.PROCESSING]
        return len(running) == 2 and any(r.clips_verified for r in running)

    await until(running_with_a_clip)
    shoot(window, folder, "running")

    await until(lambda: all(r.state is JobState.COMPLETED for r in rows()), timeout=300)
    window.select_job(rows()[0].id)
    await until(lambda: window.detail.clips.count() == 5)
    await until(lambda: not window.thumbnails.busy, timeout=60)
    await asyncio.sleep(0.3)
    shoot(window, folder, "completed")

    dialog = window.open_setup_check()
    assert dialog is not None
    await until(lambda: dialog.finished_checking, timeout=60)
    shoot(dialog, folder, "check-setup")
    dialog.close()

    about = window.open_about()
    await until(lambda: about.task is not None and about.task.done())
    about.adjustSize()
    shoot(about, folder, "about")
    about.close()

    window.tabs.setCurrentIndex(1)
    await until(lambda: window.history.model.rowCount() == len(VIDEOS))
    shoot(window, folder, "history")
    window.tabs.setCurrentIndex(0)
    window.quit()
    await window.wait_closed()
    close = getattr(engine.store, "close", None)
    if close is not None:
        close()


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#2f65ca"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Mid, "#555555"),
        (QPalette.ColorRole.PlaceholderText, "#8a8a8a"), (QPalette.ColorRole.ToolTipBase, "#333"),
        (QPalette.ColorRole.ToolTipText, "#e6e6e6"),
    ):  # fmt: skip
        palette.setColor(role, QColor(color))
    return palette


def main() -> int:
    folder = Path(sys.argv[1]).absolute() if len(sys.argv) > 1 else HERE
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="storyclip-shots-") as tmp:
        scratch = Path(tmp)
        # a fresh, isolated setup: the screenshots show the defaults of a first run
        os.environ["HOME"] = str(scratch / "home")
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "STORYCLIP_FFMPEG"):
            os.environ.pop(name, None)
        os.environ["STORYCLIP_DATA_DIR"] = str(scratch / "home/.local/share/storyclip-studio")
        os.environ["OUTPUT_DIR"] = str(Path.home() / "Videos" / "StoryClip")
        os.environ["TEMP_DIR"] = str(scratch / "temp")

        import qasync

        app = QApplication(sys.argv[:1])
        app.setQuitOnLastWindowClosed(False)  # as run_gui: the window decides when to quit
        if os.environ.get("STORYCLIP_SHOTS_DARK"):  # what a desktop in dark mode hands Qt
            app.setPalette(_dark_palette())
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(render(folder, scratch))
    return 0


if __name__ == "__main__":
    sys.exit(main())
