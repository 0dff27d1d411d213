#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// 行政执法: bodies, officers and their certificates, exams and training, the power list, cases
// with the three systems (国办发〔2018〕118号; 行政处罚法 2021), exemption lists and transfers of
// suspected crimes (RULES.md §4).

const LedgerDeclaration& enforcement_body_ledger() {
  static const LedgerDeclaration ledger{
      .name = "enforcement_body",
      .label = "执法主体",
      .area = "enforcement",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "执法主体名称", .type = FieldType::kText, .required = true, .max_length = 100},
              {.name = "organization", .label = "对应单位", .type = FieldType::kOrgRef, .indexed = true,
               .in_list = false},
              {.name = "body_kind", .label = "主体类别", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"statutory", "行政机关"},
                           {"authorised", "法律法规授权组织"},
                           {"entrusted", "受委托组织"}}},
              {.name = "uscc", .label = "统一社会信用代码", .type = FieldType::kNationalCode,
               .code = NationalCodeKind::kUnifiedSocialCreditCode, .in_list = false},
              {.name = "enforcement_area", .label = "执法领域", .type = FieldType::kText, .max_length = 60},
              {.name = "legal_basis", .label = "主体资格依据", .type = FieldType::kLongText, .in_list = false},
              {.name = "confirmed_on", .label = "确认公告日期", .type = FieldType::kDate, .indexed = true},
              {.name = "confirmation_document", .label = "确认文件", .type = FieldType::kText, .in_list = false},
              {.name = "in_force", .label = "是否有效", .type = FieldType::kBoolean, .indexed = true},
              {.name = "abolished_on", .label = "撤销日期", .type = FieldType::kDate, .in_list = false},
          },
  };
  return ledger;
}

const LedgerDeclaration& officer_ledger() {
  static const LedgerDeclaration ledger{
      .name = "officer",
      .label = "执法人员",
      .area = "enforcement",
      .title_field = "person",
      .fields =
          {
              {.name = "person", .label = "人员", .type = FieldType::kPersonRef, .required = true, .unique = true},
              {.name = "enforcement_body", .label = "所在执法主体", .type = FieldType::kRecordRef, .indexed = true,
               .ref_ledger = "enforcement_body"},
              {.name = "staff_kind", .label = "人员类别", .type = FieldType::kEnum, .indexed = true,
               .options = {{"civil_servant", "公务员"},
                           {"civil_servant_managed", "参照公务员法管理人员"},
                           {"institution_staff", "事业编制人员"},
                           {"other", "其他"}}},
              {.name = "enforcement_area", .label = "执法类别", .type = FieldType::kText, .max_length = 60},
              {.name = "post", .label = "执法岗位", .type = FieldType::kText, .max_length = 60, .in_list = false},
              {.name = "legal_qualification", .label = "是否具有法律职业资格", .type = FieldType::kBoolean,
               .help = "初次从事法制审核的人员须具备（行政处罚法 第五十八条）", .in_list = false},
              {.name = "on_duty", .label = "是否在岗", .type = FieldType::kBoolean, .indexed = true},
              {.name = "left_on", .label = "调离日期", .type = FieldType::kDate, .in_list = false},
          },
  };
  return ledger;
}

