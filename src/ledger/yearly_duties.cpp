#include "ledger/yearly_duties.h"

#include <fmt/format.h>

#include <algorithm>

#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_table.h"

namespace fazhi {
namespace {

constexpr std::string_view kPrincipalIndex = "people_todo_principal";

// The index of a duty's counted records: its kind, its year (or date) and its owner, over the
// records that count (done_field set).
std::string duty_index_name(const LedgerDeclaration& ledger, const YearlyDutyDeclaration& d) {
  return ledger.name + "_todo_" + d.name;
}

std::string duty_index_columns(const YearlyDutyDeclaration& d) {
  std::vector<std::string> cols;
  if (!d.kind_field.empty()) cols.push_back(d.kind_field);
  cols.push_back(d.year_field.empty() ? d.date_field : d.year_field);
  cols.push_back(d.owner == DutyOwner::kPrincipalLeader ? d.person_field : "org_code");
  // SQLite reads a partial index's own condition from the table unless the column is in it.
  if (!d.done_field.empty()) cols.push_back(d.done_field);
  std::string out;
  for (const auto& c : cols) out += (out.empty() ? "" : ", ") + quote_identifier(c);
  return out;
}

std::string indexed_by(SqlDialect dialect, std::string_view index) {
  return dialect == SqlDialect::kSqlite ? " INDEXED BY " + quote_identifier(index) : "";
}

// The conditions under which a record of the duty's ledger counts for `year`.
std::string counted_records(const YearlyDutyDeclaration& d, int year) {
  std::vector<std::string> terms;
  if (!d.year_field.empty()) {
    terms.push_back(fmt::format("{} = {}", quote_identifier(d.year_field), year));
  } else {
    const std::string col = quote_identifier(d.date_field);
    terms.push_back(fmt::format("{0} >= '{1}-01-01' AND {0} <= '{1}-12-31'", col, year));
  }
  if (!d.done_field.empty()) terms.push_back(quote_identifier(d.done_field) + " IS NOT NULL");
  if (!d.kind_field.empty())
    terms.push_back(quote_identifier(d.kind_field) + " IN (" + declared_literal_list(d.kind_values) + ")");
  std::string out;
  for (const auto& t : terms) out += (out.empty() ? "" : " AND ") + t;
  return out;
}

}  // namespace

std::vector<DutyInForce> declared_yearly_duties() {
  std::vector<DutyInForce> out;
  for (const LedgerDeclaration* l : all_ledgers())
    for (const auto& d : l->yearly_duties) out.push_back({l, &d, d.minimum, d.source});
  return out;
}

Result<std::vector<DutyInForce>> load_yearly_duties(SqlSession& sql, Date today) {
  std::vector<DutyInForce> out = declared_yearly_duties();
  std::vector<SqlValue> p = {today.iso()};
  FAZHI_ASSIGN_OR_RETURN(auto r, sql.query("SELECT ledger_name, duty_name, minimum, basis FROM region_yearly_duty "
                                           "WHERE in_force = 1 AND (effective_from IS NULL OR effective_from <= ?) "
                                           "ORDER BY id",
                                           p));
  for (const auto& row : r.rows) {
    int minimum = static_cast<int>(sql_int(row[2]).value_or(0));
    if (minimum <= 0) continue;
    for (DutyInForce& d : out) {
      if (d.ledger->name != sql_text(row[0]) || d.duty->name != sql_text(row[1])) continue;
      d.minimum = minimum;
      d.source = sql_text(row[3]) + "（本地区设定；全国默认：" + d.duty->source + "）";
    }
  }
  return out;
}

const LedgerDeclaration& duty_owner_ledger(const YearlyDutyDeclaration& duty) {
  return *find_ledger(duty.owner == DutyOwner::kPrincipalLeader ? "people" : "organizations");
}

Date duty_due(const YearlyDutyDeclaration& duty, int year) {
  int y = year + (duty.due_next_year ? 1 : 0);
  auto due = Date::from_ymd(y, duty.due_month, duty.due_day);
  // A declared day that does not exist (29 February) is the month's last day.
  return due ? *due : Date::from_ymd(y, duty.due_month, 28).value();
}

int duty_year_on(const YearlyDutyDeclaration& duty, Date today) {
  int year = today.year() + 1;
  while (today < duty_due(duty, year).add_days(-duty.due_soon_days)) --year;
  return year;
}

std::string yearly_duty_rule(const DutyInForce& d) {
  const YearlyDutyDeclaration& duty = *d.duty;
  std::string who = duty.owner == DutyOwner::kPrincipalLeader ? "每名主要负责人每年" : "每年";
  return fmt::format("{}：{}不少于{}{}，于{}{}月{}日前", duty.label, who, d.minimum, duty.unit,
                     duty.due_next_year ? "次年" : "当年", duty.due_month, duty.due_day);
}

std::string duty_shortfall_sql(const DutyInForce& d, int year, std::size_t index, const std::string& owner_scope,
                               const std::string& org_clause, SqlDialect dialect) {
  const YearlyDutyDeclaration& duty = *d.duty;
  const std::string due = declared_literal(duty_due(duty, year).iso());
  const std::string table = quote_identifier(d.ledger->name) + indexed_by(dialect, duty_index_name(*d.ledger, duty));
  if (duty.owner == DutyOwner::kPrincipalLeader && d.minimum == 1) {
    // Leaders in post during the year, of every organisation (the caller keeps those of the
    // kinds that owe it), without a record: one index probe each, nothing counted.
    return fmt::format(
        "SELECT {0} AS todo_limit, id AS todo_record, CAST(name AS TEXT) || COALESCE('（' || "
        "\"position\" || '）', '') AS todo_title, org_code AS todo_org, {1} AS todo_due, {1} AS "
        "todo_from, 0 AS todo_done FROM people{2} WHERE principal = 1 AND (entered_on IS NULL OR "
        "entered_on <= '{3}-12-31') AND {4}{5} AND NOT EXISTS (SELECT 1 FROM {6} WHERE {7} = "
        "people.id AND {8})",
        index, due, indexed_by(dialect, kPrincipalIndex), year, owner_scope, org_clause, table,
        quote_identifier(duty.person_field), counted_records(duty, year));
  }
  if (duty.owner == DutyOwner::kPrincipalLeader) {
    // Leaders in post during the year, of every organisation: the caller keeps those of the
    // kinds that owe it (a join to organizations here doubled the time of the query).
    return fmt::format(
        "SELECT {0} AS todo_limit, o.id AS todo_record, o.todo_title AS todo_title, o.org_code AS "
        "todo_org, {1} AS todo_due, {1} AS todo_from, COALESCE(n.done, 0) AS todo_done FROM "
        "(SELECT id, org_code, CAST(name AS TEXT) || COALESCE('（' || \"position\" || '）', '') "
        "AS todo_title FROM people{2} WHERE principal = 1 AND (entered_on IS NULL OR entered_on "
        "<= '{3}-12-31') AND {4}{5}) o LEFT JOIN (SELECT {6} AS owner_id, COUNT(*) AS done FROM "
        "{7} WHERE {8} GROUP BY {6}) n ON n.owner_id = o.id WHERE COALESCE(n.done, 0) < {9}",
        index, due, indexed_by(dialect, kPrincipalIndex), year, owner_scope, org_clause,
        quote_identifier(duty.person_field), table, counted_records(duty, year), d.minimum);
  }
  // An organisation meets it by the records it owns itself (not those of units below it).
  return fmt::format(
      "SELECT {0} AS todo_limit, o.id AS todo_record, o.todo_title AS todo_title, o.org_code AS "
      "todo_org, {1} AS todo_due, {1} AS todo_from, COALESCE(n.done, 0) AS todo_done FROM "
      "(SELECT id, org_code, CAST(name AS TEXT) AS todo_title FROM organizations WHERE kind IN "
      "({2}) AND {3}{4}) o LEFT JOIN (SELECT org_code AS owner_code, COUNT(*) AS done FROM {5} "
      "WHERE {6} GROUP BY org_code) n ON n.owner_code = o.org_code WHERE COALESCE(n.done, 0) < {7}",
      index, due, declared_literal_list(duty.org_kinds), owner_scope, org_clause, table, counted_records(duty, year),
      d.minimum);
}

bool owes_duty(const YearlyDutyDeclaration& duty, std::string_view org_kind) {
  return std::find(duty.org_kinds.begin(), duty.org_kinds.end(), org_kind) != duty.org_kinds.end();
}

std::string yearly_duty_index_sql() {
  std::string sql;
  bool principals = false;
  for (const DutyInForce& d : declared_yearly_duties()) {
    const YearlyDutyDeclaration& duty = *d.duty;
    principals = principals || duty.owner == DutyOwner::kPrincipalLeader;
    const std::string name = quote_identifier(duty_index_name(*d.ledger, duty));
    sql += fmt::format(
        "DROP INDEX IF EXISTS {0};\nCREATE INDEX {0} ON {1} ({2}){3};\n", name, quote_identifier(d.ledger->name),
        duty_index_columns(duty),
        duty.done_field.empty() ? std::string() : " WHERE " + quote_identifier(duty.done_field) + " IS NOT NULL");
  }
  if (principals)
    sql += fmt::format(
        "DROP INDEX IF EXISTS {0};\nCREATE INDEX {0} ON people (org_path, org_code, entered_on, "
        "id, name, \"position\") WHERE principal = 1;\n",
        quote_identifier(kPrincipalIndex));
  return sql;
}

}  // namespace fazhi
