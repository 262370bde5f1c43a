#!/usr/bin/env bash
# Bounded load test of `tilshi serve` from a second process on loopback (wrk), while documents are being
# ingested through the API at the same time. Prints requests/s and latency percentiles; fails on any error.
# Usage: scripts/load-test.sh [path/to/tilshi] [seconds=20] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi

tilshi="${1:-}"
if [ -z "$tilshi" ]; then
    swift build -c release --product tilshi >/dev/null
    tilshi="$(swift build -c release --show-bin-path)/tilshi"
fi
seconds="${2:-20}"
connections="${3:-16}"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
token="load-test-token-$RANDOM$RANDOM$RANDOM"
server_pid=""
writer_pid=""
cleanup() {
    for pid in $writer_pid $server_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$tilshi" demo --db "$work/load.sqlite" --port "$port" --write-token "$token" >"$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fsS "$base/api/health" >/dev/null 2>&1 && break; sleep 0.2; done

# A writer ingests a new document every 0.2 s during the whole run (readers must not see errors).
(
    n=0
    end=$((SECONDS + seconds))
    while [ $SECONDS -lt $end ]; do
        n=$((n + 1))
        curl -fsS -o /dev/null -X POST "$base/api/documents" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            --data "{\"title\":\"Жүктеме $n\",\"text\":\"Алматыда $n-ші жүктеме сынағы өтті. Қала әкімі Ерболат Досаев жиынға қатысты.\"}" \
            || echo "writer: request $n failed" >&2
        sleep 0.2
    done
    echo "$n" >"$work/written"
) &
writer_pid=$!

cat >"$work/paths.lua" <<'LUA'
-- Rotates through the main read routes: search (three queries), a document, an entity, events, health.
local paths = {
  "/api/search?q=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B",
  "/api/search?q=%D0%A4%D1%80%D0%B0%D0%BD%D1%86%D0%B8%D1%8F&page=1",
  "/?q=%D0%AE%D0%9D%D0%95%D0%A1%D0%9A%D0%9E",
  "/api/documents/1?tokens=false",
  "/documents/2",
  "/api/entities/1",
  "/api/events",
  "/api/health",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors=%d non2xx=%d\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status, summary.errors.status))
  io.write(string.format("p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$work/paths.lua" "$base" | tee "$work/wrk.txt"
wait "$writer_pid" || true
writer_pid=""
echo "documents ingested during the run: $(cat "$work/written" 2>/dev/null || echo 0)"
echo "documents now: $(curl -fsS "$base/api/health")"
grep -q "errors=0 non2xx=0" "$work/wrk.txt" || { echo "load-test: errors seen" >&2; exit 1; }
echo "load-test: zero errors"
