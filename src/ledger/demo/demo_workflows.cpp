// The generic filler's records made to follow each ledger's own rules (declarations/*_rules.cpp):
// dates in the order the steps take, the statutory periods mostly kept and sometimes missed
// in realistic shares (late disclosures, late police answers, extended petitions), computed
// fields computed as the rules compute them (case-file scores and grades, days taken).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/working_day_calendar.h"
#include "ledger/case_file_rubric.h"
#include "ledger/demo/demo_generic.h"

namespace fazhi::demo {
namespace {

// Sets `name` (when the record's steps gave it a value) to `value`, or to the demo's last day
// when `value` falls after it: the step was taken by 2025-12-31, only sooner.
void set_chain_date(RecordBuilder& b, std::string_view name, Date value) {
  if (b.has(name)) b.set_date(name, std::min(value, last_day()));
}

void case_file_review(const std::string& state, RecordBuilder& b, DemoRandom& rng) {
  const CaseFileRubric& rubric = default_case_file_rubric();
  static const std::vector<std::pair<const char*, const char*>> kProblems = {
      {"A2", "调查询问笔录只有一名执法人员签名"},
      {"B1", "违法事实认定缺少时间、地点要素"},
      {"B2", "现场检查照片未注明拍摄时间和拍摄人"},
      {"B2", "证据材料未逐页编号"},
      {"C1", "处罚决定书未引用具体条款项"},
      {"C2", "未说明适用裁量基准的理由"},
      {"D1", "立案审批表未载明审批时间"},
      {"D2", "事先告知书未告知听证权利"},
      {"D3", "重大执法决定法制审核意见未入卷"},
      {"D4", "送达回证缺少受送达人签收日期"},
      {"D5", "超过九十日办案期限未办理延期审批"},
      {"E1", "文书存在涂改未加盖校对章"},
      {"E2", "卷内目录与材料不一致"},
      {"A1", "委托组织以自己名义作出处罚决定"},
  };
  b.clear("draw");  // the demo's draws are of inspection targets, not of case files
  std::vector<RubricDeduction> deductions;
  if (state != "reviewing") {
    double u = rng.unit();
    int n = u < 0.3 ? 0 : u < 0.65 ? 1 : u < 0.85 ? 2 : u < 0.95 ? 3 : 5;
    if (state == "rectifying" && n == 0) n = 1;
    std::map<std::string, double> used;
    for (int k = 0; k < n; ++k) {
      // The veto item (a file made by an unlawful body) is rare.
      size_t pick = rng.index(kProblems.size() - (rng.chance(0.1) ? 0 : 1));
      const RubricItem* item = rubric.item(kProblems[pick].first);
      double points = std::min<double>(item->points - used[item->code], 0.5 * rng.uniform(1, 6));
      if (points <= 0) continue;
      used[item->code] += points;
      deductions.push_back({item->code, points, kProblems[pick].second});
    }
  }
  if (state == "reviewing") {
    for (auto f : {"deductions", "score", "grade", "problem_count", "problems"}) b.clear(f);
    return;
  }
  CaseFileScore s = score_case_file(rubric, deductions);
  if (deductions.empty())
    b.clear("deductions"), b.clear("problems");
  else
    b.set_text("deductions", deductions_text(deductions)), b.set_text("problems", problems_text(rubric, deductions));
  b.set_text("score", score_text(s.score));
  b.set_text("grade", s.grade);
  b.set_int("problem_count", static_cast<std::int64_t>(deductions.size()));
  auto reviewed = b.date("reviewed_on");
  if (!reviewed) return;
  b.set_int("review_year", reviewed->year());
  if (state == "scored" || (state == "concluded" && deductions.empty())) {
    b.clear("rectification_assigned_on"), b.clear("rectification_due_on");
    if (state == "concluded") b.set_date_if("concluded_on", reviewed->add_days(rng.uniform(1, 10)), last_day());
    return;
  }
  Date assigned = reviewed->add_days(rng.uniform(3, 15));
  Date due = assigned.add_days(rng.uniform(30, 60));
  b.set_date("rectification_assigned_on", assigned);
  b.set_date("rectification_due_on", due);
  if (state == "concluded")
    b.set_date("concluded_on", due.add_days(rng.chance(0.85) ? -rng.uniform(0, 20) : rng.uniform(5, 40)));
  else
    b.clear("concluded_on");
}

void petition(RecordBuilder& b, DemoRandom& rng) {
  auto received = b.date("received_on");
  if (!received) return;
  // Acceptance notice within 15 days, 4% late.
  Date notified = received->add_days(rng.chance(0.96) ? rng.uniform(1, 14) : rng.uniform(16, 25));
  set_chain_date(b, "acceptance_notified_on", notified);
  set_chain_date(b, "accepted_on", notified);
  bool extended = b.has("extension_days");
  if (extended) {
    b.set_int("extension_days", rng.uniform(10, 30));
    set_chain_date(b, "extension_approved_on", notified.add_days(rng.uniform(40, 55)));
  }
  int allowed = 60 + (extended ? static_cast<int>(rng.uniform(10, 30)) : 0);
  Date replied =
      notified.add_days(rng.chance(0.95) ? rng.uniform(15, allowed - 1) : rng.uniform(allowed + 1, allowed + 20));
  set_chain_date(b, "replied_on", replied);
  Date review = replied.add_days(rng.uniform(3, 28));
  set_chain_date(b, "review_requested_on", review);
  Date review_opinion = review.add_days(rng.uniform(10, 30));
  set_chain_date(b, "review_opinion_on", review_opinion);
  Date recheck = review_opinion.add_days(rng.uniform(3, 28));
  set_chain_date(b, "recheck_requested_on", recheck);
  set_chain_date(b, "recheck_opinion_on", recheck.add_days(rng.uniform(10, 30)));
}

void major_decision(const std::string& state, RecordBuilder& b, DemoRandom& rng) {
  if (rng.chance(0.06)) {
    b.set_int("comment_period_days", rng.uniform(7, 20));
    b.set_text("comment_shortened_reason", "涉及防汛应急处置，时间紧迫，经决策机关同意缩短征求意见期限");
  } else {
    b.set_int("comment_period_days", rng.uniform(30, 45));
    b.clear("comment_shortened_reason");
  }
  b.clear("public_participation_na_reason");
  // Expert review and risk assessment do not apply to some decisions, with the reason recorded.
  if (rng.chance(0.3)) {
    b.clear("expert_review_on");
    b.set_text("expert_review_na_reason", "决策事项不涉及专业性、技术性较强的问题");
  } else {
    b.clear("expert_review_na_reason");
  }
  if (rng.chance(0.4)) {
    b.clear("risk_assessment_on");
    b.set_text("risk_assessment_na_reason", "经初步研判，决策实施不会对社会稳定、公共安全等造成不利影响");
  } else {
    b.clear("risk_assessment_na_reason");
  }
  bool decided = state == "decided" || state == "published" || state == "evaluated";
  if (!decided) {
    b.clear("collective_decision_on"), b.clear("decision_outcome"), b.clear("decision_meeting");
    if (state == "proposed") b.clear("legality_review_on"), b.clear("legality_review_sent_on");
  } else if (state != "decided") {
    b.set_text("decision_outcome", rng.chance(0.85) ? "approved" : "approved_with_changes");
  }
}

void inspection_result(RecordBuilder& b, DemoRandom& rng) {
  auto inspected = b.date("inspected_on");
  if (!inspected) return;
  Date finished = inspected->add_days(rng.uniform(0, 3));
  b.set_date_if("finished_on", finished, last_day());
  if (finished > last_day()) return b.clear("disclosed_on"), b.clear("disclosure_late");
  // Published within 20 working days, 7% late.
  int days = rng.chance(0.93) ? static_cast<int>(rng.uniform(2, 20)) : static_cast<int>(rng.uniform(21, 40));
  Date disclosed = add_workdays(finished, days);
  b.set_date_if("disclosed_on", disclosed, last_day());
  if (b.has("disclosed_on"))
    b.set_bool("disclosure_late", days > 20);
  else
    b.clear("disclosure_late");
}

void criminal_transfer(RecordBuilder& b, DemoRandom& rng) {
  auto transferred = b.date("transferred_on");
  if (!transferred || !b.has("police_response_on")) return;
  Date answered = transferred->add_days(rng.chance(0.88) ? rng.uniform(1, 3) : rng.uniform(4, 20));
  b.set_date_if("police_response_on", answered, last_day());
  if (b.has("followed_up_on")) b.set_date_if("followed_up_on", answered.add_days(rng.uniform(20, 120)), last_day());
}

void legality_review(RecordBuilder& b) {
  auto received = b.date("received_on");
  auto opinion = b.date("opinion_on");
  if (received && opinion && *received <= *opinion) {
    auto days = default_calendar().working_days_between(*received, *opinion);
    if (days)
      b.set_int("days_taken", *days);
    else
      b.clear("days_taken");
  } else {
    b.clear("days_taken");
  }
}

void government_contract(const std::string& state, RecordBuilder& b, DemoRandom& rng) {
  if (state == "performing" || state == "completed" || (state == "terminated" && b.has("signed_on")))
    b.set_text("review_opinion", rng.chance(0.8) ? "approved" : "approved_with_changes");
  // About one contract in ten is amended after signing, reviewed again first; one in twenty
  // ends in a dispute.
  auto signed_on = b.date("signed_on");
  bool amended = signed_on && rng.chance(0.1);
  if (amended) {
    Date reviewed = signed_on->add_days(rng.uniform(60, 300));
    Date amended_on = reviewed.add_days(rng.uniform(3, 20));
    if (amended_on > last_day()) {
      amended = false;
    } else {
      b.set_date("amendment_reviewed_on", reviewed);
      b.set_date("amended_on", amended_on);
      b.set_text("amendment_description", "调整履行期限和付款节点");
    }
  }
  if (!amended) b.clear("amendment_reviewed_on"), b.clear("amended_on"), b.clear("amendment_description");
  b.set_bool("amended", amended);
  if (signed_on && b.has("dispute_resolution") && rng.chance(0.05))
    b.set_date_if("dispute_on", signed_on->add_days(rng.uniform(30, 400)), last_day());
  else
    b.clear("dispute_on");
}

}  // namespace

void agree_with_rules(std::string_view ledger, const std::string& state, RecordBuilder& b, DemoRandom& rng) {
  if (ledger == "case_file_review")
    case_file_review(state, b, rng);
  else if (ledger == "petition")
    petition(b, rng);
  else if (ledger == "major_decision")
    major_decision(state, b, rng);
  else if (ledger == "inspection_result")
    inspection_result(b, rng);
  else if (ledger == "criminal_transfer")
    criminal_transfer(b, rng);
  else if (ledger == "legality_review")
    legality_review(b);
  else if (ledger == "government_contract")
    government_contract(state, b, rng);
  else if (ledger == "inspection_plan" && b.has("joint") && !b.has("partner_orgs"))
    b.set_bool("joint", false);
  else if (ledger == "exemption_list")
    b.set_bool("in_force", true);  // the lists the cases cite stand
}

}  // namespace fazhi::demo
