#!/usr/bin/env bash
# Review engine throughput beside the opencc CLI, over the same >= 50 MB corpus, in one run.
# Usage: bench/review/run.sh BUILD_DIR [MB]
# The corpus: the review fixtures and, when ../shared/reports exists, the three real
# reports (one of them traditional with pinyin glosses), each file one report, repeated
# until MB (default 60) megabytes. opencc converts the same bytes as one file (its
# per-process start-up would otherwise dominate); the engine reads them file by file.
# Both wall-clock and CPU time are printed: on a shared machine CPU time is the fairer ratio.
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
# opencc: wall time, and CPU time from /usr/bin/time (the machine may be shared)
/usr/bin/time -f "%e %U %S" -o "$work/opencc.time" opencc -c t2s.json -i "$work/all.txt" -o "$work/opencc.out"
read -r wall user sys < "$work/opencc.time"
awk -v w="$wall" -v u="$user" -v s="$sys" -v b="$(stat -c %s "$work/all.txt")" \
  'BEGIN { c = u + s; printf "opencc t2s (1 thread): MB=%.1f wall_s=%.2f MB/s=%.2f cpu_s=%.2f MB/cpu_s=%.2f\n", b / 1e6, w, b / 1e6 / w, c, b / 1e6 / c }'
echo -n "fazhi review (1 thread): "; "$bench" "$work/corpus" 1
echo -n "fazhi review (all $(nproc) cores): "; "$bench" "$work/corpus" 0
