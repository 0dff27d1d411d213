// The API's JSON text of a ledger record (docs/api.md, "Records"): system columns,
// "fields", labels for enums, booleans and organisation references, the owner's name, the
// state's label, the transitions the user may make now and the deadlines as of a day.
// Written straight into a string, because a list page writes fifty of them per request.
// The text is byte for byte what nlohmann::json's dump() gives for the same object (keys in
// bytewise order, UTF-8 as is, invalid UTF-8 replaced by U+FFFD), so clients see one shape.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "ledger/ledger_service.h"

namespace fazhi {

// Appends the JSON object of `record` as `user` sees it, with deadlines as of `today` (none
// when `today` is empty). `service` decides which transitions the user may make. Leaves
// `out`'s earlier content alone. Thread-safe for distinct `out`.
void append_record_json(std::string& out, const LedgerService& service, const UserContext& user,
                        const LedgerDeclaration& ledger, const LedgerRecord& record, const OrgDirectory& orgs,
                        const std::optional<Date>& today);

// The day deadlines are computed for in API answers: today in Beijing, or empty when the
// clock gives no date.
std::optional<Date> deadline_reference_day();

}  // namespace fazhi
