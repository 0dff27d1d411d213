// The dispute ledgers' own rules (RULES.md §8–9): dates in order; only a people's mediation
// agreement goes to judicial confirmation, applied for jointly within 30 days of taking
// effect (人民调解法 第三十三条); petitions: the handling period is extended only before it
// ends, and 复查/复核 are requested within 30 days of the opinion (信访工作条例
// 第三十五、三十六条).
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> dispute_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                          const TransitionDeclaration* step);
Result<void> mediation_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                            const TransitionDeclaration* step);
Result<void> petition_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                           const TransitionDeclaration* step);

}  // namespace fazhi
