// Logic beyond declarations: per-ledger checks run on every create, update and transition,
// after field validation and before the write. A check may also fill derived fields (a due
// date, a computed flag). Each ledger's rules live in declarations/<ledger>_rules.cpp and are
// listed in ledger_rules.cpp.
#pragma once

#include <functional>
#include <string_view>

#include "core/result.h"
#include "ledger/ledger_declaration.h"
#include "ledger/ledger_record.h"
#include "ledger/org_directory.h"
#include "ledger/user_context.h"
#include "store/sql_session.h"

namespace fazhi {

class WriteTransaction;

struct RuleContext {
  const LedgerDeclaration& ledger;
  SqlSession& sql;
  const UserContext& user;
  const OrgDirectory& orgs;
  // The write in progress, for a rule whose step also writes records of another ledger
  // (audited in the same transaction); null when the rule only checks.
  WriteTransaction* tx = nullptr;
};

// `before` is null on create; `step` is null unless a transition is being made.
using RecordRule = std::function<Result<void>(const RuleContext& context, const LedgerRecord* before,
                                              LedgerRecord& after, const TransitionDeclaration* step)>;

// The rule of ledger `name`, or nullptr when it has none.
const RecordRule* find_record_rule(std::string_view name);

// The value of field `name` in `record` (null when the ledger has no such field).
const SqlValue& field_of(const LedgerDeclaration& ledger, const LedgerRecord& record, std::string_view name);
// Sets field `name`; does nothing when the ledger has no such field.
void set_field(const LedgerDeclaration& ledger, LedgerRecord& record, std::string_view name, SqlValue value);

}  // namespace fazhi
