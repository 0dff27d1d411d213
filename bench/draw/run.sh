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
FAZHI=$BUILD/fazhi
[ -x "$FAZHI" ] || FAZHI=$BUILD/tests/draw/fazhi_draw_cli
[ -x "$FAZHI" ] || { echo "no fazhi (or tests/draw/fazhi_draw_cli) in $BUILD" >&2; exit 2; }
WORK=$BUILD/bench-draw
mkdir -p "$WORK"
g++ -O2 -std=c++20 -o "$WORK/make_pool" "$HERE/make_pool.cpp"

if [ ! -f "$WORK/plan-$N.json" ]; then
  "$WORK/make_pool" "$N" "$WORK/pool.csv" "$WORK/inspectors.json"
  HASH=$(openssl dgst -sm3 -r "$WORK/pool.csv" | cut -d' ' -f1)
  rm -f "$WORK"/targets-*.csv
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
 "targets_file": {"name": "targets-$HASH.csv", "sm3": "$HASH"},
 "inspectors":
JSON
    cat "$WORK/inspectors.json"
    echo "}"
  } > "$WORK/plan-$N.json"
fi
POOL=$(ls "$WORK"/targets-*.csv)
PLAN=$WORK/plan-$N.json
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
echo "drawn: $K of $LINES; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| round | command | wall s | CPU s | peak MiB |"
echo "|---|---|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  measure "shuf -n $K" shuf -n "$K" "$POOL"
  measure "fazhi draw run" "$FAZHI" draw run --plan "$PLAN" --public-value "bench-$round" --out "$WORK/result.json"
  measure "fazhi draw verify" "$FAZHI" draw verify "$WORK/result.json" --plan "$PLAN"
  measure "openssl dgst -sm3 (floor)" openssl dgst -sm3 "$POOL"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
