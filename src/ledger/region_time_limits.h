// Region settings for statutory time limits (地方时限设置). Where a province or city sets its
// own period — the disclosure of enforcement decisions (国办发〔2018〕118号 leaves 7/20 working
// days to local rules), the filing period of normative documents, the publication of random-
// inspection results (RULES.md §4–6 mark them configurable) — the region's number of days and
// way of counting replace the national default declared in the ledger. The settings are
// records of the `region_time_limit` ledger (declarations/region_settings.cpp), so every change
// is audited; this file holds the process-wide table compute_deadlines reads.
// Thread-safe: readers take an immutable snapshot; reloads swap it whole.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "ledger/ledger_declaration.h"
#include "store/sql_session.h"
#include "store/store.h"

namespace fazhi {

// The region's overrides, keyed by ledger and limit name: for each, the declared limit with
// the region's days, counting and source. Immutable once installed.
class RegionTimeLimits {
 public:
  // The region's version of `limit` in `ledger`, or null when the national default applies.
  const TimeLimitDeclaration* find(std::string_view ledger, std::string_view limit) const;
  // Sets the region's period for `national` of `ledger` (building only).
  void set(const LedgerDeclaration& ledger, const TimeLimitDeclaration& national, int days, DayCount count,
           const std::string& source);
  bool empty() const { return by_limit_.empty(); }

 private:
  std::map<std::pair<std::string, std::string>, TimeLimitDeclaration, std::less<>> by_limit_;
};

// The table in use (empty until one is installed). Installed tables are kept for the life of
// the process, so a TimeLimitDeclaration taken from one stays valid after a reload.
std::shared_ptr<const RegionTimeLimits> current_region_time_limits();
// Installs `limits` for every later compute_deadlines in this process (null: none).
void install_region_time_limits(std::shared_ptr<const RegionTimeLimits> limits);
// Reads the in-force rows of the `region_time_limit` ledger whose effective date is not after
// today; rows naming a ledger or limit no longer declared are skipped.
Result<RegionTimeLimits> load_region_time_limits(SqlSession& sql);
// load_region_time_limits in a read transaction, then install.
Result<void> reload_region_time_limits(Store& store);

// `limit` of `ledger` as `region` counts it: its override when there is one, else `limit`.
const TimeLimitDeclaration& region_time_limit(const RegionTimeLimits& region, const LedgerDeclaration& ledger,
                                              const TimeLimitDeclaration& limit);

}  // namespace fazhi
