#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring (the real
# Secret Service) and, when --display is given, a virtual X display. Used by the test suite;
# nothing here touches the user's own keyring or display.
#   scripts/with-test-session.sh [--display] -- COMMAND...
set -euo pipefail

want_display=0
if [ "${1:-}" = "--display" ]; then want_display=1; shift; fi
[ "${1:-}" = "--" ] && shift

if [ -z "${COFFER_IN_TEST_SESSION:-}" ]; then
    export COFFER_IN_TEST_SESSION=1
    if [ "$want_display" = 1 ]; then
        exec xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- "$0" -- "$@"
    fi
    exec dbus-run-session -- "$0" -- "$@"
fi

XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
export HOME_FOR_KEYRING
HOME_FOR_KEYRING=$(mktemp -d)
export XDG_DATA_HOME="$HOME_FOR_KEYRING/data"
mkdir -p "$XDG_DATA_HOME"
# An empty password makes gnome-keyring try to prompt; a throwaway one unlocks silently.
eval "$(printf 'coffer-test-password' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
trap 'rm -rf "$XDG_RUNTIME_DIR" "$HOME_FOR_KEYRING"' EXIT
"$@"
