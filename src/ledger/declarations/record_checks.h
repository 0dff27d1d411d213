// The small checks the ledgers' own rules share: reading a date field, refusing dates out of
// order, and building the refusal a clerk reads — naming the record, the step and the rule,
// e.g. 执法案件「示市监罚〔2025〕12号」, 办理「作出决定」: 重大执法决定未经法制审核，不能作出决定
// （《行政处罚法》第五十八条）.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "core/result.h"
#include "ledger/ledger_rules.h"

namespace fazhi {

// The record as a clerk names it: the ledger's label and the title field's value (or its id).
std::string record_subject(const LedgerDeclaration& ledger, const LedgerRecord& record);
// A refusal of `record` (kInvalidInput): the place is the step being made, if any, and
// `field` the form field to mark.
Error rule_refusal(const RuleContext& c, const LedgerRecord& record, const TransitionDeclaration* step,
                   std::string reason, std::string field = {});
// The same with kConflict: the step is out of order for the record's state or its links.
Error order_refusal(const RuleContext& c, const LedgerRecord& record, const TransitionDeclaration* step,
                    std::string reason, std::string field = {});

// The date in field `name`, or nothing when empty or not a date.
std::optional<Date> date_field(const LedgerDeclaration& ledger, const LedgerRecord& record, std::string_view name);
// The text of field `name` ("" when empty).
std::string text_field(const LedgerDeclaration& ledger, const LedgerRecord& record, std::string_view name);
// Whether field `name` holds a value.
bool has_field(const LedgerDeclaration& ledger, const LedgerRecord& record, std::string_view name);

// Fails naming both fields when both dates are set and `later` is before `earlier`.
Result<void> require_not_before(const RuleContext& c, const LedgerRecord& record, const TransitionDeclaration* step,
                                std::string_view later, std::string_view earlier);

}  // namespace fazhi
