#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// 权力制约监督和政务公开: supervision problems and their rectification, information requests
// (政府信息公开条例 2019; RULES.md §9), proactive publications, press conferences, people's-
// congress suggestions and CPPCC proposals; and emergency drills.

const LedgerDeclaration& supervision_problem_ledger() {
  static const LedgerDeclaration ledger{
      .name = "supervision_problem",
      .label = "督察发现问题",
      .area = "oversight",
      .title_field = "title",
      .fields =
          {
              {.name = "title", .label = "问题", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "details", .label = "问题描述", .type = FieldType::kLongText, .in_list = false},
              {.name = "source", .label = "问题来源", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"supervision", "法治督察"},
                           {"assessment", "法治考评"},
                           {"case_file_review", "案卷评查"},
                           {"audit", "审计"},
                           {"inspection_tour", "巡视巡察"},
                           {"other", "其他"}}},
              {.name = "batch", .label = "督察批次", .type = FieldType::kText, .max_length = 100, .in_list = false},
              {.name = "case_file_review", .label = "关联案卷评查", .type = FieldType::kRecordRef,
               .ref_ledger = "case_file_review", .in_list = false},
              {.name = "found_on", .label = "发现日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "responsible_org", .label = "责任单位", .type = FieldType::kOrgRef, .required = true,
               .indexed = true},
              {.name = "deadline", .label = "整改期限", .type = FieldType::kDate, .indexed = true},
              {.name = "rectified_on", .label = "整改完成日期", .type = FieldType::kDate, .indexed = true},
              {.name = "signed_off_on", .label = "销号日期", .type = FieldType::kDate, .indexed = true,
               .in_list = false},
              {.name = "signed_off_by", .label = "销号人", .type = FieldType::kPersonRef, .in_list = false},
              {.name = "escalated_on", .label = "逾期报告协调机构日期", .type = FieldType::kDate, .in_list = false},
              {.name = "return_reason", .label = "退回理由", .type = FieldType::kText, .in_list = false},
          },
      .states =
          {
              {.name = "open", .label = "待整改"},
              {.name = "rectifying", .label = "整改中"},
              {.name = "submitted", .label = "已申请销号"},
              {.name = "signed_off", .label = "已销号", .terminal = true},
          },
      .initial_state = "open",
      .transitions =
          {
              {.name = "start", .label = "开始整改", .from = {"open"}, .to = "rectifying",
               .requires_fields = {"deadline"}},
              {.name = "escalate", .label = "逾期报告协调机构", .from = {"open", "rectifying"}, .to = "rectifying",
               .requires_fields = {"escalated_on"}},
              {.name = "submit", .label = "申请销号", .from = {"open", "rectifying"}, .to = "submitted",
               .requires_fields = {"rectified_on"}},
              {.name = "return", .label = "退回继续整改", .from = {"submitted"}, .to = "rectifying",
               .requires_fields = {"return_reason"}},
              {.name = "sign_off", .label = "审核销号", .from = {"submitted"}, .to = "signed_off",
               .requires_fields = {"signed_off_on"}, .roles = {Role::kAdmin, Role::kCoordinator}},
          },
      .time_limits =
          {
              {.name = "rectification", .label = "问题整改期限", .from = "deadline", .days = 0,
               .count = DayCount::kCalendarDays, .until = "rectified_on",
               .active_states = {"open", "rectifying"}, .due_soon_days = 7,
               .source = "督察整改通知确定的整改期限"},
          },
      .also_visible_to_field = "responsible_org",
  };
  return ledger;
}

