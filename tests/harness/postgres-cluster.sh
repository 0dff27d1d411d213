#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster for the tests, in a temporary folder
# owned by the postgres user (initdb refuses to run as root), reachable only by a Unix
# socket in that folder.
#   postgres-cluster.sh start   → prints the connection URI on stdout, the folder on fd 3 if open
#   postgres-cluster.sh stop DIR
set -euo pipefail
B=/usr/lib/postgresql/15/bin
case "${1:-}" in
  start)
    D=$(mktemp -d /tmp/fazhi-pg.XXXXXX)
    chmod 755 "$D"
    as_pg=()
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres: "$D"
      as_pg=(runuser -u postgres --)
    fi
    "${as_pg[@]}" "$B/initdb" -D "$D/data" -A trust -U fazhi -E UTF8 --locale=C.UTF-8 --no-sync >"$D/initdb.log" 2>&1
    "${as_pg[@]}" "$B/pg_ctl" -D "$D/data" -l "$D/log" -w -o "-k $D -p 54329 -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    echo "postgresql://fazhi@/postgres?host=$D&port=54329"
    ;;
  stop)
    D=${2:?folder}
    as_pg=()
    [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
    "${as_pg[@]}" "$B/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$D"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
