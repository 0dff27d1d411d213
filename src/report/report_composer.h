// Composes the annual report of an organisation for a year (REPORT.md): the title, the
// coordinator's opening, then chapter by chapter of the outline (report_template.h) a
// sentence stating the chapter's computed figures (with the year-on-year change where the
// outline asks) followed by the departments' narrative from their parts, and the closing
// signature and date. When the coordinator has edited the text (report_round.edited_text)
// the edited text is the body and the figures stay computed beside it (the consistency check
// flags a typed figure that differs). Reads through LedgerService and IndicatorEngine, so
// the asking user's role and organisation scope apply; writes nothing.
#pragma once

#include <string>

#include "core/result.h"
#include "indicator/indicator_engine.h"
#include "ledger/ledger_service.h"
#include "report/report_document.h"

namespace fazhi {

struct ComposeOptions {
  std::string org;  // organisation code; empty: the user's own (the system: the root)
  int year = 0;
  bool trace = false;   // fill each figure's reproducing query and drill-down count (JSON)
  bool trends = false;  // five years of the main indicators (HTML charts)
  int trend_years = 5;
  std::vector<std::string> indicators;  // only these slots (tests, benchmarks); empty: every one
};

// 成文日期 as a report prints it: "2025-03-28" → "2025年3月28日"; empty for text that is no date.
std::string report_date_text(const std::string& iso);

class ReportComposer {
 public:
  ReportComposer(LedgerService& ledgers, IndicatorEngine& engine) : ledgers_(ledgers), engine_(engine) {}

  // The report as it stands: fails when the organisation is unknown or outside the user's
  // scope, or the year is outside 2000–2100. Without a round for the year the report still
  // has its figures, with empty narrative.
  Result<ReportDocument> compose(const UserContext& user, const ComposeOptions& options);

 private:
  LedgerService& ledgers_;
  IndicatorEngine& engine_;
};

// The Markdown body of a document, as the coordinator edits it: "## " for level-1 headings,
// "### " for level-2, paragraphs separated by blank lines (no title, no signature).
std::string editable_body(const ReportDocument& document);
// Replaces the document's blocks by the edited body (the inverse of editable_body).
void apply_edited_body(ReportDocument& document, std::string_view body);

// "同比上升24.03%" for counts and sums, "同比提高1.20个百分点" for ratios, "与上年持平", or
// empty when there is nothing to compare (no previous figure, or a count from zero).
std::string change_text(const ReportFigure& figure);

}  // namespace fazhi
