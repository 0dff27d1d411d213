// The draw: golden results, exclusions over many random plans, uniformity (chi-square), and
// infeasible plans.
#include "draw/draw_engine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/sm3.h"
#include "draw/draw_result.h"
#include "draw_test_support.h"
#include "harness/result_matchers.h"

namespace fazhi::draw {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::PlanDice;
using testing::simple_plan;

// Determinism: the example plan and public value give exactly the committed result file,
// byte for byte, in every build type (the same test runs in each).
TEST(DrawGolden, ExampleGivesTheCommittedResult) {
  auto plan = load_plan(testing::examples_dir() / "plan.json");
  ASSERT_THAT(plan, IsOk());
  DrawInputs inputs{testing::read_text(testing::examples_dir() / "public-value.txt"), {}};
  auto result = run_draw(*plan, inputs);
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(result->proof.seed, "cf573b2b7329d271b067b680be377ed72aaa4a9fd6cc6c8c915ff43b718d33a3");
  EXPECT_EQ(result_to_json(*result), testing::read_text(testing::examples_dir() / "result.json"));
}

TEST(DrawGolden, SeedDerivation) {
  // SM3("fazhi-draw/1\n" + 64 zeros + "\nabc"), pinned.
  std::string zeros(64, '0');
  EXPECT_EQ(derive_seed(zeros, "abc"), sm3_hex("fazhi-draw/1\n" + zeros + "\nabc"));
  EXPECT_NE(derive_seed(zeros, "abc"), derive_seed(zeros, "abd"));
}

TEST(DrawGolden, CommitRevealPlanGivesTheGoldenResult) {
  auto plan = load_plan(testing::test_dir() / "cases" / "commit-reveal-plan.json");
  ASSERT_THAT(plan, IsOk());
  DrawInputs inputs{"", {{"sthj", "环保局-7f3a9c"}, {"scjg", " 市监局-41d2e8\n"}}};
  auto result = run_draw(*plan, inputs);
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(result->proof.public_value, "scjg=市监局-41d2e8\nsthj=环保局-7f3a9c");
  EXPECT_EQ(result_to_json(*result), testing::read_text(testing::test_dir() / "golden" / "commit-reveal-result.json"));
  DrawInputs wrong{"", {{"scjg", "市监局-41d2e8"}, {"sthj", "环保局-7f3a9d"}}};
  EXPECT_THAT(run_draw(*plan, wrong), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("揭示值, sthj: 揭示值的 SM3")));
  DrawInputs missing{"", {{"scjg", "市监局-41d2e8"}}};
  EXPECT_THAT(run_draw(*plan, missing), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("sthj: 缺少该部门的揭示值")));
  EXPECT_THAT(run_draw(*plan, DrawInputs{"x", {}}), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("commit_reveal")));
}

