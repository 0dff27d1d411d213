#include "ledger/ledger_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "core/json_text.h"
#include "core/sm3.h"
#include "ledger/field_value.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_indexes.h"
#include "ledger/ledger_tally.h"
#include "ledger/region_time_limits.h"
#include "store/migrations.h"

namespace fazhi {

const std::vector<std::string>& system_columns() {
  static const std::vector<std::string> kColumns = {"id",         "org_code",   "org_path",   "state",     "version",
                                                    "created_at", "created_by", "updated_at", "updated_by"};
  return kColumns;
}

const std::vector<std::string>& system_column_labels() {
  static const std::vector<std::string> kLabels = {"编号",     "所属单位", "单位路径", "状态",  "版本",
                                                   "创建时间", "创建人",   "更新时间", "更新人"};
  return kLabels;
}

std::string quote_identifier(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

std::string declared_literal(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out.push_back('\'');
    out.push_back(c);
  }
  return out + "'";
}

std::string declared_literal_list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + declared_literal(v);
  return out;
}

namespace {

// The statements every read of a ledger's records starts from, made once per declaration
// (declarations live as long as the program): a record is read on every API request.
struct LedgerStatements {
  std::string columns;       // ledger_column_list()
  std::string select_by_id;  // SELECT <columns> FROM <table> WHERE id = ?
};

const LedgerStatements& statements_of(const LedgerDeclaration& ledger) {
  static std::mutex mutex;
  static std::unordered_map<const LedgerDeclaration*, LedgerStatements> made;
  std::lock_guard lock(mutex);
  LedgerStatements& s = made[&ledger];
  if (s.columns.empty()) {
    for (const auto& c : system_columns()) s.columns += (s.columns.empty() ? "" : ", ") + quote_identifier(c);
    for (const auto& f : ledger.fields) s.columns += ", " + quote_identifier(f.name);
    s.select_by_id = fmt::format("SELECT {} FROM {} WHERE id = ?", s.columns, quote_identifier(ledger.name));
  }
  return s;
}

}  // namespace

const std::string& ledger_column_list(const LedgerDeclaration& ledger) {
  return statements_of(ledger).columns;
}

namespace {

std::string column_type(SqlDialect d, const FieldDeclaration& f) {
  if (stored_as_integer(f)) return d == SqlDialect::kSqlite ? "INTEGER" : "BIGINT";
  return "TEXT";
}

std::string create_table_sql(SqlDialect d, const LedgerDeclaration& ledger) {
  std::string sql = fmt::format(
      "CREATE TABLE {} (\n  id {} PRIMARY KEY,\n  org_code TEXT NOT NULL,\n  org_path TEXT NOT NULL,\n"
      "  state TEXT NOT NULL DEFAULT '',\n  version {} NOT NULL,\n  created_at TEXT NOT NULL,\n"
      "  created_by TEXT NOT NULL,\n  updated_at TEXT NOT NULL,\n  updated_by TEXT NOT NULL",
      quote_identifier(ledger.name), d == SqlDialect::kSqlite ? "INTEGER" : "BIGINT",
      d == SqlDialect::kSqlite ? "INTEGER" : "BIGINT");
  for (const auto& f : ledger.fields) {
    sql += fmt::format(",\n  {} {}", quote_identifier(f.name), column_type(d, f));
    if (f.unique) sql += " UNIQUE";
  }
  sql += "\n)";
  return sql;
}

std::vector<std::string> index_sql(const LedgerDeclaration& ledger) {
  std::vector<std::string> out;
  for (const LedgerIndex& i : ledger_indexes(ledger)) out.push_back(i.create_sql);
  return out;
}

// The first column of `postgres_sql` or `sqlite_sql` (by the store's backend), asked of the
// system catalogue about `table`.
Result<std::vector<std::string>> catalogue_names(Store& store, const std::string& table, const char* postgres_sql,
                                                 const char* sqlite_sql) {
  std::vector<std::string> names;
  FAZHI_TRY(store.read([&](SqlSession& s) -> Result<void> {
    std::vector<SqlValue> p = {table};
    FAZHI_ASSIGN_OR_RETURN(auto r, s.query(store.is_postgres() ? postgres_sql : sqlite_sql, p));
    for (auto& row : r.rows) names.push_back(sql_text(row[0]));
    return ok();
  }));
  return names;
}

Result<std::vector<std::string>> existing_indexes(Store& store, const std::string& table) {
  return catalogue_names(store, table,
                         "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?",
                         "SELECT name FROM pragma_index_list(?)");
}

Result<std::vector<std::string>> existing_columns(Store& store, const std::string& table) {
  return catalogue_names(store, table,
                         "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                         "current_schema() AND table_name = ?",
                         "SELECT name FROM pragma_table_info(?)");
}

}  // namespace

