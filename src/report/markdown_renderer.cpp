#include "report/markdown_renderer.h"

#include <fmt/format.h>

namespace fazhi {
namespace {

// Table cells may not hold a bar or a line break.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string render_markdown(const ReportDocument& doc) {
  std::string out = "# " + doc.title + "\n";
  for (const auto& b : doc.blocks) {
    out += "\n";
    if (b.kind == BlockKind::kHeading1) out += "## ";
    if (b.kind == BlockKind::kHeading2) out += "### ";
    out += b.text + "\n";
  }
  out += "\n" + doc.org_name + "\n";
  if (!doc.date_text.empty()) out += "\n" + doc.date_text + "\n";
  if (!doc.figures.empty()) {
    out += fmt::format("\n## 附表：{}年度主要指标\n\n", doc.year);
    out += "| 指标 | 编号 | 本年 | 上年 | 同比 |\n|---|---|---|---|---|\n";
    for (const auto& f : doc.figures) {
      std::string value = f.value ? f.text + f.unit : "—";
      std::string previous = "—";
      if (f.previous) previous = f.previous_text + f.unit;
      out += fmt::format("| {} | {} | {} | {} | {} |\n", cell(f.label), f.indicator, cell(value), cell(previous),
                         f.change_text.empty() ? "—" : f.change_text);
    }
  }
  return out;
}

}  // namespace fazhi
