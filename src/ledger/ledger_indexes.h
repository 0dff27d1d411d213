// The secondary indexes of a ledger's table, derived from its declaration: org_path (every
// scoped query), state (ledgers with states), and each field declared `indexed` or naming an
// organisation. A unique field's index comes with the table's UNIQUE constraint and is not
// one of these. ensure_ledger_tables() creates them; a bulk insert into an empty table may
// drop them and build them once at the end (bulk_insert.h).
#pragma once

#include <string>
#include <vector>

#include "ledger/ledger_declaration.h"

namespace fazhi {

struct LedgerIndex {
  std::string name;        // "<ledger>_<column>"
  std::string create_sql;  // CREATE INDEX IF NOT EXISTS … (the same text on both backends)
  std::string drop_sql;    // DROP INDEX IF EXISTS …
};

// The indexes of `ledger`, in a fixed order.
std::vector<LedgerIndex> ledger_indexes(const LedgerDeclaration& ledger);

}  // namespace fazhi
