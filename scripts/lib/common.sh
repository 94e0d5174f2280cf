# Shared by the scripts in scripts/: installing what is missing and building.
# Sourced, not run.

COFFER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Debian/Ubuntu packages Coffer builds with, and those its tests run with.
COFFER_BUILD_PACKAGES=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
    qtkeychain-qt6-dev libspdlog-dev libqt6sql6-sqlite libsqlite3-dev libssl-dev libgtest-dev libgmock-dev libbenchmark-dev)
COFFER_RUN_PACKAGES=(gnome-keyring dbus-x11 libsecret-1-0 fonts-dejavu-core)
# ledger and beancount (bean-check, bean-query) read the exports back in the export tests; trayer
# gives the virtual display a system tray for the tray tests.
COFFER_TEST_PACKAGES=(xvfb xauth gnome-keyring dbus-x11 libsecret-1-0 fonts-dejavu-core ledger beancount trayer)
# scripts/package.sh: dpkg-shlibdeps for the .deb's Depends, rpmbuild for the .rpm, makensis to
# compile the Windows installer's script, the linters of the desktop entry, AppStream metadata and
# MIME types; a virtual display, and xdotool to wait for the installed app's window on it.
COFFER_PACKAGE_PACKAGES=(dpkg-dev rpm nsis desktop-file-utils appstream shared-mime-info xvfb xauth xdotool)
# The parsers' fuzz targets (scripts/fuzz.sh): clang and its runtimes (libFuzzer, ASan, UBSan), which
# Debian ships apart from the compiler.
COFFER_FUZZ_PACKAGES=(clang libclang-rt-dev)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Coffer's version, as the top-level CMakeLists.txt's project() declares it (packages are named by it).
coffer_version() {
    grep -m1 -oP 'project\(Coffer VERSION \K[0-9.]+' "$COFFER_ROOT/CMakeLists.txt"
}

# Installs the packages of the lists given that are not installed yet (apt; sudo when not root).
install_missing() {
    local wanted=("$@") missing=()
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        echo "These packages are missing and this is not a Debian/Ubuntu system: ${missing[*]}" >&2
        echo "Install their equivalents and run this again." >&2
        return 1
    fi
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    say "Installing ${missing[*]}"
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# configure_and_build BUILD_DIR [cmake options...]
configure_and_build() {
    local dir=$1; shift
    say "Building in $dir"
    cmake -S "$COFFER_ROOT" -B "$dir" -G Ninja "$@"
    cmake --build "$dir" -j "$(nproc)"
}
