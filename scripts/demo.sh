#!/usr/bin/env bash
# Creates the demo city once (demo/fazhi.db, with its logins in demo/logins.txt) and serves it
# on loopback, printing the address and the logins every time.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
listen=${FAZHI_LISTEN:-127.0.0.1:8080}
mkdir -p demo
if [ ! -f demo/fazhi.db ]; then
  rm -f demo/fazhi.db.tmp*
  "$build/fazhi" init --db demo/fazhi.db.tmp --demo --scale "${FAZHI_SCALE:-city}" | tee demo/init.log
  grep -E '^  [a-z.]+ / ' demo/init.log > demo/logins.txt
  mv demo/fazhi.db.tmp demo/fazhi.db
fi
echo
echo "示例市 / demo city:  http://$listen/"
echo "演示账号 / logins (用户名 / 密码):"
cat demo/logins.txt
echo
exec "$build/fazhi" serve --db demo/fazhi.db --listen "$listen"
