// 地方时限设置's own rule: the ledger and limit named must be declared, one row in force per
// limit, and the limit's label is filled from its declaration.
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> region_time_limit_rule(const RuleContext& context, const LedgerRecord* before,
                                    LedgerRecord& after, const TransitionDeclaration* step);

}  // namespace fazhi
