// Every ledger fazhi keeps, in a fixed order (the order of menus and of /api/schema).
#pragma once

#include <string_view>
#include <vector>

#include "ledger/ledger_declaration.h"

namespace fazhi {

// All declared ledgers. The first two are always organizations and people.
const std::vector<const LedgerDeclaration*>& all_ledgers();
// The ledger named `name`, or nullptr.
const LedgerDeclaration* find_ledger(std::string_view name);

}  // namespace fazhi
