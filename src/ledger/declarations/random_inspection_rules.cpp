#include "ledger/declarations/random_inspection_rules.h"

#include "core/working_day_calendar.h"
#include "ledger/declarations/record_checks.h"
#include "ledger/region_time_limits.h"

namespace fazhi {

Result<void> inspection_plan_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                  const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_before(c, r, step, "end_on", "start_on"));
  FAZHI_TRY(require_not_before(c, r, step, "completed_on", "start_on"));
  if (text_field(l, r, "joint") == "1" && !has_field(l, r, "partner_orgs"))
    return rule_refusal(c, r, step, "跨部门联合抽查须填写参与部门", "partner_orgs");
  if (step && step->name == "record_draw") {
    std::vector<SqlValue> p = {r.id};
    FAZHI_ASSIGN_OR_RETURN(auto q, c.sql.query("SELECT COUNT(*) FROM draw WHERE plan = ?", p));
    if (q.rows.empty() || sql_int(q.rows[0][0]).value_or(0) == 0)
      return order_refusal(c, r, step, "本计划还没有抽取记录，请先通过随机抽取完成检查对象和检查人员的抽取");
  }
  return ok();
}

Result<void> inspection_result_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                    const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_before(c, r, step, "finished_on", "inspected_on"));
  FAZHI_TRY(require_not_before(c, r, step, "disclosed_on", "finished_on"));
  auto finished = date_field(l, r, "finished_on");
  auto disclosed = date_field(l, r, "disclosed_on");
  set_field(l, r, "disclosure_late", nullptr);
  if (finished && disclosed && !l.time_limits.empty()) {
    auto region = current_region_time_limits();
    const TimeLimitDeclaration& limit = region_time_limit(*region, l, l.time_limits.front());
    const WorkingDayCalendar& calendar = default_calendar();
    auto due = limit.count == DayCount::kWorkingDays ? calendar.add_working_days(*finished, limit.days)
                                                     : calendar.calendar_deadline(*finished, limit.days);
    if (due) set_field(l, r, "disclosure_late", std::int64_t{*disclosed > *due ? 1 : 0});
  }
  return ok();
}

}  // namespace fazhi
