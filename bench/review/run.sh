#!/usr/bin/env bash
# Review engine throughput beside the opencc CLI, over the same >= 50 MB corpus, in one run.
# Usage: bench/review/run.sh BUILD_DIR [MB]
# The corpus: the review fixtures and, when ../shared/reports exists, the three real
# reports (one of them traditional with pinyin glosses), each file one report, repeated
# until MB (default 60) megabytes. opencc converts the same bytes as one file (its
# per-process start-up would otherwise dominate); the engine reads them file by file.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: run.sh BUILD_DIR [MB]}
mb=${2:-60}
cmake --build "$build" --target fazhi_review_bench >/dev/null
bench="$build/src/review/fazhi_review_bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
sources=("$root"/tests/review/cases/fixtures/*.txt)
for dir in "$root/../shared/reports" /work/shared/reports; do
  if [ -d "$dir" ]; then sources+=("$dir"/*.txt); break; fi
done
i=0; size=0; limit=$((mb * 1000000))
while [ "$size" -lt "$limit" ]; do
  for s in "${sources[@]}"; do
    cp "$s" "$work/corpus/$i.txt"
    size=$((size + $(stat -c %s "$s")))
    i=$((i + 1))
  done
done
cat "$work"/corpus/*.txt > "$work/all.txt"
echo "corpus: $i files, $(du -sm "$work/corpus" | cut -f1) MB (${#sources[@]} distinct reports)"
start=$(date +%s.%N)
opencc -c t2s.json -i "$work/all.txt" -o "$work/opencc.out"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v b="$(stat -c %s "$work/all.txt")" \
  'BEGIN { t = e - s; printf "opencc t2s (1 thread): MB=%.1f seconds=%.2f MB/s=%.2f\n", b / 1e6, t, b / 1e6 / t }'
echo -n "fazhi review (1 thread): "; "$bench" "$work/corpus" 1
echo -n "fazhi review (all $(nproc) cores): "; "$bench" "$work/corpus" 0
