#include "ledger/deadline.h"

#include <algorithm>

#include "core/working_day_calendar.h"
#include "ledger/ledger_rules.h"
#include "ledger/region_time_limits.h"

namespace fazhi {

std::string_view deadline_state_name(DeadlineState s) {
  switch (s) {
    case DeadlineState::kRunning:
      return "running";
    case DeadlineState::kDueSoon:
      return "due_soon";
    case DeadlineState::kDueToday:
      return "due_today";
    case DeadlineState::kOverdue:
      return "overdue";
    case DeadlineState::kMet:
      return "met";
    case DeadlineState::kMetLate:
      return "met_late";
    case DeadlineState::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view deadline_state_label(DeadlineState s) {
  switch (s) {
    case DeadlineState::kRunning:
      return "进行中";
    case DeadlineState::kDueSoon:
      return "即将到期";
    case DeadlineState::kDueToday:
      return "今日到期";
    case DeadlineState::kOverdue:
      return "已超期";
    case DeadlineState::kMet:
      return "按期完成";
    case DeadlineState::kMetLate:
      return "超期完成";
    case DeadlineState::kUnknown:
      return "无法计算";
  }
  return "无法计算";
}

std::vector<Deadline> compute_deadlines(const LedgerDeclaration& ledger, const LedgerRecord& record, Date today) {
  std::vector<Deadline> out;
  const WorkingDayCalendar& calendar = default_calendar();
  const StateDeclaration* state = ledger.state(record.state);
  std::shared_ptr<const RegionTimeLimits> region = current_region_time_limits();
  for (const auto& declared : ledger.time_limits) {
    const TimeLimitDeclaration& limit = region_time_limit(*region, ledger, declared);
    if (!limit.applies_if_field.empty()) {
      std::string v = sql_text(field_of(ledger, record, limit.applies_if_field));
      if (std::find(limit.applies_if_values.begin(), limit.applies_if_values.end(), v) == limit.applies_if_values.end())
        continue;
    }
    std::string from_text = sql_text(field_of(ledger, record, limit.from));
    if (from_text.size() < 10) continue;
    auto from = parse_date(from_text.substr(0, 10));
    if (!from) continue;
    std::string until_text = limit.until.empty() ? "" : sql_text(field_of(ledger, record, limit.until));
    bool active = limit.active_states.empty() ? !(state && state->terminal)
                                              : std::find(limit.active_states.begin(), limit.active_states.end(),
                                                          record.state) != limit.active_states.end();
    // A limit that has stopped running without its end date applies no more.
    if (!active && until_text.empty()) continue;
    Deadline d;
    d.limit = &limit;
    d.from = from->iso();
    d.done_on = until_text.size() >= 10 ? until_text.substr(0, 10) : "";
    int days = limit.days;
    if (!limit.extension_days_field.empty())
      days += static_cast<int>(sql_int(field_of(ledger, record, limit.extension_days_field)).value_or(0));
    // A limit of 0 days is a date set on the record itself (a certificate's expiry, a
    // rectification deadline): due that day.
    Result<Date> due = days == 0                               ? Result<Date>(*from)
                       : limit.count == DayCount::kWorkingDays ? calendar.add_working_days(*from, days)
                                                               : calendar.calendar_deadline(*from, days);
    if (!due) {
      d.state = DeadlineState::kUnknown;
      d.note = due.error().reason;
      out.push_back(std::move(d));
      continue;
    }
    d.due = *due;
    if (!d.done_on.empty()) {
      auto done = parse_date(d.done_on);
      d.state = done && *done <= *due ? DeadlineState::kMet : DeadlineState::kMetLate;
    } else if (today > *due) {
      d.state = DeadlineState::kOverdue;
    } else if (today == *due) {
      d.state = DeadlineState::kDueToday;
    } else {
      d.state = days_between(today, *due) <= limit.due_soon_days ? DeadlineState::kDueSoon : DeadlineState::kRunning;
      auto left = calendar.working_days_between(today, *due);
      d.working_days_left = left ? *left : 0;
    }
    out.push_back(std::move(d));
  }
  return out;
}

nlohmann::json deadline_to_json(const Deadline& d) {
  nlohmann::json j = {{"name", d.limit->name},
                      {"label", d.limit->label},
                      {"from", d.from},
                      {"days", d.limit->days},
                      {"count", d.limit->count == DayCount::kWorkingDays ? "working_days" : "calendar_days"},
                      {"due", d.due ? nlohmann::json(d.due->iso()) : nlohmann::json(nullptr)},
                      {"done_on", d.done_on.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.done_on)},
                      {"state", deadline_state_name(d.state)},
                      {"state_label", deadline_state_label(d.state)},
                      {"working_days_left", d.working_days_left},
                      {"source", d.limit->source}};
  if (!d.note.empty()) j["note"] = d.note;
  return j;
}

}  // namespace fazhi
