// Verification: every tampering with the plan, the pool, the public value or the result is
// detected, and the first difference is named.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/sm3.h"
#include "draw/draw_result.h"
#include "draw_test_support.h"
#include "harness/result_matchers.h"

namespace fazhi::draw {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class DrawVerify : public ::testing::Test {
 protected:
  void SetUp() override {
    plan_text_ = testing::read_text(testing::examples_dir() / "plan.json");
    result_text_ = testing::read_text(testing::examples_dir() / "result.json");
  }

  // The first difference verify reports for (plan, result) JSON documents.
  std::string finding(const json& plan, const json& result) {
    auto p = parse_plan(plan.dump(1), testing::examples_dir(), "计划");
    EXPECT_THAT(p, IsOk());
    if (!p) return "";
    auto f = verify_result(result.dump(1), *p);
    EXPECT_THAT(f, IsOk());
    if (!f) return "";
    return f->value_or("（无差异）");
  }

  json plan() const { return json::parse(plan_text_); }
  json result() const { return json::parse(result_text_); }

  std::string plan_text_;
  std::string result_text_;
};

TEST_F(DrawVerify, TheExampleVerifies) {
  auto p = load_plan(testing::examples_dir() / "plan.json");
  ASSERT_THAT(p, IsOk());
  auto f = verify_result(result_text_, *p);
  ASSERT_THAT(f, IsOk());
  EXPECT_FALSE(f->has_value()) << **f;
}

TEST_F(DrawVerify, PlanTamperingIsDetected) {
  json added = plan();
  json extra = added["targets"][0];
  extra["id"] = "T09999";
  added["targets"].push_back(extra);
  EXPECT_THAT(finding(added, result()), StartsWith("proof.plan_sm3："));

  json removed = plan();
  removed["targets"].erase(removed["targets"].begin() + 17);
  EXPECT_THAT(finding(removed, result()), StartsWith("proof.plan_sm3："));

  json ratio = plan();
  ratio["strata"][2]["ratio"] = "11%";
  EXPECT_THAT(finding(ratio, result()), HasSubstr("计划被改动过"));

  json conflict = plan();
  conflict["inspectors"][3]["conflicts"].push_back("T00001");
  EXPECT_THAT(finding(conflict, result()), StartsWith("proof.plan_sm3："));
}

TEST_F(DrawVerify, PlanTamperingWithARecomputedHashIsStillDetected) {
  // Someone edits the plan and writes its new hash into the result: the seed no longer fits.
  json edited = plan();
  edited["strata"][0]["ratio"] = "4%";
  auto p = parse_plan(edited.dump(1), testing::examples_dir(), "计划");
  ASSERT_THAT(p, IsOk());
  json r = result();
  r["proof"]["plan_sm3"] = p->sm3;
  EXPECT_THAT(finding(edited, r), StartsWith("proof.seed："));
}

TEST_F(DrawVerify, ResultTamperingIsDetected) {
  json public_value = result();
  public_value["proof"]["public_value"] = "双色球 2026137期 红球 04 09 15 22 27 32 蓝球 12（示例值）";
  EXPECT_THAT(finding(plan(), public_value), StartsWith("proof.seed："));

  json seed = result();
  seed["proof"]["seed"] = std::string(64, 'a');
  EXPECT_THAT(finding(plan(), seed), StartsWith("proof.seed：结果文件中为 \"aaaa"));

  json swapped = result();
  std::swap(swapped["strata"][0]["selection"][0]["team"], swapped["strata"][0]["selection"][1]["team"]);
  EXPECT_THAT(finding(plan(), swapped), StartsWith("strata[0].selection[0].team[0]："));

  json reordered = result();
  auto& team = reordered["strata"][1]["selection"][4]["team"];
  std::swap(team[0], team[1]);
  EXPECT_THAT(finding(plan(), reordered), StartsWith("strata[1].selection[4].team[0]："));

  json replaced = result();
  replaced["strata"][3]["selection"][7]["target"] = "T00000";
  EXPECT_THAT(finding(plan(), replaced), StartsWith("strata[3].selection[7].target：结果文件中为 \"T00000\""));

  json dropped = result();
  dropped["strata"][2]["selection"].erase(dropped["strata"][2]["selection"].begin());
  EXPECT_THAT(finding(plan(), dropped),
              StartsWith("strata[2].selection：结果文件中有 36 项，按计划与公开值重新计算应为 37 项"));
  dropped["strata"][2]["drawn"] = 36;  // made consistent: the count itself is then wrong
  EXPECT_THAT(finding(plan(), dropped), StartsWith("strata[2].drawn：结果文件中为 36，按计划与公开值重新计算应为 37"));

  json count = result();
  count["strata"][1]["eligible"] = 927;
  EXPECT_THAT(finding(plan(), count), StartsWith("strata[1].eligible："));

  json extra = result();
  extra["strata"][0]["selection"][2]["note"] = "已复核";
  EXPECT_THAT(finding(plan(), extra), StartsWith("strata[0].selection[2].note：结果文件中多出此项"));

  json workload = result();
  workload["workload"][0]["max_targets"] = 6;
  EXPECT_THAT(finding(plan(), workload), StartsWith("workload[0].max_targets："));

  json version = result();
  version["proof"]["algorithm_version"] = "fazhi-draw/0";
  EXPECT_THAT(finding(plan(), version), StartsWith("proof.algorithm_version："));
}

TEST_F(DrawVerify, BrokenResultFilesAreErrors) {
  auto p = load_plan(testing::examples_dir() / "plan.json");
  ASSERT_THAT(p, IsOk());
  EXPECT_THAT(verify_result("{\"format\": ", *p), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不是有效的 JSON")));
  EXPECT_THAT(verify_result("{}", *p), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("缺少抽取证明")));
}

}  // namespace
}  // namespace fazhi::draw
