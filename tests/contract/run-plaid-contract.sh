#!/usr/bin/env bash
# Contract test: Coffer's Plaid requests validated by an OpenAPI mock server of Plaid's own spec.
# Installs Prism from npm (once, into the build folder, without install scripts), starts it on a
# free loopback port with --errors (any request that breaks the spec gets an error answer), runs the
# test binary against it, stops it, and on failure shows the violations Prism logged.
#   run-plaid-contract.sh TEST_BINARY SPEC_FILE TOOLS_DIR
set -euo pipefail
test_binary=$1
spec=$2
tools=$3
prism_version=5.14.2

if [[ ! -f "$spec" ]]; then
    echo "Plaid's OpenAPI spec is missing: $spec" >&2
    exit 1
fi
prism="$tools/node_modules/.bin/prism"
if [[ ! -x "$prism" ]] || ! grep -q "\"version\": \"$prism_version\"" "$tools/node_modules/@stoplight/prism-cli/package.json" 2>/dev/null; then
    echo "Installing @stoplight/prism-cli@$prism_version into $tools"
    mkdir -p "$tools"
    npm install --no-audit --no-fund --ignore-scripts --prefix "$tools" "@stoplight/prism-cli@$prism_version" >"$tools/npm.log" 2>&1 ||
        { cat "$tools/npm.log" >&2; exit 1; }
fi

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
log=$(mktemp)
"$prism" mock --host 127.0.0.1 --port "$port" --errors "$spec" >"$log" 2>&1 &
prism_pid=$!
trap 'kill "$prism_pid" 2>/dev/null || true; wait "$prism_pid" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 240); do
    if grep -q "Prism is listening" "$log"; then break; fi
    if ! kill -0 "$prism_pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
    sleep 0.5
done
if ! grep -q "Prism is listening" "$log"; then
    echo "Prism did not start in 120 s" >&2
    exit 1
fi

status=0
COFFER_PLAID_MOCK_URL="http://127.0.0.1:$port" "$test_binary" --gtest_brief=1 || status=$?
if [[ $status -ne 0 ]]; then
    echo "--- what Prism found wrong in Coffer's requests:" >&2
    grep -E "Violation|error" "$log" | sed 's/^/    /' >&2 || true
fi
exit $status
