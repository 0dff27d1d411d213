#!/bin/sh
# The annual report benchmark (issue 7): the whole-city report of the demo city in every format
# beside computing the same indicators alone, in the same run, on SQLite.
#   bench/report/run.sh BUILD_DIR [SCALE] [ROUNDS]
# SCALE is the demo scale (default city; large takes hours to build); each measurement runs in
# its own process, ROUNDS times (default 3), alternating, and the median is printed with the
# peak resident memory (GNU time). The database is built once under $TMPDIR and kept between
# runs (delete bench-report-SCALE.db to rebuild).
set -eu
BUILD=${1:?usage: run.sh BUILD_DIR [SCALE] [ROUNDS]}
SCALE=${2:-city}
ROUNDS=${3:-3}
YEAR=2024
DB=${TMPDIR:-/tmp}/bench-report-$SCALE.db
if [ ! -f "$DB" ]; then
  echo "building the $SCALE demo city in $DB …" >&2
  /usr/bin/time -f "init %e s, %M KB" "$BUILD/fazhi" init --db "$DB" --demo --scale "$SCALE" >/dev/null
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for round in $(seq "$ROUNDS"); do
  for what in indicators md json html docx pdf; do
    /usr/bin/time -f "%M" -o "$OUT/mem" "$BUILD/bench/report/fazhi_report_bench" "$DB" "$YEAR" "$what" >"$OUT/line"
    echo "$(cat "$OUT/line") $(cat "$OUT/mem")" >>"$OUT/all"
  done
done
# what seconds bytes peak_kb → medians per format, and the ratio to the indicators alone.
sort -k1,1 -k2,2n "$OUT/all" | awk -v rounds="$ROUNDS" '
  { n[$1]++; if (n[$1] == int((rounds + 1) / 2)) { t[$1] = $2; b[$1] = $3; m[$1] = $4 } }
  END {
    printf "| what | median s | × indicators | bytes | peak MB |\n|---|---:|---:|---:|---:|\n"
    split("indicators md json html docx pdf", order, " ")
    for (i = 1; i <= 6; i++) { w = order[i]
      printf "| %s | %.2f | %.2f | %d | %.0f |\n", w, t[w], t[w] / t["indicators"], b[w], m[w] / 1024 }
  }'
