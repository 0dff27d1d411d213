// The rules of 行政复议 cases beyond their declaration (行政复议法 2023; RULES.md §2):
// dates in the law's order; acceptance is deemed when the 5-working-day examination period
// ends without a decision (第三十条), after which the application can no longer be refused;
// the hearing period is extended once, by at most 30 days, approved and notified before it
// ends (第六十二条); the simplified procedure's flag follows acceptance and conversion
// (第五十三、五十五条); mediation and termination conclude only as the law allows them.
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> reconsideration_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                  const TransitionDeclaration* step);

// The rules of 行政应诉 cases (行政诉讼法; 最高人民法院关于行政机关负责人出庭应诉若干问题的规定):
// instances linked in order, dates in order, the outcome and the judgement agree, and a head
// asked to appear who did not has a recorded reason.
Result<void> litigation_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                             const TransitionDeclaration* step);

}  // namespace fazhi
