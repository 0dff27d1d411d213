#include "ledger/declarations/region_settings_rules.h"

#include <fmt/format.h>

#include "ledger/declarations/record_checks.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi {

Result<void> region_time_limit_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                    const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  std::string ledger_name = text_field(l, r, "ledger_name");
  std::string limit_name = text_field(l, r, "limit_name");
  const LedgerDeclaration* target = find_ledger(ledger_name);
  if (!target) return rule_refusal(c, r, step, "没有代码名为「" + ledger_name + "」的台账", "ledger_name");
  const TimeLimitDeclaration* limit = nullptr;
  std::string known;
  for (const auto& t : target->time_limits) {
    if (t.name == limit_name) limit = &t;
    known += (known.empty() ? "" : "、") + t.name + "（" + t.label + "）";
  }
  if (!limit)
    return rule_refusal(c, r, step,
                        target->label + "没有代码名为「" + limit_name + "」的时限" +
                            (known.empty() ? "（该台账没有时限）" : "；可设置的有：" + known),
                        "limit_name");
  if (limit->days == 0)
    return rule_refusal(c, r, step, "「" + limit->label + "」的期限由记录中的日期确定，不能按天数设置", "limit_name");
  set_field(l, r, "limit_label", target->label + "：" + limit->label);
  if (text_field(l, r, "in_force") == "1") {
    std::vector<SqlValue> p = {ledger_name, limit_name, r.id};
    FAZHI_ASSIGN_OR_RETURN(auto q, c.sql.query("SELECT id FROM region_time_limit WHERE ledger_name = ? AND "
                                               "limit_name = ? AND in_force = 1 AND id <> ?",
                                               p));
    if (!q.rows.empty())
      return order_refusal(
          c, r, step,
          fmt::format("「{}」已有有效的地方设置（编号 {}），请先将其设为无效", limit->label, sql_text(q.rows[0][0])),
          "limit_name");
  }
  return ok();
}

Result<void> region_yearly_duty_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                     const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  std::string ledger_name = text_field(l, r, "ledger_name");
  std::string duty_name = text_field(l, r, "duty_name");
  const LedgerDeclaration* target = find_ledger(ledger_name);
  if (!target) return rule_refusal(c, r, step, "没有代码名为「" + ledger_name + "」的台账", "ledger_name");
  const YearlyDutyDeclaration* duty = nullptr;
  std::string known;
  for (const auto& d : target->yearly_duties) {
    if (d.name == duty_name) duty = &d;
    known += (known.empty() ? "" : "、") + d.name + "（" + d.label + "）";
  }
  if (!duty)
    return rule_refusal(c, r, step,
                        target->label + "没有代码名为「" + duty_name + "」的年度职责" +
                            (known.empty() ? "（该台账没有年度职责）" : "；可设置的有：" + known),
                        "duty_name");
  set_field(l, r, "duty_label", target->label + "：" + duty->label);
  if (text_field(l, r, "in_force") == "1") {
    std::vector<SqlValue> p = {ledger_name, duty_name, r.id};
    FAZHI_ASSIGN_OR_RETURN(auto q, c.sql.query("SELECT id FROM region_yearly_duty WHERE ledger_name = ? AND "
                                               "duty_name = ? AND in_force = 1 AND id <> ?",
                                               p));
    if (!q.rows.empty())
      return order_refusal(
          c, r, step,
          fmt::format("「{}」已有有效的地方设置（编号 {}），请先将其设为无效", duty->label, sql_text(q.rows[0][0])),
          "duty_name");
  }
  return ok();
}

}  // namespace fazhi
