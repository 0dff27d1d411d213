// Writing many new records of one ledger inside one write transaction, recorded as one
// audit entry ("import") that commits to every row by a digest (audit_verification.h). Used
// by file imports and the demo generator. Records are inserted as given: validate them first
// (LedgerService::check_record) unless they are generated valid by construction.
// Rows go in through the session's RowAppender (multi-row INSERTs, or COPY); the digest of
// a large import is computed on a second thread, batch by batch in row order, while the next
// rows are read and written. Into an empty table, the secondary indexes are built once by
// finish() rather than kept row by row — on SQLite only those on columns of many values
// (dates, numbers, references). On SQLite, which holds the only write lock for the whole
// transaction, the triggers keeping the ledger's monthly tallies are set aside too and the
// rows counted in memory, on the digest's thread; finish() adds the counts and restores the
// triggers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/audit_verification.h"
#include "ledger/ledger_declaration.h"
#include "ledger/ledger_indexes.h"
#include "ledger/ledger_record.h"
#include "ledger/ledger_tally.h"
#include "store/store.h"

namespace fazhi {

class BulkInserter {
 public:
  // `source` names where the rows came from (a file name, "demo"), recorded in the entry.
  BulkInserter(WriteTransaction& tx, const LedgerDeclaration& ledger, std::string source);
  // Waits for the digest thread, if one runs.
  ~BulkInserter();
  BulkInserter(const BulkInserter&) = delete;
  BulkInserter& operator=(const BulkInserter&) = delete;

  // The id the next add() will give.
  Result<std::int64_t> next_id();
  // Inserts `record`, giving it the next id, version 1 and, where empty, the timestamps and
  // actor of the transaction. org_path must already be set. Afterwards `record` keeps its id
  // but holds an earlier row's other contents (taken rather than copied; buffers to reuse).
  Result<void> add(LedgerRecord& record);
  // Sends every row added so far to the table; a constraint violation among them fails here
  // (otherwise it may surface at any later statement of the transaction).
  Result<void> flush();
  // Appends the audit entry (nothing when no row was added). Call once, last.
  Result<void> finish();

  std::int64_t rows() const { return rows_; }
  std::int64_t first_id() const { return first_id_; }
  const std::string& digest_hex() const { return digest_hex_; }

 private:
  // Drops secondary indexes (see above) before the first row when the table is empty.
  Result<void> set_indexes_aside();
  // Drops the tallies' triggers and counts the rows instead (see above), on SQLite.
  Result<void> set_tallies_aside();

  WriteTransaction& tx_;
  const LedgerDeclaration& ledger_;
  std::string source_;
  std::vector<std::string> columns_;  // table order: system columns, then fields
  std::unique_ptr<RowAppender> appender_;
  std::vector<SqlValue> row_;                 // reused for every row
  std::vector<LedgerIndex> dropped_indexes_;  // rebuilt by finish()
  // Counted by inserted_, added and their triggers restored by finish(); filled before the
  // first row, never resized while rows come.
  std::vector<MonthlyTallyCounts> tally_counts_;
  std::string now_;
  std::int64_t first_id_ = 0;
  std::int64_t next_id_ = 0;
  std::int64_t rows_ = 0;
  class InsertedRows;  // hashed in order and counted into the tallies (bulk_insert.cpp)
  std::unique_ptr<InsertedRows> inserted_;
  std::string digest_hex_;
};

}  // namespace fazhi
