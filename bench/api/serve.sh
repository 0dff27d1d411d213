#!/usr/bin/env bash
# bench/api/serve.sh BUILD_DIR — the API benchmark against the real `fazhi serve` on the demo
# city (city scale, built once into /tmp/fazhi-bench-city.db): logs in as the coordinator and
# hands bench/api/run.sh one reconsideration record and a 50-row list page of it.
set -euo pipefail
build=$(realpath "${1:-build}")
db=${FAZHI_BENCH_DB:-/tmp/fazhi-bench-city.db}
if [ ! -f "$db" ]; then
  "$build/fazhi" init --db "$db.tmp" --demo --scale "${FAZHI_BENCH_SCALE:-city}" >/dev/null
  mv "$db.tmp" "$db"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$build/fazhi" serve --db "$db" --listen "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.1; done
cookie=$(curl -s -D - -o /dev/null -X POST "http://127.0.0.1:$port/api/login" \
  -d '{"login":"coordinator","password":"demo2025coord"}' | sed -n 's/^Set-Cookie: \(fazhi_session=[^;]*\).*/\1/p')
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT
id=$(sqlite3 "$db" "SELECT id FROM reconsideration ORDER BY id LIMIT 1 OFFSET 10")
FAZHI_BENCH_SERVER="$build/fazhi serve --db $db --listen 127.0.0.1:{port}" \
FAZHI_BENCH_PATHS="/api/ledgers/reconsideration/$id /api/ledgers/reconsideration?page_size=50" \
FAZHI_BENCH_HEADER="Cookie: $cookie" \
  bash "$(dirname "$0")/run.sh" "$build"
