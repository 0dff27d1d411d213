#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

namespace {
constexpr const char* kArea = "enforcement";
}  // namespace

// 行政执法工作体系 (INDICATORS.md, Enforcement; RULES.md §4): bodies and officers as they stand
// at the period's end, the power list, cases decided, disclosures, the legal review of major
// decisions, certificate exams and issues, training, exemptions, case-file review and transfers
// of suspected crimes to the police.
std::vector<IndicatorDeclaration> enforcement_indicators() {
  return {
      [] {
        auto d = standing_count({"enforcement.bodies", "行政执法主体", "个", kArea, "enforcement_body"}, "confirmed_on",
                                "abolished_on", {}, "确认公告行政执法主体{value}{unit}",
                                "期末有效的执法主体：确认公告日期在期末或之前、未撤销或撤销日期在期末之后");
        d.breakdown_field = "body_kind";
        return d;
      }(),
      [] {
        auto d = standing_count({"enforcement.officers", "持证行政执法人员", "人", kArea, "certificate"}, "issued_on",
                                "valid_until",
                                {{"card_kind", Op::kNotIn, {"supervision"}}, {"state", Op::kNotIn, {"revoked"}}},
                                "持有行政执法证件人员{value}{unit}",
                                "期末持有有效行政执法证的人员：发证日期在期末或之前、有效期至期末之后、未被注销，同一人"
                                "员只计一次");
        d.aggregate = IndicatorAggregate::kCountDistinct;
        d.field = "officer";
        return d;
      }(),
      [] {
        auto d = directory_count({"enforcement.matters", "行政执法事项", "项", kArea, "enforcement_matter"},
                                 {{"in_force", Op::kIn, {"1"}}}, "梳理行政执法事项{value}{unit}",
                                 "权责清单中有效的执法事项（按当前清单）");
        d.breakdown_field = "kind";
        return d;
      }(),
      [] {
        auto d = event_count({"enforcement.cases", "办理行政执法案件", "件", kArea, "enforcement_case"}, "decided_on",
                             {}, "办理行政执法案件{value}{unit}", "决定日期在期间内的执法案件");
        d.breakdown_field = "kind";
        return d;
      }(),
      event_count({"enforcement.disclosures", "公示执法决定信息", "条", kArea, "enforcement_case"}, "disclosed_on", {},
                  "公示执法决定信息{value}{unit}", "结果公示日期在期间内的执法案件"),
      event_count({"enforcement.major_decisions", "重大执法决定", "件", kArea, "enforcement_case"}, "decided_on",
                  {{"is_major", Op::kIn, {"1"}}}, "作出重大执法决定{value}{unit}", "决定日期在期间内的重大执法决定"),
      event_count({"enforcement.major_decisions_reviewed", "经法制审核的重大执法决定", "件", kArea, "enforcement_case"},
                  "decided_on", {{"is_major", Op::kIn, {"1"}}, {"legal_review_on", Op::kBefore, {"decided_on"}}},
                  "经法制审核{value}{unit}", "决定日期在期间内、在决定前完成法制审核的重大执法决定"),
      percentage("enforcement.legal_review_rate", "重大执法决定法制审核率", kArea, "enforcement_case",
                 "enforcement.major_decisions_reviewed", "enforcement.major_decisions", "法制审核率{value}{unit}",
                 "决定前经法制审核的重大执法决定数 ÷ 重大执法决定数 × 100%"),
      event_count({"enforcement.exam_takers", "执法资格考试参考人次", "人次", kArea, "certificate_exam"}, "exam_on", {},
                  "组织执法资格考试参考{value}{unit}", "考试日期在期间内的参考记录"),
      event_count({"enforcement.exam_passed", "执法资格考试合格人次", "人次", kArea, "certificate_exam"}, "exam_on",
                  {{"passed", Op::kIn, {"1"}}}, "考试合格{value}{unit}", "考试日期在期间内、考试合格的参考记录"),
      percentage("enforcement.exam_pass_rate", "执法资格考试合格率", kArea, "certificate_exam",
                 "enforcement.exam_passed", "enforcement.exam_takers", "合格率{value}{unit}",
                 "合格人次 ÷ 参考人次 × 100%"),
      [] {
        auto d = event_count({"enforcement.certificates_issued", "发放执法证件", "个", kArea, "certificate"},
                             "issued_on", {}, "新发、换发和补发执法证件{value}{unit}", "发证日期在期间内的执法证件");
        d.breakdown_field = "issue_kind";
        return d;
      }(),
      [] {
        auto d = event_count({"enforcement.trained", "参加培训执法人员", "人", kArea, "officer_training"}, "year",
                             {{"training_hours", Op::kNotNull, {}}}, "培训行政执法人员{value}{unit}",
                             "年度在期间内、有培训学时的执法人员（同一人员只计一次）");
        d.period = PeriodRule::kYear;
        d.aggregate = IndicatorAggregate::kCountDistinct;
        d.field = "officer";
        return d;
      }(),
      event_count({"enforcement.exempted", "免予行政处罚", "起", kArea, "enforcement_case"}, "decided_on",
                  {{"exempted", Op::kIn, {"1"}}}, "依清单免予行政处罚{value}{unit}",
                  "决定日期在期间内、适用免罚清单免予处罚的案件"),
      event_count({"case_file_review.files", "评查案卷", "卷", kArea, "case_file_review"}, "reviewed_on",
                  {{"grade", Op::kNotNull, {}}}, "评查行政执法案卷{value}{unit}", "评查日期在期间内、已评定等次的案卷"),
      event_count({"case_file_review.passed", "评查合格案卷", "卷", kArea, "case_file_review"}, "reviewed_on",
                  {{"grade", Op::kIn, {"excellent", "pass"}}}, "优秀和合格案卷{value}{unit}",
                  "评查日期在期间内、评为优秀或合格的案卷"),
      percentage("case_file_review.pass_rate", "案卷评查合格率", kArea, "case_file_review", "case_file_review.passed",
                 "case_file_review.files", "案卷合格率{value}{unit}", "优秀和合格案卷数 ÷ 评查案卷数 × 100%"),
      event_count({"criminal_transfer.cases", "移送涉嫌犯罪案件", "件", kArea, "criminal_transfer"}, "transferred_on",
                  {}, "向公安机关移送涉嫌犯罪案件{value}{unit}", "移送日期在期间内的案件"),
      event_count({"criminal_transfer.filed", "移送后公安机关立案", "件", kArea, "criminal_transfer"}, "transferred_on",
                  {{"police_response", Op::kIn, {"filed"}}}, "公安机关已立案{value}{unit}",
                  "移送日期在期间内、公安机关已立案的案件"),
  };
}

}  // namespace fazhi
