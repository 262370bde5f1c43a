#!/usr/bin/env bash
# Faults during an ingest into PostgreSQL (issue 19): an ingest killed mid-way (SIGKILL), and the PostgreSQL server
# restarted under a running ingest (`pg_ctl restart -m fast`). After each: no partial document is visible (the totals
# row BM25 reads agrees with the documents, every document has its MinHash row, no content stored twice), and running
# the same ingest again finishes the job (every input document stored exactly once). A killed `tilshi migrate` into
# PostgreSQL is resumed the same way and verified.
#
# Usage: scripts/pg-faults.sh [path/to/tilshi] [PORT]   (default port 55474; a private cluster in a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/pg-common.sh
tilshi="$(tilshi_binary "${1:-}")"
port="${2:-55474}"
work="$(mktemp -d /tmp/tilshi-faults.XXXXXX)"
chmod 755 "$work"   # the cluster belongs to nobody when run as root
url="$(scripts/pg-cluster.sh start "$work/pg" "$port")"
ingest_pid=""
cleanup() {
    [ -n "$ingest_pid" ] && kill "$ingest_pid" 2>/dev/null || true
    scripts/pg-cluster.sh stop "$work/pg" || true
    rm -rf "$work"
}
trap cleanup EXIT

# Articles written for this script from the bundled seed articles' sentences, shuffled with a fixed seed into new
# texts (never real pages): FILES files of 20 articles, each file one transaction per document on PostgreSQL.
files="${FILES:-30}"
python3 - "$work/input" "$files" <<'PY'
import json, os, random, re, sys, glob
out, files = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
sentences = []
for path in sorted(glob.glob("Sources/SampleArticles/Articles/*.txt")):
    text = open(path, encoding="utf-8").read()
    sentences += [s.strip() + "." for s in re.split(r"\.\s", text) if len(s.strip()) > 30]
rng = random.Random(19)
for f in range(files):
    with open(os.path.join(out, "%03d.jsonl" % f), "w", encoding="utf-8") as handle:
        for i in range(20):
            body = " ".join(rng.choice(sentences) for _ in range(rng.randint(6, 14)))
            title = rng.choice(sentences)[:70]
            handle.write(json.dumps({"id": "fault-%d-%d" % (f, i), "title": title, "text": body,
                                     "source": "faults", "published": "2026-0%d-1%d" % (1 + f % 9, i % 10)}, ensure_ascii=False) + "\n")
PY
expected=$((files * 20))
# A connection the restart dropped can leave a statement unanswered; tilshi gives such a connection up after this
# many seconds (60 by default), then the file in progress is reported "not stored" and the next gets a new connection.
export TILSHI_POSTGRES_ANSWER_TIMEOUT="${TILSHI_POSTGRES_ANSWER_TIMEOUT:-10}"
sql() { psql "$url" -Atc "$1"; }
count() { sql "SELECT count(*) FROM tilshi.document" 2>/dev/null || echo 0; }

# Every document is whole: the totals row is written in the same transaction as the document, its index terms and
# its MinHash rows, so any partial document would show here.
check_whole() {
    local line
    line=$(sql "SELECT (SELECT count(*) FROM tilshi.document), (SELECT documents FROM tilshi.collection_totals),
                       (SELECT coalesce(sum(length), 0) FROM tilshi.document), (SELECT positions FROM tilshi.collection_totals),
                       (SELECT count(*) FROM tilshi.document d WHERE NOT EXISTS (SELECT 1 FROM tilshi.minhash m WHERE m.document_id = d.id)),
                       (SELECT count(*) - count(DISTINCT content_hash) FROM tilshi.document)")
    IFS='|' read -r documents totals length positions no_minhash twice <<<"$line"
    echo "   documents $documents (totals row $totals), positions $length (totals row $positions), without MinHash $no_minhash, stored twice $twice"
    [ "$documents" = "$totals" ] && [ "$length" = "$positions" ] && [ "$no_minhash" = 0 ] && [ "$twice" = 0 ] \
        || { echo "pg-faults: a partial document is visible" >&2; exit 1; }
}

wait_for() { # N: waits until at least N documents are stored
    for _ in $(seq 1 600); do [ "$(count)" -ge "$1" ] && return 0; sleep 0.2; done
    echo "pg-faults: the ingest stored fewer than $1 documents in 120 s" >&2; exit 1
}

echo "== 1. kill -9 an ingest of $expected articles mid-way"
"$tilshi" ingest --db "$url" --no-progress "$work/input" 2>"$work/ingest1.log" &
ingest_pid=$!
wait_for 60
kill -9 "$ingest_pid"; wait "$ingest_pid" 2>/dev/null || true; ingest_pid=""
echo "   killed with $(count) of $expected stored"
check_whole
echo "   the same ingest again:"
"$tilshi" ingest --db "$url" --no-progress "$work/input" 2>&1 | sed 's/^/   /'
[ "$(count)" = "$expected" ] || { echo "pg-faults: $(count) documents after the re-run, expected $expected" >&2; exit 1; }
check_whole

echo "== 2. restart PostgreSQL (pg_ctl restart -m fast) during an ingest"
sql "SET client_min_messages = warning; DROP SCHEMA tilshi CASCADE" >/dev/null
"$tilshi" ingest --db "$url" --no-progress "$work/input" 2>"$work/ingest2.log" &
ingest_pid=$!
wait_for 60
as_owner "$bin/pg_ctl" -D "$work/pg/data" -m fast -w restart >/dev/null
echo "   restarted with $(count) of $expected stored"
status=0; wait "$ingest_pid" || status=$?; ingest_pid=""
echo "   that ingest ended with exit code $status: $(tail -1 "$work/ingest2.log")"
grep -c "not stored" "$work/ingest2.log" | sed 's/^/   files reported not stored: /' || true
check_whole
echo "   the same ingest again:"
"$tilshi" ingest --db "$url" --no-progress "$work/input" 2>&1 | sed 's/^/   /'
[ "$(count)" = "$expected" ] || { echo "pg-faults: $(count) documents after the re-run, expected $expected" >&2; exit 1; }
check_whole

echo "== 3. kill -9 a tilshi migrate from SQLite into PostgreSQL, run it again"
"$tilshi" ingest --db "$work/source.sqlite" --no-progress "$work/input" 2>/dev/null
sql "SET client_min_messages = warning; DROP SCHEMA tilshi CASCADE" >/dev/null
"$tilshi" migrate --from "$work/source.sqlite" --to "$url" --no-progress >"$work/migrate1.log" 2>&1 &
ingest_pid=$!
wait_for 60
kill -9 "$ingest_pid"; wait "$ingest_pid" 2>/dev/null || true; ingest_pid=""
echo "   killed with $(count) of $expected copied"
check_whole
"$tilshi" migrate --from "$work/source.sqlite" --to "$url" --no-progress >"$work/migrate2.log" 2>&1 || true
sed 's/^/   /' "$work/migrate2.log"
# Every copied table must verify; the entity tables differ between the backends until PostgreSQL files entities
# under their most used spelling as SQLite does (README, "Scaling out"), so they are shown, not required.
for table in documents layers near_duplicates events; do
    grep -Eq "^$table +[0-9]+ +[0-9]+ +[0-9a-f]+  ok$" "$work/migrate2.log" || { echo "pg-faults: table $table did not verify" >&2; exit 1; }
done
[ "$(count)" = "$expected" ] || { echo "pg-faults: $(count) documents after the resumed migrate, expected $expected" >&2; exit 1; }
check_whole
echo "pg-faults: ok"
