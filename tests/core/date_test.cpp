#include "core/date.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "case_file.h"
#include "harness/result_matchers.h"

namespace fazhi {
namespace {

using testing::ErrorIs;
using ::testing::HasSubstr;
using testing::IsOkAndHolds;

using testing::date;
using testing::expect_outcome;

TEST(Date, Cases) {
  const auto cases = testing::read_cases("dates.txt");
  EXPECT_EQ(cases.size(), 86u);  // every line of the table was read
  for (const testing::CaseLine& c : cases) {
    SCOPED_TRACE(c.where());
    const std::string& op = c[1];
    const std::string& input = c[2];
    const std::string& arg = c[3];
    const std::string& expect = c[4];
    auto iso = [](Date d) { return d.iso(); };
    if (op == "parse") {
      expect_outcome(parse_date(input), expect, iso);
    } else if (op == "lenient") {
      expect_outcome(parse_date_lenient(input), expect, iso);
    } else if (op == "weekday") {
      EXPECT_EQ(weekday_label(date(input).weekday()), expect);
    } else if (op == "epoch") {
      EXPECT_EQ(std::to_string(date(input).days_since_epoch()), expect);
    } else if (op == "add_days") {
      EXPECT_EQ(date(input).add_days(std::stoi(arg)).iso(), expect);
    } else if (op == "between") {
      EXPECT_EQ(std::to_string(days_between(date(input), date(arg))), expect);
    } else if (op == "add_months") {
      EXPECT_EQ(add_months(date(input), std::stoi(arg)).iso(), expect);
    } else if (op == "add_years") {
      EXPECT_EQ(add_years(date(input), std::stoi(arg)).iso(), expect);
    } else if (op == "datetime") {
      expect_outcome(parse_datetime(input), expect, [](DateTime t) { return t.iso(); });
    } else {
      ADD_FAILURE() << "unknown op " << op;
    }
  }
}

TEST(Date, LenientTrimsSpaces) {
  EXPECT_THAT(parse_date_lenient("  2024-03-05\t"), IsOkAndHolds(date("2024-03-05")));
  EXPECT_THAT(parse_date_lenient("\xE3\x80\x80"
                                 "2024年3月5日"),
              IsOkAndHolds(date("2024-03-05")));  // U+3000
  // The strict parser never trims: the stored form has no spaces.
  EXPECT_THAT(parse_date(" 2024-03-05"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("应写作2024-03-05")));
}

TEST(Date, FromYmdNamesTheDay) {
  EXPECT_THAT(Date::from_ymd(2023, 2, 29),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("日期“2023-02-29”: 2023年2月只有28天，没有29日")));
  EXPECT_THAT(Date::from_ymd(2024, 2, 29), IsOkAndHolds(date("2024-02-29")));
}

TEST(Date, Ordering) {
  EXPECT_LT(date("2024-02-29"), date("2024-03-01"));
  EXPECT_LT(date("2023-12-31"), date("2024-01-01"));
  EXPECT_GT(date("2024-10-12"), date("2024-10-08"));
  EXPECT_EQ(date("2024-10-12"), date("2024-10-12"));
  EXPECT_EQ(Date(), date("1970-01-01"));
}

// Every day of 1900–2100 and a sample of the rest round-trips through the day count and the
// ISO text, and consecutive days are one apart with weekdays cycling.
TEST(Date, RoundTripsEveryDay) {
  const std::int64_t first = date("0001-01-01").days_since_epoch();
  const std::int64_t last = date("9999-12-31").days_since_epoch();
  Date previous = Date::from_days_since_epoch(first);
  for (std::int64_t z = first + 1; z <= last; ++z) {
    const Date d = Date::from_days_since_epoch(z);
    ASSERT_EQ(d.days_since_epoch(), z);
    ASSERT_LT(previous, d);
    ASSERT_EQ(static_cast<int>(d.weekday()), static_cast<int>(previous.weekday()) % 7 + 1) << d.iso();
    if ((d.year() >= 1900 && d.year() <= 2100) || z % 97 == 0) {
      Result<Date> back = parse_date(d.iso());
      ASSERT_TRUE(back.has_value()) << d.iso();
      ASSERT_EQ(back.value(), d);
    }
    previous = d;
  }
}

TEST(DateTime, SecondsAndOrdering) {
  Result<DateTime> t = parse_datetime("2024-03-05 14:30:15");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->iso(' '), "2024-03-05 14:30:15");
  EXPECT_EQ(t->date(), date("2024-03-05"));
  EXPECT_EQ(t->hour(), 14);
  EXPECT_EQ(DateTime::from_seconds_since_epoch(t->seconds_since_epoch()), t.value());
  EXPECT_EQ(DateTime::from_seconds_since_epoch(-1).iso(), "1969-12-31T23:59:59");
  EXPECT_EQ(DateTime::from_seconds_since_epoch(86400).iso(), "1970-01-02T00:00:00");
  EXPECT_LT(parse_datetime("2024-03-05T14:30:15").value(), parse_datetime("2024-03-05T14:30:16").value());
  EXPECT_LT(parse_datetime("2024-03-05T23:59:59").value(), parse_datetime("2024-03-06T00:00:00").value());
}

}  // namespace
}  // namespace fazhi
