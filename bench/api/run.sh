#!/usr/bin/env bash
# bench/api/run.sh BUILD_DIR — wrk against fazhi's HTTP server and against nginx-light
# serving a static JSON file of the same size, in the same run, on loopback.
#
# By default it starts BUILD_DIR/bench/api/fazhi_api_hello_server (the transport with a
# Router and fixed JSON). To measure the real API instead, set:
#   FAZHI_BENCH_SERVER  command that serves on 127.0.0.1:{port} ({port} is substituted),
#                       e.g. "BUILD/fazhi serve --db bench.db --listen 127.0.0.1:{port}"
#   FAZHI_BENCH_PATHS   space-separated paths to GET (default: one record, a 50-row list)
#   FAZHI_BENCH_HEADER  one extra request header for curl and wrk, e.g. "Cookie: fazhi_session=…"
# Also: DURATION (10s), CONNECTIONS (64), THREADS (2), ROUNDS (1): with ROUNDS>1 the two
# servers take turns and each figure is the median over the rounds (for a busy machine).
# Prints req/s and p50/p99 latency for each side and fazhi's share of nginx's req/s.
set -euo pipefail

BUILD_DIR=${1:?usage: bench/api/run.sh BUILD_DIR}
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-1}
PATHS=${FAZHI_BENCH_PATHS:-"/api/ledgers/reconsideration/17 /api/ledgers/reconsideration?page_size=50"}
SERVER_CMD=${FAZHI_BENCH_SERVER:-"$BUILD_DIR/bench/api/fazhi_api_hello_server --listen 127.0.0.1:{port}"}
HEADER=${FAZHI_BENCH_HEADER:-}

for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install wrk nginx-light curl python3)" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/fazhi-bench-api.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_http() {  # wait_http URL: until it answers, up to 10 s
  for _ in $(seq 100); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "run.sh: nothing answers at $1" >&2
  exit 1
}

curl_args=(-s --fail)
wrk_args=()
if [[ -n "$HEADER" ]]; then curl_args+=(-H "$HEADER"); wrk_args+=(-H "$HEADER"); fi

# wrk's latency ("812.00us", "1.23ms", "1.01s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# run_wrk URL → "req_per_s p50_ms p99_ms non2xx"
run_wrk() {
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${wrk_args[@]}" "$1")
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
  echo "$rps $p50 $p99 ${bad:-0}"
}

# fazhi
FAZHI_PORT=$(free_port)
$(sed "s/{port}/$FAZHI_PORT/g" <<<"$SERVER_CMD") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
wait_http "http://127.0.0.1:$FAZHI_PORT/"

# nginx-light with the same bodies as static files
NGINX_PORT=$(free_port)
mkdir -p "$WORK/www" "$WORK/logs"
i=0
for path in $PATHS; do
  i=$((i + 1))
  curl "${curl_args[@]}" -o "$WORK/www/r$i.json" "http://127.0.0.1:$FAZHI_PORT$path" ||
    { echo "run.sh: GET $path failed on fazhi" >&2; exit 1; }
done
chmod -R a+rX "$WORK/www"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000;
  keepalive_timeout 60s;
  default_type application/json;
  server {
    listen 127.0.0.1:$NGINX_PORT reuseport;
    root $WORK/www;
  }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/logs/error.log" &
NGINX_PID=$!
wait_http "http://127.0.0.1:$NGINX_PORT/r1.json"

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, loopback, $(nproc) cores, $ROUNDS round(s), $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-50s %-6s %8s %10s %9s %9s\n' "request" "server" "bytes" "req/s" "p50 ms" "p99 ms"
i=0
for path in $PATHS; do
  i=$((i + 1))
  bytes=$(stat -c %s "$WORK/www/r$i.json")
  n_rps=() n_p50=() n_p99=() f_rps=() f_p50=() f_p99=()
  n_bad=0 f_bad=0
  for _ in $(seq "$ROUNDS"); do
    read -r a b c d < <(run_wrk "http://127.0.0.1:$NGINX_PORT/r$i.json")
    n_rps+=("$a") n_p50+=("$b") n_p99+=("$c") n_bad=$((n_bad + d))
    read -r a b c d < <(run_wrk "http://127.0.0.1:$FAZHI_PORT$path")
    f_rps+=("$a") f_p50+=("$b") f_p99+=("$c") f_bad=$((f_bad + d))
  done
  nr=$(median <<<"${n_rps[*]}") fr=$(median <<<"${f_rps[*]}")
  printf '%-50s %-6s %8s %10.0f %9s %9s\n' "GET $path" "nginx" "$bytes" "$nr" "$(median <<<"${n_p50[*]}")" "$(median <<<"${n_p99[*]}")"
  printf '%-50s %-6s %8s %10.0f %9s %9s\n' "" "fazhi" "$bytes" "$fr" "$(median <<<"${f_p50[*]}")" "$(median <<<"${f_p99[*]}")"
  awk -v f="$fr" -v n="$nr" 'BEGIN { printf "%-50s fazhi/nginx = %.0f%%\n", "", (n > 0 ? 100 * f / n : 0) }'
  if ((n_bad + f_bad > 0)); then echo "  warning: non-2xx responses (nginx $n_bad, fazhi $f_bad)"; fi
done
