// 重大行政决策 and government contracts (RULES.md §7): "decided" is refused while one of the
// five procedures is neither done nor recorded as not applying with a lawful reason; the
// comment period is at least 30 days unless a reason is recorded; the legality review comes
// before the collective decision; a contract is not signed against a disapproving review.
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> major_decision_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                 const TransitionDeclaration* step);
Result<void> government_contract_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                      const TransitionDeclaration* step);

}  // namespace fazhi
