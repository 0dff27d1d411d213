#include "ledger/declarations/reconsideration_rules.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/working_day_calendar.h"
#include "ledger/declarations/record_checks.h"
#include "ledger/ledger_table.h"

namespace fazhi {
namespace {

bool is_step(const TransitionDeclaration* step, std::initializer_list<std::string_view> names) {
  return step && std::find(names.begin(), names.end(), step->name) != names.end();
}

// The last day of the examination period (第三十条): 5 working days after the application
// arrived, or after the completed materials arrived when 补正 was asked for (第三十一条).
std::optional<Date> examination_due(const LedgerDeclaration& l, const LedgerRecord& r) {
  auto start = date_field(l, r, "supplement_received_on");
  if (!start) start = date_field(l, r, "received_on");
  if (!start) return std::nullopt;
  auto due = default_calendar().add_working_days(*start, 5);
  if (!due) return std::nullopt;
  return *due;
}

// The last day of the hearing period as it stands: 60 days (30 simplified) after acceptance,
// plus an approved extension.
std::optional<Date> decision_due(const LedgerDeclaration& l, const LedgerRecord& r, bool with_extension) {
  auto accepted = date_field(l, r, "accepted_on");
  if (!accepted) return std::nullopt;
  int days = text_field(l, r, "simplified") == "1" ? 30 : 60;
  days += static_cast<int>(sql_int(field_of(l, r, "suspended_days")).value_or(0));
  if (with_extension) days += static_cast<int>(sql_int(field_of(l, r, "extension_days")).value_or(0));
  auto due = default_calendar().calendar_deadline(*accepted, days);
  if (!due) return std::nullopt;
  return *due;
}

}  // namespace

Result<void> reconsideration_rule(const RuleContext& c, const LedgerRecord* before, LedgerRecord& r,
                                  const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  for (auto [later, earlier] : {std::pair{"examined_on", "received_on"},
                                {"supplement_requested_on", "received_on"},
                                {"supplement_received_on", "supplement_requested_on"},
                                {"abandoned_on", "supplement_requested_on"},
                                {"accepted_on", "received_on"},
                                {"copy_sent_on", "accepted_on"},
                                {"copy_received_on", "copy_sent_on"},
                                {"reply_on", "copy_received_on"},
                                {"hearing_on", "accepted_on"},
                                {"mediation_started_on", "accepted_on"},
                                {"converted_on", "accepted_on"},
                                {"extension_approved_on", "accepted_on"},
                                {"extension_notified_on", "extension_approved_on"},
                                {"suspended_on", "accepted_on"},
                                {"resumed_on", "suspended_on"},
                                {"concluded_on", "accepted_on"},
                                {"opinion_feedback_on", "opinion_letter_on"}})
    FAZHI_TRY(require_not_before(c, r, step, later, earlier));

  // 第三十条: once the examination period has ended without a decision, the application is
  // deemed accepted from the period's last day; it can no longer be refused or redirected.
  auto exam_due = examination_due(l, r);
  auto examined = date_field(l, r, "examined_on");
  if (is_step(step, {"reject", "redirect"}) && exam_due && examined && *examined > *exam_due)
    return order_refusal(c, r, step,
                         fmt::format("审查期限已于{}届满，申请自该日起视为受理，不能再作出不予受理或告知决定"
                                     "（行政复议法 第三十条）",
                                     exam_due->iso()),
                         "examined_on");
  if (is_step(step, {"accept", "accept_simplified"}) && exam_due) {
    auto accepted = date_field(l, r, "accepted_on");
    if (accepted && *accepted > *exam_due) {
      set_field(l, r, "deemed_accepted", std::int64_t{1});
      set_field(l, r, "accepted_on", exam_due->iso());
    }
  }
  if (step && step->name == "accept_simplified") set_field(l, r, "simplified", std::int64_t{1});
  if (step && step->name == "accept" && !has_field(l, r, "simplified")) set_field(l, r, "simplified", std::int64_t{0});
  if (step && step->name == "convert_to_ordinary") {
    if (!has_field(l, r, "converted_on"))
      return rule_refusal(c, r, step, "转为普通程序须填写经批准转换的日期（行政复议法 第五十五条）", "converted_on");
    set_field(l, r, "simplified", std::int64_t{0});
  }

  // 第六十二条: one extension, at most 30 days, approved and notified before the period ends.
  if (step && step->name == "extend") {
    std::int64_t had = before ? sql_int(field_of(l, *before, "extension_days")).value_or(0) : 0;
    if (had > 0) return order_refusal(c, r, step, "审理期限只能延长一次（行政复议法 第六十二条）", "extension_days");
    if (text_field(l, r, "simplified") == "1")
      return order_refusal(c, r, step, "适用简易程序的案件不能延长审理期限；案情复杂的，应先转为普通程序（第五十五条）",
                           "extension_days");
    std::int64_t days = sql_int(field_of(l, r, "extension_days")).value_or(0);
    if (days < 1 || days > 30)
      return rule_refusal(c, r, step, fmt::format("延长的期限最多30日，而不是{}日（行政复议法 第六十二条）", days),
                          "extension_days");
    auto due = decision_due(l, r, false);
    auto approved = date_field(l, r, "extension_approved_on");
    if (due && approved && *approved > *due)
      return order_refusal(c, r, step,
                           fmt::format("审理期限已于{}届满，届满后不能再批准延长（行政复议法 第六十二条）", due->iso()),
                           "extension_approved_on");
    auto notified = date_field(l, r, "extension_notified_on");
    if (due && notified && *notified > *due)
      return rule_refusal(
          c, r, step, fmt::format("延期应在审理期限届满（{}）前书面告知当事人（行政复议法 第六十二条）", due->iso()),
          "extension_notified_on");
  }

  if (step && step->name == "conclude") {
    std::string kind = text_field(l, r, "decision_kind");
    if (kind == "mediated" && !has_field(l, r, "mediation_started_on"))
      return order_refusal(c, r, step, "以调解书结案的，应先记录开始调解（行政复议法 第七十三条）",
                           "mediation_started_on");
    if (kind == "terminated" && !has_field(l, r, "termination_reason"))
      return rule_refusal(c, r, step, "决定终止的，须填写终止原因（行政复议法 第四十一条）", "termination_reason");
    if (kind != "terminated" && kind != "settled_withdrawn" && kind != "mediated" &&
        !has_field(l, r, "decision_number"))
      return rule_refusal(c, r, step, "作出行政复议决定的，须填写决定书文号", "decision_number");
  }
  // 第三十九条: a suspension does not count; the days from suspension to resumption are added
  // to the hearing period, as is the approved extension (the time limits read added_days).
  if (step && step->name == "resume") {
    auto from = date_field(l, r, "suspended_on");
    auto to = date_field(l, r, "resumed_on");
    std::int64_t had = before ? sql_int(field_of(l, *before, "suspended_days")).value_or(0) : 0;
    if (from && to) set_field(l, r, "suspended_days", had + days_between(*from, *to));
  }
  std::int64_t added =
      sql_int(field_of(l, r, "extension_days")).value_or(0) + sql_int(field_of(l, r, "suspended_days")).value_or(0);
  set_field(l, r, "added_days", added > 0 ? SqlValue(added) : SqlValue(nullptr));
  if (r.state == "concluded") {
    std::string kind = text_field(l, r, "decision_kind");
    if (kind != "terminated" && has_field(l, r, "termination_reason")) set_field(l, r, "termination_reason", nullptr);
  }
  return ok();
}

Result<void> litigation_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                             const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  for (auto [later, earlier] : {std::pair{"complaint_served_on", "filed_on"},
                                {"defence_submitted_on", "complaint_served_on"},
                                {"hearing_on", "filed_on"},
                                {"head_notice_received_on", "filed_on"},
                                {"judgement_served_on", "filed_on"},
                                {"concluded_on", "filed_on"},
                                {"appealed_on", "concluded_on"},
                                {"performed_on", "concluded_on"}})
    FAZHI_TRY(require_not_before(c, r, step, later, earlier));

