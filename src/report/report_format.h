// The output formats of the annual report by name (md, html, docx, pdf, json) with their
// media type and file extension, and rendering a composed document into one of them — the
// one place the CLI and the API choose a renderer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "report/report_document.h"

namespace fazhi {

enum class ReportFormat { kMarkdown, kHtml, kDocx, kPdf, kJson };

// "md" (also "markdown"), "html", "docx", "pdf", "json"; nullopt for anything else.
std::optional<ReportFormat> parse_report_format(std::string_view name);
std::string_view report_format_extension(ReportFormat format);   // "md", "html", …
std::string_view report_format_media_type(ReportFormat format);  // "text/markdown; charset=utf-8", …
// What the format needs composed: the reproducing queries (JSON) and the trends (HTML).
bool report_format_needs_trace(ReportFormat format);
bool report_format_needs_trends(ReportFormat format);

// The document in `format`; fails as the DOCX and PDF renderers do.
Result<std::string> render_report(const ReportDocument& document, ReportFormat format);

}  // namespace fazhi
