#!/usr/bin/env bash
# Fuzzes every bank file parser with libFuzzer (tests/fuzz) for a bounded time each.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [FORMAT...]    default 60 s, all formats
# Builds the targets with clang (ASan + UBSan) in build-fuzz. Each run starts from the
# conformance corpus (../shared/corpus/<folder>, when present), the repo's fixtures
# (tests/data/import/<format>) and what earlier runs found (build-fuzz/corpus/<format>).
# Any crash, sanitizer report, hang (over 10 s on one input) or runaway memory fails the script,
# which prints the reproducer's path: save it in tests/data/import/<format>/regressions/ (the
# regression test parses every file there).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

seconds=${1:-60}
shift || true
formats=("$@")
[ ${#formats[@]} -eq 0 ] && formats=(ofx qif csv camt053 mt940)

install_missing "${COFFER_BUILD_PACKAGES[@]}" "${COFFER_FUZZ_PACKAGES[@]}"
build="$COFFER_ROOT/build-fuzz"
say "Building the fuzz targets (clang, ASan + UBSan) in $build"
CC=clang CXX=clang++ cmake -S "$COFFER_ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOFFER_FUZZ=ON \
    -DCOFFER_ENGINE_ONLY=ON -DCOFFER_BUILD_TESTS=OFF -DCOFFER_BUILD_BENCHMARKS=OFF >/dev/null
targets=()
for f in "${formats[@]}"; do targets+=("fuzz_$f"); done
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"

# The corpus folder holding each format's real files (CAMT.053 files live in camt/).
corpus_folder() { case "$1" in camt053) echo camt ;; *) echo "$1" ;; esac; }

passed=() failed=() skipped=()
for f in "${formats[@]}"; do
    work="$build/corpus/$f" artifacts="$build/artifacts/$f/" log="$build/fuzz-$f.log"
    mkdir -p "$work" "$artifacts"
    started="$build/.fuzz-started-$f"
    touch "$started"
    seeds=()
    for d in "$COFFER_ROOT/../shared/corpus/$(corpus_folder "$f")" "$COFFER_ROOT/tests/data/import/$f"; do
        [ -d "$d" ] && seeds+=("$d")
    done
    say "Fuzzing $f for ${seconds} s (seeds: ${seeds[*]:-none})"
    # The first folder is where new inputs go; the seed folders are only read.
    # ASan's leak check stays on: a parser that leaks on some input is a finding too.
    if UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$build/tests/fuzz/fuzz_$f" "$work" "${seeds[@]}" -dict="$COFFER_ROOT/tests/fuzz/dict/$f.dict" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1; then
        if grep -q 'nothing to fuzz' "$log"; then
            cat "$log"
            skipped+=("$f")
        else
            grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
            passed+=("$f")
        fi
    else
        echo "fuzz_$f FAILED; the end of its log ($log):" >&2
        tail -n 60 "$log" >&2
        reproducers=$(find "$artifacts" -type f -newer "$started" 2>/dev/null || true)
        echo "reproducer: ${reproducers:-none written (see the log)}" >&2
        echo "run it again: $build/tests/fuzz/fuzz_$f ${reproducers%%$'\n'*}" >&2
        failed+=("$f")
    fi
done

# The plain closing line CI reads, one target a test.
echo "fuzz: ${#passed[@]} passed, ${#failed[@]} failed, ${#skipped[@]} skipped"
if [ ${#failed[@]} -gt 0 ]; then
    echo "Fuzzing found problems in: ${failed[*]}" >&2
    exit 1
fi
