// Case-file review from a verifiable draw, end to end on both backends: the pool of a year's
// closed enforcement cases per body (stable bytes, one stratum per body, cases without a body
// left out), a draft plan over it that the draw engine accepts, a draw run on it, and the
// result turned into one review per drawn case in state 评查中 with its draw record, audited;
// then every refusal — a second time, a tampered result, a pool that has changed since, a role
// that may not write reviews.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/credit_code.h"
#include "core/sm3.h"
#include "draw/draw_engine.h"
#include "draw/draw_plan.h"
#include "draw/draw_result.h"
#include "harness/result_matchers.h"
#include "ledger/audit_verification.h"
#include "ledger/case_file_draw_pool.h"
#include "ledger/case_file_draw_reviews.h"
#include "ledger/ledger_rules.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using testing::ErrorIs;
using ::testing::HasSubstr;
using testing::IsOk;

// A valid 统一社会信用代码 of an organ (1 1) registered in `region`, numbered `n`.
std::string organ_code(const std::string& region, int n) {
  std::string first17 = "11" + region + fmt::format("MB{:07d}", n);
  return first17 + credit_code_check_character(first17).value();
}

class CaseFileDrawTest : public testing::LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    for (const char* name : {"赵评查", "钱评查", "孙评查"})
      add("people", "370100.sfj", {{"name", name}, {"roles", "staff"}});
    // Body A (甲区司法局) has its own code; body B (the city bureau) only its organisation's.
    body_a_ = add("enforcement_body", "370102.sfj",
                  {{"name", "甲区司法局"},
                   {"organization", "370102.sfj"},
                   {"body_kind", "statutory"},
                   {"uscc", organ_code("370102", 1)}});
    body_b_ = add("enforcement_body", "370100.sfj",
                  {{"name", "示例市司法局"}, {"organization", "370100.sfj"}, {"body_kind", "statutory"}});
    auto org = service_->list(sys(), organizations(), {.filters = {{"code", "eq", "370100.sfj"}}});
    ASSERT_THAT(org, IsOk());
    ASSERT_THAT(service_->update(sys(), organizations(), org->records.at(0).id,
                                 {{"fields", {{"uscc", organ_code("370100", 2)}}}}),
                IsOk());
    for (int k = 1; k <= 5; ++k)
      closed("370102.sfj", body_a_, fmt::format("甲司罚〔2024〕{}号", k), "2024-0" + std::to_string(k + 2) + "-15");
    closed("370100.sfj", body_b_, "示司罚〔2024〕1号", "2024-06-20");
    closed("370100.sfj", body_b_, "示司罚〔2024〕2号, 附件", "2024-12-31");  // a comma: quoted
    closed("370102.sfj", body_a_, "甲司罚〔2023〕9号", "2023-12-31");        // another year
    closed("370102.sfj", 0, "无主体〔2024〕1号", "2024-05-05");              // no body
    add("enforcement_case", "370102.sfj",
        {{"kind", "penalty"},
         {"party", "某公司"},
         {"case_number", "甲司罚〔2024〕99号"},
         {"opened_on", "2024-11-01"},
         {"enforcement_body", body_a_}});  // still open
  }

  static UserContext sys() { return UserContext::system_context(); }
  std::int64_t add(const std::string& ledger, const std::string& org, nlohmann::json fields,
                   const std::string& state = "") {
    nlohmann::json body = {{"org_code", org}, {"fields", std::move(fields)}};
    if (!state.empty()) body["state"] = state;
    auto r = service_->create(sys(), *find_ledger(ledger), body);
    EXPECT_TRUE(r.has_value()) << r.error().full_message();
    return r ? r->id : 0;
  }
  std::int64_t closed(const std::string& org, std::int64_t body, const std::string& number, const std::string& on) {
    nlohmann::json f = {{"kind", "penalty"},     {"party", "某公司"},
                        {"case_number", number}, {"opened_on", "2023-01-05"},
                        {"decided_on", on},      {"decision_result", "penalised"},
                        {"closed_on", on}};
    if (body) f["enforcement_body"] = body;
    return add("enforcement_case", org, f, "closed");
  }

  // The draft plan over the pool of 2024 reviewed by 370100.sfj, drawn with `public_value`:
  // {plan text, result text}.
  std::pair<std::string, std::string> draw(const std::string& public_value, int per_body = 3) {
    auto pool = build_case_file_pool(*service_, sys(), 2024, "370100.sfj");
    EXPECT_THAT(pool, IsOk());
    auto plan_json = case_file_plan_draft(*service_, *pool, per_body, Date::from_ymd(2025, 1, 10).value());
    EXPECT_THAT(plan_json, IsOk());
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("fazhi-case-draw-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / pool->file_name, std::ios::binary) << pool->csv;
    const std::string text = plan_json->dump(2);
    auto plan = draw::parse_plan(text, dir, "计划");
    EXPECT_THAT(plan, IsOk());
    auto result = draw::run_draw(*plan, {.public_value = public_value});
    EXPECT_THAT(result, IsOk());
    std::filesystem::remove_all(dir);
    return {text, draw::result_to_json(*result)};
  }

  std::int64_t body_a_ = 0, body_b_ = 0;
};

