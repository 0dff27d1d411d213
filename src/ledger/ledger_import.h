// Import of a ledger from .csv (UTF-8 or GB18030) or .xlsx, and export to either. The header
// row holds the Chinese column labels (or the fields' code names); 所属单位 (code or name)
// and 状态 (label) are optional columns, the system columns an export writes (编号, 创建时间 …)
// are accepted and ignored. An import validates every cell and every row, and either writes
// every row or none: one bad cell fails the whole file with one message per bad cell (row,
// column header, value, reason). The rows are written in one transaction with one audit
// entry that commits to every row by a digest; a process killed mid-way leaves the database
// as it was.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "ledger/import_mapping.h"
#include "ledger/ledger_service.h"

namespace fazhi {

struct ImportOptions {
  bool dry_run = false;          // validate only; nothing is written
  std::string default_org;       // owner of rows without 所属单位 (default: the user's organisation)
  int max_listed_errors = 1000;  // errors listed in detail; all are counted
  // A city's own export mapped onto the ledger (import_mapping.h); null: the ledger's labels.
  const ImportMapping* mapping = nullptr;
  // The caller expects the database to itself (the CLI with no server running): the rows are
  // written by Store::write_alone, outside SQLite's WAL when no other connection is open.
  bool alone = false;
};

struct ImportOutcome {
  std::int64_t rows = 0;
  std::int64_t first_id = 0;
  std::int64_t last_id = 0;
  bool dry_run = false;
  std::string rows_digest;
};

// Imports the file at `path` into `ledger` as `user`.
Result<ImportOutcome> import_ledger_file(LedgerService& service, const UserContext& user,
                                         const LedgerDeclaration& ledger, const std::string& path,
                                         const ImportOptions& options = {});

// Writes every record `user` may see that matches `query` to `path` (.csv or .xlsx), with the
// Chinese labels as header and ISO dates, so that it imports back unchanged. Returns rows.
Result<std::int64_t> export_ledger_file(LedgerService& service, const UserContext& user,
                                        const LedgerDeclaration& ledger, const ListQuery& query,
                                        const std::string& path);

}  // namespace fazhi
