#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and local use: a temporary folder, a loopback port, an unprivileged owner.
#
#   scripts/pg-cluster.sh start DIR PORT   initialises DIR (when new), starts the server, prints the database URL
#   scripts/pg-cluster.sh stop DIR         stops it
#
# Debian's PostgreSQL 15 (apt-get install postgresql); never a system-wide service. initdb refuses to run as root, so
# as root the cluster belongs to `nobody`. Connections over TCP need the password (scram-sha-256), so tests can check
# what a wrong password does; the URL printed carries it.
set -euo pipefail

source "$(dirname "$0")/pg-common.sh"

command="${1:-}"
dir="${2:-}"
[ -n "$dir" ] || { echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2; }

case "$command" in
start)
    port="${3:?usage: $0 start DIR PORT}"
    password="tilshi-test"
    if [ ! -e "$dir/data/PG_VERSION" ]; then
        mkdir -p "$dir"
        [ "$(id -u)" = 0 ] && chown nobody "$dir"
        printf '%s\n' "$password" >"$dir/pwfile"
        [ "$(id -u)" = 0 ] && chown nobody "$dir/pwfile"
        as_owner "$bin/initdb" -D "$dir/data" -U tilshi --pwfile="$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
            -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
        rm -f "$dir/pwfile"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off -c shared_buffers=128MB" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://tilshi:$password@127.0.0.1:$port/postgres"
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
*)
    echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2
    ;;
esac
