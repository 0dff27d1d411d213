// `fazhi audit verify`: checks that the audit log is intact and that it accounts for every
// row of every ledger (and the users table). The chain: sequence numbers without gaps, each
// entry's prev_hash equal to the previous entry's hash, each hash recomputed over every
// column, and the chain head matching the last entry. The rows: replaying the log's before
// and after images (and each import's digest over the rows it wrote) must give exactly the
// rows in the tables now; a row added, changed or removed outside the audited path is found.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace fazhi {

struct AuditVerification {
  bool intact = true;
  std::int64_t entries = 0;
  std::int64_t rows = 0;
  std::string head_hash;              // the last entry's hash: publish it to anchor the log
  std::vector<std::string> problems;  // in the order found; the first names the first bad entry
};

// Reads the whole log and every ledger table in one consistent snapshot.
Result<AuditVerification> verify_audit(Store& store);

// The digest an import entry records over the rows it wrote: SM3 over the SM3 digests of the
// rows' canonical JSON, in id order.
class ImportDigest {
 public:
  void add_row(const std::string& canonical_json);
  // add_row of each in order, hashed eight rows at a time (core/sm3_lanes.h).
  void add_rows(std::span<const std::string_view> canonical_jsons);
  std::string hex();

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace fazhi
