// Values and rows as they cross between fazhi and either database backend. Both backends
// store integers (and booleans as 0/1) as 64-bit integers and everything else, dates and
// decimals included, as text, so a row reads back the same from SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fazhi {

using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

inline bool is_null(const SqlValue& v) {
  return std::holds_alternative<std::nullptr_t>(v);
}
// The value as text (integers and doubles printed; null as empty).
std::string sql_text(const SqlValue& v);
// The value as an integer, if it is one or is text holding one.
std::optional<std::int64_t> sql_int(const SqlValue& v);

// A query's answer: column names and rows of values, in order.
struct SqlResult {
  std::vector<std::string> columns;
  std::vector<std::vector<SqlValue>> rows;

  bool empty() const { return rows.empty(); }
  // Index of a column by name, or -1.
  int column(std::string_view name) const;
};

}  // namespace fazhi
