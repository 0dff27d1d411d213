#include "report/published_report.h"

#include <nlohmann/json.hpp>

#include "report/docx_renderer.h"
#include "report/json_renderer.h"
#include "report/pdf_renderer.h"
#include "report/zip_package.h"

namespace fazhi {
namespace {

constexpr const char* kPackage = "发布的年度报告";

std::optional<double> number_or_empty(const nlohmann::json& j) {
  if (j.is_number()) return j.get<double>();
  return std::nullopt;
}

BlockKind block_kind_of(const std::string& text) {
  if (text == "heading1") return BlockKind::kHeading1;
  if (text == "heading2") return BlockKind::kHeading2;
  return BlockKind::kParagraph;
}

Result<Date> date_of(const nlohmann::json& j, std::string_view key) {
  auto d = parse_date(j.value(std::string(key), std::string()));
  if (!d) return invalid_input(kPackage, "report.json", std::string("期间日期 ") + std::string(key) + " 无效");
  return *d;
}

}  // namespace

std::string freeze_report(const ReportDocument& doc) {
  nlohmann::json j = report_json(doc);
  nlohmann::json trends = nlohmann::json::array();
  for (const auto& t : doc.trends) {
    nlohmann::json years = nlohmann::json::array();
    for (const auto& [year, value] : t.years)
      years.push_back({{"year", year}, {"value", value ? nlohmann::json(*value) : nlohmann::json()}});
    trends.push_back({{"indicator", t.indicator}, {"label", t.label}, {"unit", t.unit}, {"years", years}});
  }
  j["trends"] = std::move(trends);
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<ReportDocument> thaw_report(const std::string& frozen) {
  nlohmann::json j = nlohmann::json::parse(frozen, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("format", std::string()) != "fazhi.annual_report/1")
    return invalid_input(kPackage, "report.json", "不是 fazhi 年度报告的数据文件");
  try {
    ReportDocument doc;
    doc.title = j.at("title").get<std::string>();
    const auto& org = j.at("organisation");
    doc.org_code = org.at("code").get<std::string>();
    doc.org_name = org.at("name").get<std::string>();
    doc.department = org.value("department", false);
    doc.year = j.at("year").get<int>();
    FAZHI_ASSIGN_OR_RETURN(doc.period_from, date_of(j.at("period"), "from"));
    FAZHI_ASSIGN_OR_RETURN(doc.period_to, date_of(j.at("period"), "to"));
    doc.date_text = j.value("date", std::string());
    if (j.contains("round") && j["round"].is_object()) {
      doc.round_id = j["round"].value("id", std::int64_t{0});
      doc.round_state = j["round"].value("state", std::string());
      doc.edited = j["round"].value("edited", false);
    }
    for (const auto& b : j.at("blocks"))
      doc.blocks.push_back({block_kind_of(b.value("kind", std::string())), b.at("text").get<std::string>(),
                            b.value("chapter", std::string()), b.value("computed", false)});
    for (const auto& f : j.at("figures")) {
      ReportFigure figure{.indicator = f.at("indicator").get<std::string>(),
                          .label = f.value("label", std::string()),
                          .unit = f.value("unit", std::string()),
                          .chapter = f.value("chapter", std::string()),
                          .definition = f.value("definition", std::string())};
      figure.value = number_or_empty(f["value"]);
      figure.text = f.value("text", std::string());
      if (f.contains("previous") && f["previous"].is_object()) {
        figure.previous = number_or_empty(f["previous"]["value"]);
        figure.previous_text = f["previous"].value("text", std::string());
      }
      figure.change = number_or_empty(f["change"]);
      figure.change_text = f.value("change_text", std::string());
      if (f.contains("ratio") && f["ratio"].is_object()) {
        figure.ratio = true;
        figure.numerator = f["ratio"].value("numerator", 0.0);
        figure.denominator = f["ratio"].value("denominator", 0.0);
      }
      if (f.contains("records") && f["records"].is_number_integer()) figure.records = f["records"].get<std::int64_t>();
      figure.query = f.value("query", std::string());
      doc.figures.push_back(std::move(figure));
    }
    for (const auto& t : j.value("trends", nlohmann::json::array())) {
      ReportTrend trend{.indicator = t.at("indicator").get<std::string>(),
                        .label = t.value("label", std::string()),
                        .unit = t.value("unit", std::string()),
                        .years = {}};
      for (const auto& y : t.at("years"))
        trend.years.emplace_back(y.at("year").get<int>(), number_or_empty(y["value"]));
      doc.trends.push_back(std::move(trend));
    }
    return doc;
  } catch (const nlohmann::json::exception& e) {
    return invalid_input(kPackage, "report.json", std::string("内容不完整：") + e.what());
  }
}

Result<std::string> published_package(const ReportDocument& document) {
  FAZHI_ASSIGN_OR_RETURN(std::string pdf, render_pdf(document));
  FAZHI_ASSIGN_OR_RETURN(std::string docx, render_docx(document));
  return zip_parts(
      {{"report.json", freeze_report(document)}, {"report.pdf", std::move(pdf)}, {"report.docx", std::move(docx)}},
      kPackage);
}

Result<std::string> published_report_file(const std::string& package, ReportFormat format) {
  if (format == ReportFormat::kPdf) return zip_part(package, "report.pdf", kPackage);
  if (format == ReportFormat::kDocx) return zip_part(package, "report.docx", kPackage);
  FAZHI_ASSIGN_OR_RETURN(std::string frozen, zip_part(package, "report.json", kPackage));
  FAZHI_ASSIGN_OR_RETURN(ReportDocument document, thaw_report(frozen));
  return render_report(document, format);
}

}  // namespace fazhi
