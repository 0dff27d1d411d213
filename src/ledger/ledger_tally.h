// The monthly tallies of a ledger (MonthlyTallyDeclaration): tables of running counts that
// the database itself keeps, so a year's figures over millions of tickets or ratings add up
// a few thousand rows.
//
// A tally row is (month "YYYY-MM" of the date field, the owner's org_path, the counted
// fields' values, records): how many records with exactly those values have their date in
// that month. Records without a date are not counted. Triggers on the ledger's table add and
// subtract on every insert, update and delete, whatever writes it (the API, an import, the
// demo, a repair by hand), so the counts can never drift from the records.
#pragma once

#include <string>

#include "ledger/ledger_declaration.h"
#include "store/sql_session.h"

namespace fazhi {

// The table that holds `tally` of `ledger`: "<ledger>_tally_<name>". Its columns are month,
// org_path, the tally's columns under their field names, tally_key (the counted values,
// quoted, as one text) and records.
std::string monthly_tally_table(const LedgerDeclaration& ledger,
                                const MonthlyTallyDeclaration& tally);

// The migration script that (re)builds `tally` on `dialect`: drops its table and triggers,
// creates the table, counts the ledger's records into it and creates the triggers that keep
// it. Rerunning it rebuilds the counts from the records (never adds them twice). It also
// drops the index of the same name that earlier versions kept instead of the tally.
std::string monthly_tally_script(SqlDialect dialect, const LedgerDeclaration& ledger,
                                 const MonthlyTallyDeclaration& tally);

// The tally of `ledger` by `date_field` that holds every one of `columns` (fields, state or
// org_path), or null when it has none.
const MonthlyTallyDeclaration* find_monthly_tally(const LedgerDeclaration& ledger,
                                                  const std::string& date_field,
                                                  const std::vector<std::string>& columns);

}  // namespace fazhi
