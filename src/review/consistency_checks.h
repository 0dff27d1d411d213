// Checking the figures of one report against each other and the text against common
// slips. Each check fires only where the text shows a problem; a figure that is
// consistent never yields a defect. Kinds (see docs/review-json.md):
//   rate_mismatch        a rate that its counts in the same paragraph do not give
//                        (胜诉373件 / 审结411件 must be 90.75%; rounding and truncation
//                        at the printed decimals are both accepted)
//   part_exceeds_whole   a part larger than its whole (其中…, 受理 > 收到, 胜诉 > 审结)
//   percent_over_100     a share that cannot exceed 100% stated above it
//   rate_without_percent a rate (…率) printed without %
//   digits_run_together  (from the extractor) a number with several decimal points
//   duplicate_block      (from the normaliser) a paragraph or block repeated
//   year_mismatch        a year that contradicts the report year
//   wrong_character      a common wrong character of the genre (部暑 for 部署)
//   heading_numeral_missing  a heading opening with 、 and no numeral
//   missing_punctuation  a percentage run into the next clause (34.97%办理…575件)
//   missing_unit         a number without unit before a noun (4规范性文件), a year without 年
// The rate and part/whole pairs and the wrong characters are tables in
// consistency_checks.cpp.
#pragma once

#include <optional>
#include <vector>

#include "review/normaliser.h"
#include "review/reviewed_report.h"

namespace fazhi::review {

// Returns the defects found among `report.figures` and in `text` (normalised spans are
// mapped to the original). Pure; thread-safe.
std::vector<Defect> check_report(const NormalisedText& text, const ReviewedReport& report);

// True when `printed` (with `decimals` digits after the point) is `exact` rounded or
// truncated at that precision.
bool rate_matches(double printed, int decimals, double exact);

}  // namespace fazhi::review