const LedgerDeclaration& certificate_ledger() {
  static const LedgerDeclaration ledger{
      .name = "certificate",
      .label = "执法证件",
      .area = "enforcement",
      .title_field = "certificate_number",
      .fields =
          {
              {.name = "certificate_number", .label = "证件编号", .type = FieldType::kText, .required = true,
               .unique = true, .max_length = 40},
              {.name = "officer", .label = "持证执法人员", .type = FieldType::kRecordRef, .required = true,
               .indexed = true, .ref_ledger = "officer"},
              {.name = "card_kind", .label = "证件类型", .type = FieldType::kEnum, .indexed = true,
               .options = {{"enforcement", "行政执法证"}, {"supervision", "行政执法监督证"}}},
              {.name = "issue_kind", .label = "发证类型", .type = FieldType::kEnum, .indexed = true,
               .options = {{"new", "首次申领"}, {"renewal", "换证"}, {"replacement", "补证"}}},
              {.name = "issuer", .label = "发证机关", .type = FieldType::kText, .max_length = 100, .in_list = false},
              {.name = "issued_on", .label = "发证日期", .type = FieldType::kDate, .indexed = true},
              {.name = "valid_until", .label = "有效期至", .type = FieldType::kDate, .indexed = true},
              {.name = "suspended_on", .label = "暂扣日期", .type = FieldType::kDate, .in_list = false},
              {.name = "reinstated_on", .label = "发还日期", .type = FieldType::kDate, .in_list = false},
              {.name = "revoked_on", .label = "注销或吊销日期", .type = FieldType::kDate, .in_list = false},
              {.name = "withdrawal_reason", .label = "暂扣或注销原因", .type = FieldType::kText, .in_list = false},
              {.name = "renewed_on", .label = "换发新证日期", .type = FieldType::kDate, .help = "有效期届满前换发新证的，本证随之失效",
               .in_list = false},
          },
      .states =
          {
              {.name = "valid", .label = "有效"},
              {.name = "suspended", .label = "暂扣"},
              {.name = "revoked", .label = "已注销", .terminal = true},
              {.name = "expired", .label = "已过期", .terminal = true},
              {.name = "renewed", .label = "已换发新证", .terminal = true},
          },
      .initial_state = "valid",
      .transitions =
          {
              {.name = "suspend", .label = "暂扣证件", .from = {"valid"}, .to = "suspended",
               .requires_fields = {"suspended_on", "withdrawal_reason"}},
              {.name = "reinstate", .label = "发还证件", .from = {"suspended"}, .to = "valid",
               .requires_fields = {"reinstated_on"}},
              {.name = "revoke", .label = "注销或吊销", .from = {"valid", "suspended"}, .to = "revoked",
               .requires_fields = {"revoked_on", "withdrawal_reason"}},
              {.name = "expire", .label = "到期失效", .from = {"valid", "suspended"}, .to = "expired",
               .requires_fields = {"valid_until"}},
              {.name = "renew", .label = "换发新证", .from = {"valid"}, .to = "renewed",
               .requires_fields = {"renewed_on"}},
          },
      .time_limits =
          {
              {.name = "expiry", .label = "执法证件有效期届满", .from = "valid_until", .days = 0,
               .count = DayCount::kCalendarDays, .until = "renewed_on", .active_states = {"valid", "suspended"},
               .due_soon_days = 90, .source = "各省行政执法证件管理办法（有效期届满前申请换证，提前90日提醒）"},
          },
  };
  return ledger;
}

// 执法资格考试: one row per candidate sitting.
const LedgerDeclaration& certificate_exam_ledger() {
  static const LedgerDeclaration ledger{
      .name = "certificate_exam",
      .label = "执法资格考试",
      .area = "enforcement",
      .title_field = "person",
      .fields =
          {
              {.name = "person", .label = "考生", .type = FieldType::kPersonRef, .required = true},
              {.name = "exam_on", .label = "考试日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "exam_kind", .label = "考试类别", .type = FieldType::kEnum, .indexed = true,
               .options = {{"qualification", "资格考试"}, {"renewal", "换证考试"}}},
              {.name = "score", .label = "考试成绩", .type = FieldType::kDecimal, .min = 0, .max = 100},
              {.name = "passed", .label = "是否合格", .type = FieldType::kBoolean, .indexed = true},
          },
  };
  return ledger;
}

// 执法人员年度培训和学法考试: one row per officer and year.
const LedgerDeclaration& officer_training_ledger() {
  static const LedgerDeclaration ledger{
      .name = "officer_training",
      .label = "执法人员培训",
      .area = "enforcement",
      .title_field = "officer",
      .fields =
          {
              {.name = "officer", .label = "执法人员", .type = FieldType::kRecordRef, .required = true,
               .indexed = true, .ref_ledger = "officer"},
              {.name = "year", .label = "年度", .type = FieldType::kInteger, .required = true, .indexed = true,
               .min = 2000, .max = 2100},
              {.name = "training_hours", .label = "培训学时", .type = FieldType::kDecimal, .min = 0},
              {.name = "exam_score", .label = "年度考试成绩", .type = FieldType::kDecimal, .min = 0, .max = 100},
              {.name = "exam_passed", .label = "年度考试是否合格", .type = FieldType::kBoolean, .indexed = true},
          },
  };
  return ledger;
}

