// The normative-document ledgers' own rules (RULES.md §6): the steps in their order with
// their dates in order; no collective discussion after a disapproving legality review;
// unified registration numbers given on publication; filing timeliness computed from the
// region's filing period, never typed. Legality reviews: days taken computed.
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

Result<void> normative_document_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                     const TransitionDeclaration* step);
Result<void> legality_review_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                  const TransitionDeclaration* step);

}  // namespace fazhi