// A random plan: 1-3 strata, 1-2 departments, random exclusions, conflicts, certificates.
DrawPlan random_plan(std::uint32_t seed) {
  PlanDice dice(seed);
  int targets = 20 + int(dice.below(300));
  int inspectors = 4 + int(dice.below(30));
  DrawPlan plan = simple_plan(targets, 1, inspectors);
  plan.departments = {{"d1", "甲局"}, {"d2", "乙局"}};
  plan.inspected_within_months = int(dice.below(3)) * 6;
  plan.team.size = 2 + int(dice.below(2));
  if (dice.chance(20)) plan.team.max_targets_per_inspector = 1 + int(dice.below(30));
  const char* classes[] = {"A", "B", "C", "D"};
  plan.strata.clear();
  int strata = 1 + int(dice.below(3));
  for (int s = 0; s < strata; ++s) {
    Stratum st;
    st.id = classes[s];
    st.label = std::string(classes[s]) + "类";
    st.credit_risk_classes = {classes[s]};
    if (dice.chance(50)) {
      st.ratio_ppm = 10000 * (1 + dice.below(40));
      st.rule_text = std::to_string(*st.ratio_ppm / 10000) + "%";
    } else {
      st.count = 1 + dice.below(15);
      st.rule_text = std::to_string(*st.count);
    }
    st.minimum = dice.below(4);
    plan.strata.push_back(st);
  }
  for (auto& t : plan.targets) {
    t.credit_risk_class = classes[dice.below(4)];  // class D (and others) may be outside strata
    t.departments = dice.chance(25) ? std::vector<std::string>{"d1", "d2"}
                                    : std::vector<std::string>{dice.chance(70) ? "d1" : "d2"};
    if (dice.chance(30)) {
      t.last_inspected_on = "2026-" + std::string(dice.chance(50) ? "01" : "08") + "-15";
      t.last_inspectors = {plan.inspectors[dice.below(std::uint32_t(inspectors))].id};
    }
  }
  for (auto& in : plan.inspectors) {
    in.department = dice.chance(65) ? "d1" : "d2";
    in.certificate_valid = !dice.chance(10);
    for (std::uint32_t c = dice.below(6); c > 0; --c)
      in.conflicts.push_back(plan.targets[dice.below(std::uint32_t(targets))].id);
  }
  return plan;
}

// Exclusions always hold, quotas follow the rule, and every result verifies, over 300 plans.
TEST(DrawProperties, ExclusionsAlwaysHoldOverRandomPlans) {
  int succeeded = 0, infeasible = 0;
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    DrawPlan plan = random_plan(seed);
    auto result = run_draw(plan, DrawInputs{"seed-" + std::to_string(seed), {}});
    if (!result) {
      // The only allowed failure is an infeasible stratum or team, and it says which.
      EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput) << seed;
      EXPECT_THAT(result.error().message(), HasSubstr("分层「")) << seed;
      ++infeasible;
      continue;
    }
    ++succeeded;
    std::map<std::string, const TargetRecord*> by_id;
    for (const auto& t : plan.targets) by_id[t.id] = &t;
    std::map<std::string, const Inspector*> inspector;
    for (const auto& in : plan.inspectors) inspector[in.id] = &in;
    const std::string boundary =
        plan.inspected_within_months ? subtract_months(plan.as_of, plan.inspected_within_months) : "";
    std::set<std::string> drawn;
    std::map<std::string, int> load;
    ASSERT_EQ(result->strata.size(), plan.strata.size());
    for (std::size_t s = 0; s < plan.strata.size(); ++s) {
      const Stratum& st = plan.strata[s];
      const StratumOutcome& out = result->strata[s];
      std::uint64_t in_stratum = 0, recent = 0;
      for (const auto& t : plan.targets) {
        if (t.credit_risk_class != st.credit_risk_classes[0]) continue;
        ++in_stratum;
        if (!boundary.empty() && t.last_inspected_on > boundary) ++recent;
      }
      EXPECT_EQ(out.in_stratum, in_stratum);
      EXPECT_EQ(out.excluded_recent, recent);
      std::uint64_t eligible = in_stratum - recent;
      std::uint64_t quota = st.count ? *st.count : (eligible * *st.ratio_ppm + 999999) / 1000000;
      EXPECT_EQ(out.selection.size(), std::max(quota, st.minimum)) << "seed " << seed << " stratum " << st.id;
      for (const auto& a : out.selection) {
        const TargetRecord& t = *by_id.at(a.target.id);
        EXPECT_TRUE(drawn.insert(t.id).second) << "drawn twice: " << t.id;
        EXPECT_EQ(t.credit_risk_class, st.credit_risk_classes[0]);
        EXPECT_FALSE(!boundary.empty() && t.last_inspected_on > boundary) << "recently inspected drawn: " << t.id;
        std::set<std::string> team(a.team.begin(), a.team.end());
        EXPECT_EQ(team.size(), a.team.size()) << "same inspector twice in a team";
        EXPECT_GE(a.team.size(), std::size_t(plan.team.size));
        EXPECT_GE(a.team.size(), t.departments.size());
        std::set<std::string> depts;
        for (const auto& id : a.team) {
          const Inspector& in = *inspector.at(id);
          depts.insert(in.department);
          ++load[id];
          EXPECT_TRUE(in.certificate_valid) << id << " has no valid certificate";
          EXPECT_TRUE(std::find(in.conflicts.begin(), in.conflicts.end(), t.id) == in.conflicts.end())
              << id << " has a conflict with " << t.id;
          EXPECT_TRUE(std::find(t.last_inspectors.begin(), t.last_inspectors.end(), id) == t.last_inspectors.end())
              << id << " inspected " << t.id << " last time";
          EXPECT_TRUE(std::find(t.departments.begin(), t.departments.end(), in.department) != t.departments.end())
              << id << " is not from a department responsible for " << t.id;
        }
        EXPECT_EQ(depts.size(), t.departments.size()) << "joint target " << t.id << " lacks a department";
      }
    }
    if (plan.team.max_targets_per_inspector) {
      for (const auto& [id, n] : load) EXPECT_LE(n, *plan.team.max_targets_per_inspector) << id;
    }
    auto finding = verify_result(result_to_json(*result), plan);
    ASSERT_THAT(finding, IsOk());
    EXPECT_FALSE(finding->has_value()) << **finding;
  }
  // Both outcomes must actually be exercised for the property to mean something.
  EXPECT_GT(succeeded, 100);
  EXPECT_GT(infeasible, 5);
}

