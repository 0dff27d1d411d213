#include "core/date.h"

#include <fmt/format.h>

#include <array>
#include <cassert>
#include <optional>
#include <vector>

#include "core/input_text.h"

namespace fazhi {
namespace {

// Writes `v` (0 <= v < 10^width) as exactly `width` digits at `out`.
void put_digits(char* out, int v, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
}

// Hinnant, "chrono-Compatible Low-Level Date Algorithms": days_from_civil / civil_from_days.
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  std::int64_t year;
  int month;
  int day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

std::string quoted(std::string_view text) {
  return fmt::format("“{}”", text);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The value of `text` if it is 1–`max_digits` ASCII digits.
std::optional<int> read_number(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (!is_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Why year-month-day is no date, or nullopt when it is one.
std::optional<std::string> why_not_a_date(int year, int month, int day) {
  if (year < 1 || year > 9999) return fmt::format("年份应在0001至9999之间，实际为{}", year);
  if (month < 1 || month > 12) return fmt::format("月份应在1至12之间，实际为{}", month);
  if (day < 1) return fmt::format("日应从1起，实际为{}", day);
  const int last = days_in_month(year, month);
  if (day > last) return fmt::format("{}年{}月只有{}天，没有{}日", year, month, last, day);
  return std::nullopt;
}

Error date_error(std::string_view text, std::string reason) {
  return invalid_input(fmt::format("日期{}", quoted(text)), "", std::move(reason));
}

// Chinese numerals as written in judgments and official letters: 二〇二四年三月五日.
// Returns the ASCII form `2024年3月5日`, or nullopt when `text` has no Chinese numeral.
std::optional<std::string> ascii_from_chinese_numerals(std::string_view text) {
  struct Numeral {
    std::string_view glyph;
    int value;  // 10 for 十
  };
  static constexpr std::array<Numeral, 13> kNumerals{{{"〇", 0},
                                                      {"○", 0},
                                                      {"零", 0},
                                                      {"一", 1},
                                                      {"二", 2},
                                                      {"三", 3},
                                                      {"四", 4},
                                                      {"五", 5},
                                                      {"六", 6},
                                                      {"七", 7},
                                                      {"八", 8},
                                                      {"九", 9},
                                                      {"十", 10}}};
  std::string out;
  bool any = false;
  // Digits of the current run; 十 combines with them: 十 = 10, 二十 = 20, 十二 = 12, 三十一 = 31.
  std::vector<int> run;
  auto flush = [&](bool positional) {
    if (run.empty()) return;
    if (positional) {  // the year: one glyph per digit
      for (int v : run) out += static_cast<char>('0' + v % 10);
    } else {
      int value = 0;
      bool seen_ten = false;
      for (int v : run) {
        if (v == 10) {
          value = (value == 0 ? 1 : value) * 10;
          seen_ten = true;
        } else {
          value = seen_ten ? value + v : value * 10 + v;
        }
      }
      out += std::to_string(value);
    }
    run.clear();
  };
  std::size_t i = 0;
  int fields_done = 0;  // 0 before 年, 1 before 月, 2 before 日
  while (i < text.size()) {
    bool matched = false;
    for (const Numeral& n : kNumerals) {
      if (text.substr(i, n.glyph.size()) == n.glyph) {
        run.push_back(n.value);
        i += n.glyph.size();
        matched = any = true;
        break;
      }
    }
    if (matched) continue;
    flush(fields_done == 0);
    const std::string_view rest = text.substr(i);
    for (std::string_view marker : {"年", "月", "日", "号"}) {
      if (rest.substr(0, marker.size()) == marker) {
        ++fields_done;
        out += marker;
        i += marker.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += text[i++];
  }
  flush(fields_done == 0);
  if (!any) return std::nullopt;
  return out;
}

// Splits `text` at `separator` into exactly three parts.
std::optional<std::array<std::string_view, 3>> split3(std::string_view text, std::string_view separator) {
  const auto a = text.find(separator);
  if (a == std::string_view::npos) return std::nullopt;
  const auto b = text.find(separator, a + separator.size());
  if (b == std::string_view::npos) return std::nullopt;
  if (text.find(separator, b + separator.size()) != std::string_view::npos) return std::nullopt;
  return std::array<std::string_view, 3>{text.substr(0, a), text.substr(a + separator.size(), b - a - separator.size()),
                                         text.substr(b + separator.size())};
}

constexpr std::string_view kIsoHint = "请写作YYYY-MM-DD（如2024-03-05）";

// Year-month-day from a lenient spelling, or why it cannot be read.
Result<Date> read_lenient(std::string_view original, std::string_view s) {
  auto from = [&](int y, int m, int d) -> Result<Date> {
    if (auto why = why_not_a_date(y, m, d)) return date_error(original, *why);
    return Date::from_ymd(y, m, d);
  };
  if (s.size() == 8) {
    if (auto all = read_number(s, 8)) return from(*all / 10000, *all / 100 % 100, *all % 100);
  }
  // 2024年3月5日 (also 号, and without the final 日).
  if (s.find("年") != std::string_view::npos) {
    std::string_view body = s;
    for (std::string_view end : {"日", "号"}) {
      if (body.size() >= end.size() && body.substr(body.size() - end.size()) == end) {
        body.remove_suffix(end.size());
        break;
      }
    }
    const auto year_end = body.find("年");
    const auto month_end = body.find("月");
    if (month_end != std::string_view::npos && year_end < month_end) {
      auto y = read_number(body.substr(0, year_end), 4);
      auto m = read_number(body.substr(year_end + 3, month_end - year_end - 3), 2);
      auto d = read_number(body.substr(month_end + 3), 2);
      if (y && m && d && year_end == 4) return from(*y, *m, *d);
    }
    return date_error(original, fmt::format("无法识别的日期写法，{}", kIsoHint));
  }
  for (std::string_view sep : {"-", "/", "."}) {
    auto parts = split3(s, sep);
    if (!parts) continue;
    auto y = read_number((*parts)[0], 4);
    auto m = read_number((*parts)[1], 2);
    auto d = read_number((*parts)[2], 2);
    if (y && m && d && (*parts)[0].size() == 4) return from(*y, *m, *d);
    if (read_number((*parts)[0], 2) && m && (*parts)[2].size() == 4 && read_number((*parts)[2], 4)) {
      return date_error(original, fmt::format("年份不在最前，日、月次序有歧义，{}", kIsoHint));
    }
    if (y && m && d) return date_error(original, fmt::format("年份应写四位，{}", kIsoHint));
    break;
  }
  return date_error(original, fmt::format("无法识别的日期写法，{}", kIsoHint));
}

}  // namespace

std::string_view weekday_label(Weekday weekday) {
  static constexpr std::array<std::string_view, 7> kLabels{"星期一", "星期二", "星期三", "星期四",
                                                           "星期五", "星期六", "星期日"};
  return kLabels[static_cast<int>(weekday) - 1];
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

Result<Date> Date::from_ymd(int year, int month, int day) {
  if (auto why = why_not_a_date(year, month, day)) {
    return date_error(fmt::format("{:04}-{:02}-{:02}", year, month, day), *why);
  }
  return Date(year, month, day);
}

Date Date::from_days_since_epoch(std::int64_t days) {
  const Civil c = civil_from_days(days);
  assert(c.year >= 1 && c.year <= 9999);
  return Date(static_cast<int>(c.year), c.month, c.day);
}

std::int64_t Date::days_since_epoch() const {
  return days_from_civil(year_, month_, day_);
}

Weekday Date::weekday() const {
  const std::int64_t z = days_since_epoch();
  // 1970-01-01 was a Thursday; this gives 0 for Sunday.
  const int w = static_cast<int>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
  return static_cast<Weekday>(w == 0 ? 7 : w);
}

bool Date::is_weekend() const {
  const Weekday w = weekday();
  return w == Weekday::kSaturday || w == Weekday::kSunday;
}

Date Date::add_days(std::int64_t n) const {
  return from_days_since_epoch(days_since_epoch() + n);
}

std::string Date::iso() const {
  // By hand rather than by fmt::format, several times faster: an import formats the dates of
  // millions of rows.
  if (year_ < 0 || year_ > 9999) return fmt::format("{:04}-{:02}-{:02}", year_, month_, day_);
  std::string out(10, '-');
  put_digits(&out[0], year_, 4);
  put_digits(&out[5], month_, 2);
  put_digits(&out[8], day_, 2);
  return out;
}

std::int64_t days_between(Date from, Date to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

Date add_months(Date start, int months) {
  const std::int64_t index = static_cast<std::int64_t>(start.year()) * 12 + (start.month() - 1) + months;
  const int year = static_cast<int>(index / 12);
  const int month = static_cast<int>(index % 12) + 1;
  const int day = std::min(start.day(), days_in_month(year, month));
  return Date::from_ymd(year, month, day).value();
}

Date add_years(Date start, int years) {
  return add_months(start, 12 * years);
}

Result<Date> parse_date(std::string_view text) {
  const bool shape_ok = text.size() == 10 && text[4] == '-' && text[7] == '-' && is_digit(text[0]) &&
                        is_digit(text[1]) && is_digit(text[2]) && is_digit(text[3]) && is_digit(text[5]) &&
                        is_digit(text[6]) && is_digit(text[8]) && is_digit(text[9]);
  if (!shape_ok) {
    // Say what the clerk probably meant when another spelling reads unambiguously.
    Result<Date> guess = parse_date_lenient(text);
    if (guess) return date_error(text, fmt::format("格式应为YYYY-MM-DD，应写作{}", guess->iso()));
    return date_error(text, "格式应为YYYY-MM-DD（如2024-03-05）");
  }
  const int year = *read_number(text.substr(0, 4), 4);
  const int month = *read_number(text.substr(5, 2), 2);
  const int day = *read_number(text.substr(8, 2), 2);
  if (auto why = why_not_a_date(year, month, day)) return date_error(text, *why);
  return Date::from_ymd(year, month, day);
}

Result<Date> parse_date_lenient(std::string_view text) {
  // Most cells already hold YYYY-MM-DD: a valid one needs none of the folding below
  // (an import of a million rows passes here a million times).
  auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digit(0) && digit(1) && digit(2) && digit(3) &&
      digit(5) && digit(6) && digit(8) && digit(9)) {
    auto num = [&](size_t i, size_t n) {
      int v = 0;
      for (size_t k = i; k < i + n; ++k) v = v * 10 + (text[k] - '0');
      return v;
    };
    if (!why_not_a_date(num(0, 4), num(5, 2), num(8, 2))) return Date::from_ymd(num(0, 4), num(5, 2), num(8, 2));
  }
  std::string folded = to_halfwidth(text);
  std::string_view s = trim_ascii_space(folded);
  if (s.empty()) return date_error(text, "日期为空");
  if (auto ascii = ascii_from_chinese_numerals(s)) return read_lenient(text, *ascii);
  return read_lenient(text, s);
}

Result<DateTime> DateTime::from_parts(Date date, int hour, int minute, int second) {
  std::string_view wrong;
  if (hour < 0 || hour > 23)
    wrong = "小时应在00至23之间";
  else if (minute < 0 || minute > 59)
    wrong = "分钟应在00至59之间";
  else if (second < 0 || second > 59)
    wrong = "秒应在00至59之间";
  if (!wrong.empty()) {
    return invalid_input(fmt::format("时间“{}T{:02}:{:02}:{:02}”", date.iso(), hour, minute, second), "",
                         std::string(wrong));
  }
  DateTime t;
  t.date_ = date;
  t.hour_ = static_cast<std::int8_t>(hour);
  t.minute_ = static_cast<std::int8_t>(minute);
  t.second_ = static_cast<std::int8_t>(second);
  return t;
}

DateTime DateTime::from_seconds_since_epoch(std::int64_t seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const int s = static_cast<int>(rest);
  return from_parts(Date::from_days_since_epoch(days), s / 3600, s / 60 % 60, s % 60).value();
}

std::int64_t DateTime::seconds_since_epoch() const {
  return date_.days_since_epoch() * 86400 + hour_ * 3600 + minute_ * 60 + second_;
}

std::string DateTime::iso(char separator) const {
  std::string out = date_.iso();
  const size_t at = out.size();
  out.append(":00:00:00");  // the separator and colons; the digits written over the zeros
  out[at] = separator;
  put_digits(&out[at + 1], hour_, 2);
  put_digits(&out[at + 4], minute_, 2);
  put_digits(&out[at + 7], second_, 2);
  return out;
}

Result<DateTime> parse_datetime(std::string_view text) {
  auto fail = [&](std::string_view reason) {
    return invalid_input(fmt::format("时间{}", quoted(text)), "", std::string(reason));
  };
  constexpr std::string_view kShape = "格式应为YYYY-MM-DD HH:MM:SS或YYYY-MM-DDTHH:MM:SS（如2024-03-05 14:30:00）";
  if (text.size() != 19 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':') {
    return fail(kShape);
  }
  auto hour = read_number(text.substr(11, 2), 2);
  auto minute = read_number(text.substr(14, 2), 2);
  auto second = read_number(text.substr(17, 2), 2);
  if (!hour || !minute || !second || text.substr(11, 2).size() != 2) return fail(kShape);
  Result<Date> date = parse_date(text.substr(0, 10));
  if (!date) return fail(date.error().reason);
  Result<DateTime> t = DateTime::from_parts(*date, *hour, *minute, *second);
  if (!t) return fail(t.error().reason);
  return t;
}

}  // namespace fazhi
