#include "ledger/ledger_declaration.h"

#include <algorithm>

namespace fazhi {

const FieldDeclaration* LedgerDeclaration::field(std::string_view n) const {
  for (const auto& f : fields)
    if (f.name == n) return &f;
  return nullptr;
}
const StateDeclaration* LedgerDeclaration::state(std::string_view n) const {
  for (const auto& s : states)
    if (s.name == n) return &s;
  return nullptr;
}
const TransitionDeclaration* LedgerDeclaration::transition(std::string_view n) const {
  for (const auto& t : transitions)
    if (t.name == n) return &t;
  return nullptr;
}
bool LedgerDeclaration::can_read(Role role) const {
  return std::find(read_roles.begin(), read_roles.end(), role) != read_roles.end();
}
bool LedgerDeclaration::can_write(Role role) const {
  return std::find(write_roles.begin(), write_roles.end(), role) != write_roles.end();
}

}  // namespace fazhi
