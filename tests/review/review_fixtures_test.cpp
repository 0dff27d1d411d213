// Fixture reports of our own writing (tests/review/cases/fixtures/*.txt), each with a
// table of what the engine must find (*.expected): metadata, chapters, every figure in
// text order (text as printed | unit | indicator), defects, removals and redactions.
// The table format is described at the top of each .expected file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "review/review.h"
#include "review/utf.h"
#include "review_test_support.h"

namespace fazhi::review {
namespace {

class ReviewFixtures : public ::testing::TestWithParam<std::string> {};

TEST_P(ReviewFixtures, MatchesExpectedTable) {
  std::filesystem::path dir = std::filesystem::path(FAZHI_TEST_CASES_DIR) / "fixtures";
  std::string name = GetParam();
  std::filesystem::path file;
  for (const char* ext : {".txt", ".md", ".html", ".docx", ".pdf"}) {
    if (std::filesystem::exists(dir / (name + ext))) file = dir / (name + ext);
  }
  ASSERT_FALSE(file.empty()) << "no report file beside " << name << ".expected";
  auto report = testing_support::reviewer().review_file(file);
  ASSERT_TRUE(report.has_value()) << report.error().full_message();
  auto original = testing_support::decoded(file);
  auto expected = testing_support::read_expected(dir / (name + ".expected"));
  testing_support::expect_report(*report, original, expected, /*all_figures=*/true);
}

std::vector<std::string> fixture_names() {
  std::vector<std::string> out;
  for (auto& e : std::filesystem::directory_iterator(std::filesystem::path(FAZHI_TEST_CASES_DIR) / "fixtures")) {
    if (e.path().extension() == ".expected") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ReviewFixtures, ::testing::ValuesIn(fixture_names()), [](const auto& info) {
  std::string s = info.param;
  for (char& c : s)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
});

}  // namespace
}  // namespace fazhi::review

namespace fazhi::review {
namespace {
// A developer's aid, not a check: prints the review of $FAZHI_REVIEW_DUMP.
TEST(ReviewDump, DISABLED_PrintsReport) {
  const char* path = getenv("FAZHI_REVIEW_DUMP");
  if (!path) GTEST_SKIP();
  auto r = testing_support::reviewer().review_file(path);
  ASSERT_TRUE(r.has_value()) << r.error().full_message();
  std::cout << report_text(*r);
}
}  // namespace
}  // namespace fazhi::review
