#include "ledger/region_time_limits.h"

#include <mutex>
#include <vector>

#include "core/clock.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi {
namespace {

struct Installed {
  std::mutex mutex;
  std::shared_ptr<const RegionTimeLimits> current = std::make_shared<RegionTimeLimits>();
  std::vector<std::shared_ptr<const RegionTimeLimits>> kept;  // see current_region_time_limits
};

Installed& installed() {
  static Installed i;
  return i;
}

}  // namespace

const TimeLimitDeclaration* RegionTimeLimits::find(std::string_view ledger, std::string_view limit) const {
  auto it = by_limit_.find(std::make_pair(std::string(ledger), std::string(limit)));
  return it == by_limit_.end() ? nullptr : &it->second;
}

void RegionTimeLimits::set(const LedgerDeclaration& ledger, const TimeLimitDeclaration& national, int days,
                           DayCount count, const std::string& source) {
  TimeLimitDeclaration t = national;
  t.days = days;
  t.count = count;
  t.source = source + "（本地区设定；全国默认：" + national.source + "）";
  by_limit_[{ledger.name, national.name}] = std::move(t);
}

std::shared_ptr<const RegionTimeLimits> current_region_time_limits() {
  std::lock_guard lock(installed().mutex);
  return installed().current;
}

void install_region_time_limits(std::shared_ptr<const RegionTimeLimits> limits) {
  std::lock_guard lock(installed().mutex);
  installed().kept.push_back(installed().current);
  installed().current = limits ? std::move(limits) : std::make_shared<RegionTimeLimits>();
}

Result<RegionTimeLimits> load_region_time_limits(SqlSession& sql) {
  RegionTimeLimits out;
  FAZHI_ASSIGN_OR_RETURN(auto r, sql.query("SELECT ledger_name, limit_name, days, day_count, "
                                           "basis, effective_from FROM region_time_limit "
                                           "WHERE in_force = 1 ORDER BY id"));
  std::string today = china_today();
  for (const auto& row : r.rows) {
    const LedgerDeclaration* l = find_ledger(sql_text(row[0]));
    if (!l) continue;
    const TimeLimitDeclaration* national = nullptr;
    for (const auto& t : l->time_limits)
      if (t.name == sql_text(row[1])) national = &t;
    std::string from = sql_text(row[5]);
    int days = static_cast<int>(sql_int(row[2]).value_or(0));
    if (!national || days <= 0 || (!from.empty() && from.substr(0, 10) > today)) continue;
    DayCount count = sql_text(row[3]) == "calendar_days" ? DayCount::kCalendarDays : DayCount::kWorkingDays;
    out.set(*l, *national, days, count, sql_text(row[4]));
  }
  return out;
}

Result<void> reload_region_time_limits(Store& store) {
  auto table = std::make_shared<RegionTimeLimits>();
  FAZHI_TRY(store.read([&](SqlSession& sql) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(*table, load_region_time_limits(sql));
    return ok();
  }));
  install_region_time_limits(std::move(table));
  return ok();
}

const TimeLimitDeclaration& region_time_limit(const RegionTimeLimits& region, const LedgerDeclaration& ledger,
                                              const TimeLimitDeclaration& limit) {
  const TimeLimitDeclaration* own = region.empty() ? nullptr : region.find(ledger.name, limit.name);
  return own ? *own : limit;
}

}  // namespace fazhi
