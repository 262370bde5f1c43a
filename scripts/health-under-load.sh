#!/usr/bin/env bash
# /api/health latency while parallel searches saturate `tilshi serve`, with curl only (no wrk needed).
# Serves a copy of COLLECTION, runs LOOPS curl loops on /api/search?q=Алматы (pages 1–5) for SECONDS, samples
# /api/health every 0.1 s meanwhile, and prints its p50/p90/p99/max and the search status counts.
# Usage: scripts/health-under-load.sh path/to/tilshi COLLECTION.sqlite [loops=16] [seconds=45]
set -uo pipefail
bin=$1; collection=$2; loops=${3:-16}; secs=${4:-45}
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
cp "$collection" "$work/c.sqlite"
"$bin" serve --db "$work/c.sqlite" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
q='%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B'
end=$((SECONDS + secs))
loopers=()
for l in $(seq 1 "$loops"); do
    ( n=0; while [ $SECONDS -lt $end ]; do n=$((n + 1))
        curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port/api/search?q=$q&page=$(( (n % 5) + 1 ))"; done >"$work/codes.$l" ) &
    loopers+=($!)
done
sleep 1
while [ $SECONDS -lt $((end - 1)) ]; do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/api/health" >>"$work/health"; sleep 0.1
done
wait "${loopers[@]}"
sort -n "$work/health" | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1
    printf "health n=%d p50 %.0f ms p90 %.0f ms p99 %.0f ms max %.0f ms\n", NR, a[int(NR*0.5)]*1000, a[int(NR*0.9)]*1000, a[i]*1000, a[NR]*1000}'
cat "$work"/codes.* | sort | uniq -c | awk '{printf "search status %s: %d\n", $2, $1}'
