#!/usr/bin/env bash
# The reconsideration and litigation indicators for the whole demo city and each county, by the
# indicator engine beside one hand-written SQL query per figure and period, in the same database
# and the same run, on SQLite and on PostgreSQL (a throwaway cluster).
# Usage: bench/indicators/run.sh BUILD_DIR [SCALE]
# SCALE defaults to city: the demo city's reconsideration and litigation ledgers hold the same
# records at city and large scale (300 cases and 500 lawsuits a year; only hotline and rating
# volumes grow at large), so city gives the large city's dispute figures in minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: run.sh BUILD_DIR [SCALE]}
scale=${2:-city}
cmake --build "$build" --target fazhi fazhi_indicator_bench >/dev/null
work=$(mktemp -d)
uri=$(bash "$root/tests/harness/postgres-cluster.sh" start)
pgdir=${uri#*host=}; pgdir=${pgdir%%&*}
trap 'bash "$root/tests/harness/postgres-cluster.sh" stop "$pgdir"; rm -rf "$work"' EXIT
echo "machine: $(nproc) cores; load: $(uptime | sed 's/.*load average: //')"
"$build/fazhi" init --db "$work/city.db" --demo --scale "$scale" >/dev/null
echo "== SQLite ($scale)"
"$build/bench/indicators/fazhi_indicator_bench" "$work/city.db" 2024 5
psql "$uri" -qc "CREATE DATABASE indicator_bench" >/dev/null
pg=${uri/\/postgres\?/\/indicator_bench?}
"$build/fazhi" init --db "$pg" --demo --scale "$scale" >/dev/null
echo "== PostgreSQL ($scale)"
"$build/bench/indicators/fazhi_indicator_bench" "$pg" 2024 5
