#!/usr/bin/env bash
# Proves the layout rule: the engine, cofferctl and the engine's unit tests build without
# QtGui/QtWidgets, warning-free. Runs the unit tests of that build.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

install_missing "${COFFER_BUILD_PACKAGES[@]}"
configure_and_build "$COFFER_ROOT/build-engine-only" -DCMAKE_BUILD_TYPE=Debug -DCOFFER_WERROR=ON \
    -DCOFFER_ENGINE_ONLY=ON -DCOFFER_BUILD_BENCHMARKS=OFF
if ldd "$COFFER_ROOT/build-engine-only/app/cofferctl" | grep -q -E 'libQt6(Gui|Widgets)'; then
    echo "cofferctl links QtGui or QtWidgets: the engine must not." >&2
    exit 1
fi
cd "$COFFER_ROOT/build-engine-only"
ctest --output-on-failure -L unit
