// The statutory deadlines of a record, computed from its declaration's time limits and the
// working-day calendar: when each is due, and whether it is running, due soon, due today,
// overdue, met or met late. Computed on read, never stored, so a corrected date or a new
// holiday notice changes every deadline at once.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "ledger/ledger_declaration.h"
#include "ledger/ledger_record.h"

namespace fazhi {

enum class DeadlineState { kRunning, kDueSoon, kDueToday, kOverdue, kMet, kMetLate, kUnknown };

// "running", "due_soon", "due_today", "overdue", "met", "met_late", "unknown".
std::string_view deadline_state_name(DeadlineState s);
// 进行中, 即将到期, 今日到期, 已超期, 按期完成, 超期完成, 无法计算.
std::string_view deadline_state_label(DeadlineState s);

struct Deadline {
  const TimeLimitDeclaration* limit = nullptr;
  std::string from;         // the start date (ISO)
  std::optional<Date> due;  // empty when the calendar cannot tell (a year without a notice)
  std::string done_on;      // the `until` date when set
  DeadlineState state = DeadlineState::kUnknown;
  int working_days_left = 0;  // for running limits: working days from today to due (0 if past)
  std::string note;           // why the state is unknown, if it is
};

// The deadlines of `record` that have started (their `from` date is set) as of `today`.
std::vector<Deadline> compute_deadlines(const LedgerDeclaration& ledger, const LedgerRecord& record, Date today);
nlohmann::json deadline_to_json(const Deadline& d);

}  // namespace fazhi
