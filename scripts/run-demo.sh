#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and opens Coffer with a demo bank connection.
#   scripts/run-demo.sh [extra coffer options]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

install_missing "${COFFER_BUILD_PACKAGES[@]}" "${COFFER_RUN_PACKAGES[@]}"
configure_and_build "$COFFER_ROOT/build-release" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOFFER_BUILD_TESTS=OFF -DCOFFER_ENGINE_ONLY=OFF

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "Coffer is built, but there is no display to open its window on. Run this from a desktop session," >&2
    echo "or try the command line: $COFFER_ROOT/build-release/app/cofferctl --help" >&2
    exit 1
fi

secret_service_running() {
    [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && dbus-send --session --print-reply --dest=org.freedesktop.DBus \
        /org/freedesktop/DBus org.freedesktop.DBus.ListActivatableNames 2>/dev/null | grep -q org.freedesktop.secrets
}

if secret_service_running; then
    say "Opening Coffer (data in its usual folder; credentials in your keychain)"
    exec "$COFFER_ROOT/build-release/app/coffer" --demo "$@"
fi
# No keychain in this session (a bare X server, a container): use a throwaway one and a demo
# data folder that goes with it, so nothing is ever stored in plain text.
say "No keychain is running in this session: using a temporary one and a temporary data folder"
data=$(mktemp -d -t coffer-demo-XXXXXX)
exec "$COFFER_ROOT/scripts/with-test-session.sh" -- "$COFFER_ROOT/build-release/app/coffer" --data-dir "$data" --demo "$@"
