// Opening the database named by --db for a subcommand: SQLite file or postgresql:// URI,
// migrated, with every ledger's table in place.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace fazhi::cli {

// Opens `db` (creating a SQLite file only when `create`), runs migrations and creates the
// ledger tables.
Result<std::unique_ptr<Store>> open_database(const std::string& db, bool create = false);

}  // namespace fazhi::cli
