#!/usr/bin/env bash
# Random-draw benchmark: a 10,000,000-target pool file, 5% drawn in 4 risk strata, 5,000
# inspectors; time and peak memory of `fazhi draw run` and `verify`, beside GNU
# `shuf -n K` drawing the same number of lines from the same file, in the same run.
# Usage: bench/draw/run.sh BUILD_DIR [TARGETS] [ROUNDS]
set -euo pipefail
BUILD=$(cd "${1:?usage: bench/draw/run.sh BUILD_DIR [TARGETS] [ROUNDS]}" && pwd)
N=${2:-10000000}
ROUNDS=${3:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
# The draw-only CLI (same main.cpp, registry and draw_command.cpp) is rebuilt with the draw
# layer alone, so it is never older than the draw code; FAZHI=... picks another binary.
FAZHI=${FAZHI:-$BUILD/tests/draw/fazhi_draw_cli}
[ -x "$FAZHI" ] || FAZHI=$BUILD/fazhi
[ -x "$FAZHI" ] || { echo "no tests/draw/fazhi_draw_cli (or fazhi) in $BUILD" >&2; exit 2; }
WORK=$BUILD/bench-draw
mkdir -p "$WORK"
g++ -O2 -std=c++20 -o "$WORK/make_pool" "$HERE/make_pool.cpp"

# The plan binds the pool by its chunked SM3 (docs/draw-plan.md), computed here with the
# standard tools alone, which also checks that fazhi's definition is the documented one.
if [ ! -f "$WORK/plan-$N-chunks.json" ]; then
  if ! ls "$WORK"/targets-*.csv > /dev/null 2>&1; then
    "$WORK/make_pool" "$N" "$WORK/pool.csv" "$WORK/inspectors.json"
  else
    OLD=$(ls "$WORK"/targets-*.csv | head -1)
    [ -L "$OLD" ] && OLD=$(readlink -f "$OLD")
    mv "$OLD" "$WORK/pool.csv"
    rm -f "$WORK"/targets-*.csv
  fi
  HASH=$(split -b 1048576 --filter='openssl dgst -sm3 -binary' "$WORK/pool.csv" | openssl dgst -sm3 -r | cut -d' ' -f1)
  mv "$WORK/pool.csv" "$WORK/targets-$HASH.csv"
  {
    cat <<JSON
{"format": "fazhi-draw-plan/1", "id": "BENCH-$N", "title": "基准测试：$N 户中抽取 5%",
 "organizer": "示例市市场监督管理局", "as_of": "2026-11-20", "inspection_items": ["企业公示信息检查"],
 "departments": [{"id": "scjg", "name": "示例市市场监督管理局"}, {"id": "sthj", "name": "示例市生态环境局"}],
 "strata": [
  {"id": "A", "label": "A类", "credit_risk_classes": ["A"], "ratio": "3%", "minimum": 1},
  {"id": "B", "label": "B类", "credit_risk_classes": ["B"], "ratio": "5%", "minimum": 1},
  {"id": "C", "label": "C类", "credit_risk_classes": ["C"], "ratio": "6.5%", "minimum": 1},
  {"id": "D", "label": "D类", "credit_risk_classes": ["D"], "ratio": "10%", "minimum": 1}],
 "team": {"size": 2}, "exclusions": {"inspected_within_months": 12},
 "randomness": {"kind": "public_value", "description": "基准测试用的公开值"},
 "targets_file": {"name": "targets-$HASH.csv", "sm3_chunks": "$HASH"},
 "inspectors":
JSON
    cat "$WORK/inspectors.json"
    echo "}"
  } > "$WORK/plan-$N-chunks.json"
fi
POOL=$(ls "$WORK"/targets-*.csv)
PLAN=$WORK/plan-$N-chunks.json
LINES=$(($(wc -l < "$POOL") - 1))
echo "pool: $POOL ($LINES targets, $(du -h "$POOL" | cut -f1))"
cat "$POOL" > /dev/null  # warm the page cache for every contender alike

measure() {  # label, command...: prints wall seconds, CPU seconds (user+sys), peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" > /dev/null 2>&1
  read -r secs user sys kib < "$WORK/time.txt"
  printf '| %s | %s | %.2f | %.2f | %.0f |\n' "$round" "$label" "$secs" "$(echo "$user + $sys" | bc -l)" \
    "$(echo "$kib / 1024" | bc -l)"
}

round=0
"$FAZHI" draw run --plan "$PLAN" --public-value "bench-0" --out "$WORK/result.json" 2> "$WORK/run.log"
K=$(grep -o '抽中 [0-9]*' "$WORK/run.log" | grep -o '[0-9]*')
echo "drawn: $K of $LINES; load average: $(cut -d' ' -f1-3 /proc/loadavg); binary: $FAZHI"
echo "| round | command | wall s | CPU s | peak MiB |"
echo "|---|---|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  measure "shuf -n $K" shuf -n "$K" "$POOL"
  measure "fazhi draw run" "$FAZHI" draw run --plan "$PLAN" --public-value "bench-$round" --out "$WORK/result.json"
  measure "fazhi draw verify" "$FAZHI" draw verify "$WORK/result.json" --plan "$PLAN"
  measure "fazhi draw hash-pool (one core)" "$FAZHI" draw hash-pool "$POOL"
  measure "openssl dgst -sm3 (whole-file hash)" openssl dgst -sm3 "$POOL"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
