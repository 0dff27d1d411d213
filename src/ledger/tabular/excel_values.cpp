#include "ledger/tabular/excel_values.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace fazhi::tabular {
namespace {

// Days from 1970-01-01 to the civil date (Howard Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2));
}

const int64_t kEpoch1900 = days_from_civil(1899, 12, 30);  // serial 0 for serials >= 61
const int64_t kEpoch1904 = days_from_civil(1904, 1, 1);
constexpr double kMaxSerial = 2958466.0;  // 10000-01-01

bool has_time_of_day(double serial) {
  double frac = serial - std::floor(serial);
  int64_t seconds = std::llround(frac * 86400.0);
  return seconds != 0 && seconds != 86400;
}

}  // namespace

NumberFormatKind builtin_number_format_kind(int id) {
  if (id >= 14 && id <= 17) return NumberFormatKind::kDate;
  if (id == 22) return NumberFormatKind::kDateTime;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumberFormatKind::kTime;
  // zh-CN: 27–31, 36, 50–54, 57, 58 are dates (yyyy"年"m"月" …); 32–35, 55, 56 times (h"时"mm"分").
  if ((id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58) {
    return NumberFormatKind::kDate;
  }
  if ((id >= 32 && id <= 35) || id == 55 || id == 56) return NumberFormatKind::kTime;
  return NumberFormatKind::kNumber;
}

NumberFormatKind custom_number_format_kind(std::string_view code) {
  bool date = false;
  bool time = false;
  bool month_or_minute = false;
  // Only the first section (positive numbers) decides.
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or padding)
      continue;
    }
    if (c == '[') {
      size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      std::string_view inner = code.substr(i + 1, close - i - 1);
      // Elapsed time: [h], [mm], [ss].
      if (!inner.empty() && (inner[0] == 'h' || inner[0] == 'H' || inner[0] == 'm' || inner[0] == 'M' ||
                             inner[0] == 's' || inner[0] == 'S')) {
        time = true;
      }
      i = close;
      continue;
    }
    switch (c) {
      case 'y':
      case 'Y':
      case 'd':
      case 'D':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
      case 'a':
      case 'A':  // aaa, aaaa: the weekday in Chinese
        // 'E' also starts scientific notation ("0.00E+00"); there it follows a digit placeholder.
        if ((c == 'E' || c == 'e') && i + 1 < code.size() && (code[i + 1] == '+' || code[i + 1] == '-')) {
          break;
        }
        if ((c == 'a' || c == 'A') && code.substr(i, 5) == "AM/PM") {
          time = true;
          i += 4;
          break;
        }
        if ((c == 'a' || c == 'A') && code.substr(i, 3) == "A/P") {
          time = true;
          i += 2;
          break;
        }
        if (c == 'g' || c == 'G') {
          // "General" is not a date token.
          if (code.substr(i, 7) == "General" || code.substr(i, 7) == "general") {
            i += 6;
            break;
          }
        }
        date = true;
        break;
      case 'h':
      case 'H':
      case 's':
      case 'S':
        time = true;
        break;
      case 'm':
      case 'M':
        month_or_minute = true;
        break;
      default:
        break;
    }
  }
  if (date) return time ? NumberFormatKind::kDateTime : NumberFormatKind::kDate;
  if (time) return NumberFormatKind::kTime;
  if (month_or_minute) return NumberFormatKind::kDate;  // "mmm", "m月": months alone
  return NumberFormatKind::kNumber;
}

std::string excel_number_text(std::string_view stored) {
  // Plain integers of up to 15 digits are shown as stored.
  {
    size_t i = stored.starts_with('-') ? 1 : 0;
    size_t digits = stored.size() - i;
    if (digits > 0 && digits <= 15) {
      bool all = true;
      for (size_t k = i; k < stored.size(); ++k) all = all && stored[k] >= '0' && stored[k] <= '9';
      if (all && (digits == 1 || stored[i] != '0')) return std::string(stored);
    }
  }
  double value = 0;
  auto [end, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
  if (ec != std::errc() || end != stored.data() + stored.size() || !std::isfinite(value)) {
    return std::string(stored);
  }
  if (value == 0) return "0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15G", value);
  // "%G" writes 1E+20 and 1.5E-07 as Excel does, and drops trailing zeros itself.
  return buf;
}

std::optional<std::string> excel_serial_to_iso(double serial, NumberFormatKind kind, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial >= kMaxSerial) return std::nullopt;
  int64_t total_seconds = std::llround(serial * 86400.0);
  int64_t days = total_seconds / 86400;
  int64_t seconds = total_seconds % 86400;
  if (kind == NumberFormatKind::kTime && days == 0) {
    return fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
  int year;
  unsigned month, day;
  if (date1904) {
    civil_from_days(kEpoch1904 + days, year, month, day);
  } else if (days == 60) {
    year = 1900, month = 2, day = 29;  // Lotus's leap-year bug, which Excel keeps
  } else if (days == 0) {
    return std::nullopt;  // "1900-01-00"
  } else {
    civil_from_days(kEpoch1900 + days + (days < 60 ? 1 : 0), year, month, day);
  }
  std::string out = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  if (kind == NumberFormatKind::kDateTime || kind == NumberFormatKind::kTime || has_time_of_day(serial)) {
    out += fmt::format(" {:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
  return out;
}

std::optional<double> iso_to_excel_serial(std::string_view iso) {
  auto number = [&](size_t pos, size_t len, int& out) {
    if (pos + len > iso.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      out = out * 10 + (iso[i] - '0');
    }
    return true;
  };
  int y, m, d, hh = 0, mm = 0, ss = 0;
  if (!number(0, 4, y) || iso.size() < 10 || iso[4] != '-' || !number(5, 2, m) || iso[7] != '-' || !number(8, 2, d)) {
    return std::nullopt;
  }
  if (iso.size() != 10) {
    if (iso.size() != 16 && iso.size() != 19) return std::nullopt;
    if ((iso[10] != ' ' && iso[10] != 'T') || !number(11, 2, hh) || iso[13] != ':' || !number(14, 2, mm)) {
      return std::nullopt;
    }
    if (iso.size() == 19 && (iso[16] != ':' || !number(17, 2, ss))) return std::nullopt;
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  int y2;
  unsigned m2, d2;
  int64_t days = days_from_civil(y, m, d);
  civil_from_days(days, y2, m2, d2);
  if (y2 != y || static_cast<int>(m2) != m || static_cast<int>(d2) != d) return std::nullopt;
  int64_t serial_days = days - kEpoch1900;
  if (serial_days < 61) return std::nullopt;
  return static_cast<double>(serial_days) + (hh * 3600 + mm * 60 + ss) / 86400.0;
}

std::string column_letters(int column) {
  std::string out;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

}  // namespace fazhi::tabular
