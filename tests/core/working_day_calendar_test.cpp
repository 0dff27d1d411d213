#include "core/working_day_calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "case_file.h"
#include "harness/result_matchers.h"

namespace fazhi {
namespace {

using testing::ErrorIs;
using ::testing::HasSubstr;
using testing::IsOk;
using testing::IsOkAndHolds;

using testing::date;
using testing::expect_outcome;

TEST(WorkingDayCalendar, Cases) {
  const WorkingDayCalendar& calendar = default_calendar();
  const auto cases = testing::read_cases("working_days.txt");
  EXPECT_GE(cases.size(), 100u);
  for (const testing::CaseLine& c : cases) {
    SCOPED_TRACE(c.where());
    const std::string& op = c[1];
    const std::string expect = testing::join_from(c, 4);
    auto iso = [](Date d) { return d.iso(); };
    // The date column goes through the strict parser, so a bad date is an expected error too.
    Result<Date> start = parse_date(c[2]);
    if (!start) {
      expect_outcome(start, expect, iso);
      continue;
    }
    if (op == "is_working_day") {
      expect_outcome(calendar.is_working_day(*start), expect, [](bool b) { return std::string(b ? "yes" : "no"); });
    } else if (op == "day_kind") {
      expect_outcome(calendar.day_kind(*start), expect, [](DayKind k) { return std::string(day_kind_label(k)); });
    } else if (op == "add_working_days") {
      expect_outcome(calendar.add_working_days(*start, std::stoi(c[3])), expect, iso);
    } else if (op == "working_days_between") {
      expect_outcome(calendar.working_days_between(*start, date(c[3])), expect,
                     [](int n) { return std::to_string(n); });
    } else if (op == "calendar_deadline") {
      expect_outcome(calendar.calendar_deadline(*start, std::stoi(c[3])), expect, iso);
    } else if (op == "month_deadline") {
      expect_outcome(calendar.month_deadline(*start, std::stoi(c[3])), expect, iso);
    } else if (op == "add_calendar_days") {
      EXPECT_EQ(calendar.add_calendar_days(*start, std::stoi(c[3])).iso(), expect);
    } else {
      ADD_FAILURE() << "unknown op " << op;
    }
  }
}

TEST(WorkingDayCalendar, CoversExactly2020To2026) {
  const WorkingDayCalendar& calendar = default_calendar();
  EXPECT_EQ(calendar.first_day(), date("2020-01-01"));
  EXPECT_EQ(calendar.last_day(), date("2026-12-31"));
  EXPECT_TRUE(calendar.covers(date("2026-12-31")));
  EXPECT_FALSE(calendar.covers(date("2027-01-01")));
}

TEST(WorkingDayCalendar, HolidayNames) {
  const WorkingDayCalendar& calendar = default_calendar();
  EXPECT_EQ(calendar.holiday_name(date("2024-10-03")), "国庆节");
  EXPECT_EQ(calendar.holiday_name(date("2024-10-12")), "国庆节");  // traded for National Day
  EXPECT_EQ(calendar.holiday_name(date("2025-10-06")), "国庆节、中秋节");
  EXPECT_EQ(calendar.holiday_name(date("2024-10-08")), "");
  EXPECT_EQ(calendar.holiday_name(date("2027-01-01")), "");
}

// The embedded text is core/holidays.tsv byte for byte.
TEST(WorkingDayCalendar, EmbedsTheTable) {
  std::ifstream in(std::string(FAZHI_TEST_CASES_DIR) + "/../../../src/core/holidays.tsv", std::ios::binary);
  ASSERT_TRUE(in);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(embedded_holiday_table(), text.str());
}

// Per year, weekdays off minus weekend days worked is the number of statutory holiday days
// (全国年节及纪念日放假办法: 11 until 2024, 13 from 2025 by 国务院令第795号), because a holiday
// falling on a weekend is made up on a weekday (Art 6) and 调休 trades days one for one.
// 2020 has two more: the extension made Fri 1-31 a day off and Sat 2-1 no longer worked.
TEST(WorkingDayCalendar, YearTotalsMatchTheStatute) {
  const WorkingDayCalendar& calendar = default_calendar();
  const std::map<int, int> statutory_days{{2020, 13}, {2021, 11}, {2022, 11}, {2023, 11},
                                          {2024, 11}, {2025, 13}, {2026, 13}};
  for (const auto& [year, expected] : statutory_days) {
    SCOPED_TRACE(year);
    int weekdays_off = 0;
    int weekends_worked = 0;
    int working = 0;
    for (Date d = date(std::to_string(year) + "-01-01"); d.year() == year; d = d.add_days(1)) {
      const bool is_working = calendar.is_working_day(d).value();
      if (!d.is_weekend() && !is_working) ++weekdays_off;
      if (d.is_weekend() && is_working) ++weekends_worked;
      if (is_working) ++working;
    }
    EXPECT_EQ(weekdays_off - weekends_worked, expected)
        << weekdays_off << " weekdays off, " << weekends_worked << " weekend days worked";
    if (year > 2020) {
      EXPECT_THAT(calendar.working_days_between(date(std::to_string(year - 1) + "-12-31"),
                                                date(std::to_string(year) + "-12-31")),
                  IsOkAndHolds(working));
    }
  }
}

// For every covered start and n = 1..40 (and backwards): the result is a working day, exactly
// n working days lie in (start, result], and n - 1 in (start, result - 1].
TEST(WorkingDayCalendar, AddAndCountAgree) {
  const WorkingDayCalendar& calendar = default_calendar();
  int checked = 0;
  for (Date start = calendar.first_day(); start <= calendar.last_day(); start = start.add_days(1)) {
    for (int n = 1; n <= 40; ++n) {
      Result<Date> end = calendar.add_working_days(start, n);
      if (!end) {
        // Only when fewer than n working days remain in the table.
        ASSERT_LT(calendar.working_days_between(start, calendar.last_day()).value(), n) << start.iso() << " + " << n;
        ASSERT_THAT(end, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("2027年")));
        break;  // larger n fail too
      }
      ASSERT_THAT(calendar.is_working_day(*end), IsOkAndHolds(true)) << start.iso() << " + " << n;
      ASSERT_THAT(calendar.working_days_between(start, *end), IsOkAndHolds(n)) << start.iso() << " + " << n;
      if (end->add_days(-1) > start) {
        ASSERT_THAT(calendar.working_days_between(start, end->add_days(-1)), IsOkAndHolds(n - 1));
      }
      Result<Date> back = calendar.add_working_days(start, -n);
      if (back) {
        ASSERT_THAT(calendar.working_days_between(start, *back), IsOkAndHolds(-n)) << start.iso() << " - " << n;
      }
      ++checked;
    }
    // The statutory deadline is day n itself unless that is a rest day; then the next working day.
    for (int n : {1, 3, 15, 60}) {
      Result<Date> deadline = calendar.calendar_deadline(start, n);
      if (!deadline) continue;
      const Date plain = start.add_days(n);
      if (calendar.is_working_day(plain).value()) {
        ASSERT_EQ(*deadline, plain);
      } else {
        ASSERT_GT(*deadline, plain);
        ASSERT_THAT(calendar.is_working_day(*deadline), IsOkAndHolds(true));
        ASSERT_THAT(calendar.working_days_between(plain, deadline->add_days(-1)), IsOkAndHolds(0));
      }
    }
  }
  EXPECT_GT(checked, 100000);
}

// The longest run of days off in the table is the 2020 Spring Festival (10 days), and no run
// of working days is longer than 7 (RULES.md §10: normally ≤ 6 around a holiday).
TEST(WorkingDayCalendar, RunsArePlausible) {
  const WorkingDayCalendar& calendar = default_calendar();
  int off_run = 0, longest_off = 0, work_run = 0, longest_work = 0;
  for (Date d = calendar.first_day(); d <= calendar.last_day(); d = d.add_days(1)) {
    const bool working = calendar.is_working_day(d).value();
    off_run = working ? 0 : off_run + 1;
    work_run = working ? work_run + 1 : 0;
    longest_off = std::max(longest_off, off_run);
    longest_work = std::max(longest_work, work_run);
  }
  EXPECT_EQ(longest_off, 10);
  EXPECT_LE(longest_work, 7);
}

// Bad tables fail naming the line and the reason.
TEST(WorkingDayCalendar, ParseErrors) {
  const std::string year = "year\t2024-01-01\t2024-12-31\t2024年\t通知\n";
  EXPECT_THAT(WorkingDayCalendar::parse(year), IsOk());
  EXPECT_THAT(WorkingDayCalendar::parse("# nothing\n"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("没有year行")));
  EXPECT_THAT(WorkingDayCalendar::parse(year + "off\t2024-10-01\t2024-10-07\t国庆节\n"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("节假日表, 第2行: 应有5列")));
  EXPECT_THAT(WorkingDayCalendar::parse(year + "holiday\t2024-10-01\t2024-10-07\t国庆节\tx\n"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("第2行: 类别应为year、off或work")));
  EXPECT_THAT(WorkingDayCalendar::parse(year + "off\t2024-10-01\t2024-09-30\t国庆节\tx\n"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("last早于first")));
  EXPECT_THAT(WorkingDayCalendar::parse(year + "off\t2024-02-30\t2024-03-01\t国庆节\tx\n"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("第2行: first列：日期“2024-02-30”: 2024年2月只有29天")));
  EXPECT_THAT(WorkingDayCalendar::parse(year + "work\t2024-10-08\t2024-10-08\t国庆节\tx\n"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("调休上班日2024-10-08是星期二，应为星期六或星期日")));
  EXPECT_THAT(WorkingDayCalendar::parse(year + "off\t2024-10-01\t2024-10-07\t国庆节\tx\n"
                                               "work\t2024-10-06\t2024-10-06\t国庆节\tx\n"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("第3行: 2024-10-06已由第2行规定")));
  EXPECT_THAT(WorkingDayCalendar::parse(year + "off\t2025-01-01\t2025-01-01\t元旦\tx\n"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("日期不在表所覆盖的2024至2024年内")));
  EXPECT_THAT(WorkingDayCalendar::parse(year + "year\t2026-01-01\t2026-12-31\t2026年\tx\n"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("缺少2025年")));
  EXPECT_THAT(WorkingDayCalendar::parse(year + "year\t2025-01-01\t2025-12-30\t2025年\tx\n"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("第2行: year行的first、last应为同一年的1月1日和12月31日")));
  EXPECT_THAT(WorkingDayCalendar::parse(year + "off\t2024-10-01\t2024-10-07\t国庆节\t\n"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("缺少所依据的通知文号")));
  // Windows line ends are accepted.
  EXPECT_THAT(WorkingDayCalendar::parse("year\t2024-01-01\t2024-12-31\t2024年\t通知\r\n"), IsOk());
}

TEST(WorkingDayCalendar, CopiesAreIndependentAndEqual) {
  const WorkingDayCalendar copy = default_calendar();
  EXPECT_THAT(copy.add_working_days(date("2024-09-27"), 5), IsOkAndHolds(date("2024-10-10")));
}

}  // namespace
}  // namespace fazhi
