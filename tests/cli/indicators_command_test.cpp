// `fazhi indicators` on the small demo city, both backends: the JSON figures are the engine's
// for the whole region (the root organisation) or one organisation, the year before beside
// them; --records lists exactly as many records as the figure counts; an unknown organisation
// is refused.
#include <gmock/gmock.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "harness/result_matchers.h"
#include "harness/temp_database.h"
#include "indicator/indicator_engine.h"
#include "run_fazhi.h"

namespace fazhi {
namespace {

std::pair<int, std::string> run(const std::string& args) {
  return testing::run_fazhi(args, false);
}

class IndicatorsCommandTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TempDatabase>(GetParam());
    auto [status, out] = run("init --db '" + db_->location() + "' --demo --scale small");
    ASSERT_EQ(status, 0) << out;
  }
  std::string db() { return "'" + db_->location() + "'"; }
  std::vector<IndicatorValue> expected(const std::string& org) {
    auto store = Store::open(db_->location());
    EXPECT_TRUE(store.has_value());
    LedgerService service(**store);
    IndicatorEngine engine(service);
    auto v = engine.compute(UserContext::system_context(), {.org = org, .period = Period::year(2024), .ids = {}});
    EXPECT_TRUE(v.has_value()) << v.error().full_message();
    return v ? *v : std::vector<IndicatorValue>{};
  }
  std::unique_ptr<testing::TempDatabase> db_;
};

void expect_same(const nlohmann::json& item, const IndicatorValue& v) {
  auto near = [](const nlohmann::json& j, const std::optional<double>& x) {
    if (!x) return j.is_null();
    return j.is_number() && std::abs(j.get<double>() - *x) < 0.006;
  };
  EXPECT_EQ(item["id"], v.indicator->id);
  EXPECT_EQ(item["label"], v.indicator->label);
  EXPECT_EQ(item["unit"], v.indicator->unit);
  EXPECT_TRUE(near(item["value"], v.current.value)) << item.dump();
  EXPECT_TRUE(near(item["previous"], v.previous.value)) << item.dump();
  EXPECT_TRUE(near(item["change"], v.change())) << item.dump();
}

TEST_P(IndicatorsCommandTest, JsonIsTheEnginesFiguresForTheRegion) {
  auto [status, out] = run("indicators --db " + db() + " --year 2024 --json");
  ASSERT_EQ(status, 0) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["org"], "379900");
  EXPECT_EQ(j["year"], 2024);
  auto want = expected("379900");
  ASSERT_EQ(j["indicators"].size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) expect_same(j["indicators"][i], want[i]);
}

TEST_P(IndicatorsCommandTest, OneOrganisationAndItsRecords) {
  auto [status, out] = run("indicators --db " + db() + " --org 379902 --year 2024 --json");
  ASSERT_EQ(status, 0) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["org"], "379902");
  auto want = expected("379902");
  double received = -1;
  for (size_t i = 0; i < want.size(); ++i) {
    expect_same(j["indicators"][i], want[i]);
    if (want[i].indicator->id == "litigation.cases") received = want[i].current.value.value_or(-1);
  }
  ASSERT_GT(received, 0);
  auto [rs, lines] = run("indicators --db " + db() + " --org 379902 --year 2024 --records litigation.cases");
  ASSERT_EQ(rs, 0);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), static_cast<long>(received));
  auto [js, records] = run("indicators --db " + db() + " --org 379902 --year 2024 --records litigation.cases --json");
  ASSERT_EQ(js, 0);
  auto list = nlohmann::json::parse(records);
  ASSERT_EQ(list.size(), static_cast<size_t>(received));
  EXPECT_TRUE(list[0].contains("id"));
}

TEST_P(IndicatorsCommandTest, UnknownOrganisationOrIndicatorIsRefused) {
  EXPECT_NE(run("indicators --db " + db() + " --org 999999 --year 2024").first, 0);
  EXPECT_NE(run("indicators --db " + db() + " --year 2024 --records no.such").first, 0);
  EXPECT_EQ(run("indicators --db " + db() + " --year 1900").first, 2);  // bad usage: the year is out of range
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorsCommandTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