// 权责清单: one enforcement matter per row.
const LedgerDeclaration& enforcement_matter_ledger() {
  static const LedgerDeclaration ledger{
      .name = "enforcement_matter",
      .label = "执法事项",
      .area = "enforcement",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "事项名称", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "matter_code", .label = "事项编码", .type = FieldType::kText, .max_length = 60},
              {.name = "kind", .label = "事项类别", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"penalty", "行政处罚"},
                           {"coercion", "行政强制"},
                           {"inspection", "行政检查"},
                           {"licensing", "行政许可"},
                           {"collection", "行政征收征用"},
                           {"payment", "行政给付"},
                           {"confirmation", "行政确认"},
                           {"award", "行政奖励"},
                           {"ruling", "行政裁决"},
                           {"other", "其他行政权力"}}},
              {.name = "enforcement_body", .label = "实施主体", .type = FieldType::kRecordRef, .indexed = true,
               .ref_ledger = "enforcement_body"},
              {.name = "responsible_unit", .label = "承办机构", .type = FieldType::kText, .max_length = 100,
               .in_list = false},
              {.name = "legal_basis", .label = "设定依据", .type = FieldType::kLongText, .in_list = false},
              {.name = "published_on", .label = "清单公布日期", .type = FieldType::kDate, .indexed = true},
              {.name = "in_force", .label = "是否有效", .type = FieldType::kBoolean, .indexed = true},
          },
  };
  return ledger;
}

