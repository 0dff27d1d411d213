#!/usr/bin/env bash
# Import benchmark (issue: core platform): rows/s of `fazhi import` of a 1,000,000-row CSV
# into the people ledger with full validation and the audit digest, beside sqlite3's
# `.import` of the same file into a bare table, in the same run on the same disk. Then the same
# on PostgreSQL (a throwaway cluster from tests/harness/postgres-cluster.sh, or the server of
# FAZHI_BENCH_PG_URI, a postgresql://…/postgres?… URI): `fazhi import` (COPY underneath) beside `psql \copy` of the same file
# into a bare table. PG=0 skips the PostgreSQL part.
#   bench/import/run.sh BUILD_DIR [ROWS]
set -euo pipefail
build=${1:-build}
rows=${2:-1000000}
fazhi=$(realpath "$build/fazhi")
work=$(mktemp -d /tmp/fazhi-bench-import.XXXXXX)
pg_dir=""
cleanup() {
  cd /
  [ -n "$pg_dir" ] && bash "$here/../../tests/harness/postgres-cluster.sh" stop "$pg_dir"
  rm -rf "$work"
}
here=$(cd "$(dirname "$0")" && pwd)
trap cleanup EXIT
cd "$work"

python3 - "$rows" <<'PY'
import sys
n = int(sys.argv[1])
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
with open("people.csv", "w", encoding="utf-8") as f:
    f.write("姓名,性别,职务,是否领导干部,岗位类别,联系电话,入职日期\n")
    for i in range(n):
        name = surnames[i % 20] + given[(i // 20) % 20] + given[(i // 400) % 20]
        f.write(f"{name},{'男' if i % 2 else '女'},科员,{'是' if i % 17 == 0 else '否'},执法人员,0531-{80000000 + i},"
                f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}\n")
PY
size=$(du -m people.csv | cut -f1)

printf '单位编码,单位名称,单位类别,行政区划代码\n379900,示例市人民政府,人民政府,379900\n' > orgs.csv
"$fazhi" init --db fazhi.db >/dev/null
"$fazhi" import --db fazhi.db --ledger organizations orgs.csv >/dev/null

t0=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o fazhi.mem "$fazhi" import --db fazhi.db --ledger people --org 379900 people.csv >/dev/null
t1=$(date +%s.%N)

sqlite3 bare.db "PRAGMA journal_mode=WAL; CREATE TABLE people (name TEXT, gender TEXT, position TEXT, leader TEXT, kind TEXT, phone TEXT, entered_on TEXT);" >/dev/null
t2=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o sqlite.mem sqlite3 bare.db <<SQL
.mode csv
.import --skip 1 people.csv people
SQL
t3=$(date +%s.%N)

python3 - "$rows" "$t0" "$t1" "$t2" "$t3" "$size" "$(cat fazhi.mem)" "$(cat sqlite.mem)" <<'PY'
import sys
rows = int(sys.argv[1]); t0, t1, t2, t3 = map(float, sys.argv[2:6]); size = sys.argv[6]
mem, fu, fs = sys.argv[7].split(); _, su, ss = sys.argv[8].split()
fcpu = float(fu) + float(fs); scpu = float(su) + float(ss)
f = rows / (t1 - t0); s = rows / (t3 - t2)
print(f"rows {rows} ({size} MB CSV)")
print(f"fazhi import    {t1 - t0:7.2f} s  {f:10.0f} rows/s  CPU {fcpu:6.2f} s (both threads)  peak RSS {int(mem) / 1024:.0f} MB")
print(f"sqlite3 .import {t3 - t2:7.2f} s  {s:10.0f} rows/s  CPU {scpu:6.2f} s")
print(f"ratio fazhi / sqlite3: {f / s:.2f} wall-clock, {scpu / fcpu:.2f} CPU (target >= 0.50)")
PY
"$fazhi" audit verify --db fazhi.db | head -1

[ "${PG:-1}" = 0 ] && exit 0
pg_uri=${FAZHI_BENCH_PG_URI:-}
if [ -z "$pg_uri" ]; then
  pg_uri=$(cd / && bash "$here/../../tests/harness/postgres-cluster.sh" start)
  pg_dir=$(sed -n 's/.*host=\([^&]*\).*/\1/p' <<<"$pg_uri")
fi
db_uri=${pg_uri/\/postgres\?//fazhi_bench_import?}
psql -q "$pg_uri" -c "DROP DATABASE IF EXISTS fazhi_bench_import" -c "CREATE DATABASE fazhi_bench_import" >/dev/null
"$fazhi" init --db "$db_uri" >/dev/null
"$fazhi" import --db "$db_uri" --ledger organizations orgs.csv >/dev/null
t0=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o fazhi-pg.mem "$fazhi" import --db "$db_uri" --ledger people --org 379900 people.csv >/dev/null
t1=$(date +%s.%N)
psql -q "$db_uri" -c "CREATE TABLE bare (name TEXT, gender TEXT, position TEXT, leader TEXT, kind TEXT, phone TEXT, entered_on TEXT)" >/dev/null
t2=$(date +%s.%N)
psql -q "$db_uri" -c "\\copy bare FROM 'people.csv' WITH (FORMAT csv, HEADER true)" >/dev/null
t3=$(date +%s.%N)
python3 - "$rows" "$t0" "$t1" "$t2" "$t3" "$(cat fazhi-pg.mem)" <<'PY'
import sys
rows = int(sys.argv[1]); t0, t1, t2, t3 = map(float, sys.argv[2:6]); mem, fu, fs = sys.argv[6].split()
f = rows / (t1 - t0); s = rows / (t3 - t2)
print(f"PostgreSQL: fazhi import {t1 - t0:7.2f} s  {f:10.0f} rows/s  client CPU {float(fu) + float(fs):6.2f} s  peak RSS {int(mem) / 1024:.0f} MB")
print(f"PostgreSQL: psql \\copy    {t3 - t2:7.2f} s  {s:10.0f} rows/s")
print(f"ratio fazhi / psql \\copy: {f / s:.2f}")
PY
"$fazhi" audit verify --db "$db_uri" | head -1
psql -q "$pg_uri" -c "DROP DATABASE IF EXISTS fazhi_bench_import" >/dev/null