// 整改措施: one measure of a problem's rectification.
const LedgerDeclaration& rectification_ledger() {
  static const LedgerDeclaration ledger{
      .name = "rectification",
      .label = "整改措施",
      .area = "oversight",
      .title_field = "measure",
      .fields =
          {
              {.name = "problem", .label = "所属问题", .type = FieldType::kRecordRef, .required = true, .indexed = true,
               .ref_ledger = "supervision_problem"},
              {.name = "measure", .label = "整改措施", .type = FieldType::kText, .required = true, .max_length = 500},
              {.name = "owner_org", .label = "牵头单位", .type = FieldType::kOrgRef, .indexed = true},
              {.name = "owner", .label = "责任人", .type = FieldType::kPersonRef},
              {.name = "due_on", .label = "完成时限", .type = FieldType::kDate, .indexed = true},
              {.name = "done_on", .label = "完成日期", .type = FieldType::kDate, .indexed = true},
              {.name = "result", .label = "整改成效", .type = FieldType::kLongText, .in_list = false},
              {.name = "evidence", .label = "佐证材料", .type = FieldType::kAttachment, .in_list = false},
              {.name = "accepted_on", .label = "验收日期", .type = FieldType::kDate, .in_list = false},
              {.name = "accepted_by", .label = "验收人", .type = FieldType::kPersonRef, .in_list = false},
          },
      .states =
          {
              {.name = "planned", .label = "已制定"},
              {.name = "done", .label = "已完成"},
              {.name = "accepted", .label = "已验收", .terminal = true},
          },
      .initial_state = "planned",
      .transitions =
          {
              {.name = "complete", .label = "完成整改", .from = {"planned"}, .to = "done",
               .requires_fields = {"done_on", "evidence"}},
              {.name = "reopen", .label = "退回", .from = {"done"}, .to = "planned"},
              {.name = "accept", .label = "验收", .from = {"done"}, .to = "accepted",
               .requires_fields = {"accepted_on"}, .roles = {Role::kAdmin, Role::kCoordinator}},
          },
      .time_limits =
          {
              {.name = "measure", .label = "整改措施完成时限", .from = "due_on", .days = 0,
               .count = DayCount::kCalendarDays, .until = "done_on", .active_states = {"planned"},
               .due_soon_days = 7, .source = "整改方案确定的完成时限"},
          },
      .also_visible_to_field = "owner_org",
  };
  return ledger;
}

// 依申请公开: one information request.
const LedgerDeclaration& openness_request_ledger() {
  static const LedgerDeclaration ledger{
      .name = "openness_request",
      .label = "政府信息公开申请",
      .area = "oversight",
      .title_field = "request_number",
      .fields =
          {
              {.name = "request_number", .label = "申请编号", .type = FieldType::kText, .max_length = 60},
              {.name = "applicant", .label = "申请人", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "channel", .label = "申请方式", .type = FieldType::kEnum, .indexed = true,
               .options = {{"in_person", "当面"}, {"mail", "邮寄"}, {"online", "网络"}, {"fax", "传真"}, {"other", "其他"}}},
              {.name = "content", .label = "申请内容", .type = FieldType::kLongText, .in_list = false},
              {.name = "received_on", .label = "收到申请日期", .type = FieldType::kDate, .required = true,
               .indexed = true},
              {.name = "clarification_requested_on", .label = "补正告知日期", .type = FieldType::kDate,
               .help = "申请内容不明确的，自收到申请之日起7个工作日内一次性告知（第三十条）", .in_list = false},
              {.name = "clarified_on", .label = "收到补正日期", .type = FieldType::kDate, .in_list = false},
              {.name = "extension_days", .label = "延长答复天数", .type = FieldType::kInteger, .min = 1, .max = 20,
               .help = "经政府信息公开工作机构负责人同意，最多20个工作日", .in_list = false},
              {.name = "replied_on", .label = "答复日期", .type = FieldType::kDate, .indexed = true},
              {.name = "reply_kind", .label = "答复类型", .type = FieldType::kEnum, .indexed = true,
               .options = {{"disclosed", "予以公开"},
                           {"partly_disclosed", "部分公开"},
                           {"not_disclosed", "不予公开"},
                           {"not_held", "本机关不掌握"},
                           {"not_exist", "信息不存在"},
                           {"not_processed", "不予处理"},
                           {"other", "其他"}}},
          },
      .states =
          {
              {.name = "received", .label = "已收到"},
              {.name = "clarifying", .label = "补正中"},
              {.name = "clarified", .label = "补正后办理"},
              {.name = "replied", .label = "已答复", .terminal = true},
          },
      .initial_state = "received",
      .transitions =
          {
              {.name = "request_clarification", .label = "告知补正", .from = {"received"}, .to = "clarifying",
               .requires_fields = {"clarification_requested_on"}},
              {.name = "clarify", .label = "收到补正", .from = {"clarifying"}, .to = "clarified",
               .requires_fields = {"clarified_on"}},
              {.name = "reply", .label = "答复", .from = {"received", "clarified"}, .to = "replied",
               .requires_fields = {"replied_on", "reply_kind"}},
          },
      .time_limits =
          {
              {.name = "reply", .label = "答复期限", .from = "received_on", .days = 20,
               .count = DayCount::kWorkingDays, .until = "replied_on", .active_states = {"received"},
               .extension_days_field = "extension_days", .source = "政府信息公开条例 第三十三条"},
              {.name = "reply_after_clarification", .label = "补正后答复期限", .from = "clarified_on", .days = 20,
               .count = DayCount::kWorkingDays, .until = "replied_on", .active_states = {"clarified"},
               .extension_days_field = "extension_days", .source = "政府信息公开条例 第三十条、第三十三条"},
          },
  };
  return ledger;
}

