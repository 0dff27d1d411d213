#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// 行政规范性文件 (国办发〔2018〕37号、115号; RULES.md §6), every legality review (合法性审核) of
// documents, decisions, contracts, meeting topics and enforcement decisions, the filings of
// published documents, and fair-competition reviews.

// 立法项目: a local regulation the government drafts or submits, or a government rule it makes.
const LedgerDeclaration& legislation_project_ledger() {
  static const LedgerDeclaration ledger{
      .name = "legislation_project",
      .label = "立法项目",
      .area = "institutions",
      .title_field = "title",
      .fields =
          {
              {.name = "title", .label = "项目名称", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "kind", .label = "立法类别", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"local_regulation", "地方性法规"}, {"government_rule", "政府规章"}}},
              {.name = "plan_year", .label = "立法计划年度", .type = FieldType::kInteger, .indexed = true, .min = 2000,
               .max = 2100},
              {.name = "drafting_unit", .label = "起草单位", .type = FieldType::kOrgRef, .in_list = false},
              {.name = "comment_started_on", .label = "征求意见开始日期", .type = FieldType::kDate, .in_list = false},
              {.name = "comment_period_days", .label = "征求意见天数", .type = FieldType::kInteger, .min = 0,
               .help = "一般不少于30日（规章制定程序条例 第十五条）", .in_list = false},
              {.name = "submitted_on", .label = "提请审议日期", .type = FieldType::kDate, .indexed = true},
              {.name = "adopted_on", .label = "通过日期", .type = FieldType::kDate, .indexed = true},
              {.name = "published_on", .label = "公布日期", .type = FieldType::kDate, .indexed = true},
              {.name = "filed_on", .label = "报送备案日期", .type = FieldType::kDate, .in_list = false},
          },
      .time_limits =
          {
              {.name = "filing", .label = "规章报送备案期限", .from = "published_on", .days = 30,
               .count = DayCount::kCalendarDays, .until = "filed_on", .due_soon_days = 7,
               .source = "立法法 第一百零九条；规章制定程序条例 第三十四条"},
          },
  };
  return ledger;
}

