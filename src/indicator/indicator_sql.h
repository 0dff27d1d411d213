// The SQL an indicator declaration stands for: its conditions and its period as a WHERE
// fragment over the ledger's table, with `?` parameters appended in order. Both the figure
// and its drill-down are built from the same fragments, which is why they agree.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "indicator/indicator_declaration.h"
#include "ledger/ledger_declaration.h"
#include "store/sql_session.h"
#include "store/sql_value.h"

namespace fazhi {

// "(c1 AND c2 …)" for the declaration's `where` and `any` conditions ("1 = 1" when none).
std::string indicator_condition_sql(const IndicatorDeclaration& indicator, std::vector<SqlValue>& params);

// The period rule of `indicator` for [from, to] ("1 = 1" for kAlways).
std::string indicator_period_sql(const IndicatorDeclaration& indicator, Date from, Date to,
                                 std::vector<SqlValue>& params);

// The value the aggregate adds up for one matching row: "1" for counts, the field as a number
// for sums (the dialect's cast; decimals are stored as text).
std::string indicator_summand_sql(const IndicatorDeclaration& indicator, SqlDialect dialect);

// Whether some condition of `indicator` is checked on each record by the engine after SQL
// has selected the candidates (a time limit met, which needs the working-day calendar).
bool needs_record_check(const IndicatorDeclaration& indicator);

// The fields an indicator's conditions and breakdown read (the dates compared with included),
// besides its period's date: what a monthly tally must hold to count it.
std::vector<std::string> indicator_condition_fields(const IndicatorDeclaration& indicator);

// Checks that the declaration names an existing ledger, fields, enum values and states, and
// that a ratio's parts exist; the error names the indicator and what is wrong.
Result<void> check_indicator_declaration(const IndicatorDeclaration& indicator);

}  // namespace fazhi
