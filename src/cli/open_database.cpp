#include "cli/open_database.h"

#include <filesystem>

#include "ledger/ledger_table.h"
#include "ledger/todo_list.h"

namespace fazhi::cli {

Result<std::unique_ptr<Store>> open_database(const std::string& db, bool create) {
  if (!create && !is_postgres_location(db) && !std::filesystem::exists(db))
    return not_found("数据库 " + db, "文件不存在（先运行 fazhi init --db " + db + "）");
  FAZHI_ASSIGN_OR_RETURN(auto store, Store::open(db, {.create = create}));
  FAZHI_TRY(ensure_ledger_tables(*store));
  FAZHI_TRY(ensure_todo_schema(*store));
  return store;
}

}  // namespace fazhi::cli
