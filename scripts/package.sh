#!/usr/bin/env bash
# Builds Coffer's Linux packages and checks them the way a user's system meets them: lints the
# menu entry and the software-centre metadata, makes the .deb (and the .rpm where rpmbuild is
# installed), installs the .deb with the package manager, runs the installed programs from their
# installed paths (versions without a display, a demo bank synced headless by cofferctl, the window
# on a virtual display), then
# removes the package again and checks nothing of it is left.
#   scripts/package.sh            build, check, install, run, remove
#   scripts/package.sh --keep     leave the package installed
# Packages land in build-package/ (coffer_VERSION_ARCH.deb, coffer-VERSION-1.ARCH.rpm).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

keep=0
[ "${1:-}" = "--keep" ] && keep=1

install_missing "${COFFER_BUILD_PACKAGES[@]}" "${COFFER_PACKAGE_PACKAGES[@]}" "${COFFER_RUN_PACKAGES[@]}"
build="$COFFER_ROOT/build-package"
configure_and_build "$build" -DCMAKE_BUILD_TYPE=Release -DCOFFER_BUILD_TESTS=OFF \
    -DCOFFER_BUILD_BENCHMARKS=OFF -DCOFFER_ENGINE_ONLY=OFF -DCMAKE_INSTALL_PREFIX=/usr

fail() { echo "package check failed: $*" >&2; exit 1; }
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)

say "Linting the desktop entry, the AppStream metadata and the MIME types"
desktop-file-validate "$COFFER_ROOT/resources/org.coffer.Coffer.desktop"
appstreamcli validate --no-net "$build/resources/org.coffer.Coffer.metainfo.xml"
share=$(mktemp -d)
mkdir -p "$share/mime/packages"
cp "$COFFER_ROOT/resources/org.coffer.Coffer.mime.xml" "$share/mime/packages/"
XDG_DATA_DIRS="$share" update-mime-database "$share/mime" 2>&1 | { ! grep .; } ||
    fail "update-mime-database complains about org.coffer.Coffer.mime.xml (above)"
grep -q -x 'application/x-ofx' "$share/mime/types" || fail "application/x-ofx is not registered"
rm -rf "$share"

say "Making the packages"
(cd "$build" && rm -f ./*.deb ./*.rpm && cpack -G DEB)
if command -v rpmbuild >/dev/null; then (cd "$build" && cpack -G RPM); fi
# The Windows installer's script (installers/windows/Nsis.cmake) must compile: NSIS runs here too,
# packing this build's Linux programs into a throwaway installer that is deleted at once.
if command -v makensis >/dev/null; then
    nsis=$(mktemp -d)
    (cd "$build" && cpack -G NSIS -B "$nsis" >/dev/null) || fail "the NSIS script does not compile: see $nsis/_CPack_Packages/*/NSIS/NSISOutput.log"
    rm -rf "$nsis"
fi
deb=$(ls "$build"/coffer_*.deb)

say "Checking $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6charts6 libqt6keychain1 \
    'libspdlog[-.0-9a-z]*' libsqlite3-0 libqt6sql6-sqlite qt6-qpa-plugins; do
    grep -q -E "(^|, )$lib( |,|$)" <<<"$depends" || fail "the .deb does not depend on $lib"
done
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/coffer ./usr/bin/cofferctl ./usr/share/applications/org.coffer.Coffer.desktop \
    ./usr/share/metainfo/org.coffer.Coffer.metainfo.xml ./usr/share/mime/packages/org.coffer.Coffer.xml \
    ./usr/share/icons/hicolor/scalable/apps/coffer.svg ./usr/share/icons/hicolor/48x48/apps/coffer.png \
    ./usr/share/icons/hicolor/256x256/apps/coffer.png ./usr/share/doc/coffer/README.md; do
    grep -q -x -F "$f" <<<"$contents" || fail "the .deb has no $f"
done

say "Installing $(basename "$deb") with apt"
# From here on a failed check still takes the package and the throwaway folders away again.
data=""
cleanup() {
    [ -n "$data" ] && rm -rf "$data" "$data.out"
    if [ "$keep" = 0 ] && dpkg-query -W -f='${Status}' coffer 2>/dev/null | grep -q "install ok installed"; then
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get remove -y -q coffer >/dev/null
    fi
}
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "$deb"
[ "$(dpkg-query -W -f='${Status}' coffer)" = "install ok installed" ] || fail "dpkg does not list coffer as installed"

say "Running the installed programs"
version=$(coffer_version)
out=$(env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/coffer --version)
echo "$out"
grep -q -F "$version" <<<"$out" || fail "coffer --version printed \"$out\", not $version"
out=$(/usr/bin/cofferctl --version)
echo "$out"
grep -q -F "$version" <<<"$out" || fail "cofferctl --version printed \"$out\", not $version"

# A demo bank synced by the installed cofferctl, headless: no display, a throwaway keychain.
data=$(mktemp -d)
"$COFFER_ROOT/scripts/with-test-session.sh" -- bash -c '
    set -euo pipefail
    ctl() { env -u DISPLAY /usr/bin/cofferctl --data-dir "$0" --log-level warn "$@"; }
    ctl connections add demo --name "Installed demo"
    ctl sync --all
    ctl transactions list --limit 5
    ctl status' "$data" | tee "$data.out"
grep -q -E ': [1-9][0-9]* added' "$data.out" || fail "the headless demo sync added no transactions"
rm -rf "$data" "$data.out"

# The installed desktop app opens its window (Qt finds its platform plugin, SQL driver and icons
# from the installed paths), on a virtual display with a throwaway keychain.
data=$(mktemp -d)
"$COFFER_ROOT/scripts/with-test-session.sh" --display -- bash -c '
    /usr/bin/coffer --data-dir "$0" --demo 2>"$0/stderr.txt" &
    app=$!
    found=0
    timeout 60 xdotool search --sync --onlyvisible --name "^Coffer" >/dev/null && found=1
    kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
    [ "$found" = 1 ] || { echo "the installed coffer opened no window; it printed:" >&2; cat "$0/stderr.txt" >&2; exit 1; }' "$data" ||
    fail "the installed coffer did not open its window"
rm -rf "$data"

if [ "$keep" = 1 ]; then
    say "Coffer stays installed (--keep): /usr/bin/coffer, /usr/bin/cofferctl"
    exit 0
fi
say "Removing the package"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get remove -y -q coffer
[ ! -e /usr/bin/coffer ] && [ ! -e /usr/share/applications/org.coffer.Coffer.desktop ] ||
    fail "files of coffer are left after apt-get remove"
say "Packages: $(cd "$build" && ls coffer_*.deb coffer-*.rpm 2>/dev/null | tr '\n' ' ')"
