#!/usr/bin/env bash
# Builds the web UI into web/dist (served by `fazhi serve`) when web/ has an app, and
# precompresses its files so the server can send .br/.gz as the browser accepts.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f web/package.json ] || exit 0
stamp=web/dist/.fazhi-built
newest=$(find web/src web/index.html web/package.json web/vite.config.* -type f -newer "$stamp" 2>/dev/null | head -n 1 || true)
if [ -f "$stamp" ] && [ -z "$newest" ]; then exit 0; fi
(cd web && npx vite build --logLevel warn)
find web/dist -type f \( -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' -o -name '*.json' \) |
  while read -r f; do
    gzip -9 -k -f "$f"
    brotli -f -q 11 "$f" -o "$f.br"
  done
touch "$stamp"
