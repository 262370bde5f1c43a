#!/usr/bin/env bash
# The crash-and-load campaign of issue 21, repeatable: (1) random SIGKILLs during `tilshi ingest`, each followed by
# SQLite's integrity_check and FTS5's integrity-check (`tilshi stats --check`), then a re-run that must store every
# article; (2) concurrent writers, several `tilshi ingest` processes creating and filling one new collection at once;
# (3) if `wrk` is installed, a bounded run against /api/search, /api/documents/{id}, / and /api/health at 16 and 64
# connections, with the server's RSS before and after. Prints one line per figure; exits 1 on any failure.
# Usage: scripts/crash-and-load.sh [path/to/tilshi] [kills=20] [files=60] [seconds=15] [trials=5]
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

# 3. Bounded load with wrk.
if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk: not installed, load run skipped"
else
    db="$work/killed.sqlite"
    port=$((20000 + RANDOM % 20000))
    "$tilshi" serve --db "$db" --port "$port" >"$work/server.log" 2>&1 &
    server_pid=$!
    base="http://127.0.0.1:$port"
    for _ in $(seq 1 100); do curl -fsS "$base/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
    rss() { awk '/VmRSS/ { print $2 / 1024 " MB" }' "/proc/$server_pid/status"; }
    echo "server RSS before: $(rss)"
    q=$(printf '%s' 'Алматы' | od -An -tx1 | tr ' ' '%' | tr -d '\n' | tr 'a-f' 'A-F')
    for path in "/api/search?q=$q" "/api/documents/42" "/" "/api/health"; do
        for connections in 16 64; do
            out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base$path" 2>&1)
            rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
            p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
            p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
            errors=$(awk '/Non-2xx|Socket errors/ { printf "%s ", $0 }' <<<"$out")
            echo "wrk $path c=$connections: $rps req/s, p50 $p50, p99 $p99, errors: ${errors:-none}"
        done
    done
    echo "server RSS after: $(rss)"
fi

[ "$failures" = 0 ] && echo "all checks passed" || { echo "$failures failures"; exit 1; }
