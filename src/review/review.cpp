#include "review/review.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "review/consistency_checks.h"
#include "review/figure_extractor.h"
#include "review/outline.h"

namespace fazhi::review {

Result<Reviewer> Reviewer::create() {
  FAZHI_ASSIGN_OR_RETURN(std::shared_ptr<const Normaliser> n, Normaliser::create());
  return Reviewer(std::move(n));
}

ReviewedReport Reviewer::review(const SourceText& source) const {
  ReviewedReport report;
  report.file = source.file;
  report.format = source.format;
  report.encoding = source.encoding;
  report.original_length = static_cast<uint32_t>(source.text.size());
  NormalisedText nt = normaliser_->normalise(source.text, source.format);
  report.removed = nt.removed;
  report.redactions = nt.redactions;
  segment(nt, report);
  Extraction ex = extract_figures(nt, report.chapters);
  report.figures = std::move(ex.figures);
  report.defects = nt.duplicates;
  report.defects.insert(report.defects.end(), ex.defects.begin(), ex.defects.end());
  std::vector<Defect> checked = check_report(nt, report);
  report.defects.insert(report.defects.end(), checked.begin(), checked.end());
  std::stable_sort(report.defects.begin(), report.defects.end(),
                   [](const Defect& a, const Defect& b) { return a.span.start < b.span.start; });
  return report;
}

Result<ReviewedReport> Reviewer::review_file(const std::filesystem::path& path) const {
  FAZHI_ASSIGN_OR_RETURN(SourceText src, read_source(path));
  return review(src);
}

namespace {

nlohmann::json opt(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}
nlohmann::json opt(const std::optional<int>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// The value as printed: an integer when printed without decimals.
nlohmann::json number(double v, int decimals) {
  if (decimals == 0 && v < 9e15 && v > -9e15) return nlohmann::json(static_cast<long long>(v));
  double scale = std::pow(10.0, decimals);
  return nlohmann::json(std::round(v * scale) / scale);
}

}  // namespace

nlohmann::json report_json(const ReviewedReport& r) {
  nlohmann::json j;
  j["file"] = r.file;
  j["format"] = r.format;
  j["encoding"] = r.encoding;
  j["length"] = r.original_length;
  j["title"] = opt(r.title);
  j["region"] = opt(r.region);
  j["level"] = opt(r.level);
  j["report_year"] = opt(r.report_year);
  nlohmann::json chapters = nlohmann::json::array();
  for (const Chapter& c : r.chapters) {
    chapters.push_back({{"id", c.id},
                        {"level", c.level},
                        {"marker", c.marker},
                        {"title", c.title},
                        {"area", c.area.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.area)},
                        {"implicit", c.implicit},
                        {"start", c.span.start},
                        {"end", c.span.end}});
  }
  j["chapters"] = chapters;
  nlohmann::json figures = nlohmann::json::array();
  for (const Figure& f : r.figures) {
    nlohmann::json fj;
    fj["value"] = number(f.value, f.decimals);
    fj["unit"] = opt(f.unit);
    fj["qualifier"] = opt(f.qualifier);
    if (f.scaled_value) {
      double s = *f.scaled_value;
      fj["scaled_value"] = (std::fabs(s - std::round(s)) < 1e-6 && s < 9e15)
                               ? nlohmann::json(static_cast<long long>(std::round(s)))
                               : nlohmann::json(s);
    } else {
      fj["scaled_value"] = nullptr;
    }
    fj["base_unit"] = opt(f.base_unit);
    fj["label"] = f.label;
    fj["indicator"] = opt(f.indicator);
    fj["chapter"] = f.chapter.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.chapter);
    fj["start"] = f.span.start;
    fj["end"] = f.span.end;
    fj["text"] = f.text;
    fj["quote"] = f.quote;
    fj["area"] = f.area.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.area);
    figures.push_back(fj);
  }
  j["figures"] = figures;
  nlohmann::json defects = nlohmann::json::array();
  for (const Defect& d : r.defects) {
    defects.push_back({{"kind", d.kind}, {"start", d.span.start}, {"end", d.span.end}, {"message", d.message}});
  }
  j["defects"] = defects;
  nlohmann::json removed = nlohmann::json::array();
  for (const Removal& m : r.removed) {
    removed.push_back(
        {{"kind", m.kind}, {"text", m.text}, {"start", m.span.start}, {"end", m.span.end}, {"count", m.count}});
  }
  j["removed"] = removed;
  nlohmann::json redactions = nlohmann::json::array();
  for (const Redaction& m : r.redactions) {
    redactions.push_back({{"text", m.text}, {"start", m.span.start}, {"end", m.span.end}});
  }
  j["redactions"] = redactions;
  return j;
}

