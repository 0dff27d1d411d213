#!/usr/bin/env bash
# Runs every test: the C++ suites through CTest (unit, both storage backends, API over
# loopback HTTP), then the browser journeys when the web UI is present.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
status=0
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --timeout 600 || status=$?
if [ -f web/e2e/run.mjs ]; then
  node web/e2e/run.mjs "$build/fazhi" || status=$?
fi
exit $status
