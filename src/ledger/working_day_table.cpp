#include "ledger/working_day_table.h"

#include <fmt/format.h>

#include "core/sm3.h"

namespace fazhi {
namespace {

// Days before the first covered day that still get a row: a calendar-day period that
// starts up to this long before the covered years can end inside them.
constexpr int kDaysBefore = 3 * 366;

std::string nullable(const std::optional<std::int64_t>& v) {
  return v ? std::to_string(*v) : "NULL";
}

}  // namespace

std::string working_day_table_sql(const WorkingDayCalendar& calendar) {
  std::string sql = fmt::format(
      "CREATE TABLE IF NOT EXISTS {0} (\n  wd_day TEXT PRIMARY KEY,\n  wd_day_number INTEGER NOT "
      "NULL UNIQUE,\n"
      "  wd_ordinal INTEGER,\n  wd_working_ordinal INTEGER UNIQUE,\n  wd_roll_forward TEXT\n);\n"
      "DELETE FROM {0};\n",
      kWorkingDayTable);
  const Date first = calendar.first_day();
  const Date last = calendar.last_day();
  std::int64_t ordinal = 0;
  std::string values;
  int in_batch = 0;
  auto flush = [&] {
    if (values.empty()) return;
    sql += fmt::format(
        "INSERT INTO {} (wd_day, wd_day_number, wd_ordinal, wd_working_ordinal, wd_roll_forward) "
        "VALUES\n{};\n",
        kWorkingDayTable, values);
    values.clear();
    in_batch = 0;
  };
  for (Date day = first.add_days(-kDaysBefore); day <= last; day = day.add_days(1)) {
    std::optional<std::int64_t> ord;
    std::optional<std::int64_t> working_ord;
    std::string roll = "NULL";
    if (day == first.add_days(-1)) ord = 0;
    if (calendar.covers(day)) {
      bool working = calendar.is_working_day(day).value_or(false);
      if (working) ++ordinal;
      ord = ordinal;
      if (working) working_ord = ordinal;
      auto next = calendar.next_working_day_from(day);
      if (next) roll = "'" + next->iso() + "'";
    }
    values += fmt::format("{}('{}', {}, {}, {}, {})", in_batch == 0 ? "" : ",\n", day.iso(), day.days_since_epoch(),
                          nullable(ord), nullable(working_ord), roll);
    if (++in_batch == 500) flush();
  }
  flush();
  return sql;
}

Result<void> ensure_working_day_table(Store& store) {
  const std::string id = "working_day_calendar:" + sm3_hex(embedded_holiday_table()).substr(0, 16);
  FAZHI_ASSIGN_OR_RETURN(bool done, store.has_migration(id));
  if (done) return ok();
  return store.apply_migration(id, working_day_table_sql(default_calendar()));
}

}  // namespace fazhi