Result<void> ensure_ledger_tables(Store& store) {
  for (const LedgerDeclaration* ledger : all_ledgers()) {
    std::string create = create_table_sql(store.dialect(), *ledger);
    std::vector<std::string> indexes = index_sql(*ledger);
    std::string fingerprint = create;
    for (auto& i : indexes) fingerprint += ";" + i;
    std::string tallies;
    for (const auto& t : ledger->monthly_tallies) tallies += monthly_tally_script(store.dialect(), *ledger, t);
    // A ledger without tallies keeps the fingerprint it always had.
    if (!tallies.empty()) fingerprint += ";" + tallies;
    std::string id = "ledger:" + ledger->name + ":" + sm3_hex(fingerprint).substr(0, 16);
    FAZHI_ASSIGN_OR_RETURN(bool done, store.has_migration(id));
    if (done) continue;
    FAZHI_ASSIGN_OR_RETURN(auto cols, existing_columns(store, ledger->name));
    std::string sql;
    if (cols.empty()) {
      sql = create + ";\n";
    } else {
      for (const auto& f : ledger->fields) {
        if (std::find(cols.begin(), cols.end(), f.name) != cols.end()) continue;
        sql += fmt::format("ALTER TABLE {} ADD COLUMN {} {};\n", quote_identifier(ledger->name),
                           quote_identifier(f.name), column_type(store.dialect(), f));
      }
    }
    for (auto& i : indexes) sql += i + ";\n";
    // A field no longer indexed loses the index an earlier declaration gave it.
    FAZHI_ASSIGN_OR_RETURN(auto kept, existing_indexes(store, ledger->name));
    for (const auto& f : ledger->fields) {
      const std::string name = ledger->name + "_" + f.name;
      if (!f.indexed && f.type != FieldType::kOrgRef && std::find(kept.begin(), kept.end(), name) != kept.end())
        sql += fmt::format("DROP INDEX IF EXISTS {};\n", quote_identifier(name));
    }
    sql += tallies;
    FAZHI_TRY(store.apply_migration(id, sql));
  }
  return reload_region_time_limits(store);
}

LedgerRecord record_from_row(const LedgerDeclaration& ledger, std::vector<SqlValue>&& row) {
  LedgerRecord r;
  r.id = sql_int(row[0]).value_or(0);
  r.org_code = sql_text(row[1]);
  r.org_path = sql_text(row[2]);
  r.state = sql_text(row[3]);
  r.version = sql_int(row[4]).value_or(0);
  r.created_at = sql_text(row[5]);
  r.created_by = sql_text(row[6]);
  r.updated_at = sql_text(row[7]);
  r.updated_by = sql_text(row[8]);
  r.values.assign(std::make_move_iterator(row.begin() + 9),
                  std::make_move_iterator(row.begin() + 9 + static_cast<long>(ledger.fields.size())));
  return r;
}

LedgerRecord record_from_row(const LedgerDeclaration& ledger, const std::vector<SqlValue>& row) {
  return record_from_row(ledger, std::vector<SqlValue>(row));
}

std::vector<SqlValue> row_from_record(const LedgerRecord& r) {
  std::vector<SqlValue> row;
  fill_row_from_record(r, row);
  return row;
}

void fill_row_from_record(const LedgerRecord& r, std::vector<SqlValue>& row) {
  row.resize(9 + r.values.size());
  row[0] = r.id;
  row[1] = r.org_code;
  row[2] = r.org_path;
  row[3] = r.state;
  row[4] = r.version;
  row[5] = r.created_at;
  row[6] = r.created_by;
  row[7] = r.updated_at;
  row[8] = r.updated_by;
  std::copy(r.values.begin(), r.values.end(), row.begin() + 9);
}

