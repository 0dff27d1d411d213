#include "report/report_format.h"

#include "report/docx_renderer.h"
#include "report/html_renderer.h"
#include "report/json_renderer.h"
#include "report/markdown_renderer.h"
#include "report/pdf_renderer.h"

namespace fazhi {

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "md" || name == "markdown") return ReportFormat::kMarkdown;
  if (name == "html") return ReportFormat::kHtml;
  if (name == "docx") return ReportFormat::kDocx;
  if (name == "pdf") return ReportFormat::kPdf;
  if (name == "json") return ReportFormat::kJson;
  return std::nullopt;
}

std::string_view report_format_extension(ReportFormat format) {
  switch (format) {
    case ReportFormat::kMarkdown:
      return "md";
    case ReportFormat::kHtml:
      return "html";
    case ReportFormat::kDocx:
      return "docx";
    case ReportFormat::kPdf:
      return "pdf";
    case ReportFormat::kJson:
      return "json";
  }
  return "";
}

std::string_view report_format_media_type(ReportFormat format) {
  switch (format) {
    case ReportFormat::kMarkdown:
      return "text/markdown; charset=utf-8";
    case ReportFormat::kHtml:
      return "text/html; charset=utf-8";
    case ReportFormat::kDocx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case ReportFormat::kPdf:
      return "application/pdf";
    case ReportFormat::kJson:
      return "application/json; charset=utf-8";
  }
  return "application/octet-stream";
}

bool report_format_needs_trace(ReportFormat format) {
  return format == ReportFormat::kJson;
}
bool report_format_needs_trends(ReportFormat format) {
  return format == ReportFormat::kHtml;
}

Result<std::string> render_report(const ReportDocument& document, ReportFormat format) {
  switch (format) {
    case ReportFormat::kMarkdown:
      return render_markdown(document);
    case ReportFormat::kHtml:
      return render_html(document, HtmlLayout::kPortal);
    case ReportFormat::kDocx:
      return render_docx(document);
    case ReportFormat::kPdf:
      return render_pdf(document);
    case ReportFormat::kJson:
      return render_json(document);
  }
  return render_markdown(document);
}

}  // namespace fazhi