// 执法案件 with the three systems. The decision's disclosure limit depends on the case kind
// (licensing and penalty 7 WD, others 20 WD; a region may set its own, region_time_limits.h):
// both are declared, each applying to its kinds. enforcement_rules.cpp refuses deciding a
// major case (`is_major`) before its legal review and checks cited exemption-list entries.
const LedgerDeclaration& enforcement_case_ledger() {
  static const LedgerDeclaration ledger{
      .name = "enforcement_case",
      .label = "执法案件",
      .area = "enforcement",
      .title_field = "case_number",
      .fields =
          {
              {.name = "case_number", .label = "案号", .type = FieldType::kText, .max_length = 60},
              {.name = "kind", .label = "案件类别", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"penalty", "行政处罚"},
                           {"licensing", "行政许可"},
                           {"coercion", "行政强制"},
                           {"inspection", "行政检查"},
                           {"collection", "行政征收征用"},
                           {"other", "其他"}}},
              {.name = "matter", .label = "执法事项", .type = FieldType::kRecordRef, .indexed = true,
               .ref_ledger = "enforcement_matter", .in_list = false},
              {.name = "enforcement_body", .label = "执法主体", .type = FieldType::kRecordRef, .indexed = true,
               .ref_ledger = "enforcement_body"},
              {.name = "party", .label = "当事人", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "party_uscc", .label = "当事人统一社会信用代码", .type = FieldType::kNationalCode,
               .code = NationalCodeKind::kUnifiedSocialCreditCode, .in_list = false},
              {.name = "case_cause", .label = "案由", .type = FieldType::kText, .in_list = false},
              {.name = "officers", .label = "承办执法人员", .type = FieldType::kText, .max_length = 100,
               .help = "不少于两人，填写姓名和执法证号", .in_list = false},
              {.name = "opened_on", .label = "立案日期", .type = FieldType::kDate, .indexed = true},
              {.name = "is_major", .label = "是否重大执法决定", .type = FieldType::kBoolean, .indexed = true},
              {.name = "legal_review_on", .label = "法制审核日期", .type = FieldType::kDate, .in_list = false},
              {.name = "legal_review_opinion", .label = "法制审核意见", .type = FieldType::kEnum, .indexed = true,
               .options = {{"approved", "同意"}, {"approved_with_changes", "修改后同意"}, {"disapproved", "不同意"}},
               .in_list = false},
              {.name = "legal_reviewer", .label = "法制审核人员", .type = FieldType::kPersonRef, .in_list = false},
              {.name = "hearing_held", .label = "是否听证", .type = FieldType::kBoolean, .in_list = false},
              {.name = "decided_on", .label = "决定日期", .type = FieldType::kDate, .indexed = true},
              {.name = "decision_number", .label = "决定书文号", .type = FieldType::kText, .max_length = 60,
               .in_list = false},
              {.name = "decision_result", .label = "处理结果", .type = FieldType::kEnum, .indexed = true,
               .options = {{"penalised", "给予处罚"},
                           {"not_penalised", "不予处罚"},
                           {"licence_granted", "准予许可"},
                           {"licence_refused", "不予许可"},
                           {"measure_taken", "采取强制措施"},
                           {"dropped", "撤销立案"},
                           {"transferred", "移送处理"},
                           {"other", "其他"}}},
              {.name = "fine_amount", .label = "罚没金额（元）", .type = FieldType::kDecimal, .min = 0,
               .in_list = false},
              {.name = "exempted", .label = "是否免予处罚", .type = FieldType::kBoolean, .indexed = true,
               .in_list = false},
              {.name = "exemption_entry", .label = "适用免罚清单事项", .type = FieldType::kRecordRef,
               .ref_ledger = "exemption_list", .in_list = false},
              {.name = "disclosed_on", .label = "结果公示日期", .type = FieldType::kDate, .indexed = true},
              {.name = "disclosure_url", .label = "公示网址", .type = FieldType::kText, .max_length = 500,
               .in_list = false},
              {.name = "transferred_to_police", .label = "是否移送公安机关", .type = FieldType::kBoolean,
               .indexed = true, .in_list = false},
              {.name = "closed_on", .label = "结案日期", .type = FieldType::kDate, .indexed = true},
              {.name = "full_record", .label = "全过程记录材料", .type = FieldType::kAttachment, .help = "立案、调查取证、审核、决定、送达、执行各环节的文书和音像记录",
               .in_list = false},
              {.name = "evidence_files", .label = "调查取证材料", .type = FieldType::kAttachment,
               .help = "询问笔录、现场检查笔录、证据材料和执法音像记录（行政处罚法 第四十七条）", .in_list = false},
              {.name = "notice_files", .label = "告知和送达文书", .type = FieldType::kAttachment,
               .help = "行政处罚事先告知书、听证告知书及送达回证", .in_list = false},
              {.name = "hearing_record", .label = "听证笔录", .type = FieldType::kAttachment, .in_list = false},
              {.name = "decision_file", .label = "决定书", .type = FieldType::kAttachment, .in_list = false},
          },
      .states =
          {
              {.name = "opened", .label = "已立案"},
              {.name = "legally_reviewed", .label = "已法制审核"},
              {.name = "decided", .label = "已作出决定"},
              {.name = "closed", .label = "已结案", .terminal = true},
          },
      .initial_state = "opened",
      .transitions =
          {
              {.name = "legal_review", .label = "法制审核", .from = {"opened"}, .to = "legally_reviewed",
               .requires_fields = {"legal_review_on", "legal_review_opinion"}},
              {.name = "decide", .label = "作出决定", .from = {"opened", "legally_reviewed"}, .to = "decided",
               .requires_fields = {"decided_on", "decision_result"}},
              {.name = "close", .label = "结案", .from = {"opened", "legally_reviewed", "decided"}, .to = "closed",
               .requires_fields = {"closed_on"}},
          },
      .time_limits =
          {
              {.name = "penalty_decision", .label = "处罚决定期限", .from = "opened_on", .days = 90,
               .count = DayCount::kCalendarDays, .until = "decided_on",
               .active_states = {"opened", "legally_reviewed"}, .due_soon_days = 10,
               .source = "行政处罚法 第六十条"},
              {.name = "disclosure_licensing_penalty", .label = "许可处罚决定公示期限", .from = "decided_on",
               .days = 7, .count = DayCount::kWorkingDays, .until = "disclosed_on",
               .active_states = {"decided", "closed"}, .source = "国办发〔2018〕118号（行政执法公示制度）",
               .applies_if_field = "kind", .applies_if_values = {"penalty", "licensing"}},
              {.name = "disclosure_other", .label = "执法决定公示期限", .from = "decided_on", .days = 20,
               .count = DayCount::kWorkingDays, .until = "disclosed_on", .active_states = {"decided", "closed"},
               .source = "国办发〔2018〕118号（行政执法公示制度）", .applies_if_field = "kind",
               .applies_if_values = {"coercion", "inspection", "collection", "other"}},
          },
  };
  return ledger;
}

