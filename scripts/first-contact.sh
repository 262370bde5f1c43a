#!/usr/bin/env bash
# Times a newcomer's first contact: the README's two set-up commands on a fresh clone with an empty build folder.
#   1. `swift run tilshi demo` until it prints the URL of the web page (then it is stopped),
#   2. `swift test` right after it.
# Usage: scripts/first-contact.sh [CLONE_DIR]   (default: a new temporary folder). Run it on an idle machine.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d /tmp/tilshi-first-contact-XXXX)}
git clone -q "$repo" "$dir/tilshi"
cd "$dir/tilshi"
# The clone sits next to a copy of shared/ only when the caller put one there; the demo and the tests need none.
log="$dir/demo.log"
start=$(date +%s)
swift run tilshi demo --port 18090 > "$log" 2>&1 &
pid=$!
until grep -q 'http://127.0.0.1:18090' "$log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "demo exited early:"; tail -20 "$log"; exit 1; fi
    sleep 1
done
demo=$(( $(date +%s) - start ))
kill -INT "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
start=$(date +%s)
swift test > "$dir/test.log" 2>&1 || { echo "swift test failed:"; tail -30 "$dir/test.log"; exit 1; }
tests=$(( $(date +%s) - start ))
echo "demo URL after ${demo} s; swift test after it ${tests} s ($(grep -E 'Test run with' "$dir/test.log" | tail -1))"
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
