#!/usr/bin/env bash
# The crash-and-load campaign of issue 21, repeatable: (1) random SIGKILLs during `tilshi ingest`, each followed by
# SQLite's integrity_check and FTS5's integrity-check (`tilshi stats --check`), then a re-run that must store every
# article; (2) concurrent writers, several `tilshi ingest` processes creating and filling one new collection at once;
# (3) if `wrk` is installed, a bounded run against /api/search, /api/documents/{id}, / and /api/health at 16 and 64
# connections, with the server's RSS before and after, and /api/health's latency while wrk saturates the server
# with searches. Prints one line per figure; exits 1 on any failure (a wrk error or non-2xx answer included).
# Usage: scripts/crash-and-load.sh [path/to/tilshi] [kills=20] [files=60] [seconds=15] [trials=5]
# Environment: LOAD_DB=collection.sqlite serves that collection for the wrk part (e.g. the 12,000 articles of
# `tilshi bench search --docs 12000 --skip-recall --rounds 1 --workdir W`, then W/tilshi.sqlite) instead of the killed
# run's; LOAD_ONLY=1 skips the kills and the concurrent writers; BASELINE=path/to/old/tilshi runs the same load
# against that binary too (first, then this one) and prints the ratios of requests/s new/old; BASELINE_ENV is
# set for that run only (BASELINE=same/tilshi BASELINE_ENV=TILSHI_SEARCH_CACHE=off measures the search cache alone).
set -uo pipefail
cd "$(dirname "$0")/.."

tilshi="${1:-}"
if [ -z "$tilshi" ]; then
    swift build -c release --product tilshi >/dev/null || exit 1
    tilshi="$(swift build -c release --show-bin-path)/tilshi"
fi
kills="${2:-20}"
files="${3:-60}"
seconds="${4:-15}"
trials="${5:-5}"
per_file=100
work="$(mktemp -d)"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; }
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Distinct short Kazakh articles written for this script (numbered, so none is a duplicate of another).
mkdir -p "$work/news"
places=(Алматыда Астанада Шымкентте Қарағандыда Ақтөбеде Таразда Павлодарда Өскеменде Семейде Атырауда)
events=("жаңа мектеп ашылды" "кітап көрмесі өтті" "жастар форумы басталды" "спорт жарысы болды" "концерт ұйымдастырылды")
for ((f = 0; f < files; f++)); do
    for ((i = 0; i < per_file; i++)); do
        n=$((f * per_file + i))
        place=${places[$((n % 10))]}
        event=${events[$(((n / 10) % 5))]}
        printf '{"id":"n%d","title":"Хабар %d","published":"2025-%02d-%02d","text":"%s %d-ші рет %s. Іс-шараға %d адам қатысты. Әкімдік келесі жылы да осындай шара өткізетінін айтты."}\n' \
            "$n" "$n" $((n % 12 + 1)) $((n % 28 + 1)) "$place" "$n" "$event" $((n * 7 % 900 + 100))
    done >"$work/news/$(printf '%03d' "$f").jsonl"
done
expected=$((files * per_file))
echo "corpus: $files files, $expected articles"

count() { "$tilshi" stats --db "$1" 2>/dev/null | awk '$1 == "documents" { print $2; exit }'; }

if [ "${LOAD_ONLY:-0}" != 1 ]; then
# 1. Random kills during ingest.
db="$work/killed.sqlite"
for ((k = 1; k <= kills; k++)); do
    "$tilshi" ingest "$work/news" --db "$db" --no-progress >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.3 + (r % 250) / 100 }')"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [ -f "$db" ]; then
        "$tilshi" stats --check --db "$db" >/dev/null 2>&1 || fail "integrity or FTS5 check after kill $k"
    fi
done
"$tilshi" ingest "$work/news" --db "$db" --no-progress >/dev/null 2>&1 || fail "re-run after the kills"
"$tilshi" stats --check --db "$db" >/dev/null 2>&1 || fail "integrity or FTS5 check after the re-run"
stored=$(count "$db")
echo "kills: $kills SIGKILLs, every check passed unless FAIL above; re-run stores $stored of $expected"
[ "$stored" = "$expected" ] || fail "stored $stored of $expected after the re-run"

