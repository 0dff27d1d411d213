// The working-day calendar as a table, so that SQL can compute statutory deadlines where the
// records are (the to-do list, todo_list.h). One row per day from three years before the
// calendar's first covered day to its last; facts: core's WorkingDayCalendar
// (core/holidays.tsv), written again whenever that table changes.
//
//   wd_day              the date, ISO
//   wd_day_number       days since 1970-01-01, for calendar-day arithmetic
//   wd_ordinal          working days in [first covered day, wd_day]; NULL before the day
//                       preceding the first covered day (no working-day count can start there)
//   wd_working_ordinal  wd_ordinal when wd_day is a working day, else NULL (unique)
//   wd_roll_forward     wd_day if it is a working day, else the first working day after it;
//                       NULL outside the covered years or when that day is not covered
//
// So the N-th working day after D is the row whose wd_working_ordinal is D's wd_ordinal + N,
// and the last day of an N-calendar-day period after D is the wd_roll_forward of the row
// whose wd_day_number is D's + N: exactly WorkingDayCalendar::add_working_days and
// calendar_deadline, failing (no row) wherever they fail.
#pragma once

#include <string>

#include "core/result.h"
#include "core/working_day_calendar.h"
#include "store/store.h"

namespace fazhi {

// The table's name.
inline constexpr const char* kWorkingDayTable = "working_day_calendar";

// The SQL that (re)writes the table from `calendar` on either dialect: CREATE TABLE IF NOT
// EXISTS, DELETE, then the rows. Pure.
std::string working_day_table_sql(const WorkingDayCalendar& calendar);

// Writes the table from the embedded calendar once per version of core/holidays.tsv (a
// migration keyed by its digest), so a new holiday notice rewrites it on the next start.
Result<void> ensure_working_day_table(Store& store);

}  // namespace fazhi
