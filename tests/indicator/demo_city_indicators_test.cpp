// Every declared indicator on the small demo city, on both backends, for the whole city and
// each county: it computes, agrees with its drill-down, and a rate whose numerator counts a
// subset of its denominator's records (same ledger, same period rule) stays within 0–100%.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "drill_down_agreement.h"
#include "harness/result_matchers.h"
#include "harness/temp_database.h"
#include "indicator/indicator_engine.h"
#include "ledger/demo/demo_city.h"
#include "ledger/ledger_table.h"

namespace fazhi::testing {
namespace {

// Whether `d` is a rate of records of one ledger counted under one period rule, so that its
// numerator's records are among its denominator's.
bool is_share_of_records(const IndicatorDeclaration& d) {
  const IndicatorDeclaration* n = find_indicator(d.numerator);
  const IndicatorDeclaration* m = find_indicator(d.denominator);
  return n && m && n->aggregate == IndicatorAggregate::kCount && m->aggregate == IndicatorAggregate::kCount &&
         n->ledger == m->ledger && n->period == m->period && n->date_field == m->date_field;
}

class DemoCityIndicatorsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DemoCityIndicatorsTest, EveryFigureAgreesWithItsRecords) {
  TempDatabase db(GetParam());
  auto store = Store::open(db.location(), {.create = true});
  ASSERT_TRUE(store.has_value()) << store.error().full_message();
  ASSERT_THAT(ensure_ledger_tables(**store), IsOk());
  LedgerService ledgers(**store);
  ASSERT_THAT(build_demo_city(ledgers, {.seed = 7, .scale = DemoScale::kSmall}), IsOk());
  auto orgs = ledgers.orgs();
  ASSERT_THAT(orgs, IsOk());
  ASSERT_FALSE((*orgs)->roots().empty());
  const OrgNode* city = (*orgs)->roots().front();
  std::vector<std::string> scopes = {city->code};
  for (const OrgNode* child : (*orgs)->children(city->code))
    if (child->kind == "government") scopes.push_back(child->code);
  ASSERT_GE(scopes.size(), 3u) << "the small city has two counties";

  IndicatorEngine engine(ledgers);
  for (const std::string& org : scopes) {
    const IndicatorQuery query{.org = org, .period = Period::year(2024), .ids = {}};
    auto values = engine.compute(UserContext::system_context(), query);
    ASSERT_TRUE(values.has_value()) << org << ": " << values.error().full_message();
    ASSERT_EQ(values->size(), indicator_catalogue().size());
    for (const IndicatorValue& v : *values) {
      const std::string where = org + " " + v.indicator->id;
      for (const IndicatorFigure* f : {&v.current, &v.previous}) {
        if (f->value) {
          EXPECT_GE(*f->value, 0) << where;
        }
      }
      if (v.indicator->aggregate == IndicatorAggregate::kRatio && is_share_of_records(*v.indicator) &&
          v.current.value) {
        EXPECT_LE(*v.current.value, 100.0 + 1e-9) << where << ": a share of records above 100%";
      }
      expect_drill_down_agrees(ledgers, where, query, v);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoCityIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