const LedgerDeclaration& normative_document_ledger() {
  static const LedgerDeclaration ledger{
      .name = "normative_document",
      .label = "行政规范性文件",
      .area = "institutions",
      .title_field = "title",
      .fields =
          {
              {.name = "title", .label = "文件名称", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "document_number", .label = "发文字号", .type = FieldType::kText, .max_length = 60},
              {.name = "registration_number", .label = "统一登记编号", .type = FieldType::kText, .unique = true,
               .max_length = 60},
              {.name = "drafting_unit", .label = "起草单位", .type = FieldType::kOrgRef, .indexed = true,
               .in_list = false},
              {.name = "drafted_on", .label = "起草日期", .type = FieldType::kDate, .in_list = false},
              {.name = "comment_period_days", .label = "征求意见天数", .type = FieldType::kInteger, .min = 0,
               .in_list = false},
              {.name = "submitted_for_review_on", .label = "送交合法性审核日期", .type = FieldType::kDate,
               .in_list = false},
              {.name = "legality_review", .label = "合法性审核记录", .type = FieldType::kRecordRef,
               .ref_ledger = "legality_review", .in_list = false},
              {.name = "legality_reviewed_on", .label = "合法性审核完成日期", .type = FieldType::kDate,
               .indexed = true, .in_list = false},
              {.name = "legality_review_opinion", .label = "合法性审核结论", .type = FieldType::kEnum,
               .indexed = true,
               .options = {{"approved", "同意"}, {"approved_with_changes", "修改后同意"}, {"disapproved", "不同意"}},
               .in_list = false},
              {.name = "discussed_on", .label = "集体审议日期", .type = FieldType::kDate, .in_list = false},
              {.name = "discussion_meeting", .label = "审议会议", .type = FieldType::kText, .max_length = 100,
               .in_list = false},
              {.name = "published_on", .label = "公布日期", .type = FieldType::kDate, .indexed = true},
              {.name = "effective_on", .label = "施行日期", .type = FieldType::kDate, .in_list = false},
              {.name = "trial", .label = "是否暂行或试行", .type = FieldType::kBoolean, .in_list = false},
              {.name = "valid_until", .label = "有效期至", .type = FieldType::kDate, .indexed = true},
              {.name = "filed_on", .label = "报送备案日期", .type = FieldType::kDate, .indexed = true,
               .help = "向上级人民政府和本级人大常委会报备的日期（分别报送的取较晚者）"},
              {.name = "filing_timely", .label = "是否按期报备", .type = FieldType::kBoolean, .indexed = true,
               .help = "由公布日期、报送备案日期和本地区报备期限计算，不需填写"},
              {.name = "filing_review_outcome", .label = "备案审查结论", .type = FieldType::kEnum, .indexed = true,
               .options = {{"passed", "审查通过"}, {"corrected", "经审查已纠正"}, {"revoked", "被撤销"}}},
              {.name = "cleanup_on", .label = "清理日期", .type = FieldType::kDate, .indexed = true, .in_list = false},
              {.name = "cleanup_outcome", .label = "清理结论", .type = FieldType::kEnum, .indexed = true,
               .options = {{"keep", "继续有效"}, {"amend", "拟修改"}, {"abolish", "废止"}, {"invalid", "宣布失效"}}},
              {.name = "amended_on", .label = "修改完成日期", .type = FieldType::kDate, .in_list = false},
              {.name = "abolished_on", .label = "废止或失效日期", .type = FieldType::kDate, .indexed = true,
               .in_list = false},
              {.name = "withdrawn_reason", .label = "撤回理由", .type = FieldType::kText, .in_list = false},
              {.name = "text_file", .label = "文件正文", .type = FieldType::kAttachment, .in_list = false},
          },
      .states =
          {
              {.name = "drafting", .label = "起草中"},
              {.name = "under_legality_review", .label = "合法性审核中"},
              {.name = "legality_reviewed", .label = "已通过合法性审核"},
              {.name = "discussed", .label = "已集体审议"},
              {.name = "published", .label = "已登记公布"},
              {.name = "filed", .label = "已报送备案"},
              {.name = "in_force", .label = "有效"},
              {.name = "to_amend", .label = "待修改"},
              {.name = "abolished", .label = "已废止或失效", .terminal = true},
              {.name = "withdrawn", .label = "已撤回", .terminal = true},
          },
      .initial_state = "drafting",
      .transitions =
          {
              {.name = "submit_for_review", .label = "送交合法性审核", .from = {"drafting"},
               .to = "under_legality_review", .requires_fields = {"submitted_for_review_on"}},
              {.name = "pass_review", .label = "合法性审核通过", .from = {"under_legality_review"},
               .to = "legality_reviewed", .requires_fields = {"legality_reviewed_on", "legality_review_opinion"}},
              {.name = "return_to_drafting", .label = "退回修改", .from = {"under_legality_review"}, .to = "drafting",
               .requires_fields = {"legality_reviewed_on", "legality_review_opinion"}},
              {.name = "discuss", .label = "集体审议", .from = {"legality_reviewed"}, .to = "discussed",
               .requires_fields = {"discussed_on"}},
              {.name = "publish", .label = "登记编号并公布", .from = {"discussed"}, .to = "published",
               .requires_fields = {"published_on"}},
              {.name = "file", .label = "报送备案", .from = {"published"}, .to = "filed",
               .requires_fields = {"filed_on"}},
              {.name = "complete_filing_review", .label = "备案审查完成", .from = {"filed"}, .to = "in_force",
               .requires_fields = {"filing_review_outcome"}},
              {.name = "keep", .label = "清理：继续有效", .from = {"published", "filed", "in_force"},
               .to = "in_force", .requires_fields = {"cleanup_on", "cleanup_outcome"}},
              {.name = "mark_for_amendment", .label = "清理：拟修改", .from = {"published", "filed", "in_force"},
               .to = "to_amend", .requires_fields = {"cleanup_on", "cleanup_outcome"}},
              {.name = "amend", .label = "修改完成", .from = {"to_amend"}, .to = "in_force",
               .requires_fields = {"amended_on"}},
              {.name = "abolish", .label = "废止或宣布失效", .from = {"published", "filed", "in_force", "to_amend"},
               .to = "abolished", .requires_fields = {"abolished_on"}},
              {.name = "withdraw", .label = "撤回", .from = {"drafting", "under_legality_review", "legality_reviewed"},
               .to = "withdrawn", .requires_fields = {"withdrawn_reason"}},
          },
      .time_limits =
          {
              {.name = "legality_review", .label = "合法性审核期限", .from = "submitted_for_review_on", .days = 15,
               .count = DayCount::kWorkingDays, .until = "legality_reviewed_on",
               .active_states = {"under_legality_review"},
               .source = "国办发〔2018〕115号（原则上不少于5个工作日，最长不超过15个工作日）"},
              {.name = "filing", .label = "报送备案期限", .from = "published_on", .days = 30,
               .count = DayCount::kCalendarDays, .until = "filed_on", .active_states = {"published"},
               .due_soon_days = 7, .source = "各省行政规范性文件备案规定（默认30日；规章：立法法 第一百零九条）"},
              {.name = "expiry", .label = "有效期届满评估清理", .from = "valid_until", .days = 0,
               .count = DayCount::kCalendarDays, .active_states = {"published", "filed", "in_force"},
               .due_soon_days = 180, .source = "各省行政规范性文件管理规定（有效期届满前6个月评估，决定继续有效、修改或废止）"},
          },
  };
  return ledger;
}

