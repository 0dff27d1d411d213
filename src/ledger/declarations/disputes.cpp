#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// 矛盾纠纷化解: screenings, disputes, people's mediation (人民调解法) and petitions (信访工作条例
// 2022; RULES.md §8–9).

namespace {
const std::vector<EnumOption>& dispute_kinds() {
  static const std::vector<EnumOption> kKinds = {
      {"marriage_family", "婚姻家庭"}, {"neighbour", "邻里纠纷"},   {"land", "土地承包山林"},
      {"labour", "劳动争议"},          {"wages", "拖欠工资"},       {"contract", "合同纠纷"},
      {"damage", "损害赔偿"},          {"property", "物业纠纷"},    {"construction", "工程建设"},
      {"medical", "医疗纠纷"},         {"traffic", "道路交通事故"}, {"demolition", "征地拆迁"},
      {"other", "其他"}};
  return kKinds;
}
}  // namespace

const LedgerDeclaration& dispute_screening_ledger() {
  static const LedgerDeclaration ledger{
      .name = "dispute_screening",
      .label = "矛盾纠纷排查",
      .area = "disputes",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "排查名称", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "held_on", .label = "排查日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "screening_kind", .label = "排查类型", .type = FieldType::kEnum, .indexed = true,
               .options = {{"regular", "常规排查"}, {"special", "专项排查"}, {"key_period", "重要节点排查"}}},
              {.name = "scope", .label = "排查范围", .type = FieldType::kText, .in_list = false},
              {.name = "participants", .label = "参与人数", .type = FieldType::kInteger, .min = 0, .in_list = false},
          },
  };
  return ledger;
}

