// Shared by the review suites: one Reviewer for the process, the expected-table reader
// and the comparison of a ReviewedReport with a table.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "review/review.h"

namespace fazhi::review::testing_support {

const Reviewer& reviewer();
// True when the original text at a figure's span shows `figure_text` (same length once
// pinyin glosses are dropped, same digits), whatever its script.
bool span_shows(const std::string& original_utf8, const std::string& figure_text);
// The decoded original of a file (what spans count in).
std::u32string decoded(const std::filesystem::path& path);

struct ExpectedFigure {
  std::string text, unit, indicator;  // "-" for null
  int line = 0;
};
struct Expected {
  std::vector<std::pair<std::string, std::string>> meta;     // key, value
  std::vector<std::vector<std::string>> chapters;            // id, area, title prefix
  std::vector<std::pair<std::string, std::string>> removed;  // kind, text contained
  std::vector<std::pair<std::string, std::string>> defects;  // kind, text at span
  std::vector<std::string> no_defects;                       // kinds that must not fire
  std::vector<std::string> redactions;
  std::vector<ExpectedFigure> figures;
  double min_precision = 1.0, min_recall = 1.0, min_mapping = 1.0;
};
Expected read_expected(const std::filesystem::path& path);

// Checks `report` against `expected`. Figures are matched in order by text, unit and the
// text found at their span in `original`; with all_figures the lists must be equal,
// otherwise precision and recall must reach the table's thresholds.
void expect_report(const ReviewedReport& report, const std::u32string& original, const Expected& expected,
                   bool all_figures);

}  // namespace fazhi::review::testing_support
