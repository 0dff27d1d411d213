// 案卷评查's own rules: score, grade and problem count computed from the deductions under the
// rubric (case_file_rubric.h); assigning rectification writes one supervision problem per
// deduction for the reviewed body, with the deadline given, through the audited path; the
// review is concluded only when all of them are signed off.
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> case_file_review_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                   const TransitionDeclaration* step);

}  // namespace fazhi
