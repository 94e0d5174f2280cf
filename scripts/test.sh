#!/usr/bin/env bash
# Quick start: installs what is missing, builds warning-free (-Werror) and runs every test
# (inside a private D-Bus session with a throwaway gnome-keyring, on a virtual display).
#   scripts/test.sh            full build and all tests
#   scripts/test.sh -R store   only the tests whose name matches
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

install_missing "${COFFER_BUILD_PACKAGES[@]}" "${COFFER_TEST_PACKAGES[@]}"
# The Plaid contract test installs its OpenAPI mock server with npm (Node.js from Debian when missing).
command -v npm >/dev/null || install_missing nodejs npm
configure_and_build "$COFFER_ROOT/build" -DCMAKE_BUILD_TYPE=Debug -DCOFFER_WERROR=ON -DCOFFER_BUILD_TESTS=ON \
    -DCOFFER_ENGINE_ONLY=OFF -DCOFFER_BUILD_BENCHMARKS=ON
say "Running the tests"
cd "$COFFER_ROOT/build"
"$COFFER_ROOT/scripts/with-test-session.sh" --display -- ctest --output-on-failure --timeout 300 "$@"
