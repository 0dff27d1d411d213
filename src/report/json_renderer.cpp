#include "report/json_renderer.h"

namespace fazhi {
namespace {

nlohmann::json number_or_null(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

const char* block_kind(BlockKind k) {
  switch (k) {
    case BlockKind::kHeading1:
      return "heading1";
    case BlockKind::kHeading2:
      return "heading2";
    case BlockKind::kParagraph:
      return "paragraph";
  }
  return "paragraph";
}

}  // namespace

nlohmann::json report_json(const ReportDocument& doc) {
  nlohmann::json period = {{"from", doc.period_from.iso()}, {"to", doc.period_to.iso()}};
  nlohmann::json out = {
      {"format", "fazhi.annual_report/1"},
      {"title", doc.title},
      {"organisation", {{"code", doc.org_code}, {"name", doc.org_name}, {"department", doc.department}}},
      {"year", doc.year},
      {"period", period},
      {"date", doc.date_text},
      {"round", doc.round_id
                    ? nlohmann::json({{"id", doc.round_id}, {"state", doc.round_state}, {"edited", doc.edited}})
                    : nlohmann::json()},
  };
  nlohmann::json blocks = nlohmann::json::array();
  for (const auto& b : doc.blocks) {
    nlohmann::json j = {{"kind", block_kind(b.kind)}, {"text", b.text}};
    if (!b.chapter.empty()) j["chapter"] = b.chapter;
    if (b.figures_sentence) j["computed"] = true;
    blocks.push_back(std::move(j));
  }
  out["blocks"] = std::move(blocks);
  nlohmann::json figures = nlohmann::json::array();
  for (const auto& f : doc.figures) {
    nlohmann::json j = {{"indicator", f.indicator},
                        {"label", f.label},
                        {"unit", f.unit},
                        {"chapter", f.chapter},
                        {"scope", doc.org_code},
                        {"period", period},
                        {"value", number_or_null(f.value)},
                        {"text", f.text},
                        {"previous", {{"value", number_or_null(f.previous)}, {"text", f.previous_text}}},
                        {"change", number_or_null(f.change)},
                        {"change_text", f.change_text},
                        {"definition", f.definition}};
    if (f.ratio) j["ratio"] = {{"numerator", f.numerator}, {"denominator", f.denominator}};
    if (f.records) j["records"] = *f.records;
    if (!f.query.empty()) j["query"] = f.query;
    figures.push_back(std::move(j));
  }
  out["figures"] = std::move(figures);
  return out;
}

std::string render_json(const ReportDocument& doc) {
  return report_json(doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace fazhi
