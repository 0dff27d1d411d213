#!/usr/bin/env bash
# bench/ratings/run.sh BUILD_DIR [ROWS] — import of a year of 好差评 service ratings (default
# 8,500,000 rows: the demo city's --scale large year) from a CSV in a province platform's own
# export layout, through an import mapping (bench/ratings/province-ratings.json: its headers,
# its grade words for the stars, its date format), into the service_rating ledger with full
# validation and one audited import entry; beside sqlite3's `.import` of the same file into a
# bare table, in the same run on the same disk. Peak memory (RSS) is taken for ROWS/10 and ROWS
# rows: flat means the same for both. Target (issue 9): fazhi >= 50% of sqlite3's rows/s.
set -euo pipefail
build=$(realpath "${1:-build}")
rows=${2:-8500000}
fazhi="$build/fazhi"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/fazhi-bench-ratings.XXXXXX)
trap 'cd /; rm -rf "$work"' EXIT
cd "$work"
echo "machine: $(nproc) cores; load: $(uptime | sed 's/.*load average: //')"

gen() {  # gen ROWS FILE: the province's export
  python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
grades = ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
channels = ["政务服务网", "移动端", "服务窗口", "自助终端", "12345热线"]
with open(path, "w", encoding="utf-8") as f:
    f.write("评价编号,评价事项,被评价部门,评价渠道,评价时间,评价等级,是否主动评价,评价内容\n")
    for i in range(n):
        g = grades[4 if i % 67 == 0 else (i % 3)]
        d = 1 + i % 28
        f.write(f"HC{i:09d},不动产登记,市司法局,{channels[i % 5]},2025/{1 + i % 12:02d}/{d:02d} {8 + i % 10:02d}:{i % 60:02d}:00,"
                f"{g},{'是' if i % 3 == 0 else '否'},\n")
PY
}

run_fazhi() {  # run_fazhi ROWS FILE: prints seconds and peak RSS (KB)
  rm -f "fazhi-$1.db"
  "$fazhi" init --db "fazhi-$1.db" >/dev/null
  printf '单位编码,单位名称,单位类别,行政区划代码,上级单位编码\n379900,示例市人民政府,人民政府,379900,\n379900.sfj,示例市司法局,政府部门,379900,379900\n' > orgs.csv
  "$fazhi" import --db "fazhi-$1.db" --ledger organizations orgs.csv >/dev/null
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "fazhi-$1.mem" "$fazhi" import --db "fazhi-$1.db" --ledger service_rating --org 379900 \
    --mapping "$here/province-ratings.json" "$2" >/dev/null
  t1=$(date +%s.%N)
  echo "$(python3 -c "print($t1 - $t0)") $(cat "fazhi-$1.mem")"
}

small=$((rows / 10))
gen "$small" small.csv
gen "$rows" ratings.csv
size=$(du -m ratings.csv | cut -f1)
read -r small_s small_mem < <(run_fazhi "$small" small.csv)
read -r big_s big_mem < <(run_fazhi "$rows" ratings.csv)
sqlite3 bare.db "CREATE TABLE ratings (number TEXT, item TEXT, org TEXT, channel TEXT, rated_at TEXT, grade TEXT, active TEXT, comment TEXT);"
t2=$(date +%s.%N)
sqlite3 bare.db <<SQL
.mode csv
.import --skip 1 ratings.csv ratings
SQL
t3=$(date +%s.%N)
python3 - "$rows" "$small" "$big_s" "$small_s" "$t2" "$t3" "$big_mem" "$small_mem" "$size" <<'PY'
import sys
rows, small = int(sys.argv[1]), int(sys.argv[2]); big_s, small_s, t2, t3 = map(float, sys.argv[3:7])
big_mem, small_mem = int(sys.argv[7]), int(sys.argv[8]); size = sys.argv[9]
f = rows / big_s; s = rows / (t3 - t2)
print(f"rows {rows} ({size} MB CSV)")
print(f"fazhi import --mapping   {big_s:8.2f} s  {f:10.0f} rows/s  peak RSS {big_mem / 1024:.0f} MB")
print(f"  same at {small} rows   {small_s:8.2f} s  {small / small_s:10.0f} rows/s  peak RSS {small_mem / 1024:.0f} MB")
print(f"sqlite3 .import          {t3 - t2:8.2f} s  {s:10.0f} rows/s")
print(f"ratio fazhi / sqlite3: {f / s:.2f} (target >= 0.50)")
PY
echo "load after: $(uptime | sed 's/.*load average: //')"
