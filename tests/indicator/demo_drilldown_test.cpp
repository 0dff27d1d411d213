// On the demo city (small scale), for every organisation and every indicator of a year: the
// records listed behind a figure are exactly as many as the figure counts, on both backends.
#include <gmock/gmock.h>

#include "harness/result_matchers.h"
#include "harness/temp_database.h"
#include "indicator/indicator_engine.h"
#include "ledger/demo/demo_city.h"
#include "ledger/ledger_table.h"

namespace fazhi {
namespace {

using ::fazhi::testing::IsOk;

class DemoDrillDownTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DemoDrillDownTest, EveryFigureOfEveryOrganisationAgreesWithItsRecords) {
  testing::TempDatabase db(GetParam());
  auto store = Store::open(db.location(), {.create = true});
  ASSERT_THAT(store, IsOk());
  ASSERT_THAT(ensure_ledger_tables(**store), IsOk());
  LedgerService service(**store);
  ASSERT_THAT(build_demo_city(service, {.seed = 7, .scale = DemoScale::kSmall}), IsOk());
  auto orgs = service.orgs();
  ASSERT_THAT(orgs, IsOk());
  IndicatorEngine engine(service);
  const UserContext system = UserContext::system_context();
  int checked = 0, nonzero = 0;
  for (const OrgNode& org : (*orgs)->all()) {
    if (org.kind != "government" && org.kind != "department") continue;
    const IndicatorQuery q{.org = org.code, .period = Period::year(2024), .ids = {}};
    auto values = engine.compute(system, q);
    ASSERT_THAT(values, IsOk()) << org.code;
    for (const auto& v : *values) {
      // The drill-down of a ratio lists its numerator's records; a sum or a count of distinct
      // values is not a count of records, so only counts are compared here.
      const IndicatorDeclaration* counted_by =
          v.indicator->aggregate == IndicatorAggregate::kRatio ? find_indicator(v.indicator->numerator) : v.indicator;
      if (counted_by->aggregate == IndicatorAggregate::kSum ||
          counted_by->aggregate == IndicatorAggregate::kCountDistinct)
        continue;
      double counted = v.current.numerator;
      if (counted == 0 && org.kind == "department") continue;  // most departments keep few ledgers
      auto r = engine.records(system, q, v.indicator->id, 1, 1);
      ASSERT_THAT(r, IsOk()) << org.code << " " << v.indicator->id;
      EXPECT_EQ(static_cast<double>(r->total), counted) << org.code << " " << v.indicator->id;
      ++checked;
      if (counted > 0) ++nonzero;
    }
  }
  EXPECT_GT(checked, 500);
  EXPECT_GT(nonzero, 100);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoDrillDownTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
