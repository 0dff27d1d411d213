// Whether the database itself keeps a ledger's unique fields unique. A table created from the
// declaration (ledger_table.cpp) carries a UNIQUE constraint on each unique field; a column
// added to an older table by ALTER TABLE, or a field declared unique later, has none, and
// then only the query of LedgerService::check_record keeps it unique.
#pragma once

#include "core/result.h"
#include "ledger/ledger_declaration.h"
#include "store/sql_session.h"

namespace fazhi {

// True when every unique field of `ledger` has a unique index on its column alone (no
// condition), so that an INSERT of a duplicate fails; also true when it has no unique field.
// Reads the catalogue of the session's database (SQLite or PostgreSQL).
Result<bool> database_keeps_unique_fields(SqlSession& sql, const LedgerDeclaration& ledger);

}  // namespace fazhi
