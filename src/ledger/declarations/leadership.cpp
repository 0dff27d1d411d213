#include "ledger/declarations/declarations.h"

namespace fazhi {

// 党政主要负责人履行第一责任人职责 and leaders' law study: study sessions, pre-appointment law
// exams, 述法, rule-of-law meetings and the annual staff law exam.

const LedgerDeclaration& law_study_session_ledger() {
  static const LedgerDeclaration ledger{
      .name = "law_study_session",
      .label = "学法活动",
      .area = "leadership",
      .title_field = "topic",
      .fields =
          {
              {.name = "topic", .label = "学习内容", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "held_on", .label = "学法日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "session_kind", .label = "学法形式", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"executive_meeting", "常务会议会前学法"},
                           {"theory_group", "理论学习中心组学法"},
                           {"special", "专题学法"},
                           {"collective", "集体学法"},
                           {"lecture", "法治讲座"}}},
              {.name = "lecturer", .label = "主讲人", .type = FieldType::kText, .max_length = 100},
              {.name = "participants", .label = "参加人数", .type = FieldType::kInteger, .min = 0},
          },
  };
  return ledger;
}

const LedgerDeclaration& pre_appointment_exam_ledger() {
  static const LedgerDeclaration ledger{
      .name = "pre_appointment_exam",
      .label = "任前法律知识考试",
      .area = "leadership",
      .title_field = "person",
      .fields =
          {
              {.name = "person", .label = "考试人员", .type = FieldType::kPersonRef, .required = true},
              {.name = "proposed_post", .label = "拟任职务", .type = FieldType::kText, .max_length = 100},
              {.name = "exam_on", .label = "考试日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "score", .label = "考试成绩", .type = FieldType::kDecimal, .min = 0, .max = 100},
              {.name = "passed", .label = "是否合格", .type = FieldType::kBoolean, .indexed = true},
          },
  };
  return ledger;
}

const LedgerDeclaration& law_report_by_leaders_ledger() {
  static const LedgerDeclaration ledger{
      .name = "law_report_by_leaders",
      .label = "领导干部述法",
      .area = "leadership",
      .title_field = "person",
      .fields =
          {
              {.name = "person", .label = "述法人", .type = FieldType::kPersonRef, .required = true},
              {.name = "year", .label = "述法年度", .type = FieldType::kInteger, .required = true, .indexed = true,
               .min = 2000, .max = 2100},
              {.name = "reported_on", .label = "述法日期", .type = FieldType::kDate, .indexed = true},
              {.name = "report_kind", .label = "述法形式", .type = FieldType::kEnum, .indexed = true,
               .options = {{"annual_review", "年终述职述法"}, {"special_meeting", "专题述法会议"}, {"written", "书面述法"}}},
              {.name = "evaluation", .label = "评议结果", .type = FieldType::kEnum, .indexed = true,
               .options = {{"good", "好"}, {"fairly_good", "较好"}, {"average", "一般"}, {"poor", "差"}}},
          },
  };
  return ledger;
}

// 法治建设委员会会议、常务会议研究法治工作、专题会议.
const LedgerDeclaration& rule_of_law_meeting_ledger() {
  static const LedgerDeclaration ledger{
      .name = "rule_of_law_meeting",
      .label = "法治工作会议",
      .area = "leadership",
      .title_field = "topic",
      .fields =
          {
              {.name = "topic", .label = "会议议题", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "held_on", .label = "会议日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "meeting_kind", .label = "会议类型", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"committee", "法治建设委员会会议"},
                           {"executive", "政府常务会议"},
                           {"special", "专题会议"},
                           {"report_heard", "听取法治工作汇报"}}},
              {.name = "chaired_by", .label = "主持人", .type = FieldType::kText, .max_length = 40},
              {.name = "decisions", .label = "议定事项", .type = FieldType::kLongText, .in_list = false},
          },
  };
  return ledger;
}

// 年度学法考试: one row per organisation and exam.
const LedgerDeclaration& law_exam_ledger() {
  static const LedgerDeclaration ledger{
      .name = "law_exam",
      .label = "年度学法考试",
      .area = "leadership",
      .title_field = "exam_name",
      .fields =
          {
              {.name = "exam_name", .label = "考试名称", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "year", .label = "考试年度", .type = FieldType::kInteger, .required = true, .indexed = true,
               .min = 2000, .max = 2100},
              {.name = "held_on", .label = "考试日期", .type = FieldType::kDate, .indexed = true},
              {.name = "required_count", .label = "应参考人数", .type = FieldType::kInteger, .min = 0},
              {.name = "sat_count", .label = "实际参考人次", .type = FieldType::kInteger, .min = 0},
              {.name = "passed_count", .label = "合格人数", .type = FieldType::kInteger, .min = 0},
          },
  };
  return ledger;
}

}  // namespace fazhi
