// One stored record of a ledger: the system columns every ledger table has, and the declared
// fields' values in declaration order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/sql_value.h"

namespace fazhi {

struct LedgerRecord {
  std::int64_t id = 0;
  std::string org_code;      // the owning organisation
  std::string org_path;      // its path in the organisation tree ("/root/child/"), for scope
  std::string state;         // workflow state, empty for ledgers without states
  std::int64_t version = 0;  // 1 on create, +1 on every change (optimistic locking)
  std::string created_at;
  std::string created_by;
  std::string updated_at;
  std::string updated_by;
  std::vector<SqlValue> values;  // one per declared field
};

}  // namespace fazhi
