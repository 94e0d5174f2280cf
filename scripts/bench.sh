#!/usr/bin/env bash
# Builds the benchmarks in Release and prints Coffer's figures (tests/bench):
# the engine benchmarks as JSON lines, then the micro-benchmarks.
#   scripts/bench.sh                 everything
#   scripts/bench.sh jobs|schedule|ingest|match|sync|ui|micro [options]   one of them
# sync stores its Plaid keys in a keychain: it runs in a throwaway one (scripts/with-test-session.sh),
# never in yours.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
install_missing "${COFFER_BUILD_PACKAGES[@]}" "${COFFER_RUN_PACKAGES[@]}"
say "Building the benchmarks (Release) in build-bench"
cmake -S "$COFFER_ROOT" -B "$COFFER_ROOT/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCOFFER_BUILD_TESTS=ON -DCOFFER_BUILD_BENCHMARKS=ON -DCOFFER_ENGINE_ONLY=OFF >/dev/null
cmake --build "$COFFER_ROOT/build-bench" -j "$(nproc)" --target coffer_microbench coffer-bench
bin="$COFFER_ROOT/build-bench/tests/bench"
in_keychain() { "$COFFER_ROOT/scripts/with-test-session.sh" -- "$@"; }
case "${1:-all}" in
    jobs) shift; "$bin/coffer-bench" jobs "$@" ;;
    schedule) shift; "$bin/coffer-bench" schedule "$@" ;;
    ingest) shift; "$bin/coffer-bench" ingest "$@" ;;
    match) shift; "$bin/coffer-bench" match "$@" ;;
    sync) shift; in_keychain "$bin/coffer-bench" sync "$@" ;;
    ui) shift; "$bin/coffer-bench" ui "$@" ;;
    micro) shift; "$bin/coffer_microbench" "$@" ;;
    all)
        "$bin/coffer-bench" jobs --jobs 20000 --concurrency 50
        "$bin/coffer-bench" schedule --connections 100000 --hours 24
        "$bin/coffer-bench" ingest --transactions 1000000 --accounts 20
        "$bin/coffer-bench" match --transactions 200000
        in_keychain "$bin/coffer-bench" sync --provider plaid --transactions 100000
        "$bin/coffer-bench" ui --transactions 1000000
        "$bin/coffer_microbench"
        ;;
    *) echo "usage: scripts/bench.sh [jobs|schedule|ingest|match|sync|ui|micro] [options]" >&2; exit 2 ;;
esac
