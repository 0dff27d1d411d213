#include "ledger/declarations/disputes_rules.h"

#include <fmt/format.h>

#include <map>

#include "core/working_day_calendar.h"
#include "ledger/declarations/record_checks.h"

namespace fazhi {
namespace {

// Refuses `later` after the `days`-calendar-day period that follows `earlier` (RULES.md §1).
Result<void> require_within(const RuleContext& c, const LedgerRecord& r, const TransitionDeclaration* step,
                            std::string_view later, std::string_view earlier, int days, const std::string& rule) {
  auto a = date_field(c.ledger, r, later);
  auto b = date_field(c.ledger, r, earlier);
  if (!a || !b) return ok();
  auto due = default_calendar().calendar_deadline(*b, days);
  if (!due || *a <= *due) return ok();
  const FieldDeclaration* fa = c.ledger.field(later);
  const FieldDeclaration* fb = c.ledger.field(earlier);
  return rule_refusal(c, r, step,
                      fmt::format("「{}」（{}）已超过「{}」（{}）后{}日的期限（截至{}；{}）", fa->label, a->iso(),
                                  fb->label, b->iso(), days, due->iso(), rule),
                      std::string(later));
}

}  // namespace

Result<void> dispute_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                          const TransitionDeclaration* step) {
  FAZHI_TRY(require_not_before(c, r, step, "resolved_on", "found_on"));
  FAZHI_TRY(require_not_before(c, r, step, "failed_on", "found_on"));
  FAZHI_TRY(require_not_before(c, r, step, "confirmed_on", "resolved_on"));
  if (step && step->name == "confirm" && text_field(c.ledger, r, "resolution") != "people_mediation")
    return order_refusal(c, r, step, "只有经人民调解达成的调解协议可以申请司法确认（人民调解法 第三十三条）",
                         "resolution");
  return ok();
}

Result<void> mediation_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                            const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_before(c, r, step, "concluded_on", "accepted_on"));
  FAZHI_TRY(require_not_before(c, r, step, "agreement_on", "accepted_on"));
  FAZHI_TRY(require_not_before(c, r, step, "fulfilled_on", "concluded_on"));
  FAZHI_TRY(require_not_before(c, r, step, "confirmation_applied_on", "agreement_on"));
  if (step && step->name == "succeed" && text_field(l, r, "outcome") != "succeeded")
    return rule_refusal(c, r, step, "达成协议的，调解结果应为「调解成功」", "outcome");
  if (step && step->name == "fail" && text_field(l, r, "outcome") == "succeeded")
    return rule_refusal(c, r, step, "调解不成的，调解结果应为「调解不成」或「终止调解」", "outcome");
  if (has_field(l, r, "confirmation_applied_on")) {
    if (text_field(l, r, "outcome") != "succeeded")
      return rule_refusal(c, r, step, "未达成调解协议的，不能申请司法确认", "confirmation_applied_on");
    if (!has_field(l, r, "agreement_on"))
      return rule_refusal(c, r, step, "申请司法确认须填写协议生效日期", "agreement_on");
    FAZHI_TRY(require_within(c, r, step, "confirmation_applied_on", "agreement_on", 30, "人民调解法 第三十三条"));
  }
  if (text_field(l, r, "judicially_confirmed") == "1" && !has_field(l, r, "confirmation_applied_on"))
    return rule_refusal(c, r, step, "经司法确认的，须填写申请司法确认日期", "confirmation_applied_on");
  return ok();
}

Result<void> petition_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                           const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_before(c, r, step, "acceptance_notified_on", "received_on"));
  FAZHI_TRY(require_not_before(c, r, step, "accepted_on", "received_on"));
  FAZHI_TRY(require_not_before(c, r, step, "extension_approved_on", "accepted_on"));
  FAZHI_TRY(require_not_before(c, r, step, "replied_on", "accepted_on"));
  FAZHI_TRY(require_not_before(c, r, step, "review_requested_on", "replied_on"));
  FAZHI_TRY(require_not_before(c, r, step, "review_opinion_on", "review_requested_on"));
  FAZHI_TRY(require_not_before(c, r, step, "recheck_requested_on", "review_opinion_on"));
  FAZHI_TRY(require_not_before(c, r, step, "recheck_opinion_on", "recheck_requested_on"));
  static const std::map<std::string, std::string, std::less<>> kAcceptance = {
      {"accept", "accepted"}, {"reject", "not_accepted"}, {"transfer", "transferred"}};
  if (step) {
    auto it = kAcceptance.find(step->name);
    if (it != kAcceptance.end() && text_field(l, r, "acceptance") != it->second)
      return rule_refusal(c, r, step, "受理情况与所办理的步骤不一致", "acceptance");
  }
  if (step && step->name == "extend")
    FAZHI_TRY(require_within(c, r, step, "extension_approved_on", "accepted_on", 60,
                             "延期须在60日办理期限届满前批准，信访工作条例 第三十四条"));
  FAZHI_TRY(require_within(c, r, step, "review_requested_on", "replied_on", 30, "信访工作条例 第三十五条"));
  FAZHI_TRY(require_within(c, r, step, "recheck_requested_on", "review_opinion_on", 30, "信访工作条例 第三十六条"));
  return ok();
}

}  // namespace fazhi
