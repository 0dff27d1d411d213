// Supervision problems and their rectification: dates in order; escalation to the
// coordinator only once the deadline has passed; a problem is signed off only when every
// rectification measure under it has been accepted (a measure is completed with evidence:
// its declared step asks for it).
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> supervision_problem_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                      const TransitionDeclaration* step);
Result<void> rectification_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                const TransitionDeclaration* step);

}  // namespace fazhi
