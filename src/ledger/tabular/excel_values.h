// How Excel stores numbers and dates, and how it shows them. A date in a worksheet is a
// plain number (days since 1899-12-30, or since 1904-01-01 in the 1904 system, the fraction
// being the time of day) marked as a date only by its cell style's number format. Facts:
// ECMA-376 Part 1, §18.8.30 (built-in numFmt ids; 27–36 and 50–58 are the zh-CN date and
// time formats) and §18.17.4 (date systems, and the 1900 leap-year bug kept for Lotus).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fazhi::tabular {

// What a number format shows a number as.
enum class NumberFormatKind {
  kNumber,    // general, 0.00, percentages, text formats …
  kDate,      // date only: yyyy-mm-dd, yyyy"年"m"月"d"日"
  kDateTime,  // date and time of day
  kTime,      // time only: h:mm, [h]:mm:ss
};

// Classifies a built-in number format id (no custom code).
NumberFormatKind builtin_number_format_kind(int id);
// Classifies a custom format code by the date and time tokens outside quotes, escapes and
// [brackets] ("yyyy-mm-dd" → kDate, "0.00" → kNumber, "[$-804]aaaa" → kDate).
NumberFormatKind custom_number_format_kind(std::string_view code);

// The number as Excel's General format shows it with 15 significant digits: integers without
// ".0", "0.3" for 0.30000000000000004, "1E+20" for 1e20. Text that is not a number is
// returned unchanged.
std::string excel_number_text(std::string_view stored);

// A serial as the ISO text a date field expects: "2024-01-05" for kDate, "2024-01-05 13:45:00"
// for kDateTime (or a kDate whose serial has a time of day), "13:45:00" for kTime below one
// day. nullopt when the serial is outside 1900-01-01 … 9999-12-31 (Excel shows ####).
std::optional<std::string> excel_serial_to_iso(double serial, NumberFormatKind kind, bool date1904);

// The serial of an ISO date "YYYY-MM-DD" or date-time "YYYY-MM-DD HH:MM[:SS]" (1900 system),
// or nullopt when the text is not one, or not a real date, or before 1900-03-01.
std::optional<double> iso_to_excel_serial(std::string_view iso);

// "A" for column 0, "AB" for column 27.
std::string column_letters(int column);

}  // namespace fazhi::tabular
