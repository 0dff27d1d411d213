#!/usr/bin/env bash
# make bench: every benchmark in turn, each beside its reference (see bench/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
for script in bench/import/run.sh bench/indicators/run.sh bench/api/serve.sh bench/review/run.sh bench/draw/run.sh bench/web/run.sh; do
  [ -f "$script" ] || continue
  echo "== $script"
  bash "$script" "$build" || echo "($script failed)"
done