// Without conflicts, workloads in a department differ by at most one.
TEST(DrawProperties, WorkloadIsEvenWithoutConflicts) {
  DrawPlan plan = simple_plan(500, 97, 13);
  auto result = run_draw(plan, DrawInputs{"even", {}});
  ASSERT_THAT(result, IsOk());
  ASSERT_EQ(result->workload.size(), 1u);
  EXPECT_EQ(result->workload[0].min_targets, 14u);  // 97 * 2 = 194 = 13 * 14 + 12
  EXPECT_EQ(result->workload[0].max_targets, 15u);
}

// Uniformity within a stratum. 25 targets, 5 inspected within 12 months; 5 drawn per run,
// 4,000 runs with public values "chi-0".."chi-3999". Each of the 20 eligible targets is
// expected 1,000 times. Pearson's chi-square with 19 degrees of freedom is compared with
// 43.82, the 0.1% critical value: a perfect generator fails this test for 0.1% of seed sets
// (the false-alarm rate). The seeds are fixed, so the outcome is fixed: not flaky.
TEST(DrawStatistics, EveryEligibleTargetHasTheSameChance) {
  DrawPlan plan = simple_plan(25, 5, 4);
  for (int i = 20; i < 25; ++i) plan.targets[i].last_inspected_on = "2026-06-01";
  plan.inspected_within_months = 12;
  std::map<std::string, int> hits;
  std::map<int, std::map<std::string, int>> first_draw;
  const int runs = 4000;
  for (int r = 0; r < runs; ++r) {
    auto result = run_draw(plan, DrawInputs{"chi-" + std::to_string(r), {}});
    ASSERT_THAT(result, IsOk());
    ASSERT_EQ(result->strata[0].selection.size(), 5u);
    for (const auto& a : result->strata[0].selection) ++hits[a.target.id];
    ++first_draw[0][result->strata[0].selection[0].target.id];
  }
  for (int i = 20; i < 25; ++i) EXPECT_EQ(hits.count(plan.targets[i].id), 0u) << "excluded target drawn";
  ASSERT_EQ(hits.size(), 20u);
  double chi2 = 0;
  const double expected = runs * 5.0 / 20.0;
  for (const auto& [id, n] : hits) chi2 += (n - expected) * (n - expected) / expected;
  EXPECT_LT(chi2, 43.82) << "selection counts are not uniform";
  // The first draw alone is also uniform (draw order carries no bias): expected 200 each.
  double chi2_first = 0;
  const double expected_first = runs / 20.0;
  for (int i = 0; i < 20; ++i) {
    double n = first_draw[0][plan.targets[i].id];
    chi2_first += (n - expected_first) * (n - expected_first) / expected_first;
  }
  EXPECT_LT(chi2_first, 43.82) << "first draw is not uniform";
}