// 合法性审核: one review of a draft document, decision, contract, meeting topic or major
// enforcement decision. Days taken are computed from received_on and opinion_on.
const LedgerDeclaration& legality_review_ledger() {
  static const LedgerDeclaration ledger{
      .name = "legality_review",
      .label = "合法性审核",
      .area = "decisions",
      .title_field = "subject",
      .fields =
          {
              {.name = "subject", .label = "审核事项", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "subject_kind", .label = "审核事项类别", .type = FieldType::kEnum, .required = true,
               .indexed = true,
               .options = {{"document", "行政规范性文件"},
                           {"major_decision", "重大行政决策"},
                           {"contract", "政府合同"},
                           {"meeting_topic", "会议议题"},
                           {"enforcement", "重大执法决定"},
                           {"other", "其他"}}},
              {.name = "normative_document", .label = "所审规范性文件", .type = FieldType::kRecordRef,
               .ref_ledger = "normative_document", .in_list = false},
              {.name = "major_decision", .label = "所审重大行政决策", .type = FieldType::kRecordRef,
               .ref_ledger = "major_decision", .in_list = false},
              {.name = "government_contract", .label = "所审政府合同", .type = FieldType::kRecordRef,
               .ref_ledger = "government_contract", .in_list = false},
              {.name = "enforcement_case", .label = "所审执法案件", .type = FieldType::kRecordRef,
               .ref_ledger = "enforcement_case", .in_list = false},
              {.name = "requesting_org", .label = "送审单位", .type = FieldType::kOrgRef, .indexed = true},
              {.name = "reviewer", .label = "审核人员", .type = FieldType::kPersonRef},
              {.name = "received_on", .label = "收到送审日期", .type = FieldType::kDate, .required = true,
               .indexed = true},
              {.name = "opinion_on", .label = "出具意见日期", .type = FieldType::kDate, .indexed = true},
              {.name = "opinion", .label = "审核结论", .type = FieldType::kEnum, .indexed = true,
               .options = {{"approved", "合法（同意）"},
                           {"approved_with_changes", "修改后同意"},
                           {"disapproved", "不合法（不同意）"}}},
              {.name = "opinion_text", .label = "审核意见", .type = FieldType::kLongText, .in_list = false},
              {.name = "adopted", .label = "意见是否采纳", .type = FieldType::kBoolean, .in_list = false},
              {.name = "adviser_involved", .label = "是否有法律顾问参与", .type = FieldType::kBoolean,
               .in_list = false},
              {.name = "returned_on", .label = "退回补充材料日期", .type = FieldType::kDate, .in_list = false},
              {.name = "days_taken", .label = "审核用时（工作日）", .type = FieldType::kInteger, .min = 0,
               .help = "自收到送审至出具意见的工作日数，由系统计算"},
          },
      .states =
          {
              {.name = "received", .label = "审核中"},
              {.name = "returned", .label = "退回补充材料"},
              {.name = "opinion_issued", .label = "已出具意见", .terminal = true},
          },
      .initial_state = "received",
      .transitions =
          {
              {.name = "return", .label = "退回补充材料", .from = {"received"}, .to = "returned",
               .requires_fields = {"returned_on"}},
              {.name = "resubmit", .label = "重新送审", .from = {"returned"}, .to = "received",
               .requires_fields = {"received_on"}},
              {.name = "issue_opinion", .label = "出具审核意见", .from = {"received"}, .to = "opinion_issued",
               .requires_fields = {"opinion_on", "opinion"}},
          },
      .time_limits =
          {
              {.name = "document_review", .label = "规范性文件合法性审核期限", .from = "received_on", .days = 15,
               .count = DayCount::kWorkingDays, .until = "opinion_on", .active_states = {"received"},
               .source = "国办发〔2018〕115号（原则上不少于5个工作日，最长不超过15个工作日）",
               .applies_if_field = "subject_kind", .applies_if_values = {"document"}},
          },
  };
  return ledger;
}