# 2. Concurrent writers creating one new collection.
for ((trial = 1; trial <= trials; trial++)); do
    db="$work/concurrent-$trial.sqlite"
    pids=()
    for part in 0 1 2 3; do
        mkdir -p "$work/part-$trial-$part"
        for ((f = part; f < files && f < 20; f += 4)); do cp "$work/news/$(printf '%03d' "$f").jsonl" "$work/part-$trial-$part/"; done
        "$tilshi" ingest "$work/part-$trial-$part" --db "$db" --no-progress >/dev/null 2>"$work/writer-$trial-$part.log" &
        pids+=($!)
    done
    for part in 0 1 2 3; do
        wait "${pids[$part]}" || fail "writer $part of trial $trial: $(grep -v '^ingested' "$work/writer-$trial-$part.log" | head -3)"
    done
    "$tilshi" stats --check --db "$db" >/dev/null 2>&1 || fail "integrity or FTS5 check after concurrent trial $trial"
    want=$(( (files < 20 ? files : 20) * per_file ))
    got=$(count "$db")
    [ "$got" = "$want" ] || fail "concurrent trial $trial stored $got of $want"
done
echo "concurrent writers: $trials trials of 4 processes creating one new collection; failures so far: $failures"
fi

# 3. Bounded load with wrk.
# One wrk run: prints "req/s p50 p99 errors" (latencies in ms; errors = socket errors + non-2xx answers).
wrk_run() { # connections seconds url
    local out
    out=$(wrk -t2 -c"$1" -d"$2s" --timeout 10s --latency "$3" 2>&1)
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
        /Non-2xx/ { errors += $NF }
        END { printf "%s %.2f %.2f %d\n", rps, p50, p99, errors }' <<<"$out"
}
# Serves LOAD_DB (or the killed run's collection) with binary $1 and measures every route; $2 labels the lines.
load_run() {
    local bin=$1 label=$2 environment=${3:-} port base path connections figures rps
    port=$((20000 + RANDOM % 20000))
    env $environment "$bin" serve --db "$load_db" --port "$port" >"$work/server-$label.log" 2>&1 &
    server_pid=$!
    base="http://127.0.0.1:$port"
    for _ in $(seq 1 300); do curl -fsS "$base/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
    rss() { awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$server_pid/status"; }
    echo "[$label] server RSS before: $(rss); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    q=$(printf '%s' 'Алматы' | od -An -tx1 | tr ' ' '%' | tr -d '\n' | tr 'a-f' 'A-F')
    local i
    for i in 0 1 2 3; do
        path=${paths[$i]}
        for connections in 16 64; do
            figures=$(wrk_run "$connections" "$seconds" "$base$path")
            read -r rps p50 p99 errors <<<"$figures"
            echo "[$label] wrk $path c=$connections: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
            [ "$errors" = 0 ] || fail "[$label] $errors errors on $path at $connections connections"
            results["$label $i $connections"]=$rps
        done
    done
    # /api/health from one connection while 16 connections keep searching (the server saturated by searches).
    wrk_run 16 "$seconds" "$base/api/search?q=$q" >"$work/saturating-$label" &
    local searcher=$!
    sleep 1
    read -r rps p50 p99 errors <<<"$(wrk -t1 -c1 -d"$((seconds - 2))s" --timeout 10s --latency "$base/api/health" 2>&1 | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
        /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 } /Non-2xx/ { errors += $NF }
        END { printf "%s %.2f %.2f %d\n", rps, p50, p99, errors }')"
    wait "$searcher"
    echo "[$label] /api/health while 16 connections search: p50 $p50 ms, p99 $p99 ms, errors $errors; searches meanwhile: $(cat "$work/saturating-$label")"
    echo "[$label] server RSS after: $(rss)"
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
    server_pid=""
}
if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk: not installed (apt-get install -y wrk), load run skipped"
else
    load_db="${LOAD_DB:-$work/killed.sqlite}"
    declare -A results
    q=$(printf '%s' 'Алматы' | od -An -tx1 | tr ' ' '%' | tr -d '\n' | tr 'a-f' 'A-F')
    paths=("/api/search?q=$q" "/api/documents/42" "/" "/api/health")
    echo "wrk: $seconds s per run, 2 threads, collection $load_db ($("$tilshi" stats --db "$load_db" 2>/dev/null | awk '$1 == "documents" { print $2 }') documents)"
    if [ -n "${BASELINE:-}" ]; then
        load_run "$BASELINE" old "${BASELINE_ENV:-}"
        load_run "$tilshi" new
        for i in 0 1 2 3; do
            for connections in 16 64; do
                awk -v p="${paths[$i]}" -v c="$connections" -v n="${results["new $i $connections"]}" -v o="${results["old $i $connections"]}" \
                    'BEGIN { printf "ratio of requests/s new/old %s c=%s: %.2f\n", p, c, (o > 0 ? n / o : 0) }'
            done
        done
    else
        load_run "$tilshi" new
    fi
fi

[ "$failures" = 0 ] && echo "all checks passed" || { echo "$failures failures"; exit 1; }
