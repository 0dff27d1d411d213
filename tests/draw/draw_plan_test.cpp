// Plan parsing: ratios, dates, the canonical hash, and the errors a clerk sees.
#include "draw/draw_plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "draw_test_support.h"
#include "harness/result_matchers.h"

namespace fazhi::draw {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using nlohmann::json;
using ::testing::HasSubstr;

TEST(DrawPlan, RatioCases) {
  std::ifstream in(testing::test_dir() / "cases" / "ratios.txt");
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    // The ratio is everything before the last run of spaces.
    auto end = line.find_last_of(' ');
    std::string expect = line.substr(end + 1);
    std::string text = line.substr(0, end);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    auto ppm = parse_ratio_ppm(text);
    if (expect == "error") {
      EXPECT_FALSE(ppm.has_value()) << "'" << text << "'";
    } else {
      ASSERT_TRUE(ppm.has_value()) << "'" << text << "'";
      EXPECT_EQ(*ppm, std::stoul(expect)) << text;
    }
    ++cases;
  }
  EXPECT_EQ(cases, 15);
}

TEST(DrawPlan, Dates) {
  EXPECT_TRUE(is_valid_date("2024-02-29"));
  EXPECT_FALSE(is_valid_date("2023-02-29"));
  EXPECT_FALSE(is_valid_date("2024-13-01"));
  EXPECT_FALSE(is_valid_date("2024-1-01"));
  EXPECT_EQ(subtract_months("2026-11-20", 12), "2025-11-20");
  EXPECT_EQ(subtract_months("2026-03-31", 1), "2026-02-28");
  EXPECT_EQ(subtract_months("2024-03-31", 1), "2024-02-29");
  EXPECT_EQ(subtract_months("2026-01-15", 13), "2024-12-15");
}

json example_json() {
  return json::parse(testing::read_text(testing::examples_dir() / "plan.json"));
}

Result<DrawPlan> parse(const json& doc) {
  return parse_plan(doc.dump(2), testing::examples_dir(), "计划 test.json");
}

TEST(DrawPlan, ExampleParsesWithItsPublishedHash) {
  auto plan = load_plan(testing::examples_dir() / "plan.json");
  ASSERT_THAT(plan, IsOk());
  EXPECT_EQ(plan->sm3, "bdbe460a7a418819f184ca31acf1aa7b2ce76ba6d76be1d8592580b7ced5ccd2");
  EXPECT_EQ(plan->targets.size(), 3000u);
  EXPECT_EQ(plan->strata.size(), 4u);
  EXPECT_EQ(*plan->strata[0].ratio_ppm, 30000u);
}

TEST(DrawPlan, HashIgnoresLayoutButNotContent) {
  json doc = example_json();
  auto compact = parse_plan(doc.dump(), ".", "p");
  auto indented = parse_plan(doc.dump(4), ".", "p");
  ASSERT_THAT(compact, IsOk());
  ASSERT_THAT(indented, IsOk());
  EXPECT_EQ(compact->sm3, indented->sm3);
  doc["targets"][5]["name"] = doc["targets"][5]["name"].get<std::string>() + " ";
  auto changed = parse(doc);
  ASSERT_THAT(changed, IsOk());
  EXPECT_NE(changed->sm3, compact->sm3);
}

struct BadPlan {
  const char* id;
  std::function<void(json&)> edit;
  const char* place_and_reason;
};

TEST(DrawPlan, BadPlansFailNamingPlaceAndReason) {
  const std::vector<BadPlan> cases = {
      {"unknown key", [](json& d) { d["strata"][0]["ratoi"] = "3%"; }, "strata[0].ratoi: 不认识的项"},
      {"ratio float", [](json& d) { d["strata"][1]["ratio"] = 0.05; }, "strata[1].ratio: 应为字符串"},
      {"ratio bad", [](json& d) { d["strata"][1]["ratio"] = "5"; }, "strata[1].ratio: 比例应写成百分数"},
      {"both rules", [](json& d) { d["strata"][1]["count"] = 5; }, "strata[1]: ratio（比例"},
      {"overlap",
       [](json& d) {
         d["strata"][1]["credit_risk_classes"] = {"B", "A"};
       },
       "分层不能重叠"},
      {"team of one", [](json& d) { d["team"]["size"] = 1; }, "team.size: 检查组人数应为2至20人"},
      {"bad as_of", [](json& d) { d["as_of"] = "2026-02-30"; }, "as_of: 应为有效日期"},
      {"unknown dept", [](json& d) { d["inspectors"][0]["department"] = "gaj"; }, "inspectors[0].department: 部门 gaj"},
      {"dup inspector", [](json& d) { d["inspectors"][1]["id"] = "S001"; }, "inspectors[1].id: 执法人员编号重复"},
      {"format", [](json& d) { d["format"] = "fazhi-draw-plan/2"; }, "format: 应为"},
      {"no pool", [](json& d) { d.erase("targets"); }, "targets（内嵌名录）和 targets_file"},
      {"bad kind", [](json& d) { d["randomness"]["kind"] = "dice"; }, "randomness.kind"},
      {"one party",
       [](json& d) {
         d["randomness"] = {{"kind", "commit_reveal"},
                            {"description", "x"},
                            {"parties", {{{"department", "scjg"}, {"commitment", std::string(64, 'a')}}}}};
       },
       "至少需要两个部门"},
      {"file name",
       [](json& d) {
         d.erase("targets");
         d["targets_file"] = {{"name", "pool.csv"}, {"sm3", std::string(64, 'a')}};
       },
       "文件名中含其 SM3 值"},
  };
  for (const auto& c : cases) {
    json doc = example_json();
    c.edit(doc);
    EXPECT_THAT(parse(doc), ErrorIs(ErrorCode::kInvalidInput, HasSubstr(c.place_and_reason))) << c.id;
  }
  EXPECT_THAT(parse_plan("{\"format\": ", ".", "计划 x.json"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不是有效的 JSON")));
}

}  // namespace
}  // namespace fazhi::draw
