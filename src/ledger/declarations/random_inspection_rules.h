// 双随机、一公开's own rules: a joint inspection names its partner departments; a plan moves to
// "drawn" only when a recorded draw of it exists (the draw engine's record); results keep
// their dates in order and whether the publication was late is computed from the region's
// period (20 working days by default, RULES.md §5), never typed.
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> inspection_plan_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                  const TransitionDeclaration* step);
Result<void> inspection_result_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                    const TransitionDeclaration* step);

}  // namespace fazhi
