#!/usr/bin/env bash
# Creates the demo city (once) and serves it on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
listen=${FAZHI_LISTEN:-127.0.0.1:8080}
mkdir -p demo
if [ ! -f demo/fazhi.db ]; then
  "$build/fazhi" init --db demo/fazhi.db.tmp --demo --scale "${FAZHI_SCALE:-city}"
  mv demo/fazhi.db.tmp demo/fazhi.db
fi
echo "fazhi: 示例市 demo at http://$listen/  (logins: see above, or README.md)"
exec "$build/fazhi" serve --db demo/fazhi.db --listen "$listen"
