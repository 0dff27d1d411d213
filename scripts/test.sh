#!/usr/bin/env bash
# Runs every test: the C++ suites through CTest (unit, both storage backends, API over
# loopback HTTP), then the browser journeys when the web UI is present. One throwaway
# PostgreSQL cluster serves the whole run and is stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
uri=$(bash tests/harness/postgres-cluster.sh start)
pgdir=${uri#*host=}; pgdir=${pgdir%%&*}
trap 'bash tests/harness/postgres-cluster.sh stop "$pgdir"' EXIT
export FAZHI_TEST_PG_URI="$uri"
status=0
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --timeout 900 || status=$?
if [ -f web/e2e/run.mjs ]; then
  node web/e2e/run.mjs "$build/fazhi" || status=$?
fi
exit $status
