// The demo city's report rounds (ledger/demo/demo_reports.cpp) at the small scale, on both
// backends: 2021–2024 published with every department's part accepted, the market bureau's own
// 2024 report, and an open 2025 round with parts in every state; a published year's report
// passes the consistency check and renders in every format but PDF (report_files_test.cpp
// covers that) at once.
#include <set>

#include "ledger/demo/demo_city.h"
#include "report/consistency_check.h"
#include "report/report_format.h"
#include "report/report_round_status.h"
#include "report_fixture.h"

namespace fazhi {
namespace {

class DemoReportsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DemoReportsTest, PublishedYearsPassTheCheckAndTheOpenYearWaitsForParts) {
  testing::TempDatabase db(GetParam());
  auto store = Store::open(db.location(), {.create = true});
  ASSERT_TRUE(store.has_value()) << store.error().full_message();
  ASSERT_TRUE(ensure_ledger_tables(**store).has_value());
  LedgerService ledgers(**store);
  auto built = build_demo_city(ledgers, {.seed = 1, .scale = DemoScale::kSmall});
  ASSERT_TRUE(built.has_value()) << built.error().full_message();

  auto published = published_reports(**store);
  ASSERT_TRUE(published.has_value());
  ASSERT_EQ(published->size(), 5u);  // the city 2021–2024 and the market bureau's 2024
  EXPECT_EQ((*published)[0].year, 2024);

  IndicatorEngine engine(ledgers);
  ReportComposer composer(ledgers, engine);
  UserContext system = UserContext::system_context();
  for (int year : {2021, 2024}) {
    auto doc = composer.compose(system, {.year = year});
    ASSERT_TRUE(doc.has_value()) << doc.error().full_message();
    EXPECT_EQ(doc->round_state, "published");
    auto status = round_status(ledgers, system, doc->round_id);
    ASSERT_TRUE(status.has_value());
    EXPECT_EQ(status->outstanding, 0) << year;
    for (const auto& f : check_consistency(*doc, expected_parts(*status), nullptr))
      EXPECT_FALSE(f.blocking) << year << " " << f.message;
    for (auto format : {ReportFormat::kMarkdown, ReportFormat::kJson, ReportFormat::kHtml, ReportFormat::kDocx}) {
      auto bytes = render_report(*doc, format);
      ASSERT_TRUE(bytes.has_value());
      EXPECT_GT(bytes->size(), 5000u) << year << " " << report_format_extension(format);
    }
  }

  auto open = composer.compose(system, {.year = 2025});
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->round_state, "open");
  auto status = round_status(ledgers, system, open->round_id);
  ASSERT_TRUE(status.has_value());
  std::set<std::string> states;
  int not_started = 0;
  for (const auto& d : status->departments) {
    states.insert(d.state);
    if (d.part_id == 0) ++not_started;
  }
  EXPECT_TRUE(states.count("submitted"));
  EXPECT_TRUE(states.count("returned"));
  EXPECT_TRUE(states.count("draft"));
  EXPECT_GT(not_started, 0);
  EXPECT_GT(status->outstanding, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoReportsTest, ::testing::ValuesIn(testing::all_backends()));

}  // namespace
}  // namespace fazhi
