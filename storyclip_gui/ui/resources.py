"""Finding the resources/ folder: the application icon and the compiled translations."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon

LANGUAGES = ("en", "es")


def resources_dir() -> Path:
    """resources/ beside the package (source tree, editable install) or in a frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "resources"] if bundle else []
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    for folder in candidates:
        if folder.is_dir():
            return folder
    return candidates[-1]


def app_icon() -> QIcon:
    folder = resources_dir() / "icons"
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        png = folder / f"storyclip-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    svg = folder / "storyclip.svg"
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    return icon


def action_icon(name: str, *, themed: bool = True) -> QIcon:
    """The desktop theme's icon `name` (freedesktop naming), else ours in resources/icons/actions
    (drawn for this app; used where the platform has no icon theme, e.g. Windows, macOS)."""
    fallback = QIcon(str(resources_dir() / "icons" / "actions" / f"{name}.svg"))
    return QIcon.fromTheme(name, fallback) if themed else fallback


def pick_language(preference: str, locale: QLocale | None = None) -> str:
    """ "" follows the system locale; anything we do not translate falls back to English."""
    if preference in LANGUAGES:
        return preference
    name = (locale or QLocale.system()).name().split("_")[0]
    return name if name in LANGUAGES else "en"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load resources/translations/storyclip_<language>.qm (English's holds its plural forms:
    "1 video queued"), and Qt's own strings (the Yes, No, Close and Cancel of standard buttons)
    as a child translator. `uninstall_translator()` removes both."""
    translator = QTranslator(app)
    path = resources_dir() / "translations" / f"storyclip_{language}.qm"
    if not translator.load(str(path)):
        return None
    qt = QTranslator(translator)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    app.installTranslator(translator)
    return translator


def uninstall_translator(app: QCoreApplication, translator: QTranslator) -> None:
    for qt in translator.findChildren(QTranslator):
        app.removeTranslator(qt)
    app.removeTranslator(translator)
