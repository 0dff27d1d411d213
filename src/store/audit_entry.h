// One entry of the audit log: who did what to which record, with the record before and
// after, chained to the previous entry by SM3 over every column (see audit_chain.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace fazhi {

// Who is acting: the logged-in user, or the system (CLI, demo generator) under a name.
struct Actor {
  std::string login;     // "system" for the CLI and the demo generator
  std::string org_code;  // the actor's organisation, or empty for the system
};

struct AuditEntry {
  std::int64_t seq = 0;               // 1, 2, 3 … without gaps
  std::string at;                     // UTC timestamp, utc_timestamp()
  std::string actor;                  // login
  std::string actor_org;              // organisation code
  std::string action;                 // create, update, transition:<name>, delete, import, login …
  std::string ledger;                 // ledger or system table name
  std::string record_id;              // record id, or empty for entries about many rows
  std::optional<std::string> before;  // canonical JSON of the record before, if any
  std::optional<std::string> after;   // canonical JSON after, if any
  std::optional<std::string> detail;  // JSON: import summary, reasons, rows digest …
  std::string prev_hash;              // hash of entry seq-1 (64 zeros for the first)
  std::string hash;                   // SM3 over prev_hash and every column above
};

// The hash the entry should carry, given its other columns (prev_hash included).
std::string audit_entry_hash(const AuditEntry& e);

// 64 zeros: the prev_hash of the first entry.
const std::string& audit_genesis_hash();

}  // namespace fazhi