std::vector<ComparisonRow> compare_reports(const std::vector<ReviewedReport>& reports) {
  std::map<std::string, ComparisonRow> rows;
  for (size_t ri = 0; ri < reports.size(); ++ri) {
    for (const Figure& f : reports[ri].figures) {
      if (!f.indicator) continue;
      ComparisonRow& row = rows[*f.indicator];
      row.indicator = *f.indicator;
      row.cells.resize(reports.size());
      auto& cell = row.cells[ri];
      if (!cell) {
        cell = ComparisonCell{f.text, f.quote.empty() ? f.label + f.text : f.quote, f.span};
      } else {
        cell->text += "; " + f.text;
      }
    }
  }
  std::vector<ComparisonRow> out;
  for (auto& [id, row] : rows) {
    row.cells.resize(reports.size());
    out.push_back(std::move(row));
  }
  return out;
}

nlohmann::json comparison_json(const std::vector<ReviewedReport>& reports) {
  nlohmann::json j;
  nlohmann::json cols = nlohmann::json::array();
  for (const auto& r : reports) cols.push_back(r.file);
  j["reports"] = cols;
  nlohmann::json rows = nlohmann::json::array();
  for (const ComparisonRow& row : compare_reports(reports)) {
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& c : row.cells) {
      if (!c)
        cells.push_back(nullptr);
      else
        cells.push_back({{"text", c->text}, {"quote", c->quote}, {"start", c->span.start}, {"end", c->span.end}});
    }
    rows.push_back({{"indicator", row.indicator}, {"cells", cells}});
  }
  j["rows"] = rows;
  return j;
}

std::string comparison_text(const std::vector<ReviewedReport>& reports) {
  std::ostringstream out;
  out << "指标";
  for (const auto& r : reports)
    out << '\t' << (r.region ? *r.region : r.file) << (r.report_year ? fmt::format(" {}", *r.report_year) : "");
  out << '\n';
  for (const ComparisonRow& row : compare_reports(reports)) {
    out << row.indicator;
    for (const auto& c : row.cells) {
      out << '\t';
      if (c)
        out << c->text << "（“" << c->quote << "”）";
      else
        out << "—";
    }
    out << '\n';
  }
  return out.str();
}

std::string report_text(const ReviewedReport& r) {
  std::ostringstream out;
  out << "文件：" << r.file << "（" << r.format << "，" << r.encoding << "）\n";
  out << "标题：" << (r.title ? *r.title : "（未识别）") << "\n";
  out << "地区：" << (r.region ? *r.region : "（未识别）") << "  层级：" << (r.level ? *r.level : "—") << "  报告年度："
      << (r.report_year ? std::to_string(*r.report_year) : "（未识别）") << "\n";
  out << "章节：\n";
  for (const Chapter& c : r.chapters) {
    out << std::string(static_cast<size_t>(c.level) * 2, ' ') << c.id << ' ' << c.marker << c.title
        << (c.area.empty() ? "" : "  [" + c.area + "]") << '\n';
  }
  out << "数字（" << r.figures.size() << "）：\n";
  for (const Figure& f : r.figures) {
    out << "  [" << f.span.start << ',' << f.span.end << ") " << f.text << "  " << f.label;
    if (f.indicator) out << "  → " << *f.indicator;
    out << '\n';
  }
  out << "问题（" << r.defects.size() << "）：\n";
  for (const Defect& d : r.defects)
    out << "  [" << d.span.start << ',' << d.span.end << ") " << d.kind << "：" << d.message << '\n';
  if (!r.removed.empty()) {
    out << "已去除：\n";
    for (const Removal& m : r.removed)
      out << "  " << m.kind << "：" << m.text << (m.count > 1 ? fmt::format("（{} 处）", m.count) : "") << '\n';
  }
  return out.str();
}

}  // namespace fazhi::review
