#!/usr/bin/env bash
# A PostgreSQL primary and a streaming replica on loopback, with `tilshi serve` writing to the primary and reading
# from the replica (issue 19, "many readers"):
#
#   1. initdb a primary in DIR/primary (port P), start it;
#   2. pg_basebackup -R it into DIR/replica (a hot standby that streams the primary's WAL), start it on port R;
#   3. ingest the seed articles into the primary (`tilshi ingest --db PRIMARY`);
#   4. start `tilshi serve --db PRIMARY --read-db REPLICA` on port H, search through it (the replica answers);
#   5. POST a new article to the server (written to the primary) and search for it until the replica has replayed it.
#
# Usage: scripts/pg-replica.sh [path/to/tilshi] [DIR]   (ports from PG_PRIMARY_PORT, PG_REPLICA_PORT, HTTP_PORT;
# defaults 55472, 55473, 18472). Everything is stopped at the end unless KEEP=1, which leaves the two servers and
# `tilshi serve` running and prints how to stop them.
#
# Debian's PostgreSQL (apt-get install postgresql); never a system service. As root the clusters belong to `nobody`
# (initdb refuses root). Passwords go over scram-sha-256 and appear only in URLs this script prints for the demo.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/pg-common.sh
tilshi="$(tilshi_binary "${1:-}")"
dir="${2:-}"
made_dir=""
if [ -z "$dir" ]; then dir="$(mktemp -d /tmp/tilshi-replica.XXXXXX)"; made_dir=1; fi
primary_port="${PG_PRIMARY_PORT:-55472}"
replica_port="${PG_REPLICA_PORT:-55473}"
http_port="${HTTP_PORT:-18472}"
password="tilshi-replica-demo"
token="replica-demo-write-token-0123"


mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown nobody "$dir"
primary_url="postgres://tilshi:$password@127.0.0.1:$primary_port/postgres"
replica_url="postgres://tilshi:$password@127.0.0.1:$replica_port/postgres"
server_pid=""

cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    for cluster in replica primary; do
        [ -e "$dir/$cluster/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/$cluster" -m fast -w stop >/dev/null 2>&1 || true
    done
    [ -n "$made_dir" ] && rm -rf "$dir"
    return 0
}
if [ "${KEEP:-0}" != 1 ]; then trap cleanup EXIT; fi

start() { # DIR PORT
    as_owner "$bin/pg_ctl" -D "$1" -l "$1.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $2 -k $dir -c max_connections=100" start >/dev/null || { cat "$1.log" >&2; exit 1; }
}

echo "== primary: initdb $dir/primary, port $primary_port"
printf '%s\n' "$password" >"$dir/pwfile"
[ "$(id -u)" = 0 ] && chown nobody "$dir/pwfile"
# initdb's pg_hba.conf already lets 127.0.0.1 connect for replication with the host method (scram-sha-256 here);
# PostgreSQL 15's defaults (wal_level=replica, max_wal_senders=10) are what streaming needs.
as_owner "$bin/initdb" -D "$dir/primary" -U tilshi --pwfile="$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pwfile"
start "$dir/primary" "$primary_port"

echo "== replica: pg_basebackup -R into $dir/replica, port $replica_port"
as_owner env PGPASSWORD="$password" "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U tilshi -D "$dir/replica" -R -X stream -c fast
start "$dir/replica" "$replica_port"
in_recovery=$(as_owner "$bin/psql" -h "$dir" -p "$replica_port" -U tilshi -d postgres -Atc "SELECT pg_is_in_recovery()")
streaming=$(as_owner "$bin/psql" -h "$dir" -p "$primary_port" -U tilshi -d postgres -Atc "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
echo "   replica in recovery: $in_recovery; streaming replicas seen by the primary: $streaming"
[ "$in_recovery" = t ] && [ "$streaming" = 1 ] || { echo "pg-replica: the replica is not streaming" >&2; exit 1; }

echo "== ingest the seed articles into the primary"
"$tilshi" ingest --db "$primary_url" --no-progress Sources/SampleArticles/Articles/*.txt

wait_replayed() { # waits until the replica has replayed everything the primary has written
    local target
    target=$(as_owner "$bin/psql" -h "$dir" -p "$primary_port" -U tilshi -d postgres -Atc "SELECT pg_current_wal_lsn()")
    for _ in $(seq 1 100); do
        if [ "$(as_owner "$bin/psql" -h "$dir" -p "$replica_port" -U tilshi -d postgres -Atc \
            "SELECT pg_last_wal_replay_lsn() >= '$target'::pg_lsn")" = t ]; then return 0; fi
        sleep 0.1
    done
    echo "pg-replica: the replica did not catch up" >&2; exit 1
}
wait_replayed
echo "   documents on the replica: $(as_owner "$bin/psql" -h "$dir" -p "$replica_port" -U tilshi -d postgres -Atc 'SELECT count(*) FROM tilshi.document')"

echo "== tilshi serve --db PRIMARY --read-db REPLICA on 127.0.0.1:$http_port"
"$tilshi" serve --db "$primary_url" --read-db "$replica_url" --port "$http_port" --write-token "$token" >"$dir/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$http_port/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
head -1 "$dir/serve.log"

search() { # QUERY: prints total and the hits' titles
    curl -sfG "http://127.0.0.1:$http_port/api/search" --data-urlencode "q=$1" \
        | jq -r '"   total \(.total)", (.hits[] | "   - [\(.id)] \(.title // .headline)")'
}
echo "== GET /api/search?q=Алматыда (read from the replica)"
search "Алматыда"

echo "== POST /api/documents (written to the primary), then search until the replica has replayed it"
curl -sf -X POST "http://127.0.0.1:$http_port/api/documents" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data '{"title": "Екібастұзда жаңа жылу орталығы іске қосылды", "text": "Екібастұз қаласында жаңа жылу орталығы іске қосылды. Орталық қаланың үш ауданын жылумен қамтиды."}' \
    | jq -c '{added, duplicates}'
found=""
for _ in $(seq 1 50); do
    total=$(curl -sfG "http://127.0.0.1:$http_port/api/search" --data-urlencode "q=Екібастұзда" | jq .total)
    if [ "$total" -ge 1 ]; then found=1; break; fi
    sleep 0.1
done
[ -n "$found" ] || { echo "pg-replica: the new article never reached the replica" >&2; exit 1; }
search "Екібастұз"
echo "== the replica refuses writes itself (a hot standby is read-only):"
as_owner "$bin/psql" -h "$dir" -p "$replica_port" -U tilshi -d postgres -Atc "DELETE FROM tilshi.document" 2>&1 | sed 's/^/   /' || true

if [ "${KEEP:-0}" = 1 ]; then
    echo "kept running: tilshi serve (pid $server_pid), primary $dir/primary, replica $dir/replica; stop with"
    echo "  kill $server_pid; $bin/pg_ctl -D $dir/replica stop; $bin/pg_ctl -D $dir/primary stop  (as the owner of $dir)"
fi
echo "pg-replica: ok"
