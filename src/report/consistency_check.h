// The check a report passes before publication (issue 7, item 4): no figure slot left
// empty, every rate consistent with its counts, no figure of another period, no part
// missing from a department that had records in the year, no figure typed into the text that
// differs from the computed one, and the review engine's checks on the composed text
// (src/review: punctuation, units, headings, arithmetic). Pure over its inputs.
#pragma once

#include <string>
#include <vector>

#include "report/report_document.h"
#include "review/review.h"

namespace fazhi {

struct ConsistencyFinding {
  std::string kind;       // empty_slot, rate_mismatch, stale_figure, missing_part, typed_figure, review:<kind>
  bool blocking = true;   // blocks publication (review findings do not: they are advice)
  std::string indicator;  // the figure concerned, when one is
  std::string message;    // in Chinese, naming the figure or department and what is wrong
};

// A department expected to hand in a part: it (or an organisation below it) has records
// dated in the year.
struct ExpectedPart {
  std::string org_code;
  std::string org_name;
  bool handed_in = false;  // a part submitted or accepted
};

// Every finding, blocking ones first. `reviewer` may be null (the review checks are skipped).
std::vector<ConsistencyFinding> check_consistency(const ReportDocument& document,
                                                  const std::vector<ExpectedPart>& expected,
                                                  const review::Reviewer* reviewer);

// The composed text as one string, title first, for the review engine.
std::string plain_text(const ReportDocument& document);

}  // namespace fazhi
