#!/usr/bin/env bash
# First load of the web UI's workbench on the demo city (cold cache, loopback): time to the
# key figures being visible and bytes transferred. Results go in bench/README.md "## Web UI".
#   bash bench/web/run.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-5}
bash scripts/build-web.sh
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
node bench/web/bench.mjs "$build/fazhi" "$runs"
