#!/bin/sh
# Build the one-folder bundle dist/storyclip/ (PyInstaller) and add the desktop integration.
# Usage: packaging/build.sh [DIST_DIR]   (needs `pip install pyinstaller`; not part of CI)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=${1:-"$ROOT/dist"}
WORK=${STORYCLIP_BUILD_WORK:-"$ROOT/build/pyinstaller"}
APP_ID=org.storyclip.StoryClipStudio

python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/storyclip.spec"

# Desktop integration, laid out like a prefix: copy share/ into ~/.local/ or /usr/
SHARE="$DIST/storyclip/share"
mkdir -p "$SHARE/applications" "$SHARE/metainfo" "$SHARE/icons/hicolor/scalable/apps"
cp "$ROOT/packaging/$APP_ID.desktop" "$SHARE/applications/"
cp "$ROOT/packaging/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp "$ROOT/resources/icons/storyclip.svg" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in 16 32 48 64 128 256; do
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$ROOT/resources/icons/storyclip-$size.png" \
        "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done

"$DIST/storyclip/storyclip" --version
du -sh "$DIST/storyclip"