// 主动公开: one proactively published item.
const LedgerDeclaration& openness_publication_ledger() {
  static const LedgerDeclaration ledger{
      .name = "openness_publication",
      .label = "主动公开信息",
      .area = "oversight",
      .title_field = "title",
      .fields =
          {
              {.name = "title", .label = "信息标题", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "category", .label = "公开类别", .type = FieldType::kEnum, .indexed = true,
               .options = {{"policy", "政策文件"},
                           {"interpretation", "政策解读"},
                           {"budget", "财政预决算"},
                           {"plan", "规划计划"},
                           {"personnel", "人事信息"},
                           {"other", "其他"}}},
              {.name = "published_on", .label = "公开日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "url", .label = "公开网址", .type = FieldType::kText, .max_length = 500, .in_list = false},
          },
  };
  return ledger;
}

const LedgerDeclaration& press_conference_ledger() {
  static const LedgerDeclaration ledger{
      .name = "press_conference",
      .label = "新闻发布会",
      .area = "oversight",
      .title_field = "topic",
      .fields =
          {
              {.name = "topic", .label = "发布主题", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "held_on", .label = "发布日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "spokesperson", .label = "发布人", .type = FieldType::kText, .max_length = 100},
          },
  };
  return ledger;
}

// 人大代表建议和政协提案 handled by the organ.
const LedgerDeclaration& deputy_suggestion_ledger() {
  static const LedgerDeclaration ledger{
      .name = "deputy_suggestion",
      .label = "人大建议政协提案",
      .area = "oversight",
      .title_field = "title",
      .fields =
          {
              {.name = "title", .label = "标题", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "kind", .label = "类别", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"npc_suggestion", "人大代表建议"}, {"cppcc_proposal", "政协提案"}}},
              {.name = "number", .label = "建议（提案）号", .type = FieldType::kText, .max_length = 40},
              {.name = "proposer", .label = "代表或委员", .type = FieldType::kText, .max_length = 200},
              {.name = "lead", .label = "办理方式", .type = FieldType::kEnum,
               .options = {{"main", "主办"}, {"joint", "协办"}}},
              {.name = "assigned_on", .label = "交办日期", .type = FieldType::kDate, .indexed = true},
              {.name = "replied_on", .label = "答复日期", .type = FieldType::kDate, .indexed = true},
              {.name = "contacted", .label = "是否沟通见面", .type = FieldType::kBoolean, .indexed = true},
              {.name = "satisfaction", .label = "代表委员满意度", .type = FieldType::kEnum, .indexed = true,
               .options = {{"satisfied", "满意"}, {"basically_satisfied", "基本满意"}, {"dissatisfied", "不满意"}}},
          },
  };
  return ledger;
}

// 应急演练.
const LedgerDeclaration& emergency_drill_ledger() {
  static const LedgerDeclaration ledger{
      .name = "emergency_drill",
      .label = "应急演练",
      .area = "emergency",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "演练名称", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "held_on", .label = "演练日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "drill_kind", .label = "演练类型", .type = FieldType::kEnum, .indexed = true,
               .options = {{"flood", "防汛抗旱"},
                           {"fire", "消防"},
                           {"earthquake", "地震地质灾害"},
                           {"hazardous_chemicals", "危险化学品"},
                           {"public_health", "公共卫生"},
                           {"production_safety", "安全生产"},
                           {"other", "其他"}}},
              {.name = "plan", .label = "依据预案", .type = FieldType::kText, .max_length = 200, .in_list = false},
              {.name = "participants", .label = "参演人数", .type = FieldType::kInteger, .min = 0},
          },
  };
  return ledger;
}

}  // namespace fazhi
// clang-format on
