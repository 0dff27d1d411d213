// Civil dates and local times as a clerk writes them on a case file: a year, month and day
// in the proleptic Gregorian calendar, with no time zone (every date in fazhi is Beijing
// local). Day arithmetic goes through a day count from 1970-01-01 (Howard Hinnant's
// "chrono-compatible low-level date algorithms"; cf. abseil `absl/time/civil_time.h`).
// ISO 8601 (`YYYY-MM-DD`) is the one stored and exported form; `parse_date_lenient`
// accepts the other unambiguous spellings clerks type in spreadsheets, for imports.
// Values are small and immutable; safe to copy and share between threads.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace fazhi {

// ISO weekday numbers: Monday is 1, Sunday 7.
enum class Weekday { kMonday = 1, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

// "星期一" … "星期日".
std::string_view weekday_label(Weekday weekday);

// True for a leap year of the Gregorian calendar.
bool is_leap_year(int year);
// Days in `month` (1–12) of `year`; 0 for a month outside 1–12.
int days_in_month(int year, int month);

// A calendar day between 0001-01-01 and 9999-12-31. A default Date is 1970-01-01.
class Date {
 public:
  constexpr Date() = default;

  // The date year-month-day; fails (kInvalidInput, reason in Chinese) when there is no
  // such day, e.g. 2023-02-29, or the year is outside 1–9999.
  static Result<Date> from_ymd(int year, int month, int day);
  // The date `days` days after 1970-01-01 (negative: before). Arithmetic leaving years
  // 1–9999 is a programmer error.
  static Date from_days_since_epoch(std::int64_t days);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }

  // Days from 1970-01-01 to this date (1970-01-02 is 1).
  std::int64_t days_since_epoch() const;
  Weekday weekday() const;
  // Saturday or Sunday (says nothing about holidays; see WorkingDayCalendar).
  bool is_weekend() const;
  // The date `n` days later (n < 0: earlier). Plain arithmetic, no holiday rule.
  Date add_days(std::int64_t n) const;
  // `YYYY-MM-DD`.
  std::string iso() const;

  friend constexpr auto operator<=>(const Date&, const Date&) = default;
  friend constexpr bool operator==(const Date&, const Date&) = default;

 private:
  constexpr Date(int year, int month, int day)
      : year_(static_cast<std::int16_t>(year)),
        month_(static_cast<std::int8_t>(month)),
        day_(static_cast<std::int8_t>(day)) {}

  // Field order matters: the defaulted comparison orders by year, month, day.
  std::int16_t year_ = 1970;
  std::int8_t month_ = 1;
  std::int8_t day_ = 1;
};

// `to - from` in days: 2024-03-01 minus 2024-02-28 is 2.
std::int64_t days_between(Date from, Date to);

// 民法典 Art 202: the day `months` months after `start` with the same day number, or the
// last day of that month when it has none (2024-01-31 plus 1 month is 2024-02-29).
// `months` may be negative. Plain arithmetic: no holiday rule (see calendar_deadline).
Date add_months(Date start, int months);
// add_months(start, 12 * years): 2024-02-29 plus 1 year is 2025-02-28.
Date add_years(Date start, int years);

// Parses exactly `YYYY-MM-DD` (zero-padded, ASCII). Fails with kInvalidInput whose subject
// names the value and whose reason says what is wrong, e.g. "2024年2月只有29天".
Result<Date> parse_date(std::string_view text);

// Parses the spellings clerks use where they cannot be misread, for imports:
// `2024-03-05`, `2024-3-5`, `2024/3/5`, `2024.3.5`, `2024年3月5日`, `20240305`,
// `二〇二四年三月五日`, full-width digits and surrounding spaces. Day-first or month-first
// forms (`5/3/2024`) and two-digit years are refused as ambiguous, naming the ISO form.
Result<Date> parse_date_lenient(std::string_view text);

// A Beijing local date and time to the second (no time zone, no leap seconds).
class DateTime {
 public:
  constexpr DateTime() = default;

  // Fails (kInvalidInput) for hour outside 0–23, minute or second outside 0–59.
  static Result<DateTime> from_parts(Date date, int hour, int minute, int second);
  // The time `seconds` seconds after 1970-01-01T00:00:00 local.
  static DateTime from_seconds_since_epoch(std::int64_t seconds);

  Date date() const { return date_; }
  int hour() const { return hour_; }
  int minute() const { return minute_; }
  int second() const { return second_; }

  std::int64_t seconds_since_epoch() const;
  // `YYYY-MM-DDTHH:MM:SS`; pass ' ' as `separator` for the form shown to clerks.
  std::string iso(char separator = 'T') const;

  friend constexpr auto operator<=>(const DateTime&, const DateTime&) = default;
  friend constexpr bool operator==(const DateTime&, const DateTime&) = default;

 private:
  Date date_;
  std::int8_t hour_ = 0;
  std::int8_t minute_ = 0;
  std::int8_t second_ = 0;
};

// Parses exactly `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD HH:MM:SS` (zero-padded). Fails with
// kInvalidInput naming the value and the wrong part.
Result<DateTime> parse_datetime(std::string_view text);

}  // namespace fazhi
