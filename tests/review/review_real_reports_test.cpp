// The three real reports in ../shared/reports/ (CI has ../shared beside the clone),
// against expected figures written by hand in cases/real/*.expected: precision and
// recall of the figures (text, unit, span) and the share of catalogue mappings that
// agree must reach the thresholds in each table; no false consistency alarm may fire.
// Skipped when the reports are not present.
#include <gtest/gtest.h>

#include <filesystem>

#include "review_test_support.h"

namespace fazhi::review {
namespace {

std::filesystem::path reports_dir() {
  std::filesystem::path src(FAZHI_SOURCE_DIR);
  for (auto candidate : {src / ".." / "shared" / "reports", std::filesystem::path("/work/shared/reports")}) {
    if (std::filesystem::is_directory(candidate)) return candidate;
  }
  return {};
}

class RealReports : public ::testing::TestWithParam<std::string> {};

TEST_P(RealReports, FiguresMatchHandWrittenTable) {
  std::filesystem::path dir = reports_dir();
  if (dir.empty()) GTEST_SKIP() << "../shared/reports not present";
  std::filesystem::path file = dir / (GetParam() + ".txt");
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " not present";
  auto report = testing_support::reviewer().review_file(file);
  ASSERT_TRUE(report.has_value()) << report.error().full_message();
  auto expected =
      testing_support::read_expected(std::filesystem::path(FAZHI_TEST_CASES_DIR) / "real" / (GetParam() + ".expected"));
  testing_support::expect_report(*report, testing_support::decoded(file), expected, /*all_figures=*/false);
}

INSTANTIATE_TEST_SUITE_P(Shared, RealReports,
                         ::testing::Values("changzhou-city-2020", "hengyang-city-2023", "jinzhong-city-2020"),
                         [](const auto& info) {
                           std::string s = info.param;
                           for (char& c : s)
                             if (c == '-') c = '_';
                           return s;
                         });

}  // namespace
}  // namespace fazhi::review
