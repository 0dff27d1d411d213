// The report as PDF: the print layout of the HTML rendering (GB/T 9704 page, html_renderer.h)
// printed by headless Chromium (STACK.md), which embeds the fonts it sets the text in (the
// free CJK fonts of this machine when the 公文 fonts are absent). Runs one chromium process
// in a private temporary folder, without a shell; takes a second or two.
#pragma once

#include <string>

#include "core/result.h"
#include "report/report_document.h"

namespace fazhi {

// Fails (kUnavailable) when chromium is not installed or fails, naming what to install or
// what it printed. `chromium` overrides the program (default: $FAZHI_CHROMIUM or chromium).
Result<std::string> render_pdf(const ReportDocument& document, std::string chromium = "");

}  // namespace fazhi
