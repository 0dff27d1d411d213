// The composed report of the fixed data set (report_fixture.h) on both backends: Markdown and
// JSON against golden files (FAZHI_UPDATE_GOLDEN=1 rewrites them), every JSON figure equal to
// the indicator engine's value and its drill-down count, and the consistency check's findings.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "report/consistency_check.h"
#include "report/json_renderer.h"
#include "report/markdown_renderer.h"
#include "report/report_round_status.h"
#include "report_fixture.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

std::string golden_path(const std::string& name) {
  return std::string(FAZHI_TEST_GOLDEN_DIR) + "/" + name;
}

void expect_golden(const std::string& name, const std::string& actual) {
  if (const char* update = std::getenv("FAZHI_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(golden_path(name), std::ios::binary) << actual;
    return;
  }
  std::ifstream in(golden_path(name), std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << name << " (run with FAZHI_UPDATE_GOLDEN=1 once)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "differs from golden/" << name;
}

class ReportOutputTest : public testing::ReportFixture {};

TEST_P(ReportOutputTest, FiguresAreTheWorkedOutAnswers) {
  composed_round();
  auto doc = compose();
  ASSERT_TRUE(doc.has_value()) << doc.error().full_message();
  EXPECT_EQ(doc->title, "示例市人民政府关于2024年度法治政府建设情况的报告");
  EXPECT_EQ(doc->date_text, "2025年3月28日");
  ASSERT_EQ(doc->figures.size(), 4u);
  const ReportFigure* received = doc->figure("reconsideration.received");
  ASSERT_NE(received, nullptr);
  EXPECT_EQ(received->text, "4");
  EXPECT_EQ(received->previous_text, "2");
  EXPECT_EQ(received->change_text, "同比上升100.00%");
  EXPECT_EQ(doc->figure("reconsideration.concluded")->change_text, "同比上升50.00%");
  EXPECT_EQ(doc->figure("reconsideration.corrected")->change_text, "与上年持平");
  const ReportFigure* rate = doc->figure("reconsideration.correction_rate");
  EXPECT_EQ(rate->text, "33.33");
  EXPECT_EQ(rate->change_text, "同比降低16.67个百分点");
}

TEST_P(ReportOutputTest, MarkdownAndJsonMatchTheGoldenFiles) {
  composed_round();
  auto doc = compose();
  ASSERT_TRUE(doc.has_value()) << doc.error().full_message();
  expect_golden("city_2024.md", render_markdown(*doc));
  doc->round_id = 1;  // ids differ between runs only if the fixture changes; pin for the file
  expect_golden("city_2024.json", render_json(*doc));
}

TEST_P(ReportOutputTest, EveryJsonFigureIsTheEnginesValueAndDrillDownCount) {
  composed_round();
  auto doc = compose(/*trace=*/true);
  ASSERT_TRUE(doc.has_value()) << doc.error().full_message();
  nlohmann::json json = report_json(*doc);
  IndicatorEngine engine(*service_);
  IndicatorQuery query{"370100", Period::year(2024), testing::kReportIndicators};
  auto values = engine.compute(UserContext::system_context(), query);
  ASSERT_TRUE(values.has_value()) << values.error().full_message();
  ASSERT_EQ(json["figures"].size(), values->size());
  for (size_t i = 0; i < values->size(); ++i) {
    const auto& figure = json["figures"][i];
    const IndicatorValue& v = (*values)[i];
    EXPECT_EQ(figure["indicator"], v.indicator->id);
    EXPECT_DOUBLE_EQ(figure["value"].get<double>(), *v.current.value) << v.indicator->id;
    EXPECT_EQ(figure["period"]["from"], "2024-01-01");
    EXPECT_EQ(figure["period"]["to"], "2024-12-31");
    auto records = engine.records(UserContext::system_context(), query, v.indicator->id);
    ASSERT_TRUE(records.has_value());
    EXPECT_EQ(figure["records"].get<std::int64_t>(), records->total) << v.indicator->id;
    auto sql = engine.reproducing_sql(UserContext::system_context(), query, v.indicator->id);
    ASSERT_TRUE(sql.has_value());
    EXPECT_EQ(figure["query"], *sql);
  }
  // The worked-out drill-downs: 4 cases received; the rate's records are its numerator's (1).
  EXPECT_EQ(json["figures"][0]["records"], 4);
  EXPECT_EQ(json["figures"][3]["records"], 1);
}

TEST_P(ReportOutputTest, ConsistencyCheckFindsTheMissingPartAndATypedFigure) {
  LedgerRecord r = round();
  auto status = round_status(*service_, coordinator(), r.id);
  ASSERT_TRUE(status.has_value()) << status.error().full_message();
  ASSERT_EQ(status->departments.size(), 1u);  // 甲区 is a government: it reports on its own
  EXPECT_EQ(status->departments[0].org_code, "370100.sfj");
  EXPECT_TRUE(status->departments[0].had_records);
  EXPECT_EQ(status->departments[0].part_id, 0);
  EXPECT_EQ(status->outstanding, 1);

  auto doc = compose();
  ASSERT_TRUE(doc.has_value());
  auto reviewer = review::Reviewer::create();
  ASSERT_TRUE(reviewer.has_value());
  auto findings = check_consistency(*doc, expected_parts(*status), &*reviewer);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].kind, "missing_part");
  EXPECT_THAT(findings[0].message, HasSubstr("示例市司法局"));
  for (const auto& f : findings) EXPECT_NE(f.kind, "typed_figure") << f.message;  // computed text agrees

  // The coordinator types 5 where the ledgers say 4.
  apply_edited_body(*doc, "## 一、主要举措和成效\n\n2024年，全市收到行政复议申请5件，审结3件。\n");
  findings = check_consistency(*doc, {}, &*reviewer);
  bool typed = false;
  for (const auto& f : findings)
    if (f.kind == "typed_figure" && f.indicator == "reconsideration.received") {
      typed = true;
      EXPECT_TRUE(f.blocking);
      EXPECT_THAT(f.message, HasSubstr("收到行政复议申请5"));
    }
  EXPECT_TRUE(typed);
}

TEST_P(ReportOutputTest, RateInconsistentWithItsCountsIsFound) {
  ReportDocument doc;
  doc.year = 2024;
  ReportFigure rate{.indicator = "reconsideration.correction_rate", .label = "纠错率", .unit = "%", .ratio = true};
  rate.value = 40;
  rate.text = "40.00";
  rate.numerator = 1;
  rate.denominator = 3;
  doc.figures.push_back(rate);
  ReportFigure empty{.indicator = "reconsideration.received", .label = "收到行政复议申请", .unit = "件"};
  doc.figures.push_back(empty);
  auto findings = check_consistency(doc, {}, nullptr);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].kind, "rate_mismatch");
  EXPECT_EQ(findings[1].kind, "empty_slot");
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportOutputTest, ::testing::ValuesIn(testing::all_backends()));

}  // namespace
}  // namespace fazhi
