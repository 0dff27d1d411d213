// Working days per the State Council's yearly holiday notices: Monday to Friday, minus the
// days off (放假), plus the adjusted working days (调休上班). Facts: core/holidays.tsv,
// each row citing its notice (国办发明电), embedded in the binary; see RULES.md §1 and §10.
//
// Counting (RULES.md §1): a period starts the day after the event, so `start` never counts.
// A working-day period ends on its N-th working day (rule 4). A calendar-day period whose
// last day is a rest day (法定休假日: every non-working day, weekends included) ends on the
// first working day after it (rule 2); an adjusted working day is a working day, so a period
// ending on one is not extended. Months end on the corresponding day (rule 3).
//
// Only the years the table covers (2020–2026) can be counted: any arithmetic that would need
// to look at a day outside them fails (kInvalidInput) rather than guess, since the next
// year's notice decides its holidays.
//
// Immutable once loaded; safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace fazhi {

// What a covered day is.
enum class DayKind {
  kWorkday,          // Monday to Friday, not a day off
  kWeekend,          // Saturday or Sunday outside any holiday
  kHoliday,          // inside a notice's days off (weekends inside included)
  kAdjustedWorkday,  // a Saturday or Sunday worked by the notice (调休上班)
};

// "工作日", "休息日", "法定节假日", "调休上班日".
std::string_view day_kind_label(DayKind kind);

class WorkingDayCalendar {
 public:
  // Parses a table in the format of core/holidays.tsv. Fails (kInvalidInput) naming the
  // line and the reason: a bad column, a date outside the covered years, a day both off and
  // worked, an adjusted working day that is not a weekend, overlapping or missing years.
  static Result<WorkingDayCalendar> parse(std::string_view table);

  // The first and last covered days (2020-01-01 and 2026-12-31 for the embedded table).
  Date first_day() const { return first_day_; }
  Date last_day() const { return last_day_; }
  // Whether `date` lies in a covered year.
  bool covers(Date date) const { return first_day_ <= date && date <= last_day_; }

  // Whether `date` is a working day. Fails outside the covered years.
  Result<bool> is_working_day(Date date) const;
  // What `date` is. Fails outside the covered years.
  Result<DayKind> day_kind(Date date) const;
  // The holiday a day off belongs to, or that an adjusted working day was traded for
  // ("国庆节"); empty for ordinary workdays and weekends, and outside the covered years.
  std::string_view holiday_name(Date date) const;

  // The n-th working day after `start` (n >= 1; `start` never counts, whatever it is). For
  // n <= -1, the |n|-th working day before `start`. Fails for n == 0 and when the count
  // would need a day outside the covered years.
  Result<Date> add_working_days(Date start, int n) const;
  // The number of working days in (a, b] when a <= b, so that
  // working_days_between(a, add_working_days(a, n)) == n; minus the number in [b, a)
  // when b < a. Fails when a day in between is not covered.
  Result<int> working_days_between(Date a, Date b) const;

  // `start` plus n calendar days: plain arithmetic, no holiday rule, never fails. For a
  // statutory "N日内" deadline use calendar_deadline.
  Date add_calendar_days(Date start, int n) const { return start.add_days(n); }
  // The last day of an n-calendar-day period after the event on `start` (n >= 1): day n,
  // moved to the first working day after it when it is a rest day (民事诉讼法 Art 85(3),
  // 民法典 Art 203). Fails for n < 1 and outside the covered years.
  Result<Date> calendar_deadline(Date start, int n) const;
  // The last day of an n-month period after `start` (n >= 1): add_months (民法典 Art 202),
  // then moved past rest days like calendar_deadline. Fails like calendar_deadline.
  Result<Date> month_deadline(Date start, int months) const;
  // `date` if it is a working day, else the first working day after it. Fails outside the
  // covered years.
  Result<Date> next_working_day_from(Date date) const;

 private:
  WorkingDayCalendar() = default;

  // Index of a covered date in the vectors below.
  std::size_t index_of(Date date) const;
  Error not_covered(Date date) const;
  Error not_covered_year(int year, std::string subject) const;
  // start + n days if covered, else the not-covered error (also for any huge n).
  Result<Date> covered_day_after(Date start, std::int64_t n) const;

  Date first_day_;
  Date last_day_;
  std::vector<DayKind> kinds_;                // one per covered day
  std::vector<std::uint16_t> name_ids_;       // index into names_, 0 = none
  std::vector<std::string> names_;            // names_[0] is ""
  std::vector<std::int32_t> working_before_;  // working days in [first_day_, day), one per day + 1
};

// The calendar of the embedded core/holidays.tsv, parsed once on first use.
const WorkingDayCalendar& default_calendar();

// The text of core/holidays.tsv as compiled into the binary.
std::string_view embedded_holiday_table();

}  // namespace fazhi
