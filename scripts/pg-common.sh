# Sourced by the PostgreSQL scripts (pg-cluster.sh, pg-faults.sh, pg-replica.sh): Debian's PostgreSQL binaries in
# `$bin` (the script stops when there are none), `as_owner` (initdb refuses root, so as root the clusters belong to
# `nobody`), and `tilshi_binary` (the tilshi to run: the script's argument, or a debug build made now).
bin=""
for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/pg_ctl" ] && bin="$candidate"; done
if [ -z "$bin" ]; then echo "$(basename "$0"): no PostgreSQL found (apt-get install postgresql)" >&2; exit 1; fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

tilshi_binary() {
    if [ -n "${1:-}" ]; then echo "$1"; return; fi
    swift build --product tilshi >/dev/null
    echo "$(swift build --show-bin-path)/tilshi"
}