TEST_P(CaseFileDrawTest, PoolOfTheYearsClosedCasesPerBody) {
  auto pool = build_case_file_pool(*service_, sys(), 2024, "370100.sfj");
  ASSERT_THAT(pool, IsOk());
  EXPECT_EQ(pool->cases, 7u);
  EXPECT_EQ(pool->without_body, 1u);
  ASSERT_EQ(pool->bodies.size(), 2u);
  EXPECT_EQ(pool->bodies[0].name, "甲区司法局");
  EXPECT_EQ(pool->bodies[0].cases, 5u);
  EXPECT_EQ(pool->bodies[1].stratum, "B" + std::to_string(body_b_));
  EXPECT_EQ(pool->bodies[1].cases, 2u);
  std::istringstream lines(pool->csv);
  std::string header, first;
  std::getline(lines, header);
  std::getline(lines, first);
  EXPECT_EQ(header, draw::kPoolFileHeader);
  EXPECT_EQ(first, fmt::format("EC{:010d},甲司罚〔2024〕1号,{},370102,S922,B{},370100.sfj,,",
                               *case_id_of_target(first.substr(0, 12)), organ_code("370102", 1), body_a_));
  EXPECT_THAT(pool->csv, HasSubstr(",\"示司罚〔2024〕2号, 附件\"," + organ_code("370100", 2) + ",370100,"));
  EXPECT_EQ(pool->file_name, "case-files-2024-" + pool->sm3_chunks + ".csv");
  auto again = build_case_file_pool(*service_, sys(), 2024, "370100.sfj");
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->csv, pool->csv) << "the same database gives the same bytes";
  // Seen from 甲区: its own body's cases only.
  auto district = build_case_file_pool(*service_, user(Role::kCoordinator, "370102"), 2024, "370102");
  ASSERT_THAT(district, IsOk());
  EXPECT_EQ(district->cases, 5u);
  EXPECT_THAT(build_case_file_pool(*service_, sys(), 2024, "nowhere"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("nowhere")));
  EXPECT_THAT(case_file_plan_draft(*service_, *pool, 0, Date::from_ymd(2025, 1, 10).value()),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("每个执法主体抽取数")));
  EXPECT_EQ(case_file_target_id(123), "EC0000000123");
  EXPECT_EQ(case_id_of_target("EC0000000123"), 123);
  EXPECT_FALSE(case_id_of_target("T00706").has_value());
}

