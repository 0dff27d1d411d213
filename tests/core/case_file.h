// Reads the tables of cases in tests/core/cases/: one case per line, `#` starts a comment,
// blank lines are skipped. Columns are separated by runs of spaces, or by `|` when the file's
// first non-comment line contains one (for inputs with spaces). Each case keeps its line
// number so a failure points at the line to look at.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/date.h"
#include "harness/result_matchers.h"

namespace fazhi::testing {

struct CaseLine {
  std::string file;
  int line = 0;
  std::vector<std::string> columns;

  const std::string& operator[](std::size_t i) const {
    static const std::string kEmpty;
    return i < columns.size() ? columns[i] : kEmpty;
  }
  // "working_days.txt:12 (W1)", for SCOPED_TRACE.
  std::string where() const { return file + ":" + std::to_string(line) + " (" + (*this)[0] + ")"; }
};

inline std::string trim_case_text(std::string s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

// The cases of FAZHI_TEST_CASES_DIR/name; fails the current test when the file is missing.
inline std::vector<CaseLine> read_cases(const std::string& name) {
  std::vector<CaseLine> cases;
  std::ifstream in(std::string(FAZHI_TEST_CASES_DIR) + "/" + name);
  EXPECT_TRUE(in) << "cannot open cases file " << name;
  std::string raw;
  int number = 0;
  int pipes = -1;  // -1 until decided by the first case line
  while (std::getline(in, raw)) {
    ++number;
    std::string text = raw;
    // `#` starts a comment unless the table uses `|` and the `#` is inside a column value;
    // tables with `|` put comments after a final `|` column or on their own line.
    if (pipes == -1) {
      const std::string t = trim_case_text(text);
      if (t.empty() || t[0] == '#') continue;
      pipes = text.find('|') != std::string::npos ? 1 : 0;
    }
    const std::string t = trim_case_text(text);
    if (t.empty() || t[0] == '#') continue;
    CaseLine c{name, number, {}};
    if (pipes == 1) {
      // A trailing "# comment" after the last `|` column is dropped.
      std::stringstream ss(text);
      std::string col;
      while (std::getline(ss, col, '|')) c.columns.push_back(trim_case_text(col));
      if (!c.columns.empty()) {
        std::string& last = c.columns.back();
        const auto hash = last.find(" #");
        if (hash != std::string::npos) last = trim_case_text(last.substr(0, hash));
      }
    } else {
      const auto hash = text.find('#');
      if (hash != std::string::npos) text = text.substr(0, hash);
      std::stringstream ss(text);
      std::string col;
      while (ss >> col) c.columns.push_back(col);
    }
    cases.push_back(std::move(c));
  }
  EXPECT_FALSE(cases.empty()) << "no cases in " << name;
  return cases;
}

// Columns from `first` on, joined by single spaces ("error 2027年").
inline std::string join_from(const CaseLine& c, std::size_t first) {
  std::string out;
  for (std::size_t i = first; i < c.columns.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += c.columns[i];
  }
  return out;
}

// The date `iso` (a test's own literal); a bad literal fails the test.
inline Date date(std::string_view iso) {
  Result<Date> d = parse_date(iso);
  EXPECT_TRUE(d.has_value()) << iso;
  return d.value_or(Date());
}

// Checks `r` against a table's `expect` column: either "error TEXT" or the printed value.
template <typename T, typename Print>
void expect_outcome(const Result<T>& r, const std::string& expect, Print print) {
  if (expect.rfind("error", 0) == 0) {
    EXPECT_THAT(r, ErrorIs(ErrorCode::kInvalidInput, ::testing::HasSubstr(trim_case_text(expect.substr(5)))));
  } else {
    ASSERT_TRUE(r.has_value()) << r.error().full_message();
    EXPECT_EQ(print(r.value()), expect);
  }
}

}  // namespace fazhi::testing