// 免罚清单: one listed offence per row (首违不罚、轻微免罚、无过错不罚).
const LedgerDeclaration& exemption_list_ledger() {
  static const LedgerDeclaration ledger{
      .name = "exemption_list",
      .label = "免罚清单",
      .area = "enforcement",
      .title_field = "offence",
      .fields =
          {
              {.name = "list_name", .label = "清单名称", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "offence", .label = "违法行为", .type = FieldType::kText, .required = true, .max_length = 500},
              {.name = "exemption_kind", .label = "免罚类型", .type = FieldType::kEnum, .required = true,
               .indexed = true,
               .options = {{"first_offence", "首违不罚"}, {"minor", "轻微不罚"}, {"no_fault", "无过错不罚"}}},
              {.name = "legal_basis", .label = "法律依据", .type = FieldType::kLongText, .in_list = false},
              {.name = "conditions", .label = "适用条件", .type = FieldType::kLongText, .in_list = false},
              {.name = "enforcement_area", .label = "执法领域", .type = FieldType::kText, .max_length = 60},
              {.name = "issuer", .label = "发布机关", .type = FieldType::kText, .max_length = 100, .in_list = false},
              {.name = "published_on", .label = "发布日期", .type = FieldType::kDate, .indexed = true},
              {.name = "in_force", .label = "是否有效", .type = FieldType::kBoolean, .indexed = true},
          },
  };
  return ledger;
}

// 两法衔接: a suspected crime transferred to the police, with the police's answer.
const LedgerDeclaration& criminal_transfer_ledger() {
  static const LedgerDeclaration ledger{
      .name = "criminal_transfer",
      .label = "涉嫌犯罪案件移送",
      .area = "enforcement",
      .title_field = "case_name",
      .fields =
          {
              {.name = "case_name", .label = "案件名称", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "enforcement_case", .label = "原执法案件", .type = FieldType::kRecordRef,
               .ref_ledger = "enforcement_case", .in_list = false},
              {.name = "suspected_crime", .label = "涉嫌罪名", .type = FieldType::kText, .max_length = 100},
              {.name = "transferred_on", .label = "移送日期", .type = FieldType::kDate, .required = true,
               .indexed = true},
              {.name = "police_org", .label = "接收公安机关", .type = FieldType::kText, .max_length = 100},
              {.name = "copied_to_procuratorate", .label = "是否抄送检察机关", .type = FieldType::kBoolean,
               .in_list = false},
              {.name = "police_response", .label = "公安机关处理结果", .type = FieldType::kEnum, .indexed = true,
               .options = {{"filed", "立案"}, {"not_filed", "不予立案"}, {"returned", "退回移送"}}},
              {.name = "police_response_on", .label = "反馈日期", .type = FieldType::kDate, .in_list = false},
              {.name = "followup", .label = "后续处理情况", .type = FieldType::kLongText, .in_list = false},
              {.name = "followed_up_on", .label = "跟踪办结日期", .type = FieldType::kDate, .in_list = false},
          },
      .states =
          {
              {.name = "transferred", .label = "已移送"},
              {.name = "answered", .label = "已反馈"},
              {.name = "followed_up", .label = "跟踪办结", .terminal = true},
          },
      .initial_state = "transferred",
      .transitions =
          {
              {.name = "record_answer", .label = "登记公安机关反馈", .from = {"transferred"}, .to = "answered",
               .requires_fields = {"police_response", "police_response_on"}},
              {.name = "close_followup", .label = "跟踪办结", .from = {"answered"}, .to = "followed_up",
               .requires_fields = {"followup", "followed_up_on"}},
          },
      .time_limits =
          {
              {.name = "police_response", .label = "公安机关审查反馈期限", .from = "transferred_on", .days = 3,
               .count = DayCount::kCalendarDays, .until = "police_response_on", .active_states = {"transferred"},
               .due_soon_days = 1,
               .source = "行政执法机关移送涉嫌犯罪案件的规定 第八条（公安机关自接受之日起3日内审查；超期即催办）"},
          },
  };
  return ledger;
}

