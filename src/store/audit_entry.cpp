#include "store/audit_entry.h"

#include "core/sm3.h"

namespace fazhi {
namespace {

// Length-prefixed, so that no two different entries serialise alike; absent optionals
// are marked apart from empty strings.
void put(Sm3& h, std::string_view v) {
  h.update(std::to_string(v.size()));
  h.update(":");
  h.update(v);
  h.update(";");
}
void put_optional(Sm3& h, const std::optional<std::string>& v) {
  if (!v) {
    h.update("-;");
    return;
  }
  put(h, *v);
}

}  // namespace

std::string audit_entry_hash(const AuditEntry& e) {
  Sm3 h;
  put(h, e.prev_hash);
  put(h, std::to_string(e.seq));
  put(h, e.at);
  put(h, e.actor);
  put(h, e.actor_org);
  put(h, e.action);
  put(h, e.ledger);
  put(h, e.record_id);
  put_optional(h, e.before);
  put_optional(h, e.after);
  put_optional(h, e.detail);
  return to_hex(h.finish());
}

const std::string& audit_genesis_hash() {
  static const std::string kZeros(64, '0');
  return kZeros;
}

}  // namespace fazhi
