// The published report's package (published_report.h): the frozen document thaws into one that
// renders exactly as the original in every text format, and the PDF and DOCX come back as
// they were put in; a damaged package is refused with a message, not a crash.
#include "report/published_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/zip_package.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

ReportDocument sample() {
  ReportDocument doc;
  doc.title = "示例市人民政府关于2024年度法治政府建设情况的报告";
  doc.org_code = "370100";
  doc.org_name = "示例市人民政府";
  doc.year = 2024;
  doc.period_from = Date::from_ymd(2024, 1, 1).value();
  doc.period_to = Date::from_ymd(2024, 12, 31).value();
  doc.date_text = "2025年3月28日";
  doc.round_id = 7;
  doc.round_state = "published";
  doc.blocks = {{BlockKind::kParagraph, "2024年，全市法治政府建设稳步推进。", "", false},
                {BlockKind::kHeading1, "一、主要举措和成效", "", false},
                {BlockKind::kHeading2, "（六）健全社会矛盾纠纷行政预防调处化解体系", "disputes", false},
                {BlockKind::kParagraph, "收到行政复议申请120件，纠错率8.33%。", "disputes", true}};
  ReportFigure received{.indicator = "reconsideration.received",
                        .label = "收到行政复议申请",
                        .unit = "件",
                        .chapter = "disputes",
                        .definition = "收到申请日期在期间内的行政复议申请"};
  received.value = 120;
  received.previous = 97;
  received.change = 23;
  received.text = "120";
  received.previous_text = "97";
  received.change_text = "同比上升23.71%";
  received.query = "SELECT count(*) FROM reconsideration WHERE …";
  received.records = 120;
  ReportFigure rate{.indicator = "reconsideration.correction_rate",
                    .label = "纠错率",
                    .unit = "%",
                    .chapter = "disputes",
                    .definition = "纠错 ÷ 审结"};
  rate.ratio = true;
  rate.value = 8.33;
  rate.numerator = 10;
  rate.denominator = 120;
  rate.text = "8.33";
  ReportFigure empty{.indicator = "reconsideration.overdue", .label = "超期审结", .unit = "件", .chapter = "disputes"};
  doc.figures = {received, rate, empty};
  doc.trends = {
      {"reconsideration.received", "收到行政复议申请", "件", {{2022, 80.0}, {2023, 97.0}, {2024, std::nullopt}}}};
  return doc;
}

TEST(PublishedReport, ThawedDocumentRendersAsTheOriginalInEveryTextFormat) {
  const ReportDocument doc = sample();
  auto thawed = thaw_report(freeze_report(doc));
  ASSERT_TRUE(thawed.has_value()) << thawed.error().full_message();
  for (ReportFormat format : {ReportFormat::kMarkdown, ReportFormat::kHtml, ReportFormat::kJson}) {
    auto original = render_report(doc, format);
    auto again = render_report(*thawed, format);
    ASSERT_TRUE(original.has_value());
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, *original) << static_cast<int>(format);
  }
  ASSERT_EQ(thawed->trends.size(), 1u);
  EXPECT_EQ(thawed->trends[0].years[1], (std::pair<int, std::optional<double>>{2023, 97.0}));
  EXPECT_FALSE(thawed->trends[0].years[2].second.has_value());
  EXPECT_EQ(thawed->figures[1].denominator, 120);
  EXPECT_FALSE(thawed->figures[2].value.has_value());
}

TEST(PublishedReport, FilesComeFromThePackage) {
  const ReportDocument doc = sample();
  auto package = zip_parts({{"report.json", freeze_report(doc)},
                            {"report.pdf", "%PDF-1.4 as published"},
                            {"report.docx", "PK as published"}},
                           "test");
  ASSERT_TRUE(package.has_value());
  EXPECT_EQ(*published_report_file(*package, ReportFormat::kPdf), "%PDF-1.4 as published");
  EXPECT_EQ(*published_report_file(*package, ReportFormat::kDocx), "PK as published");
  auto md = published_report_file(*package, ReportFormat::kMarkdown);
  ASSERT_TRUE(md.has_value());
  EXPECT_EQ(*md, *render_report(doc, ReportFormat::kMarkdown));
}

TEST(PublishedReport, DamagedPackagesAreRefusedWithAReason) {
  auto not_zip = published_report_file("not a zip archive", ReportFormat::kMarkdown);
  ASSERT_FALSE(not_zip.has_value());
  EXPECT_THAT(not_zip.error().full_message(), HasSubstr("不是完整的压缩包"));
  auto no_pdf = zip_parts({{"report.json", freeze_report(sample())}}, "test");
  auto missing = published_report_file(*no_pdf, ReportFormat::kPdf);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(missing.error().full_message(), HasSubstr("report.pdf"));
  auto wrong = thaw_report(R"({"format": "something else"})");
  ASSERT_FALSE(wrong.has_value());
  EXPECT_THAT(wrong.error().full_message(), HasSubstr("不是 fazhi 年度报告的数据文件"));
  auto truncated = thaw_report(R"({"format": "fazhi.annual_report/1", "title": "x"})");
  ASSERT_FALSE(truncated.has_value());
  EXPECT_THAT(truncated.error().full_message(), HasSubstr("内容不完整"));
}

}  // namespace
}  // namespace fazhi
