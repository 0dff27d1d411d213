#include "ledger/declarations/enforcement_rules.h"

#include <cstdlib>

#include "core/clock.h"
#include "ledger/declarations/record_checks.h"

namespace fazhi {
namespace {

bool step_to(const TransitionDeclaration* step, std::string_view state) {
  return step && step->to == state;
}

// The cited exemption-list entry must exist and be in force; the case is then not penalised.
Result<void> check_exemption(const RuleContext& c, const LedgerRecord* before, LedgerRecord& r,
                             const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  std::string entry = text_field(l, r, "exemption_entry");
  if (!entry.empty()) set_field(l, r, "exempted", std::int64_t{1});
  if (text_field(l, r, "exempted") != "1") return ok();
  if (entry.empty())
    return rule_refusal(c, r, step, "免予处罚须注明适用的免罚清单事项（行政处罚法 第三十三条）", "exemption_entry");
  if (text_field(l, r, "kind") != "penalty")
    return rule_refusal(c, r, step, "免罚清单只适用于行政处罚案件", "exemption_entry");
  // An entry repealed after the case cited it does not undo the case: only a new citation
  // is checked against the list as it stands.
  bool cited_now = !before || text_field(l, *before, "exemption_entry") != entry;
  std::vector<SqlValue> p = {SqlValue(sql_int(field_of(l, r, "exemption_entry")).value_or(0))};
  FAZHI_ASSIGN_OR_RETURN(auto q, c.sql.query("SELECT in_force, offence FROM exemption_list WHERE id = ?", p));
  if (cited_now && !q.rows.empty() && sql_text(q.rows[0][0]) == "0")
    return rule_refusal(c, r, step, "所引免罚清单事项「" + sql_text(q.rows[0][1]) + "」已失效，不能据此免予处罚",
                        "exemption_entry");
  std::string result = text_field(l, r, "decision_result");
  if (!result.empty() && result != "not_penalised")
    return rule_refusal(c, r, step, "适用免罚清单的案件，处理结果应为「不予处罚」", "decision_result");
  if (auto fine = sql_text(field_of(l, r, "fine_amount")); !fine.empty() && std::strtod(fine.c_str(), nullptr) > 0)
    return rule_refusal(c, r, step, "适用免罚清单的案件不能有罚没金额", "fine_amount");
  return ok();
}

// 行政处罚法 第五十八条第二款: whoever does legal review for the first time must hold the legal
// qualification. A reviewer recorded as an officer without it, with no earlier review, is
// refused; a reviewer the officer ledger does not know is not judged.
Result<void> check_first_reviewer(const RuleContext& c, const LedgerRecord& r, const TransitionDeclaration* step) {
  std::int64_t reviewer = sql_int(field_of(c.ledger, r, "legal_reviewer")).value_or(0);
  if (!reviewer) return ok();
  std::vector<SqlValue> p = {reviewer, r.id};
  FAZHI_ASSIGN_OR_RETURN(auto earlier, c.sql.query("SELECT COUNT(*) FROM enforcement_case WHERE legal_reviewer = ? "
                                                   "AND id <> ? AND legal_review_on IS NOT NULL",
                                                   p));
  if (!earlier.rows.empty() && sql_int(earlier.rows[0][0]).value_or(0) > 0) return ok();
  std::vector<SqlValue> q = {reviewer};
  FAZHI_ASSIGN_OR_RETURN(auto officer, c.sql.query("SELECT legal_qualification FROM officer WHERE person = ?", q));
  if (!officer.rows.empty() && sql_text(officer.rows[0][0]) == "0")
    return rule_refusal(c, r, step,
                        "初次从事法制审核的人员应当通过国家统一法律职业资格考试取得法律职业资格，"
                        "该审核人员没有法律职业资格（《行政处罚法》第五十八条第二款）",
                        "legal_reviewer");
  return ok();
}

}  // namespace

Result<void> enforcement_case_rule(const RuleContext& c, const LedgerRecord* before, LedgerRecord& r,
                                   const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_before(c, r, step, "legal_review_on", "opened_on"));
  FAZHI_TRY(require_not_before(c, r, step, "decided_on", "opened_on"));
  FAZHI_TRY(require_not_before(c, r, step, "decided_on", "legal_review_on"));
  FAZHI_TRY(require_not_before(c, r, step, "disclosed_on", "decided_on"));
  FAZHI_TRY(require_not_before(c, r, step, "closed_on", "decided_on"));
  FAZHI_TRY(require_not_before(c, r, step, "closed_on", "opened_on"));
  FAZHI_TRY(check_exemption(c, before, r, step));
  if (step && step->name == "legal_review") FAZHI_TRY(check_first_reviewer(c, r, step));
  // Deciding a major case: the legal review must be done, and not have disapproved.
  bool deciding = step_to(step, "decided") || (step_to(step, "closed") && has_field(l, r, "decided_on"));
  if (deciding && text_field(l, r, "is_major") == "1") {
    if (!has_field(l, r, "legal_review_on") || !has_field(l, r, "legal_review_opinion"))
      return order_refusal(c, r, step, "重大执法决定未经法制审核，不能作出决定（《行政处罚法》第五十八条）",
                           "legal_review_on");
    if (text_field(l, r, "legal_review_opinion") == "disapproved")
      return order_refusal(c, r, step,
                           "法制审核意见为「不同意」，应当根据审核意见修改后重新送审，不能作出决定"
                           "（《行政处罚法》第五十八条）",
                           "legal_review_opinion");
  }
  return ok();
}

Result<void> certificate_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                              const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  auto issued = date_field(l, r, "issued_on");
  auto until = date_field(l, r, "valid_until");
  if (issued && until && !(*issued < *until))
    return rule_refusal(c, r, step, "「有效期至」（" + until->iso() + "）应晚于「发证日期」（" + issued->iso() + "）",
                        "valid_until");
  FAZHI_TRY(require_not_before(c, r, step, "suspended_on", "issued_on"));
  FAZHI_TRY(require_not_before(c, r, step, "reinstated_on", "suspended_on"));
  FAZHI_TRY(require_not_before(c, r, step, "revoked_on", "issued_on"));
  FAZHI_TRY(require_not_before(c, r, step, "renewed_on", "issued_on"));
  if (step_to(step, "expired") && until) {
    auto today = parse_date(china_today());
    if (today && *today <= *until)
      return order_refusal(c, r, step, "证件有效期至" + until->iso() + "，尚未届满，不能登记到期失效", "valid_until");
  }
  auto reinstated = date_field(l, r, "reinstated_on");
  if (step_to(step, "valid") && until && reinstated && *until < *reinstated)
    return order_refusal(c, r, step, "证件有效期已于" + until->iso() + "届满，不能发还，应办理换证", "reinstated_on");
  return ok();
}

Result<void> criminal_transfer_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                    const TransitionDeclaration* step) {
  FAZHI_TRY(require_not_before(c, r, step, "police_response_on", "transferred_on"));
  FAZHI_TRY(require_not_before(c, r, step, "followed_up_on", "police_response_on"));
  return ok();
}

}  // namespace fazhi
