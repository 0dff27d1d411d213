#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// 党政主要负责人履行第一责任人职责 and leaders' law study: study sessions, pre-appointment law
// exams, 述法, rule-of-law meetings and the annual staff law exam. Their rules are in
// leadership_rules.cpp; the yearly duties below put an owner short of its minimum on the
// to-do list (todo_list.h), with the region's own minimum where it sets one.

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
      .yearly_duties =
          {
              // 地方各级政府领导班子每年应当举办两期以上法治专题讲座: governments and townships.
              {.name = "law_lectures",
               .label = "法治专题讲座",
               .owner = DutyOwner::kOrganization,
               .org_kinds = {"government", "township"},
               .date_field = "held_on",
               .kind_field = "session_kind",
               .kind_values = {"lecture"},
               .minimum = 2,
               .unit = "期",
               .due_month = 12,
               .due_day = 31,
               .due_soon_days = 60,
               .source = "法治政府建设实施纲要（2015－2020年）：地方各级政府领导班子每年应当举办两期以上"
                         "法治专题讲座"},
              // 常务会议会前学法: a local rule everywhere (its number of sessions differs from
              // province to province); four a year is the default until the region sets its own.
              {.name = "executive_meeting_study",
               .label = "常务会议会前学法",
               .owner = DutyOwner::kOrganization,
               .org_kinds = {"government"},
               .date_field = "held_on",
               .kind_field = "session_kind",
               .kind_values = {"executive_meeting"},
               .minimum = 4,
               .unit = "次",
               .due_month = 12,
               .due_day = 31,
               .due_soon_days = 60,
               .source = "政府常务会议会前学法制度（各地规定次数，全国无统一规定；默认每年4次，"
                         "以本地区设置为准）"},
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
              {.name = "pass_line", .label = "合格分数线", .type = FieldType::kDecimal, .min = 0, .max = 100,
               .help = "留空按60分", .in_list = false},
              {.name = "passed", .label = "是否合格", .type = FieldType::kBoolean, .indexed = true,
               .help = "有考试成绩的，按成绩和合格分数线确定"},
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
              {.name = "person", .label = "述法人", .type = FieldType::kPersonRef, .required = true, .indexed = true},
              {.name = "year", .label = "述法年度", .type = FieldType::kInteger, .required = true, .indexed = true,
               .min = 2000, .max = 2100},
              {.name = "reported_on", .label = "述法日期", .type = FieldType::kDate, .indexed = true},
              {.name = "report_kind", .label = "述法形式", .type = FieldType::kEnum, .indexed = true,
               .options = {{"annual_review", "年终述职述法"}, {"special_meeting", "专题述法会议"}, {"written", "书面述法"}}},
              {.name = "evaluation", .label = "评议结果", .type = FieldType::kEnum, .indexed = true,
               .options = {{"good", "好"}, {"fairly_good", "较好"}, {"average", "一般"}, {"poor", "差"}}},
          },
      .yearly_duties =
          {
              // Each principal leader of a government, department or township reports on
              // the year's rule-of-law duties in the year-end 述职, by 31 March after it.
              {.name = "law_report",
               .label = "述法",
               .owner = DutyOwner::kPrincipalLeader,
               .org_kinds = {"government", "department", "township"},
               .year_field = "year",
               .person_field = "person",
               .done_field = "reported_on",
               .minimum = 1,
               .unit = "次",
               .due_month = 3,
               .due_day = 31,
               .due_next_year = true,
               .due_soon_days = 30,
               .source = "党政主要负责人履行推进法治建设第一责任人职责规定（2016年）：履行职责情况列入"
                         "年终述职内容；于次年第一季度内完成"},
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
// clang-format on
