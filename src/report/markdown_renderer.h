// The report as Markdown: "# " title, "## " level-1 and "### " level-2 headings, paragraphs,
// then the issuing organisation and the date; a table of the figures with their indicators
// closes it (附表), so that a reader sees every figure's source. Deterministic: the same
// document gives the same bytes (golden-file tests rely on it).
#pragma once

#include <string>

#include "report/report_document.h"

namespace fazhi {

std::string render_markdown(const ReportDocument& document);

}  // namespace fazhi