TEST_P(CaseFileDrawTest, DrawnCasesBecomeReviewsReadyForScoring) {
  auto [plan, result] = draw("2025-01-12 示例福利彩票开奖号码 03 11 17 22 28 31 + 09");
  auto written = create_reviews_from_draw(*service_, user(Role::kCoordinator, "370100"), 2024, plan, result);
  ASSERT_THAT(written, IsOk());
  EXPECT_EQ(written->draw_number, "AJPC-2024-370100.sfj");
  ASSERT_EQ(written->reviews.size(), 5u) << "3 of body A's 5, both of body B's";
  const LedgerDeclaration& reviews = *find_ledger("case_file_review");
  std::set<std::int64_t> cases;
  std::map<std::int64_t, int> per_body;
  for (std::int64_t id : written->reviews) {
    auto r = service_->get(sys(), reviews, id);
    ASSERT_THAT(r, IsOk());
    EXPECT_EQ(r->state, "reviewing");
    EXPECT_EQ(r->org_code, "370100.sfj");
    EXPECT_EQ(sql_int(field_of(reviews, *r, "draw")), written->draw);
    EXPECT_EQ(sql_int(field_of(reviews, *r, "review_year")), 2024);
    EXPECT_EQ(sql_text(field_of(reviews, *r, "review_batch")), "2024年度行政执法案卷评查抽取");
    EXPECT_FALSE(is_null(field_of(reviews, *r, "reviewer"))) << "the team's first member";
    cases.insert(sql_int(field_of(reviews, *r, "enforcement_case")).value_or(0));
    ++per_body[sql_int(field_of(reviews, *r, "enforcement_body")).value_or(0)];
    auto c = service_->get(sys(), *find_ledger("enforcement_case"),
                           sql_int(field_of(reviews, *r, "enforcement_case")).value_or(0));
    ASSERT_THAT(c, IsOk());
    EXPECT_EQ(c->state, "closed");
    EXPECT_EQ(sql_text(field_of(reviews, *r, "file_number")),
              sql_text(field_of(*find_ledger("enforcement_case"), *c, "case_number")));
  }
  EXPECT_EQ(cases.size(), 5u);
  EXPECT_EQ(per_body[body_a_], 3);
  EXPECT_EQ(per_body[body_b_], 2);
  auto d = service_->get(sys(), *find_ledger("draw"), written->draw);
  ASSERT_THAT(d, IsOk());
  const LedgerDeclaration& draws = *find_ledger("draw");
  EXPECT_EQ(sql_text(field_of(draws, *d, "draw_kind")), "case_files");
  EXPECT_EQ(sql_int(field_of(draws, *d, "population_count")), 7);
  EXPECT_EQ(sql_int(field_of(draws, *d, "drawn_count")), 5);
  EXPECT_EQ(sql_text(field_of(draws, *d, "result_hash")), sm3_hex(result));
  // Scoring takes a review on its declared step.
  auto scored = service_->transition(sys(), reviews, written->reviews[0], "score",
                                     {{"fields", {{"reviewed_on", "2025-02-10"}, {"deductions", ""}}}});
  ASSERT_THAT(scored, IsOk());
  EXPECT_EQ(sql_text(field_of(reviews, *scored, "grade")), "excellent");
  auto audit = verify_audit(*store_);
  ASSERT_THAT(audit, IsOk());
  EXPECT_TRUE(audit->intact);
  // Once only.
  EXPECT_THAT(create_reviews_from_draw(*service_, sys(), 2024, plan, result),
              ErrorIs(ErrorCode::kConflict, HasSubstr("不能重复生成")));
}

TEST_P(CaseFileDrawTest, RefusesWhatDoesNotVerifyOrMatchThePool) {
  auto [plan, result] = draw("公开值甲");
  auto count = [&] {
    auto page = service_->list(sys(), *find_ledger("case_file_review"), {});
    return page ? page->total : -1;
  };
  // A result with another team member.
  auto tampered = nlohmann::json::parse(result);
  auto& team = tampered["strata"][0]["selection"][0]["team"];
  team[0] = team[0] == "P1" ? "P2" : "P1";
  EXPECT_THAT(create_reviews_from_draw(*service_, sys(), 2024, plan, tampered.dump()),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("核验不通过：strata[0].selection[0].team")));
  // A result drawn with another public value than the one it claims.
  auto other = nlohmann::json::parse(result);
  other["proof"]["public_value"] = "公开值乙";
  EXPECT_THAT(create_reviews_from_draw(*service_, sys(), 2024, plan, other.dump()),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("核验不通过")));
  // Another year's pool is not this plan's.
  EXPECT_THAT(create_reviews_from_draw(*service_, sys(), 2023, plan, result),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("与本库2023年度结案案卷名录")));
  // A case closed in 2024 since the pool was written: the plan's pool is not the database's.
  closed("370102.sfj", body_a_, "甲司罚〔2024〕6号", "2024-12-30");
  EXPECT_THAT(create_reviews_from_draw(*service_, sys(), 2024, plan, result),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不一致")));
  // Not a plan at all; a reader may not write reviews.
  EXPECT_THAT(create_reviews_from_draw(*service_, sys(), 2024, "{}", result),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("targets_file")));
  EXPECT_THAT(create_reviews_from_draw(*service_, user(Role::kReader, "370100"), 2024, plan, result),
              ErrorIs(ErrorCode::kForbidden, HasSubstr("无权修改")));
  EXPECT_EQ(count(), 0) << "nothing written";
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseFileDrawTest, ::testing::ValuesIn(testing::all_backends()));

}  // namespace
}  // namespace fazhi