const LedgerDeclaration& dispute_ledger() {
  static const LedgerDeclaration ledger{
      .name = "dispute",
      .label = "矛盾纠纷",
      .area = "disputes",
      .title_field = "subject",
      .fields =
          {
              {.name = "subject", .label = "纠纷事由", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "dispute_kind", .label = "纠纷类型", .type = FieldType::kEnum, .indexed = true,
               .options = dispute_kinds()},
              {.name = "source", .label = "发现途径", .type = FieldType::kEnum, .indexed = true,
               .options = {{"screening", "排查发现"},
                           {"application", "当事人申请"},
                           {"referral", "部门移交"},
                           {"petition", "信访转入"},
                           {"hotline", "热线转办"}}},
              {.name = "screening", .label = "所属排查", .type = FieldType::kRecordRef,
               .ref_ledger = "dispute_screening", .in_list = false},
              {.name = "found_on", .label = "登记日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "parties", .label = "当事人", .type = FieldType::kText, .in_list = false},
              {.name = "party_count", .label = "涉及人数", .type = FieldType::kInteger, .min = 0, .in_list = false},
              {.name = "amount", .label = "涉及金额（万元）", .type = FieldType::kDecimal, .min = 0, .in_list = false},
              {.name = "region_code", .label = "发生地区划代码", .type = FieldType::kNationalCode, .indexed = true,
               .code = NationalCodeKind::kRegionCode, .in_list = false},
              {.name = "risk_level", .label = "风险等级", .type = FieldType::kEnum, .indexed = true,
               .options = {{"ordinary", "一般"}, {"major", "较大"}, {"serious", "重大"}}},
              {.name = "resolved_on", .label = "化解日期", .type = FieldType::kDate, .indexed = true},
              {.name = "resolution", .label = "化解方式", .type = FieldType::kEnum, .indexed = true,
               .options = {{"people_mediation", "人民调解"},
                           {"administrative_mediation", "行政调解"},
                           {"judicial", "诉讼"},
                           {"arbitration", "仲裁"},
                           {"reconsideration", "行政复议"},
                           {"other", "其他"}}},
              {.name = "failed_on", .label = "化解不成日期", .type = FieldType::kDate, .in_list = false},
              {.name = "failed_reason", .label = "化解不成原因", .type = FieldType::kText, .in_list = false},
              {.name = "confirmed_on", .label = "司法确认日期", .type = FieldType::kDate, .in_list = false},
              {.name = "confirming_court", .label = "司法确认法院", .type = FieldType::kText, .max_length = 100,
               .in_list = false},
          },
      .states =
          {
              {.name = "screened", .label = "已登记"},
              {.name = "mediating", .label = "调处中"},
              {.name = "resolved", .label = "已化解"},
              {.name = "failed", .label = "化解不成", .terminal = true},
              {.name = "confirmed", .label = "已司法确认", .terminal = true},
          },
      .initial_state = "screened",
      .transitions =
          {
              {.name = "start_mediation", .label = "开始调处", .from = {"screened"}, .to = "mediating"},
              {.name = "resolve", .label = "化解", .from = {"screened", "mediating"}, .to = "resolved",
               .requires_fields = {"resolved_on", "resolution"}},
              {.name = "fail", .label = "化解不成", .from = {"screened", "mediating"}, .to = "failed",
               .requires_fields = {"failed_on", "failed_reason"}},
              {.name = "confirm", .label = "司法确认", .from = {"resolved"}, .to = "confirmed",
               .requires_fields = {"confirmed_on"}},
          },
  };
  return ledger;
}

// 人民调解: one case of a people's mediation committee (the owner).
const LedgerDeclaration& mediation_ledger() {
  static const LedgerDeclaration ledger{
      .name = "mediation",
      .label = "人民调解案件",
      .area = "disputes",
      .title_field = "subject",
      .fields =
          {
              {.name = "case_number", .label = "调解编号", .type = FieldType::kText, .max_length = 60},
              {.name = "subject", .label = "纠纷事由", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "dispute", .label = "关联矛盾纠纷", .type = FieldType::kRecordRef, .ref_ledger = "dispute",
               .in_list = false},
              {.name = "dispute_kind", .label = "纠纷类型", .type = FieldType::kEnum, .indexed = true,
               .options = dispute_kinds()},
              {.name = "accepted_on", .label = "受理日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "mediator", .label = "调解员", .type = FieldType::kPersonRef, .in_list = false},
              {.name = "parties", .label = "当事人", .type = FieldType::kText, .in_list = false},
              {.name = "party_count", .label = "当事人人次", .type = FieldType::kInteger, .min = 0},
              {.name = "amount", .label = "涉及金额（万元）", .type = FieldType::kDecimal, .min = 0},
              {.name = "concluded_on", .label = "调解终结日期", .type = FieldType::kDate, .indexed = true},
              {.name = "outcome", .label = "调解结果", .type = FieldType::kEnum, .indexed = true,
               .options = {{"succeeded", "调解成功"}, {"failed", "调解不成"}, {"terminated", "终止调解"}}},
              {.name = "agreement_kind", .label = "协议形式", .type = FieldType::kEnum,
               .options = {{"written", "书面协议"}, {"oral", "口头协议"}}, .in_list = false},
              {.name = "agreement_on", .label = "协议生效日期", .type = FieldType::kDate, .help = "当事人可自协议生效之日起30日内共同申请司法确认（人民调解法 第三十三条）",
               .in_list = false},
              {.name = "fulfilled", .label = "协议是否履行", .type = FieldType::kBoolean, .indexed = true},
              {.name = "fulfilled_on", .label = "履行日期", .type = FieldType::kDate, .in_list = false},
              {.name = "confirmation_applied_on", .label = "申请司法确认日期", .type = FieldType::kDate,
               .in_list = false},
              {.name = "judicially_confirmed", .label = "是否经司法确认", .type = FieldType::kBoolean,
               .in_list = false},
          },
      .states =
          {
              {.name = "accepted", .label = "调解中"},
              {.name = "succeeded", .label = "调解成功"},
              {.name = "failed", .label = "调解不成", .terminal = true},
              {.name = "fulfilled", .label = "协议已履行", .terminal = true},
          },
      .initial_state = "accepted",
      .transitions =
          {
              {.name = "succeed", .label = "达成协议", .from = {"accepted"}, .to = "succeeded",
               .requires_fields = {"concluded_on", "outcome", "agreement_kind"}},
              {.name = "fail", .label = "调解不成", .from = {"accepted"}, .to = "failed",
               .requires_fields = {"concluded_on", "outcome"}},
              {.name = "fulfil", .label = "协议履行", .from = {"succeeded"}, .to = "fulfilled",
               .requires_fields = {"fulfilled", "fulfilled_on"}},
          },
  };
  return ledger;
}

// 信访事项 (信访工作条例, in force 2022-05-01; 信访条例 2005 before).
const LedgerDeclaration& petition_ledger() {
  static const LedgerDeclaration ledger{
      .name = "petition",
      .label = "信访事项",
      .area = "disputes",
      .title_field = "petition_number",
      .fields =
          {
              {.name = "petition_number", .label = "信访件编号", .type = FieldType::kText, .max_length = 60},
              {.name = "petitioner", .label = "信访人", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "petitioner_count", .label = "信访人数", .type = FieldType::kInteger, .min = 1,
               .in_list = false},
              {.name = "channel", .label = "信访形式", .type = FieldType::kEnum, .indexed = true,
               .options = {{"letter", "来信"}, {"visit", "来访"}, {"online", "网上信访"}, {"phone", "电话"}}},
              {.name = "origin", .label = "来源", .type = FieldType::kEnum, .indexed = true,
               .options = {{"direct", "直接受理"}, {"transferred", "转送交办"}}},
              {.name = "category", .label = "信访事项类别", .type = FieldType::kEnum, .indexed = true,
               .options = {{"suggestion", "建议意见"}, {"accusation", "检举控告"}, {"claim", "申诉求决"}}},
              {.name = "content", .label = "信访事项内容", .type = FieldType::kLongText, .in_list = false},
              {.name = "received_on", .label = "收到日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "acceptance_notified_on", .label = "告知信访人日期", .type = FieldType::kDate, .indexed = true},
              {.name = "acceptance", .label = "受理情况", .type = FieldType::kEnum, .indexed = true,
               .options = {{"accepted", "受理"}, {"not_accepted", "不予受理"}, {"transferred", "转送有权机关"}}},
              {.name = "accepted_on", .label = "受理日期", .type = FieldType::kDate, .indexed = true},
              {.name = "handler", .label = "承办人", .type = FieldType::kPersonRef, .in_list = false},
              {.name = "extension_days", .label = "延长办理天数", .type = FieldType::kInteger, .min = 1, .max = 30,
               .help = "经本机关负责人批准，最多30日", .in_list = false},
              {.name = "extension_approved_on", .label = "延期批准日期", .type = FieldType::kDate, .in_list = false},
              {.name = "replied_on", .label = "出具处理意见日期", .type = FieldType::kDate, .indexed = true},
              {.name = "review_requested_on", .label = "申请复查日期", .type = FieldType::kDate, .in_list = false},
              {.name = "review_opinion_on", .label = "复查意见日期", .type = FieldType::kDate, .in_list = false},
              {.name = "recheck_requested_on", .label = "申请复核日期", .type = FieldType::kDate, .in_list = false},
              {.name = "recheck_opinion_on", .label = "复核意见日期", .type = FieldType::kDate, .in_list = false},
              {.name = "satisfied", .label = "信访人是否满意", .type = FieldType::kBoolean, .in_list = false},
          },
      .states =
          {
              {.name = "received", .label = "已登记"},
              {.name = "accepted", .label = "已受理"},
              {.name = "not_accepted", .label = "不予受理", .terminal = true},
              {.name = "transferred", .label = "已转送", .terminal = true},
              {.name = "extended", .label = "已延期办理"},
              {.name = "replied", .label = "已出具处理意见"},
              {.name = "under_review", .label = "复查中"},
              {.name = "reviewed", .label = "已复查"},
              {.name = "under_recheck", .label = "复核中"},
              {.name = "rechecked", .label = "已复核", .terminal = true},
          },
      .initial_state = "received",
      .transitions =
          {
              {.name = "accept", .label = "受理", .from = {"received"}, .to = "accepted",
               .requires_fields = {"acceptance", "accepted_on", "acceptance_notified_on"}},
              {.name = "reject", .label = "不予受理", .from = {"received"}, .to = "not_accepted",
               .requires_fields = {"acceptance", "acceptance_notified_on"}},
              {.name = "transfer", .label = "转送有权机关", .from = {"received"}, .to = "transferred",
               .requires_fields = {"acceptance", "acceptance_notified_on"}},
              {.name = "extend", .label = "延长办理期限", .from = {"accepted"}, .to = "extended",
               .requires_fields = {"extension_days", "extension_approved_on"}},
              {.name = "reply", .label = "出具处理意见", .from = {"accepted", "extended"}, .to = "replied",
               .requires_fields = {"replied_on"}},
              {.name = "request_review", .label = "申请复查", .from = {"replied"}, .to = "under_review",
               .requires_fields = {"review_requested_on"}},
              {.name = "complete_review", .label = "出具复查意见", .from = {"under_review"}, .to = "reviewed",
               .requires_fields = {"review_opinion_on"}},
              {.name = "request_recheck", .label = "申请复核", .from = {"reviewed"}, .to = "under_recheck",
               .requires_fields = {"recheck_requested_on"}},
              {.name = "complete_recheck", .label = "出具复核意见", .from = {"under_recheck"}, .to = "rechecked",
               .requires_fields = {"recheck_opinion_on"}},
          },
      .time_limits =
          {
              {.name = "acceptance_notice", .label = "受理告知期限", .from = "received_on", .days = 15,
               .count = DayCount::kCalendarDays, .until = "acceptance_notified_on", .active_states = {"received"},
               .source = "信访工作条例 第二十三条"},
              {.name = "handling", .label = "办理期限", .from = "accepted_on", .days = 60,
               .count = DayCount::kCalendarDays, .until = "replied_on", .active_states = {"accepted", "extended"},
               .extension_days_field = "extension_days", .due_soon_days = 10, .source = "信访工作条例 第三十四条"},
              {.name = "review", .label = "复查期限", .from = "review_requested_on", .days = 30,
               .count = DayCount::kCalendarDays, .until = "review_opinion_on", .active_states = {"under_review"},
               .source = "信访工作条例 第三十五条"},
              {.name = "recheck", .label = "复核期限", .from = "recheck_requested_on", .days = 30,
               .count = DayCount::kCalendarDays, .until = "recheck_opinion_on", .active_states = {"under_recheck"},
               .source = "信访工作条例 第三十六条"},
          },
  };
  return ledger;
}

}  // namespace fazhi
// clang-format on
