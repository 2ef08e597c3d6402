"""Window start-up: style, translations, icon, and the main window with files queued."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from storyclip_gui.ui.help_dialogs import SetupCheck
from storyclip_gui.ui.main_window import EngineParts, MainWindow, window_settings
from storyclip_gui.ui.resources import app_icon, install_translator, pick_language
from storyclip_gui.ui.settings_dialog import WindowPrefs


def prepare_application(app: QApplication, engine: EngineParts) -> None:
    """Application-wide look and language (called once, before any widget exists)."""
    app.setApplicationName("StoryClip Studio")
    app.setOrganizationName("StoryClip")
    app.setApplicationDisplayName("StoryClip Studio")
    app.setDesktopFileName("org.storyclip.StoryClipStudio")  # packaging/*.desktop (Wayland)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")  # follows the system's light or dark palette on every platform
    prefs = WindowPrefs.load(window_settings(engine.settings.data_dir))
    install_translator(app, pick_language(prefs.language))


def open_window(
    app: QApplication,
    engine: EngineParts,
    paths: list[str],
    check_setup: SetupCheck | None = None,
) -> MainWindow:
    """Show the window; the files given on the command line are queued once the loop runs."""
    prepare_application(app, engine)
    window = MainWindow(engine, check_setup=check_setup)
    window.show()
    if paths:
        QTimer.singleShot(0, lambda: window.add_paths(list(paths)))
    return window
