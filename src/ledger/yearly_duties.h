// Yearly duties (年度职责) as a region applies them: the duties the ledgers declare
// (ledger_declaration.h, YearlyDutyDeclaration — 述法 by each principal leader, 法治专题讲座
// and 常务会议会前学法 by each government), each with the minimum in force: the region's own
// where the `region_yearly_duty` ledger (地方年度职责设置) holds one in force on the day, else
// the national default. Read per request from the settings table (a handful of rows), so a
// change applies at once; nothing is cached. And the SQL that finds the owners short of a
// duty's minimum in a year, for the to-do list (todo_list.h).
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "ledger/ledger_declaration.h"
#include "store/sql_session.h"

namespace fazhi {

// A declared duty with the minimum and source the region applies.
struct DutyInForce {
  const LedgerDeclaration* ledger = nullptr;  // the ledger whose records meet it
  const YearlyDutyDeclaration* duty = nullptr;
  int minimum = 1;
  std::string source;  // the region's basis (with the national default), or the declared source
};

// Every declared duty, in catalogue order, with its national default.
std::vector<DutyInForce> declared_yearly_duties();

// declared_yearly_duties with the region's minimums: the rows of region_yearly_duty in force
// whose effective date is not after `today`; rows naming a duty no longer declared are skipped.
Result<std::vector<DutyInForce>> load_yearly_duties(SqlSession& sql, Date today);

// The ledger whose records owe `duty`: organizations or people.
const LedgerDeclaration& duty_owner_ledger(const YearlyDutyDeclaration& duty);

// The due day of `duty` for `year` (31 December of it, or 31 March after it …).
Date duty_due(const YearlyDutyDeclaration& duty, int year);

// The year whose duty is on the list on `today`: from `due_soon_days` before its due day until
// the next year's takes its place (a year missed stays on the list, overdue, until then).
int duty_year_on(const YearlyDutyDeclaration& duty, Date today);

// The rule in words: "法治专题讲座：每年不少于2期，于当年12月31日前".
std::string yearly_duty_rule(const DutyInForce& duty);

// A SELECT of the owners in `owner_scope` (SQL over the owner ledger's own columns, with
// `org_clause` appended, both with their parameters bound by the caller in that order) that
// have fewer than the minimum records of `duty` for `year`, as the to-do list's columns
// (todo_limit = `index`, todo_record, todo_title, todo_org, todo_due, todo_from, todo_done).
// For a principal leader's duty it returns the leaders of every organisation: keep those
// whose organisation is of the duty's kinds (owes_duty). It reads the indexes of
// yearly_duty_index_sql (SQLite is told which).
std::string duty_shortfall_sql(const DutyInForce& duty, int year, std::size_t index, const std::string& owner_scope,
                               const std::string& org_clause, SqlDialect dialect);

// Whether organisation kind `org_kind` owes `duty`.
bool owes_duty(const YearlyDutyDeclaration& duty, std::string_view org_kind);

// The partial covering indexes the duties' SQL reads — the principal leaders, and each duty's
// counted records by kind, year and owner — as DROP and CREATE statements (ensure_todo_schema).
std::string yearly_duty_index_sql();

}  // namespace fazhi
