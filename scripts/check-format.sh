#!/usr/bin/env bash
# scripts/check-format.sh [CLANG_FORMAT]: fails, naming each file, when a C++ file under src,
# tests, bench or fuzz is not laid out as .clang-format says (run `make format` to fix).
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${1:-clang-format}
command -v "$tool" >/dev/null || { echo "check-format: $tool is missing (scripts/setup.sh installs clang-format)" >&2; exit 1; }
bad=0
while IFS= read -r -d '' f; do
  if ! "$tool" --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "check-format: $f does not follow .clang-format (make format)"
    bad=$((bad + 1))
  fi
done < <(find src tests bench fuzz \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
if [ "$bad" -gt 0 ]; then
  echo "check-format: $bad file(s) to format" >&2
  exit 1
fi
echo "check-format: every file follows .clang-format"
