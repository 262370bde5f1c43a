#!/usr/bin/env bash
# HTTP load on loopback (issue 19): two `tilshi serve` processes sharing one PostgreSQL collection against one
# `tilshi serve` over a SQLite file holding the same articles, each loaded with wrk (search API, a rotating query set).
#
# Usage: scripts/pg-serve-load.sh TILSHI SQLITE_FILE POSTGRES_URL [SECONDS] [CONNECTIONS]
#   (e.g. the collections `tilshi bench search --backend sqlite,postgres --workdir DIR` leaves in DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
tilshi="$1"; sqlite="$2"; url="$3"; seconds="${4:-20}"; connections="${5:-16}"
command -v wrk >/dev/null || { echo "pg-serve-load: wrk is missing (apt-get install wrk)" >&2; exit 1; }
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Queries from the benchmark's set, one per request in turn.
cat >"$work/queries.lua" <<'LUA'
local queries = {"Қазақстан", "Президент", "Алматы", "Үкімет", "Тоқаев", "Қытай", "Ресей", "Астана", "мемлекет", "экономика",
                 "Алматыда", "Қазақстанның", "Президенттің", "министр", "\"Қазақстан Республикасы\"", "Астана Алматы"}
local counter = 0
local function encode(s) return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end)) end
request = function()
    counter = counter + 1
    return wrk.format("GET", "/api/search?q=" .. encode(queries[(counter % #queries) + 1]))
end
done = function(summary, latency, requests)
    io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
LUA

serve() { # DB PORT
    "$tilshi" serve --db "$1" --port "$2" --max-queued 1024 >"$work/serve-$2.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$2/api/health" >/dev/null 2>&1 && return 0; sleep 0.2; done
    echo "pg-serve-load: the server on port $2 did not start" >&2; cat "$work/serve-$2.log" >&2; exit 1
}
load() { # PORT... : wrk on each port at once, connections split between them
    local share=$((connections / $#)) out=()
    for port in "$@"; do
        wrk -t1 -c"$share" -d"${seconds}s" --timeout 30s --latency -s "$work/queries.lua" "http://127.0.0.1:$port/" >"$work/wrk-$port.txt" 2>&1 &
        out+=($!)
    done
    for pid in "${out[@]}"; do wait "$pid"; done
    for port in "$@"; do echo "  port $port: $(grep RESULT "$work/wrk-$port.txt" | cut -d' ' -f2-)"; done
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; wrk ${seconds}s, $connections connections in all"
serve "$sqlite" 18481
echo "one tilshi serve over SQLite ($sqlite):"
load 18481
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
serve "$url" 18482
serve "$url" 18483
echo "two tilshi serve over one PostgreSQL:"
load 18482 18483
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