struct Infeasible {
  const char* id;
  std::function<void(DrawPlan&)> edit;
  std::vector<std::string> message_parts;
};

TEST(DrawInfeasible, FailsNamingStratumAndConstraint) {
  const std::vector<Infeasible> cases = {
      {"minimum over eligible",
       [](DrawPlan& p) {
         p.strata[0].count.reset();
         p.strata[0].ratio_ppm = 30000;
         p.strata[0].rule_text = "3%";
         p.strata[0].minimum = 11;
       },
       {"分层「A A类」, 最低抽取数 minimum: 最低要抽 11 户，但可抽对象只有 10 户"}},
      {"count over eligible after exclusion",
       [](DrawPlan& p) {
         p.inspected_within_months = 6;
         p.targets[0].last_inspected_on = "2026-10-01";
       },
       {"分层「A A类」, 固定抽取数 count: 要抽 10 户，但可抽对象只有 9 户", "其中 1 户近期已检查被排除"}},
      {"all conflicted",
       [](DrawPlan& p) {
         for (auto& in : p.inspectors) in.conflicts = {"T0003"};
       },
       {"检查对象 T0003（对象T0003）的检查组", "需要测试局的执法人员，但已无人可派", "利益冲突 3 人"}},
      {"certificates",
       [](DrawPlan& p) {
         p.inspectors[0].certificate_valid = false;
         p.inspectors[1].certificate_valid = false;
       },
       {"已无人可派：该部门名录 3 人，另有执法证无效 2 人不参与"}},
      {"last inspectors",
       [](DrawPlan& p) {
         p.targets[4].last_inspectors = {"I000", "I001"};
         p.targets[4].last_inspected_on = "2020-01-01";
       },
       {"检查对象 T0004", "上次检查过该对象 2 人", "已在本组 1 人"}},
      {"cap", [](DrawPlan& p) { p.team.max_targets_per_inspector = 6; }, {"已达每人最多检查户数 3 人"}},
      {"department without inspectors",
       [](DrawPlan& p) {
         p.departments.push_back({"d2", "乙局"});
         p.targets[7].departments = {"d1", "d2"};
       },
       {"检查对象 T0007", "需要乙局的执法人员", "该部门名录 0 人"}},
  };
  for (const auto& c : cases) {
    DrawPlan plan = simple_plan(10, 10, 3);
    c.edit(plan);
    auto result = run_draw(plan, DrawInputs{"infeasible", {}});
    ASSERT_FALSE(result.has_value()) << c.id;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput) << c.id;
    for (const auto& part : c.message_parts) EXPECT_THAT(result.error().message(), HasSubstr(part)) << c.id;
  }
}

TEST(DrawInputsTest, PublicValueIsTrimmedAndRequired) {
  DrawPlan plan = simple_plan(10, 3, 3);
  auto a = run_draw(plan, DrawInputs{"  v1\n", {}});
  auto b = run_draw(plan, DrawInputs{"v1", {}});
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(b, IsOk());
  EXPECT_EQ(result_to_json(*a), result_to_json(*b));
  EXPECT_THAT(run_draw(plan, DrawInputs{" \n", {}}), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("公开随机值为空")));
  EXPECT_THAT(run_draw(plan, DrawInputs{"v", {{"d1", "x"}}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不接受各部门揭示值")));
}

}  // namespace
}  // namespace fazhi::draw
