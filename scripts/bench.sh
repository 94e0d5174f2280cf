#!/usr/bin/env bash
# Builds the benchmarks in Release and prints Coffer's figures (tests/bench):
# the engine benchmarks as JSON lines, then the micro-benchmarks.
#   scripts/bench.sh                 everything
#   scripts/bench.sh jobs|schedule|ingest|match|sync|ui|micro [options]   one of them
#   scripts/bench.sh parse|import [FORMAT...]   bank files of 10,000 and 100,000 records per format
#                    (coffer-bench make-file), parsed alone or imported end to end, and how the time
#                    grows from one size to the other (1.0 = linear)
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

# files_bench parse|import [FORMAT...]: one JSON line per file, then one per format comparing sizes.
files_bench() {
    local mode=$1 dir
    shift
    local formats=("$@")
    [ ${#formats[@]} -eq 0 ] && formats=(ofx qif csv camt053 mt940)
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' RETURN
    for f in "${formats[@]}"; do
        local small="" large=""
        local file suffix
        case "$f" in camt053) suffix=xml ;; mt940) suffix=sta ;; *) suffix=$f ;; esac
        for n in 10000 100000; do
            file="$dir/$f-$n.$suffix"
            "$bin/coffer-bench" make-file --format "$f" --transactions "$n" "$file" >/dev/null
            local line
            line=$("$bin/coffer-bench" "$mode" "$file")
            echo "$line"
            local seconds
            seconds=$(sed -E 's/.*"seconds":([0-9.eE+-]+).*/\1/' <<<"$line")
            if [ "$n" -eq 10000 ]; then small=$seconds; else large=$seconds; fi
        done
        # Ten times the records should take about ten times as long.
        awk -v f="$f" -v m="$mode" -v a="$small" -v b="$large" 'BEGIN {
            printf "{\"bench\":\"%s-linearity\",\"format\":\"%s\",\"seconds_10k\":%s,\"seconds_100k\":%s,\"growth_per_10x\":%.2f}\n",
                m, f, a, b, (b / a) / 10 }'
    done
}
case "${1:-all}" in
    jobs) shift; "$bin/coffer-bench" jobs "$@" ;;
    schedule) shift; "$bin/coffer-bench" schedule "$@" ;;
    ingest) shift; "$bin/coffer-bench" ingest "$@" ;;
    match) shift; "$bin/coffer-bench" match "$@" ;;
    sync) shift; in_keychain "$bin/coffer-bench" sync "$@" ;;
    ui) shift; "$bin/coffer-bench" ui "$@" ;;
    micro) shift; "$bin/coffer_microbench" "$@" ;;
    parse) shift; files_bench parse "$@" ;;
    import) shift; files_bench import "$@" ;;
    all)
        "$bin/coffer-bench" jobs --jobs 20000 --concurrency 50
        "$bin/coffer-bench" schedule --connections 100000 --hours 24
        "$bin/coffer-bench" ingest --transactions 1000000 --accounts 20
        "$bin/coffer-bench" match --transactions 200000
        in_keychain "$bin/coffer-bench" sync --provider plaid --transactions 100000
        "$bin/coffer-bench" ui --transactions 1000000
        files_bench parse
        files_bench import
        "$bin/coffer_microbench"
        ;;
    *) echo "usage: scripts/bench.sh [jobs|schedule|ingest|match|sync|ui|micro|parse|import] [options]" >&2; exit 2 ;;
esac
