#!/usr/bin/env bash
# Builds the benchmarks in Release and prints Coffer's figures (tests/bench).
#   scripts/bench.sh [--benchmark_filter=REGEX]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
install_missing "${COFFER_BUILD_PACKAGES[@]}"
say "Building the benchmarks (Release) in build-bench"
cmake -S "$COFFER_ROOT" -B "$COFFER_ROOT/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCOFFER_BUILD_TESTS=ON -DCOFFER_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$COFFER_ROOT/build-bench" -j "$(nproc)" --target coffer_bench
"$COFFER_ROOT/build-bench/tests/bench/coffer_bench" "$@"
