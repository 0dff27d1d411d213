#include "ledger/ledger_tally.h"

#include <fmt/format.h>

#include <algorithm>

#include "ledger/field_value.h"
#include "ledger/ledger_table.h"

namespace fazhi {
namespace {

// What a tally column is called in both tables, and its type in the tally's table.
struct TallyColumn {
  std::string name;
  std::string type;
};

std::vector<TallyColumn> tally_columns(SqlDialect d, const LedgerDeclaration& ledger,
                                       const MonthlyTallyDeclaration& tally) {
  std::vector<TallyColumn> out;
  for (const auto& name : tally.columns) {
    const FieldDeclaration* f = ledger.field(name);
    bool integer = f && stored_as_integer(*f);
    out.push_back({quote_identifier(name), integer ? (d == SqlDialect::kSqlite ? "INTEGER" : "BIGINT") : "TEXT"});
  }
  return out;
}

// The counted values `values` (one SQL expression per tally column) as one text: NULL and ''
// stay apart, which a UNIQUE key over the columns themselves would not (NULLs never conflict).
std::string key_sql(SqlDialect d, const std::vector<std::string>& values) {
  if (values.empty()) return "''";
  std::string out;
  for (const auto& v : values) {
    if (d == SqlDialect::kSqlite)
      out += (out.empty() ? "" : " || ',' || ") + ("quote(" + v + ")");
    else
      out += (out.empty() ? "" : ", ") + ("quote_nullable(" + v + ")");
  }
  return d == SqlDialect::kSqlite ? out : "concat_ws(',', " + out + ")";
}

// The tally columns of row `r` (NEW, OLD, or empty for the ledger's own columns).
std::string key_sql(SqlDialect d, const std::vector<TallyColumn>& cols, const std::string& r) {
  std::vector<std::string> values;
  for (const auto& c : cols) values.push_back(r.empty() ? c.name : r + "." + c.name);
  return key_sql(d, values);
}

// The statements that count row `r` in (+1) or out (-1) of the tally.
std::string count_in_sql(SqlDialect d, const std::string& table, const std::string& date,
                         const std::vector<TallyColumn>& cols, const std::string& r) {
  std::string names, values;
  for (const auto& c : cols) {
    names += ", " + c.name;
    values += ", " + r + "." + c.name;
  }
  return fmt::format(
      "INSERT INTO {0} (month, org_path{1}, tally_key, records) SELECT substr({2}.{3}, 1, 7), "
      "{2}.org_path{4}, {5}, 1 "
      "WHERE {2}.{3} IS NOT NULL ON CONFLICT (month, org_path, tally_key) DO UPDATE SET records = "
      "{0}.records + 1",
      table, names, r, date, values, key_sql(d, cols, r));
}

std::string count_out_sql(SqlDialect d, const std::string& table, const std::string& date,
                          const std::vector<TallyColumn>& cols, const std::string& r) {
  return fmt::format(
      "UPDATE {0} SET records = records - 1 WHERE {1}.{2} IS NOT NULL AND month = substr({1}.{2}, "
      "1, 7) AND "
      "org_path = {1}.org_path AND tally_key = {3}",
      table, r, date, key_sql(d, cols, r));
}

}  // namespace

std::string monthly_tally_table(const LedgerDeclaration& ledger, const MonthlyTallyDeclaration& tally) {
  return ledger.name + "_tally_" + tally.name;
}

namespace {

std::string watched_columns(const std::string& date, const std::vector<TallyColumn>& cols) {
  std::string watched = date + ", org_path";
  for (const auto& c : cols) watched += ", " + c.name;
  return watched;
}

}  // namespace

std::string monthly_tally_drop_triggers_sql(SqlDialect d, const LedgerDeclaration& ledger,
                                            const MonthlyTallyDeclaration& tally) {
  const std::string name = monthly_tally_table(ledger, tally);
  if (d != SqlDialect::kSqlite)
    return fmt::format("DROP TRIGGER IF EXISTS {} ON {};\n", quote_identifier(name + "_keep"),
                       quote_identifier(ledger.name));
  std::string sql;
  for (const char* t : {"insert", "update", "delete"})
    sql += fmt::format("DROP TRIGGER IF EXISTS {};\n", quote_identifier(name + "_" + t));
  return sql;
}

std::string monthly_tally_create_triggers_sql(SqlDialect d, const LedgerDeclaration& ledger,
                                              const MonthlyTallyDeclaration& tally) {
  const std::string name = monthly_tally_table(ledger, tally);
  const std::string table = quote_identifier(name);
  const std::string source = quote_identifier(ledger.name);
  const std::string date = quote_identifier(tally.date_field);
  const auto cols = tally_columns(d, ledger, tally);
  std::string sql;
  if (d == SqlDialect::kSqlite) {
    sql += fmt::format("CREATE TRIGGER {} AFTER INSERT ON {} BEGIN {}; END;\n", quote_identifier(name + "_insert"),
                       source, count_in_sql(d, table, date, cols, "NEW"));
    sql += fmt::format("CREATE TRIGGER {} AFTER DELETE ON {} BEGIN {}; END;\n", quote_identifier(name + "_delete"),
                       source, count_out_sql(d, table, date, cols, "OLD"));
    sql += fmt::format("CREATE TRIGGER {} AFTER UPDATE OF {} ON {} BEGIN {}; {}; END;\n",
                       quote_identifier(name + "_update"), watched_columns(date, cols), source,
                       count_out_sql(d, table, date, cols, "OLD"), count_in_sql(d, table, date, cols, "NEW"));
    return sql;
  }
  const std::string function = quote_identifier(name + "_keep");
  sql += fmt::format(
      "CREATE OR REPLACE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS $tally$\nBEGIN\n"
      "  IF TG_OP <> 'INSERT' THEN {}; END IF;\n  IF TG_OP <> 'DELETE' THEN {}; END IF;\n"
      "  RETURN NULL;\nEND\n$tally$;\n",
      function, count_out_sql(d, table, date, cols, "OLD"), count_in_sql(d, table, date, cols, "NEW"));
  sql += fmt::format(
      "CREATE TRIGGER {} AFTER INSERT OR DELETE OR UPDATE OF {} ON {} FOR EACH ROW EXECUTE "
      "FUNCTION {}();\n",
      function, watched_columns(date, cols), source, function);
  return sql;
}

std::string monthly_tally_script(SqlDialect d, const LedgerDeclaration& ledger, const MonthlyTallyDeclaration& tally) {
  const std::string table = quote_identifier(monthly_tally_table(ledger, tally));
  const std::string source = quote_identifier(ledger.name);
  const std::string date = quote_identifier(tally.date_field);
  const auto cols = tally_columns(d, ledger, tally);
  const bool sqlite = d == SqlDialect::kSqlite;

  std::string col_defs, col_names;
  for (const auto& c : cols) {
    col_defs += fmt::format(",\n  {} {}", c.name, c.type);
    col_names += ", " + c.name;
  }
  std::string sql;
  // Earlier versions kept a covering index of this name for the same figures.
  sql += fmt::format("DROP INDEX IF EXISTS {};\n", quote_identifier(ledger.name + "_" + tally.name));
  sql += monthly_tally_drop_triggers_sql(d, ledger, tally);
  sql += fmt::format("DROP TABLE IF EXISTS {};\n", table);
  sql += fmt::format(
      "CREATE TABLE {} (\n  month TEXT NOT NULL,\n  org_path TEXT NOT NULL{},\n  tally_key TEXT "
      "NOT "
      "NULL,\n  records {} NOT NULL,\n  PRIMARY KEY (month, org_path, tally_key)\n);\n",
      table, col_defs, sqlite ? "INTEGER" : "BIGINT");
  sql += fmt::format(
      "INSERT INTO {0} (month, org_path{1}, tally_key, records) SELECT substr({2}, 1, 7), "
      "org_path{1}, {3}, COUNT(*) "
      "FROM {4}{5} WHERE {2} IS NOT NULL GROUP BY substr({2}, 1, 7), org_path{1};\n",
      table, col_names, date, key_sql(d, cols, ""), source,
      // Every record is read: in table order, not through the date's index one lookup each.
      sqlite ? " NOT INDEXED" : "");
  sql += monthly_tally_create_triggers_sql(d, ledger, tally);
  return sql;
}

namespace {

// The position of column `name` (a field, org_path or state) in a row in table order.
std::size_t column_in_row(const LedgerDeclaration& ledger, const std::string& name) {
  const auto& system = system_columns();
  auto s = std::find(system.begin(), system.end(), name);
  if (s != system.end()) return static_cast<std::size_t>(s - system.begin());
  const FieldDeclaration* f = ledger.field(name);
  return system.size() + static_cast<std::size_t>(f - ledger.fields.data());
}

}  // namespace

MonthlyTallyCounts::MonthlyTallyCounts(const LedgerDeclaration& ledger, const MonthlyTallyDeclaration& tally)
    : ledger_(ledger), tally_(tally), date_column_(column_in_row(ledger, tally.date_field)) {
  columns_.push_back(column_in_row(ledger, "org_path"));
  for (const auto& c : tally.columns) columns_.push_back(column_in_row(ledger, c));
}

void MonthlyTallyCounts::add(const std::vector<SqlValue>& row) {
  const auto* date = std::get_if<std::string>(&row[date_column_]);
  if (!date) return;  // no date: not counted, as by the trigger
  std::string_view month = std::string_view(*date).substr(0, 7);
  key_.assign(month);
  for (std::size_t c : columns_) {
    const SqlValue& v = row[c];
    key_.push_back('\x1f');
    key_.push_back(static_cast<char>('0' + v.index()));
    if (const auto* t = std::get_if<std::string>(&v))
      key_ += *t;
    else if (const auto* i = std::get_if<std::int64_t>(&v))
      key_ += std::to_string(*i);
    else if (const auto* x = std::get_if<double>(&v))
      key_ += fmt::format("{}", *x);
  }
  auto [it, fresh] = counts_.try_emplace(key_);
  if (fresh) {
    it->second.values.emplace_back(std::string(month));
    for (std::size_t c : columns_) it->second.values.push_back(row[c]);
  }
  ++it->second.records;
}

Result<void> MonthlyTallyCounts::apply(SqlSession& sql) {
  const SqlDialect d = sql.dialect();
  const auto cols = tally_columns(d, ledger_, tally_);
  const std::string table = quote_identifier(monthly_tally_table(ledger_, tally_));
  // The key is made by the same expression as the triggers', over the values again.
  std::string names, placeholders = "?, ?";
  for (const auto& c : cols) {
    names += ", " + c.name;
    placeholders += ", ?";
  }
  const std::string key = key_sql(d, std::vector<std::string>(cols.size(), "?"));
  const std::string statement = fmt::format(
      "INSERT INTO {0} (month, org_path{1}, tally_key, records) VALUES ({2}, {3}, ?) ON "
      "CONFLICT (month, org_path, tally_key) DO UPDATE SET records = {0}.records + "
      "excluded.records",
      table, names, placeholders, key);
  std::vector<SqlValue> params;
  for (auto& [k, count] : counts_) {
    params = count.values;
    params.insert(params.end(), count.values.begin() + 2, count.values.end());
    params.emplace_back(count.records);
    FAZHI_TRY(sql.execute(statement, params));
  }
  counts_.clear();
  return ok();
}

const MonthlyTallyDeclaration* find_monthly_tally(const LedgerDeclaration& ledger, const std::string& date_field,
                                                  const std::vector<std::string>& columns) {
  for (const auto& t : ledger.monthly_tallies) {
    if (t.date_field != date_field) continue;
    bool holds = std::all_of(columns.begin(), columns.end(), [&](const std::string& c) {
      return c.empty() || c == "org_path" || std::find(t.columns.begin(), t.columns.end(), c) != t.columns.end();
    });
    if (holds) return &t;
  }
  return nullptr;
}

}  // namespace fazhi