// 备案: one submission of a published document to one filing organ, and that organ's review.
const LedgerDeclaration& filing_ledger() {
  static const LedgerDeclaration ledger{
      .name = "filing",
      .label = "备案审查",
      .area = "institutions",
      .title_field = "document",
      .fields =
          {
              {.name = "document", .label = "报备文件", .type = FieldType::kRecordRef, .required = true,
               .indexed = true, .ref_ledger = "normative_document"},
              {.name = "recipient", .label = "备案机关", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"higher_government", "上级人民政府"},
                           {"npc_standing_committee", "本级人大常委会"},
                           {"own_government", "本级人民政府"},
                           {"other", "其他"}}},
              {.name = "submitted_on", .label = "报送日期", .type = FieldType::kDate, .required = true,
               .indexed = true},
              {.name = "form_conforming", .label = "报备材料是否规范", .type = FieldType::kBoolean, .indexed = true},
              {.name = "reviewed_on", .label = "审查完成日期", .type = FieldType::kDate, .indexed = true},
              {.name = "review_outcome", .label = "审查结论", .type = FieldType::kEnum, .indexed = true,
               .options = {{"passed", "审查通过"},
                           {"opinion_issued", "提出审查意见"},
                           {"corrected", "已纠正"},
                           {"returned", "退回补报"}}},
              {.name = "opinion_count", .label = "审查意见条数", .type = FieldType::kInteger, .min = 0,
               .in_list = false},
              {.name = "opinion_text", .label = "审查意见", .type = FieldType::kLongText, .in_list = false},
              {.name = "resubmitted_on", .label = "补报日期", .type = FieldType::kDate, .in_list = false},
          },
  };
  return ledger;
}

// 公平竞争审查: one policy measure reviewed.
const LedgerDeclaration& fair_competition_review_ledger() {
  static const LedgerDeclaration ledger{
      .name = "fair_competition_review",
      .label = "公平竞争审查",
      .area = "functions",
      .title_field = "subject",
      .fields =
          {
              {.name = "subject", .label = "审查文件名称", .type = FieldType::kText, .required = true,
               .max_length = 300},
              {.name = "reviewed_on", .label = "审查日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "conclusion", .label = "审查结论", .type = FieldType::kEnum, .indexed = true,
               .options = {{"compliant", "符合审查标准"},
                           {"amended", "修改后出台"},
                           {"not_issued", "不予出台"},
                           {"exception", "适用例外规定"}}},
              {.name = "normative_document", .label = "关联规范性文件", .type = FieldType::kRecordRef,
               .ref_ledger = "normative_document", .in_list = false},
          },
  };
  return ledger;
}

}  // namespace fazhi
// clang-format on
