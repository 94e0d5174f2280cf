#!/usr/bin/env bash
# AppImage recipe: one file that runs on most Linux distributions without installing.
#   installers/appimage/build-appimage.sh [--appdir-only]
# Builds Release, installs into build-appimage/AppDir/usr, then lets linuxdeploy and its Qt plugin
# copy in Qt (with the xcb and wayland platform plugins and the SQLite driver), QtKeychain,
# libsecret, spdlog and their dependencies, and pack Coffer-VERSION-ARCH.AppImage.
# linuxdeploy is not in Debian: put linuxdeploy-ARCH.AppImage and linuxdeploy-plugin-qt-ARCH.AppImage
# (github.com/linuxdeploy) on PATH as `linuxdeploy` and `linuxdeploy-plugin-qt`, or point
# LINUXDEPLOY at the first. --appdir-only stops after the AppDir, which needs neither.
# At run time the AppImage uses the desktop's Secret Service (gnome-keyring, KWallet) for credentials.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/scripts/lib/common.sh"

# qt6-wayland: the Wayland platform plugin the AppImage carries besides xcb.
install_missing "${COFFER_BUILD_PACKAGES[@]}" qt6-wayland
build="$root/build-appimage"
configure_and_build "$build" -DCMAKE_BUILD_TYPE=Release -DCOFFER_BUILD_TESTS=OFF -DCOFFER_BUILD_BENCHMARKS=OFF \
    -DCOFFER_ENGINE_ONLY=OFF -DCMAKE_INSTALL_PREFIX=/usr
appdir="$build/AppDir"
rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$build" --strip
for f in usr/bin/coffer usr/bin/cofferctl usr/share/applications/org.coffer.Coffer.desktop \
    usr/share/icons/hicolor/256x256/apps/coffer.png usr/share/metainfo/org.coffer.Coffer.metainfo.xml; do
    [ -e "$appdir/$f" ] || { echo "The AppDir has no $f: the install rules changed?" >&2; exit 1; }
done
say "AppDir ready: $appdir"
[ "${1:-}" = "--appdir-only" ] && exit 0

linuxdeploy=${LINUXDEPLOY:-$(command -v linuxdeploy || true)}
if [ -z "$linuxdeploy" ] || ! command -v linuxdeploy-plugin-qt >/dev/null; then
    echo "linuxdeploy and linuxdeploy-plugin-qt are needed to pack the AppImage (see the top of $0)." >&2
    exit 1
fi
export QMAKE=${QMAKE:-$(command -v qmake6 || echo /usr/lib/qt6/bin/qmake)}
export EXTRA_PLATFORM_PLUGINS="libqwayland-generic.so"
export LDAI_OUTPUT="Coffer-$(coffer_version)-$(uname -m).AppImage"
cd "$build"
"$linuxdeploy" --appdir "$appdir" --plugin qt --output appimage \
    --executable "$appdir/usr/bin/coffer" --executable "$appdir/usr/bin/cofferctl" \
    --desktop-file "$appdir/usr/share/applications/org.coffer.Coffer.desktop" \
    --icon-file "$appdir/usr/share/icons/hicolor/256x256/apps/coffer.png"
say "AppImage: $build/$LDAI_OUTPUT"
