// The region settings' own rules. 地方时限设置: the ledger and limit named must be declared,
// one row in force per limit, and the limit's label is filled from its declaration.
// 地方年度职责设置: the same for a yearly duty (ledger_declaration.h, yearly_duties).
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> region_time_limit_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                    const TransitionDeclaration* step);
Result<void> region_yearly_duty_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                     const TransitionDeclaration* step);

}  // namespace fazhi
