#include "ledger/declarations/oversight_rules.h"

#include <fmt/format.h>

#include "ledger/declarations/record_checks.h"

namespace fazhi {

Result<void> supervision_problem_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                      const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_before(c, r, step, "deadline", "found_on"));
  FAZHI_TRY(require_not_before(c, r, step, "rectified_on", "found_on"));
  FAZHI_TRY(require_not_before(c, r, step, "signed_off_on", "rectified_on"));
  if (step && step->name == "escalate") {
    auto deadline = date_field(l, r, "deadline");
    auto escalated = date_field(l, r, "escalated_on");
    if (!deadline) return rule_refusal(c, r, step, "问题尚未确定整改期限，不能按逾期报告", "deadline");
    if (escalated && *escalated <= *deadline)
      return order_refusal(c, r, step, "整改期限（" + deadline->iso() + "）尚未届满，不能按逾期报告协调机构",
                           "escalated_on");
  }
  if (step && step->name == "sign_off") {
    std::vector<SqlValue> p = {r.id};
    FAZHI_ASSIGN_OR_RETURN(
        auto q, c.sql.query("SELECT COUNT(*) FROM rectification WHERE problem = ? AND state <> 'accepted'", p));
    std::int64_t open = q.rows.empty() ? 0 : sql_int(q.rows[0][0]).value_or(0);
    if (open > 0) return order_refusal(c, r, step, fmt::format("尚有{}项整改措施未验收，不能销号", open));
  }
  return ok();
}

Result<void> rectification_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                const TransitionDeclaration* step) {
  FAZHI_TRY(require_not_before(c, r, step, "accepted_on", "done_on"));
  return ok();
}

}  // namespace fazhi
