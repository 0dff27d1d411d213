// The annual report rounds' workflow rules (report_rounds.cpp): a round per organisation and
// year with its deadline (1 April of the following year unless set) and its title; a part
// per department and round, written only while the round collects parts, fixed once
// submitted unless returned, and dated when submitted.
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> report_round_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                               const TransitionDeclaration* step);
Result<void> report_part_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                              const TransitionDeclaration* step);

}  // namespace fazhi
