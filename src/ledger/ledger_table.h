// The SQL table of a ledger, derived from its declaration: system columns (id, org_code,
// org_path, state, version, created_at/by, updated_at/by) then one column per field. Also the
// canonical JSON of a row that the audit log records and `fazhi audit verify` recomputes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/ledger_declaration.h"
#include "ledger/ledger_record.h"
#include "store/store.h"

namespace fazhi {

// The system columns, in table order, and their Chinese labels (export headers).
const std::vector<std::string>& system_columns();
const std::vector<std::string>& system_column_labels();

// "col1, col2, …" of every column in table order, quoted (made once per declaration).
const std::string& ledger_column_list(const LedgerDeclaration& ledger);
// Quoted identifier: "name".
std::string quote_identifier(std::string_view name);
// A constant the declarations hold (an option, an organisation kind, a date) as an SQL string
// literal, quotes doubled: for the partial indexes, whose predicates cannot take parameters.
// Never for what a user typed: that goes in as a parameter.
std::string declared_literal(std::string_view value);
// declared_literal of each, separated by ", ".
std::string declared_literal_list(const std::vector<std::string>& values);

// Creates missing ledger tables, adds columns for fields declared since, and creates the
// declared indexes. Idempotent; recorded in schema_migrations per declaration version.
Result<void> ensure_ledger_tables(Store& store);

// A record from a row selected with ledger_column_list().
LedgerRecord record_from_row(const LedgerDeclaration& ledger, const std::vector<SqlValue>& row);
// The same, taking the row's values instead of copying them.
LedgerRecord record_from_row(const LedgerDeclaration& ledger, std::vector<SqlValue>&& row);
// The row values in table order.
std::vector<SqlValue> row_from_record(const LedgerRecord& record);
// The same into `row`, reusing its buffers (a string assigned into a string keeps its
// capacity): for loops over many records.
void fill_row_from_record(const LedgerRecord& record, std::vector<SqlValue>& row);
// The canonical JSON text of a row (keys sorted, values as stored): what the audit log
// records as before/after and what verification recomputes from the table.
std::string canonical_row_json(const LedgerDeclaration& ledger, const LedgerRecord& record);
// The same appended to `out` (earlier content left alone), for loops that reuse one buffer.
void append_canonical_row_json(std::string& out, const LedgerDeclaration& ledger, const LedgerRecord& record);

// Inserts `record` (id, version and timestamps already set, validated by the caller) into its
// table inside `tx`, with the audit entry of its creation holding its canonical JSON.
Result<void> insert_audited_record(WriteTransaction& tx, const LedgerDeclaration& ledger, const LedgerRecord& record);

// Loads one record by id (no scope check), or kNotFound.
Result<LedgerRecord> load_record(SqlSession& sql, const LedgerDeclaration& ledger, std::int64_t id);
// The next free id of a ledger (max + 1); call inside a write transaction.
Result<std::int64_t> next_record_id(SqlSession& sql, const LedgerDeclaration& ledger);

}  // namespace fazhi
