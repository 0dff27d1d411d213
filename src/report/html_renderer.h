// The report as one self-contained HTML page (no script, no external resource). For the
// portal: the text, then charts of the main indicators over five years (inline SVG) and the
// table of figures. For print (the PDF): the GB/T 9704 page (A4, margins 37/26/35/28 mm,
// 22 lines of 28 characters, 公文 fonts named first with free fallbacks, page numbers
// "— 1 —" at the outside corner) and no charts. All text is escaped.
#pragma once

#include <string>

#include "report/report_document.h"

namespace fazhi {

enum class HtmlLayout { kPortal, kPrint };

std::string render_html(const ReportDocument& document, HtmlLayout layout = HtmlLayout::kPortal);

}  // namespace fazhi