  // Instances in order: a second instance follows a first, a retrial an earlier instance.
  std::string instance = text_field(l, r, "instance");
  auto previous = sql_int(field_of(l, r, "previous_instance"));
  if (instance == "first" && previous) return rule_refusal(c, r, step, "一审案件没有前审案件", "previous_instance");
  if ((instance == "second" || instance == "retrial") && !previous)
    return rule_refusal(c, r, step, instance == "second" ? "二审案件须关联其一审案件" : "再审案件须关联原审案件",
                        "previous_instance");
  if (previous) {
    if (*previous == r.id) return rule_refusal(c, r, step, "案件不能以自己为前审案件", "previous_instance");
    auto earlier = load_record(c.sql, l, *previous);
    if (!earlier)
      return rule_refusal(c, r, step, fmt::format("前审案件（编号{}）不存在", *previous), "previous_instance");
    std::string earlier_instance = text_field(l, *earlier, "instance");
    if (instance == "second" && earlier_instance != "first")
      return rule_refusal(c, r, step, "二审案件的前审案件应为一审案件", "previous_instance");
    auto concluded = date_field(l, *earlier, "concluded_on");
    auto filed = date_field(l, r, "filed_on");
    if (filed && concluded && *filed < *concluded)
      return order_refusal(c, r, step,
                           fmt::format("本审立案日期（{}）早于前审审结日期（{}）", filed->iso(), concluded->iso()),
                           "filed_on");
  }

  // The head's appearance (负责人出庭应诉规定 第二、八条).
  if (text_field(l, r, "head_notified") == "1" && text_field(l, r, "head_appeared") == "not_appeared" &&
      !has_field(l, r, "absence_reason"))
    return rule_refusal(c, r, step,
                        "法院通知负责人出庭而负责人未出庭的，须记录正当理由（最高人民法院关于行政机关负责人出庭应诉若干"
                        "问题的规定 第八条）",
                        "absence_reason");

  // The outcome and the judgement agree.
  std::string outcome = text_field(l, r, "outcome");
  std::string kind = text_field(l, r, "judgement_kind");
  static const std::vector<std::string> kLosing = {
      "revoked",        "changed",     "confirmed_unlawful", "confirmed_invalid", "ordered_to_perform",
      "ordered_to_pay", "compensation"};
  bool losing_kind = std::find(kLosing.begin(), kLosing.end(), kind) != kLosing.end();
  if (outcome == "lost" && !kind.empty() && !losing_kind && kind != "reversed" && kind != "other")
    return rule_refusal(c, r, step, "败诉案件的裁判方式应为撤销、变更、确认违法或无效、判决履行、给付或赔偿等",
                        "judgement_kind");
  if (outcome == "won" && losing_kind)
    return rule_refusal(c, r, step, "判决撤销、变更、确认违法等的，审理结果应为「败诉」", "outcome");
  if (step && step->name == "conclude" && outcome == "lost" && kind.empty())
    return rule_refusal(c, r, step, "败诉案件须填写裁判方式", "judgement_kind");
  if (step && step->name == "perform" && outcome != "lost" && outcome != "mediated")
    return order_refusal(c, r, step, "只有败诉或调解结案的案件需要记录履行生效裁判", "outcome");
  return ok();
}

}  // namespace fazhi
