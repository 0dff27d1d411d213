#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

namespace {
constexpr const char* kArea = "decisions";

// A conditional procedure of 重大行政决策程序暂行条例 is done when its date is filled or the
// reason it does not apply is recorded.
std::vector<IndicatorCondition> done_or_not_applicable(const std::string& procedure) {
  return {{procedure + "_on", Op::kNotNull, {}}, {procedure + "_na_reason", Op::kNotNull, {}}};
}
}  // namespace

// 行政决策制度体系 (INDICATORS.md, Decisions, advisers and contracts; RULES.md §7): legality
// review opinions of every kind, the year's major-decision catalogue and the five procedures,
// legal advisers and public lawyers engaged at the period's end, and government contracts.
std::vector<IndicatorDeclaration> decision_indicators() {
  return {
      [] {
        auto d = event_count({"legality_review.opinions", "出具合法性审核意见", "件", kArea, "legality_review"},
                             "opinion_on", {{"state", Op::kIn, {"opinion_issued"}}}, "出具合法性审核意见{value}{unit}",
                             "出具意见日期在期间内的合法性审核（规范性文件、重大决策、合同、会议议题等）");
        d.breakdown_field = "subject_kind";
        return d;
      }(),
      [] {
        auto d = event_count({"major_decision.catalogue_items", "重大行政决策目录事项", "项", kArea, "major_decision"},
                             "catalogue_year", {{"in_catalogue", Op::kIn, {"1"}}},
                             "纳入重大行政决策事项目录{value}{unit}", "目录年度在期间内、列入决策事项目录的事项");
        d.period = PeriodRule::kYear;
        return d;
      }(),
      event_count({"major_decision.decided", "作出重大行政决策", "项", kArea, "major_decision"},
                  "collective_decision_on", {{"state", Op::kIn, {"decided", "published", "evaluated"}}},
                  "作出重大行政决策{value}{unit}", "集体讨论决定日期在期间内的重大行政决策"),
      [] {
        auto d = event_count(
            {"major_decision.completed_procedures", "履行全部法定程序的重大决策", "项", kArea, "major_decision"},
            "collective_decision_on",
            {{"state", Op::kIn, {"decided", "published", "evaluated"}},
             {"legality_review_on", Op::kNotNull, {}},
             {"collective_decision_on", Op::kNotNull, {}}},
            "履行全部法定程序{value}{unit}",
            "期间内决定、公众参与、专家论证、风险评估均已完成或记明不适用理由，且"
            "经合法性审查和集体讨论决定的决策");
        d.any_groups = {done_or_not_applicable("public_participation"), done_or_not_applicable("expert_review"),
                        done_or_not_applicable("risk_assessment")};
        return d;
      }(),
      percentage("major_decision.completed_procedures_rate", "重大决策法定程序履行率", kArea, "major_decision",
                 "major_decision.completed_procedures", "major_decision.decided", "法定程序履行率{value}{unit}",
                 "履行全部法定程序的决策数 ÷ 期间内作出的决策数 × 100%"),
      [] {
        auto d = standing_count({"legal_adviser.organs_covered", "聘请法律顾问的单位", "个", kArea, "legal_adviser"},
                                "engaged_from", "engaged_until", {{"kind", Op::kIn, {"legal_adviser"}}},
                                "{value}{unit}单位聘请法律顾问", "期末有在聘法律顾问的单位数（按聘请单位去重）");
        d.aggregate = IndicatorAggregate::kCountDistinct;
        d.field = "org_code";
        return d;
      }(),
      directory_count({"legal_adviser.organs", "行政机关", "个", kArea, "organizations"},
                      {{"kind", Op::kIn, {"government", "department", "township"}}}, "行政机关{value}{unit}",
                      "范围内的人民政府、政府部门和乡镇（街道）"),
      percentage("legal_adviser.coverage_rate", "法律顾问覆盖率", kArea, "legal_adviser",
                 "legal_adviser.organs_covered", "legal_adviser.organs", "法律顾问覆盖率{value}{unit}",
                 "期末聘请法律顾问的单位数 ÷ 行政机关数 × 100%"),
      standing_count({"legal_adviser.count", "法律顾问", "名", kArea, "legal_adviser"}, "engaged_from", "engaged_until",
                     {{"kind", Op::kIn, {"legal_adviser"}}}, "聘请法律顾问{value}{unit}",
                     "期末在聘的法律顾问：聘任起始日期在期末或之前、聘任截止日期为空或在期末之后"),
      standing_count({"public_lawyer.count", "公职律师", "名", kArea, "legal_adviser"}, "engaged_from", "engaged_until",
                     {{"kind", Op::kIn, {"public_lawyer"}}}, "公职律师{value}{unit}", "期末在任的公职律师"),
      [] {
        auto d = event_count({"contracts.reviewed", "审查政府合同", "件", kArea, "government_contract"}, "reviewed_on",
                             {}, "审查政府合同{value}{unit}", "审查完成日期在期间内的政府合同");
        d.breakdown_field = "contract_kind";
        return d;
      }(),
      event_count({"contracts.breached", "政府违约毁约", "件", kArea, "government_contract"}, "breached_on",
                  {{"government_breached", Op::kIn, {"1"}}}, "政府违约毁约{value}{unit}",
                  "政府方违约日期在期间内的合同"),
  };
}

}  // namespace fazhi
