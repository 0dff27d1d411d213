// A published report, frozen: at publication the composed report is kept with its round as a
// package (a ZIP attachment of the report_round record): report.json, the document as
// published (json_renderer.h's form, plus the five-year trends), and report.pdf and
// report.docx as rendered then. The portal serves a published report from its package, so
// its figures stay what was published when the ledgers change later, and the PDF is never
// rendered again.
#pragma once

#include <string>

#include "core/result.h"
#include "report/report_document.h"
#include "report/report_format.h"

namespace fazhi {

// The package's bytes for `document` (composed with trace and trends). Renders the PDF
// (chromium) and the DOCX; fails when either cannot be made.
Result<std::string> published_package(const ReportDocument& document);

// The published report in `format`, from a package published_package() made: the PDF and
// DOCX as they were published, the other formats rendered from the frozen document.
Result<std::string> published_report_file(const std::string& package, ReportFormat format);

// The document as report.json holds it, and back: thaw_report(freeze_report(d)) renders
// exactly as d in every format.
std::string freeze_report(const ReportDocument& document);
Result<ReportDocument> thaw_report(const std::string& frozen);

}  // namespace fazhi
