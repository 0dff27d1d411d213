// The case-file review draw over real HTTP on both backends: the district coordinator fetches
// the pool of 2024's closed cases and a draft plan, the draw is run on them (as `fazhi draw`
// would), and the verified result posted back becomes one review per drawn case; posting it
// again conflicts, a tampered result and a reader are refused, parameters are checked.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "api_fixture.h"
#include "core/credit_code.h"
#include "draw/draw_engine.h"
#include "draw/draw_plan.h"
#include "draw/draw_result.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

class CaseFileDrawApiTest : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    for (const char* name : {"赵评查", "钱评查"}) add("people", "370102", {{"name", name}});
    std::string first17 = "11370102MB0000001";
    std::int64_t body = add("enforcement_body", "370102.sfj",
                            {{"name", "甲区司法局"},
                             {"organization", "370102.sfj"},
                             {"body_kind", "statutory"},
                             {"uscc", first17 + credit_code_check_character(first17).value()}});
    for (int k = 1; k <= 4; ++k)
      add("enforcement_case", "370102.sfj",
          {{"kind", "penalty"},
           {"party", "某公司"},
           {"case_number", fmt::format("甲司罚〔2024〕{}号", k)},
           {"opened_on", "2024-02-01"},
           {"closed_on", fmt::format("2024-0{}-10", k + 2)},
           {"enforcement_body", body}},
          "closed");
  }
  std::int64_t add(const std::string& ledger, const std::string& org, nlohmann::json fields,
                   const std::string& state = "") {
    nlohmann::json b = {{"org_code", org}, {"fields", std::move(fields)}};
    if (!state.empty()) b["state"] = state;
    auto r = service_->create(UserContext::system_context(), *find_ledger(ledger), b);
    EXPECT_TRUE(r.has_value()) << r.error().full_message();
    return r ? r->id : 0;
  }
};

TEST_P(CaseFileDrawApiTest, PoolPlanDrawAndReviews) {
  auto coordinator = login("coordinator");  // 甲区人民政府 370102
  EXPECT_EQ(call("GET", "/api/case-file-draws/pool?year=2024").status, 401);
  auto pool = call("GET", "/api/case-file-draws/pool?year=2024", &coordinator);
  ASSERT_EQ(pool.status, 200) << pool.raw;
  EXPECT_EQ(std::count(pool.raw.begin(), pool.raw.end(), '\n'), 5) << "header and four cases";
  EXPECT_THAT(pool.raw, HasSubstr(",甲司罚〔2024〕1号,"));
  EXPECT_EQ(call("GET", "/api/case-file-draws/pool", &coordinator).status, 400);
  EXPECT_EQ(call("GET", "/api/case-file-draws/plan?year=2024&per_body=0", &coordinator).status, 400);
  auto plan = call("GET", "/api/case-file-draws/plan?year=2024&per_body=2&date=2025-01-10", &coordinator);
  ASSERT_EQ(plan.status, 200) << plan.raw;
  EXPECT_EQ(plan.body["departments"][0]["id"], "370102");
  EXPECT_EQ(plan.body["strata"][0]["count"], 2);

  // The draw, as `fazhi draw run` makes it from the two files.
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("fazhi-case-draw-api-" + GetParam() + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / plan.body["targets_file"]["name"].get<std::string>(), std::ios::binary) << pool.raw;
  auto parsed = draw::parse_plan(plan.raw, dir, "计划");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().full_message();
  auto drawn = draw::run_draw(*parsed, {.public_value = "2025-01-12 开奖号码 05 09 13"});
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(drawn.has_value()) << drawn.error().full_message();
  const std::string result = draw::result_to_json(*drawn);

  auto tampered = nlohmann::json::parse(result);
  tampered["proof"]["seed"] = std::string(64, '0');
  auto bad = call("POST", "/api/case-file-draws/reviews", &coordinator,
                  nlohmann::json{{"year", 2024}, {"plan", plan.body}, {"result", tampered}}.dump());
  EXPECT_EQ(bad.status, 400) << bad.raw;
  auto reader = login("reader");
  EXPECT_EQ(call("POST", "/api/case-file-draws/reviews", &reader,
                 nlohmann::json{{"year", 2024}, {"plan", plan.body}, {"result", result}}.dump())
                .status,
            403);

  auto made = call("POST", "/api/case-file-draws/reviews", &coordinator,
                   nlohmann::json{{"year", 2024}, {"plan", plan.body}, {"result", result}}.dump());
  ASSERT_EQ(made.status, 201) << made.raw;
  ASSERT_EQ(made.body["reviews"].size(), 2u);
  EXPECT_EQ(made.body["draw_number"], "AJPC-2024-370102");
  auto review =
      call("GET", fmt::format("/api/ledgers/case_file_review/{}", made.body["reviews"][0].get<std::int64_t>()),
           &coordinator);
  ASSERT_EQ(review.status, 200) << review.raw;
  EXPECT_EQ(review.body["state"], "reviewing");
  EXPECT_EQ(review.body["fields"]["draw"], made.body["draw"]);
  auto again = call("POST", "/api/case-file-draws/reviews", &coordinator,
                    nlohmann::json{{"year", 2024}, {"plan", plan.raw}, {"result", result}}.dump());
  EXPECT_EQ(again.status, 409) << again.raw;
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseFileDrawApiTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
