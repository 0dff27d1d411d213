#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

namespace {
constexpr const char* kArea = "leadership";
}  // namespace

// 加强党对法治政府建设的领导 and 第一责任人 (INDICATORS.md, Leadership; Legal services and
// publicity: 普法): rule-of-law meetings, leaders' law study, pre-appointment exams, 述法, the
// annual staff law exam (one row per organisation and exam, so its figures are sums), and legal
// publicity. Figures kept per year (述法, the staff exam, demonstration villages) count by
// their year field.
std::vector<IndicatorDeclaration> leadership_indicators() {
  return {
      event_count({"leadership.committee_meetings", "法治建设委员会会议", "次", kArea, "rule_of_law_meeting"},
                  "held_on", {{"meeting_kind", Op::kIn, {"committee"}}}, "召开法治建设委员会会议{value}{unit}",
                  "会议日期在期间内的法治建设委员会会议"),
      [] {
        auto d =
            event_count({"leadership.rule_of_law_meetings", "研究法治工作会议", "次", kArea, "rule_of_law_meeting"},
                        "held_on", {{"meeting_kind", Op::kIn, {"executive", "special", "report_heard"}}},
                        "召开常务会议、专题会议研究法治工作{value}{unit}",
                        "会议日期在期间内、政府常务会议或专题会议研究法治工作、听取法治工作汇报的会议");
        d.breakdown_field = "meeting_kind";
        return d;
      }(),
      event_count({"leadership.study_sessions", "常务会议会前学法", "次", kArea, "law_study_session"}, "held_on",
                  {{"session_kind", Op::kIn, {"executive_meeting"}}}, "常务会议会前学法{value}{unit}",
                  "学法日期在期间内的政府常务会议会前学法"),
      [] {
        auto d =
            event_count({"leadership.study_sessions_all", "其他学法活动", "次", kArea, "law_study_session"}, "held_on",
                        {{"session_kind", Op::kIn, {"theory_group", "special", "collective", "lecture"}}},
                        "组织中心组学法、专题学法、集体学法和法治讲座{value}{unit}",
                        "学法日期在期间内、常务会议会前学法以外的学法活动");
        d.breakdown_field = "session_kind";
        return d;
      }(),
      event_count({"leadership.pre_appointment_exams", "任前法律知识考试", "人", kArea, "pre_appointment_exam"},
                  "exam_on", {}, "拟任领导干部参加任前法律知识考试{value}{unit}", "考试日期在期间内的任前法律知识考试"),
      [] {
        auto d = event_count({"leadership.law_reports", "领导干部述法", "名", kArea, "law_report_by_leaders"}, "year",
                             {}, "{value}{unit}领导干部述法", "述法年度在期间内的述法人员（同一人员只计一次）");
        d.period = PeriodRule::kYear;
        d.aggregate = IndicatorAggregate::kCountDistinct;
        d.field = "person";
        return d;
      }(),
      [] {
        auto d =
            event_sum({"leadership.exam_participants", "学法考试参考人次", "人次", kArea, "law_exam"}, "year",
                      "sat_count", {}, "组织学法考试参考{value}{unit}", "考试年度在期间内的各场考试实际参考人次之和");
        d.period = PeriodRule::kYear;
        return d;
      }(),
      [] {
        auto d = event_sum({"leadership.exam_passed", "学法考试合格人数", "人", kArea, "law_exam"}, "year",
                           "passed_count", {}, "考试合格{value}{unit}", "考试年度在期间内的各场考试合格人数之和");
        d.period = PeriodRule::kYear;
        return d;
      }(),
      [] {
        auto d = event_sum({"leadership.exam_required", "学法考试应参考人数", "人", kArea, "law_exam"}, "year",
                           "required_count", {}, "应参考{value}{unit}", "考试年度在期间内的各场考试应参考人数之和");
        d.period = PeriodRule::kYear;
        return d;
      }(),
      percentage("leadership.exam_pass_rate", "学法考试合格率", kArea, "law_exam", "leadership.exam_passed",
                 "leadership.exam_participants", "合格率{value}{unit}", "合格人数之和 ÷ 实际参考人次之和 × 100%"),
      percentage("leadership.exam_participation_rate", "学法考试参考率", kArea, "law_exam",
                 "leadership.exam_participants", "leadership.exam_required", "参考率{value}{unit}",
                 "实际参考人次之和 ÷ 应参考人数之和 × 100%"),
      [] {
        auto d = event_count({"publicity.activities", "普法活动", "场", kArea, "legal_publicity"}, "held_on", {},
                             "开展普法活动{value}{unit}", "活动日期在期间内的普法活动");
        d.breakdown_field = "activity_kind";
        return d;
      }(),
      event_sum({"publicity.reach", "普法受众", "人次", kArea, "legal_publicity"}, "held_on", "reach", {},
                "受众{value}{unit}", "活动日期在期间内的普法活动受众人次之和"),
      [] {
        auto d = event_count({"publicity.demo_villages", "民主法治示范村（社区）", "个", kArea, "demo_village"},
                             "named_year", {}, "累计创建民主法治示范村（社区）{value}{unit}",
                             "命名年度在期末所在年度或之前的各级民主法治示范村（社区）");
        d.period = PeriodRule::kYearOnOrBefore;
        d.breakdown_field = "level";
        return d;
      }(),
      event_count({"publicity.legal_literates", "培养法律明白人", "名", kArea, "legal_literate"}, "trained_on", {},
                  "培养法律明白人{value}{unit}", "培训日期在期间内的法律明白人"),
  };
}

}  // namespace fazhi