// 案卷评查: one sampled case file scored against the rubric (case_file_rubric.h). The reviewer
// records deductions; score, grade and problem count are computed from them. Assigning
// rectification turns each deduction into a supervision problem of the reviewed body with the
// deadline given; the review is concluded when none is left open.
const LedgerDeclaration& case_file_review_ledger() {
  static const LedgerDeclaration ledger{
      .name = "case_file_review",
      .label = "案卷评查",
      .area = "enforcement",
      .title_field = "file_number",
      .fields =
          {
              {.name = "file_number", .label = "案卷编号", .type = FieldType::kText, .required = true, .max_length = 60},
              {.name = "enforcement_case", .label = "执法案件", .type = FieldType::kRecordRef,
               .ref_ledger = "enforcement_case", .in_list = false},
              {.name = "enforcement_body", .label = "被评查执法主体", .type = FieldType::kRecordRef, .indexed = true,
               .ref_ledger = "enforcement_body"},
              {.name = "review_year", .label = "评查年度", .type = FieldType::kInteger, .indexed = true, .min = 2000,
               .max = 2100},
              {.name = "review_batch", .label = "评查批次", .type = FieldType::kText, .max_length = 100,
               .in_list = false},
              {.name = "draw", .label = "抽取记录", .type = FieldType::kRecordRef, .ref_ledger = "draw",
               .help = "以可验证抽取方式从结案案卷中抽取", .in_list = false},
              {.name = "reviewer", .label = "评查人员", .type = FieldType::kPersonRef, .in_list = false},
              {.name = "reviewed_on", .label = "评查日期", .type = FieldType::kDate, .indexed = true},
              {.name = "deductions", .label = "扣分明细", .type = FieldType::kLongText, .help = "每行一项：条目代码 扣分 问题，例如「B2 2 证据材料未编页」",
               .in_list = false},
              {.name = "score", .label = "评查得分", .type = FieldType::kDecimal, .min = 0, .max = 100,
               .help = "由扣分明细按评分标准计算，不需填写"},
              {.name = "grade", .label = "评查等次", .type = FieldType::kEnum, .indexed = true,
               .options = {{"excellent", "优秀"}, {"pass", "合格"}, {"fail", "不合格"}},
               .help = "由得分和一票否决项计算，不需填写"},
              {.name = "problem_count", .label = "发现问题数", .type = FieldType::kInteger, .min = 0,
               .help = "由扣分明细计算"},
              {.name = "problems", .label = "发现问题", .type = FieldType::kLongText, .in_list = false},
              {.name = "rectification_assigned_on", .label = "下达整改日期", .type = FieldType::kDate,
               .in_list = false},
              {.name = "rectification_due_on", .label = "整改期限", .type = FieldType::kDate, .indexed = true},
              {.name = "concluded_on", .label = "评查完结日期", .type = FieldType::kDate, .in_list = false},
          },
      .states =
          {
              {.name = "reviewing", .label = "评查中"},
              {.name = "scored", .label = "已评分"},
              {.name = "rectifying", .label = "整改中"},
              {.name = "concluded", .label = "已完结", .terminal = true},
          },
      .initial_state = "reviewing",
      .transitions =
          {
              {.name = "score", .label = "完成评分", .from = {"reviewing"}, .to = "scored",
               .requires_fields = {"reviewed_on", "reviewer"}},
              {.name = "assign_rectification", .label = "下达整改", .from = {"scored"}, .to = "rectifying",
               .requires_fields = {"rectification_assigned_on", "rectification_due_on"}},
              {.name = "conclude", .label = "评查完结", .from = {"scored", "rectifying"}, .to = "concluded",
               .requires_fields = {"concluded_on"}},
          },
      .time_limits =
          {
              {.name = "rectification", .label = "案卷评查问题整改期限", .from = "rectification_due_on", .days = 0,
               .count = DayCount::kCalendarDays, .until = "concluded_on", .active_states = {"rectifying"},
               .due_soon_days = 7, .source = "评查通报确定的整改期限"},
          },
  };
  return ledger;
}

}  // namespace fazhi
// clang-format on
