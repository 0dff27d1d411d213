// Fuzzes the coordinator's edited body: any bytes are parsed into blocks (never failing), the
// parse is stable (writing the blocks back and parsing again gives the same blocks), the
// typed-figure scan of the consistency check runs over them against a computed figure, and
// the HTML rendering never lets a '<' of the text through unescaped.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "report/consistency_check.h"
#include "report/html_renderer.h"
#include "report/markdown_renderer.h"
#include "report/report_composer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace fazhi;
  std::string body(reinterpret_cast<const char*>(data), size);
  ReportDocument doc;
  doc.title = "示例市人民政府关于2024年度法治政府建设情况的报告";
  doc.org_name = "示例市人民政府";
  doc.year = 2024;
  ReportFigure received{.indicator = "reconsideration.received", .label = "收到行政复议申请", .unit = "件"};
  received.value = 4;
  received.text = "4";
  doc.figures.push_back(received);
  apply_edited_body(doc, body);
  const auto first = doc.blocks;
  apply_edited_body(doc, editable_body(doc));
  if (doc.blocks.size() != first.size()) std::abort();
  for (size_t i = 0; i < first.size(); ++i)
    if (doc.blocks[i].kind != first[i].kind || doc.blocks[i].text != first[i].text) std::abort();
  (void)check_consistency(doc, {}, nullptr);
  (void)render_markdown(doc);
  std::string html = render_html(doc, HtmlLayout::kPortal);
  for (const auto& b : doc.blocks)
    if (b.kind == BlockKind::kParagraph && b.text.find('<') != std::string::npos &&
        html.find("<p>" + b.text + "</p>") != std::string::npos)
      std::abort();
  return 0;
}
