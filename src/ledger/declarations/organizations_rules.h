// The organisation tree's own rules: a code that can sit in a path, a parent that exists and
// is in the user's scope, no cycles; the record's owner is the organisation itself.
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> organizations_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                const TransitionDeclaration* step);

}  // namespace fazhi
