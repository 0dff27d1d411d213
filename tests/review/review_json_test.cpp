// The JSON form (docs/review-json.md) and the CLI contract: fields of each figure,
// no other object carrying both "value" and "unit", exit codes 0 and 2.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

#include "review/consistency_checks.h"
#include "review/indicator_phrases.h"
#include "review/review.h"
#include "review_test_support.h"

namespace fazhi::review {
namespace {

std::filesystem::path fixture(const char* name) {
  return std::filesystem::path(FAZHI_TEST_CASES_DIR) / "fixtures" / name;
}

int count_value_unit_objects(const nlohmann::json& j) {
  int n = 0;
  if (j.is_object() && j.contains("value") && j.contains("unit")) ++n;
  if (j.is_object() || j.is_array()) {
    for (const auto& v : j) n += count_value_unit_objects(v);
  }
  return n;
}

TEST(ReviewJson, FiguresCarryTheContractFields) {
  auto r = testing_support::reviewer().review_file(fixture("hexi-district-2023.txt"));
  ASSERT_TRUE(r.has_value());
  nlohmann::json j = report_json(*r);
  for (const char* key :
       {"file", "title", "region", "level", "report_year", "chapters", "figures", "defects", "removed"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  ASSERT_FALSE(j["figures"].empty());
  for (const auto& f : j["figures"]) {
    for (const char* key :
         {"value", "unit", "qualifier", "scaled_value", "base_unit", "label", "indicator", "chapter", "start", "end"}) {
      EXPECT_TRUE(f.contains(key)) << key << " in " << f.dump();
    }
    EXPECT_LT(f["start"].get<int>(), f["end"].get<int>());
  }
  for (const auto& d : j["defects"]) {
    for (const char* key : {"kind", "start", "end", "message"}) EXPECT_TRUE(d.contains(key));
  }
  nlohmann::json all;
  all["reports"] = {j, report_json(*r)};
  all["comparison"] = comparison_json({*r, *r});
  EXPECT_EQ(count_value_unit_objects(all), 2 * static_cast<int>(j["figures"].size()));
  // integers print as integers, decimals as printed
  bool saw_rate = false;
  for (const auto& f : j["figures"]) {
    if (f["unit"] == "%" && f["indicator"] == "reconsideration.correction_rate") {
      EXPECT_DOUBLE_EQ(f["value"].get<double>(), 20.0);
      saw_rate = true;
    }
  }
  EXPECT_TRUE(saw_rate);
}

TEST(ReviewJson, ComparesReportsByIndicator) {
  auto a = testing_support::reviewer().review_file(fixture("hexi-district-2023.txt"));
  auto b = testing_support::reviewer().review_file(fixture("qingshan-county-2022.txt"));
  ASSERT_TRUE(a.has_value() && b.has_value());
  auto rows = compare_reports({*a, *b});
  bool found = false;
  for (const auto& row : rows) {
    if (row.indicator != "reconsideration.received") continue;
    found = true;
    ASSERT_EQ(row.cells.size(), 2u);
    ASSERT_TRUE(row.cells[0] && row.cells[1]);
    EXPECT_EQ(row.cells[0]->text, "120件");
    EXPECT_EQ(row.cells[1]->text, "96件");
  }
  EXPECT_TRUE(found);
  std::string text = comparison_text({*a, *b});
  EXPECT_NE(text.find("河西区 2023"), std::string::npos);
}

TEST(ReviewChecks, RateAcceptsRoundingAndTruncation) {
  EXPECT_TRUE(rate_matches(90.75, 2, 373.0 / 411 * 100));          // 90.754… rounds
  EXPECT_TRUE(rate_matches(99.77, 2, 8502335.0 / 8521280 * 100));  // 99.777… truncates
  EXPECT_TRUE(rate_matches(99.78, 2, 8502335.0 / 8521280 * 100));  // … or rounds
  EXPECT_FALSE(rate_matches(90.00, 2, 66.0 / 70 * 100));
  EXPECT_TRUE(rate_matches(95, 0, 95.0));
}

int run(const std::string& args, std::string* out = nullptr) {
  std::string cmd = std::string(FAZHI_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  std::string s;
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) s.append(buf, n);
  int status = pclose(p);
  if (out) *out = s;
  return WEXITSTATUS(status);
}

TEST(ReviewCli, ExitCodesAndJson) {
  if (!std::filesystem::exists(FAZHI_BINARY)) GTEST_SKIP() << "fazhi not built";
  std::string out;
  EXPECT_EQ(run("review " + fixture("hexi-district-2023.txt").string() + " --json", &out), 0);
  auto j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["reports"].size(), 1u);
  EXPECT_EQ(run("review " + (std::filesystem::path(FAZHI_TEST_CASES_DIR) / "fixtures").string() + " --compare", &out),
            0);
  EXPECT_NE(out.find("reconsideration.received"), std::string::npos);
  EXPECT_EQ(run("review /nonexistent/report.txt"), 2);
  EXPECT_EQ(run("review"), 2);
}

}  // namespace
}  // namespace fazhi::review

namespace fazhi::review {
namespace {

// The mapping table names only ids of ../shared/domain/INDICATORS.md, and covers them all.
TEST(ReviewCatalogue, MappingTableMatchesIndicatorsMd) {
  std::filesystem::path md;
  for (auto p : {std::filesystem::path(FAZHI_SOURCE_DIR) / ".." / "shared" / "domain" / "INDICATORS.md",
                 std::filesystem::path("/work/shared/domain/INDICATORS.md")}) {
    if (std::filesystem::exists(p)) {
      md = p;
      break;
    }
  }
  if (md.empty()) GTEST_SKIP() << "INDICATORS.md not present";
  std::ifstream in(md);
  std::set<std::string> catalogue;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| ", 0) != 0) continue;
    std::string id = line.substr(2, line.find(' ', 2) - 2);
    if (id.find('.') != std::string::npos) catalogue.insert(id);
  }
  ASSERT_GT(catalogue.size(), 100u);
  std::set<std::string> mapped;
  for (const std::string& id : mapped_indicators()) {
    EXPECT_TRUE(catalogue.count(id)) << id << " is not in INDICATORS.md";
    mapped.insert(id);
  }
  for (const std::string& id : catalogue) EXPECT_TRUE(mapped.count(id)) << id << " has no mapping row";
}

}  // namespace
}  // namespace fazhi::review
