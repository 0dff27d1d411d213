#include "ledger/declarations/decisions_rules.h"

#include <fmt/format.h>

#include "ledger/declarations/record_checks.h"

namespace fazhi {
namespace {

// One of the five procedures: the field recording it done, and the field giving the lawful
// reason it does not apply (empty: always required).
struct Procedure {
  const char* label;
  const char* done;
  const char* not_applicable;
  const char* article;
};

constexpr Procedure kProcedures[] = {
    {"公众参与", "public_participation_on", "public_participation_na_reason", "第十四条"},
    {"专家论证", "expert_review_on", "expert_review_na_reason", "第十九条"},
    {"风险评估", "risk_assessment_on", "risk_assessment_na_reason", "第二十二条"},
    {"合法性审查", "legality_review_on", "", "第二十五条"},
    {"集体讨论决定", "collective_decision_on", "", "第三十条"},
};

constexpr int kMinimumCommentDays = 30;  // 重大行政决策程序暂行条例 第十四条「一般不少于30日」

}  // namespace

Result<void> major_decision_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                 const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_before(c, r, step, "public_participation_on", "comment_started_on"));
  FAZHI_TRY(require_not_before(c, r, step, "legality_review_on", "legality_review_sent_on"));
  FAZHI_TRY(require_not_before(c, r, step, "collective_decision_on", "legality_review_on"));
  FAZHI_TRY(require_not_before(c, r, step, "collective_decision_on", "public_participation_on"));
  FAZHI_TRY(require_not_before(c, r, step, "collective_decision_on", "expert_review_on"));
  FAZHI_TRY(require_not_before(c, r, step, "collective_decision_on", "risk_assessment_on"));
  FAZHI_TRY(require_not_before(c, r, step, "published_on", "collective_decision_on"));
  FAZHI_TRY(require_not_before(c, r, step, "post_evaluation_on", "published_on"));
  if (auto days = sql_int(field_of(l, r, "comment_period_days"));
      days && *days < kMinimumCommentDays && !has_field(l, r, "comment_shortened_reason"))
    return rule_refusal(
        c, r, step, fmt::format("征求意见期限{}日少于30日，须写明缩短理由（重大行政决策程序暂行条例 第十四条）", *days),
        "comment_shortened_reason");
  if (step && step->to == "decided") {
    std::string missing;
    for (const Procedure& p : kProcedures) {
      if (has_field(l, r, p.done) || (*p.not_applicable && has_field(l, r, p.not_applicable))) continue;
      missing += fmt::format("{}「{}」（{}）", missing.empty() ? "" : "、", p.label, p.article);
    }
    if (!missing.empty())
      return order_refusal(
          c, r, step,
          "尚未履行法定程序" + missing + "，不能作出决定；确不适用的，须记录不适用的理由（重大行政决策程序暂行条例）",
          "public_participation_on");
    if (has_field(l, r, "public_participation_on") && !has_field(l, r, "comment_period_days") &&
        !has_field(l, r, "comment_shortened_reason"))
      return rule_refusal(c, r, step, "已履行公众参与的，须填写征求意见期限（日）", "comment_period_days");
  }
  if (step && step->to == "published") {
    std::string outcome = text_field(l, r, "decision_outcome");
    if (outcome == "rejected" || outcome == "deferred")
      return order_refusal(c, r, step, "决定结果为「不予通过」或「暂缓决策」的事项不能公布执行", "decision_outcome");
  }
  return ok();
}

Result<void> government_contract_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                      const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  if (step && step->name == "resubmit") {
    // A new review: the earlier conclusion no longer stands.
    set_field(l, r, "reviewed_on", nullptr);
    set_field(l, r, "review_opinion", nullptr);
  }
  FAZHI_TRY(require_not_before(c, r, step, "reviewed_on", "submitted_for_review_on"));
  FAZHI_TRY(require_not_before(c, r, step, "signed_on", "reviewed_on"));
  FAZHI_TRY(require_not_before(c, r, step, "term_until", "term_from"));
  FAZHI_TRY(require_not_before(c, r, step, "completed_on", "signed_on"));
  FAZHI_TRY(require_not_before(c, r, step, "terminated_on", "reviewed_on"));
  // Amendments: after signing, reviewed again before they are made; a dated amendment marks
  // the contract amended.
  FAZHI_TRY(require_not_before(c, r, step, "amendment_reviewed_on", "signed_on"));
  FAZHI_TRY(require_not_before(c, r, step, "amended_on", "signed_on"));
  FAZHI_TRY(require_not_before(c, r, step, "amended_on", "amendment_reviewed_on"));
  FAZHI_TRY(require_not_before(c, r, step, "dispute_on", "signed_on"));
  if (has_field(l, r, "amended_on")) set_field(l, r, "amended", std::int64_t{1});
  if (text_field(l, r, "amended") == "1" && !has_field(l, r, "amended_on"))
    return rule_refusal(c, r, step, "合同已变更的，须填写变更日期", "amended_on");
  if (step && step->name == "sign" && text_field(l, r, "review_opinion") == "disapproved")
    return order_refusal(c, r, step, "合法性审查结论为「不同意签订」的合同不能签订，应修改后重新送审",
                         "review_opinion");
  return ok();
}

}  // namespace fazhi
