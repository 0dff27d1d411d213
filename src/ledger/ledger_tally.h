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

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "ledger/ledger_declaration.h"
#include "store/sql_session.h"

namespace fazhi {

// The table that holds `tally` of `ledger`: "<ledger>_tally_<name>". Its columns are month,
// org_path, the tally's columns under their field names, tally_key (the counted values,
// quoted, as one text) and records.
std::string monthly_tally_table(const LedgerDeclaration& ledger, const MonthlyTallyDeclaration& tally);

// The migration script that (re)builds `tally` on `dialect`: drops its table and triggers,
// creates the table, counts the ledger's records into it and creates the triggers that keep
// it. Rerunning it rebuilds the counts from the records (never adds them twice). It also
// drops the index of the same name that earlier versions kept instead of the tally.
std::string monthly_tally_script(SqlDialect dialect, const LedgerDeclaration& ledger,
                                 const MonthlyTallyDeclaration& tally);

// The statements that drop the triggers keeping `tally`, and those that create them again
// (as monthly_tally_script() does). A bulk insert on SQLite, which holds the only write lock,
// sets them aside and counts its rows itself (MonthlyTallyCounts).
std::string monthly_tally_drop_triggers_sql(SqlDialect dialect, const LedgerDeclaration& ledger,
                                            const MonthlyTallyDeclaration& tally);
std::string monthly_tally_create_triggers_sql(SqlDialect dialect, const LedgerDeclaration& ledger,
                                              const MonthlyTallyDeclaration& tally);

// The counts of many new rows of one ledger for one of its tallies, kept in memory while they
// are inserted with the tally's triggers set aside, then added to the tally in one statement
// per distinct (month, org_path, values): the same rows the triggers would have written.
class MonthlyTallyCounts {
 public:
  MonthlyTallyCounts(const LedgerDeclaration& ledger, const MonthlyTallyDeclaration& tally);

  // Counts `row`: a record's columns in table order (system columns, then fields).
  void add(const std::vector<SqlValue>& row);
  // Adds the counts to the tally through `sql` (inside the inserting transaction) and
  // forgets them.
  Result<void> apply(SqlSession& sql);
  // The tally counted.
  const MonthlyTallyDeclaration& tally() const { return tally_; }

 private:
  struct Count {
    std::vector<SqlValue> values;  // month, org_path, the tally's columns
    std::int64_t records = 0;
  };
  const LedgerDeclaration& ledger_;
  const MonthlyTallyDeclaration& tally_;
  std::size_t date_column_ = 0;
  std::vector<std::size_t> columns_;  // org_path, then the tally's columns, in the row
  std::unordered_map<std::string, Count> counts_;
  std::string key_;  // reused for every row
};

// The tally of `ledger` by `date_field` that holds every one of `columns` (fields, state or
// org_path), or null when it has none.
const MonthlyTallyDeclaration* find_monthly_tally(const LedgerDeclaration& ledger, const std::string& date_field,
                                                  const std::vector<std::string>& columns);

}  // namespace fazhi
