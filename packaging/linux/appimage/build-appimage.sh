#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Folio authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Folio-<version>-<arch>.AppImage with linuxdeploy + linuxdeploy-plugin-qt.
#
#   packaging/linux/appimage/build-appimage.sh [BUILD_DIR]      (default: build-appimage)
#
# Needs: cmake, ninja, a Qt 6 with qmake6/qmake on PATH (or QMAKE=/path/to/qmake), libgumbo-dev, and
# the two tools below. Build on the oldest distribution you want to support (glibc is not bundled).
# linuxdeploy and its Qt plugin are downloaded into BUILD_DIR/tools unless LINUXDEPLOY and
# LINUXDEPLOY_PLUGIN_QT already point at them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
build="$(realpath -m "${1:-$root/build-appimage}")"
arch="$(uname -m)"
tools="$build/tools"
appdir="$build/AppDir"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DFOLIO_BUILD_TESTS=OFF -DFOLIO_BUILD_BENCHMARKS=OFF
cmake --build "$build"
rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$build" --strip

mkdir -p "$tools"
fetch() { # fetch NAME URL -> path of an executable NAME in $tools
    if [[ ! -x "$tools/$1" ]]; then
        curl -fsSL -o "$tools/$1" "$2"
        chmod +x "$tools/$1"
    fi
}
if [[ -z "${LINUXDEPLOY:-}" ]]; then
    fetch linuxdeploy.AppImage \
        "https://github.com/linuxdeploy/linuxdeploy/releases/download/continuous/linuxdeploy-$arch.AppImage"
    LINUXDEPLOY="$tools/linuxdeploy.AppImage"
fi
if [[ -z "${LINUXDEPLOY_PLUGIN_QT:-}" ]]; then
    fetch linuxdeploy-plugin-qt.AppImage \
        "https://github.com/linuxdeploy/linuxdeploy-plugin-qt/releases/download/continuous/linuxdeploy-plugin-qt-$arch.AppImage"
    LINUXDEPLOY_PLUGIN_QT="$tools/linuxdeploy-plugin-qt.AppImage"
fi
# linuxdeploy finds plugins as linuxdeploy-plugin-<name> on PATH.
ln -sf "$LINUXDEPLOY_PLUGIN_QT" "$tools/linuxdeploy-plugin-qt"
export PATH="$tools:$PATH"

# The plugin asks qmake where Qt lives; Qt 6 on Debian/Ubuntu names it qmake6.
if [[ -z "${QMAKE:-}" ]]; then
    QMAKE="$(command -v qmake6 || command -v qmake)"
    export QMAKE
fi
# Plugins Qt loads at run time that linuxdeploy cannot see from the ELF files.
export EXTRA_QT_PLUGINS="sqldrivers;platforms;imageformats;iconengines;tls;networkinformation"
export EXTRA_PLATFORM_PLUGINS="libqwayland-generic.so"
# Without FUSE (containers, CI) the AppImages extract themselves instead of mounting.
export APPIMAGE_EXTRACT_AND_RUN=1

version="$(sed -n 's/^project(Folio$//;s/^ *VERSION \([0-9.]*\)$/\1/p' "$root/CMakeLists.txt" | head -n1)"
export LINUXDEPLOY_OUTPUT_VERSION="${version:-dev}"

cd "$build"
"$LINUXDEPLOY" --appdir "$appdir" \
    --executable "$appdir/usr/bin/folio" \
    --executable "$appdir/usr/bin/folio-cli" \
    --desktop-file "$appdir/usr/share/applications/org.example.Folio.desktop" \
    --icon-file "$appdir/usr/share/icons/hicolor/256x256/apps/org.example.Folio.png" \
    --plugin qt \
    --output appimage

echo "build-appimage.sh: $(ls "$build"/Folio-*.AppImage)"
