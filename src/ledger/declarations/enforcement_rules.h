// The enforcement ledgers' own rules (RULES.md §4): a major enforcement decision is not made
// before its legal review (行政处罚法 第五十八条); an exemption is granted only by citing an
// exemption-list entry in force; certificates and transfers keep their dates in order.
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> enforcement_case_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                   const TransitionDeclaration* step);
Result<void> certificate_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                              const TransitionDeclaration* step);
Result<void> criminal_transfer_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                    const TransitionDeclaration* step);

}  // namespace fazhi