namespace {

// A key of a ledger's row as canonical JSON writes it: `"key":` (after a comma but for the
// first), and the column's index in the row.
struct RowKey {
  std::string json;
  size_t index = 0;
};

// The keys of a ledger's rows in sorted (bytewise) order, each rendered once: an import writes
// every one of them for each of millions of rows.
const std::vector<RowKey>& sorted_keys(const LedgerDeclaration& ledger) {
  static std::mutex mutex;
  static std::unordered_map<const LedgerDeclaration*, std::vector<RowKey>> cache;
  std::lock_guard lock(mutex);
  auto& keys = cache[&ledger];
  if (keys.empty()) {
    std::vector<std::pair<std::string, size_t>> names;
    for (size_t i = 0; i < system_columns().size(); ++i) names.emplace_back(system_columns()[i], i);
    for (size_t i = 0; i < ledger.fields.size(); ++i)
      names.emplace_back(ledger.fields[i].name, system_columns().size() + i);
    std::sort(names.begin(), names.end());
    for (const auto& [name, index] : names) {
      RowKey key{keys.empty() ? "" : ",", index};
      append_json_string(key.json, name);
      key.json.push_back(':');
      keys.push_back(std::move(key));
    }
  }
  return keys;
}

}  // namespace

std::string canonical_row_json(const LedgerDeclaration& ledger, const LedgerRecord& r) {
  std::string out;
  out.reserve(256 + 32 * (system_columns().size() + ledger.fields.size()));
  append_canonical_row_json(out, ledger, r);
  return out;
}

void append_canonical_row_json(std::string& out, const LedgerDeclaration& ledger, const LedgerRecord& r) {
  // Hand-written rather than through a JSON library: this runs once per imported row.
  const auto& keys = sorted_keys(ledger);
  const size_t nsys = system_columns().size();
  out.push_back('{');
  for (const auto& [key, index] : keys) {
    out += key;
    auto put = [&](const SqlValue& v) {
      if (is_null(v))
        out += "null";
      else if (auto* i = std::get_if<std::int64_t>(&v))
        out += std::to_string(*i);
      else if (auto* d = std::get_if<double>(&v))
        out += fmt::format("{}", *d);
      else
        append_json_string(out, std::get<std::string>(v));
    };
    if (index >= nsys) {
      put(r.values[index - nsys]);
      continue;
    }
    switch (index) {
      case 0:
        out += std::to_string(r.id);
        break;
      case 1:
        append_json_string(out, r.org_code);
        break;
      case 2:
        append_json_string(out, r.org_path);
        break;
      case 3:
        append_json_string(out, r.state);
        break;
      case 4:
        out += std::to_string(r.version);
        break;
      case 5:
        append_json_string(out, r.created_at);
        break;
      case 6:
        append_json_string(out, r.created_by);
        break;
      case 7:
        append_json_string(out, r.updated_at);
        break;
      default:
        append_json_string(out, r.updated_by);
        break;
    }
  }
  out.push_back('}');
}

Result<LedgerRecord> load_record(SqlSession& sql, const LedgerDeclaration& ledger, std::int64_t id) {
  std::vector<SqlValue> p = {id};
  FAZHI_ASSIGN_OR_RETURN(auto r, sql.query(statements_of(ledger).select_by_id, p));
  if (r.rows.empty()) return not_found(fmt::format("{}（编号 {}）", ledger.label, id), "不存在或无权查看");
  return record_from_row(ledger, std::move(r.rows[0]));
}

Result<std::int64_t> next_record_id(SqlSession& sql, const LedgerDeclaration& ledger) {
  FAZHI_ASSIGN_OR_RETURN(auto r, sql.query(fmt::format("SELECT MAX(id) FROM {}", quote_identifier(ledger.name))));
  return (r.rows.empty() ? 0 : sql_int(r.rows[0][0]).value_or(0)) + 1;
}

}  // namespace fazhi

namespace fazhi {

Result<void> insert_audited_record(WriteTransaction& tx, const LedgerDeclaration& ledger, const LedgerRecord& record) {
  std::vector<SqlValue> row = row_from_record(record);
  std::string marks;
  for (size_t i = 0; i < row.size(); ++i) marks += i ? ", ?" : "?";
  FAZHI_TRY(tx.sql().execute(
      fmt::format("INSERT INTO {} ({}) VALUES ({})", quote_identifier(ledger.name), ledger_column_list(ledger), marks),
      row));
  AuditEntry e;
  e.action = "create";
  e.ledger = ledger.name;
  e.record_id = std::to_string(record.id);
  e.after = canonical_row_json(ledger, record);
  FAZHI_TRY(tx.audit(std::move(e)));
  return ok();
}

}  // namespace fazhi
