// Who is asking. Every ledger call carries one; the ledger layer checks the role against the
// ledger's read/write roles and the organisation scope against each record's owner.
#pragma once

#include <string>

#include "ledger/role.h"
#include "store/audit_entry.h"

namespace fazhi {

struct UserContext {
  std::string login;
  Role role = Role::kReader;
  std::string org_code;  // the user's organisation: the root of their scope
  bool system = false;   // the CLI and the demo generator: whole tree, any ledger

  Actor actor() const { return Actor{login, org_code}; }
  // The context of the command line: the whole tree, audited as "system".
  static UserContext system_context() { return UserContext{"system", Role::kAdmin, "", true}; }
};

}  // namespace fazhi
