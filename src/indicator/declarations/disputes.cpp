#include "indicator/indicator_declaration.h"

namespace fazhi {

namespace {

using Op = IndicatorCondition::Op;

// The decision kinds that correct the contested act (行政复议法 第六十三条 to 第六十八条).
const std::vector<std::string> kCorrectingDecisions = {"revoked", "changed", "confirmed_unlawful", "ordered_to_perform",
                                                       "confirmed_invalid"};

IndicatorDeclaration reconsideration(std::string id, std::string label, std::string date_field,
                                     std::vector<IndicatorCondition> where, std::string phrase,
                                     std::string definition) {
  return {.id = "reconsideration." + id,
          .label = std::move(label),
          .unit = "件",
          .area = "disputes",
          .ledger = "reconsideration",
          .date_field = std::move(date_field),
          .where = std::move(where),
          .phrase = std::move(phrase),
          .definition = std::move(definition)};
}

IndicatorDeclaration concluded_reconsideration(std::string id, std::string label, std::vector<std::string> kinds,
                                               std::string phrase, std::string definition) {
  return reconsideration(std::move(id), std::move(label), "concluded_on",
                         {{"state", Op::kIn, {"concluded"}}, {"decision_kind", Op::kIn, std::move(kinds)}},
                         std::move(phrase), std::move(definition));
}

IndicatorDeclaration litigation(std::string id, std::string label, std::vector<IndicatorCondition> where,
                                std::string phrase, std::string definition) {
  return {.id = "litigation." + id,
          .label = std::move(label),
          .unit = "件",
          .area = "disputes",
          .ledger = "litigation",
          .period = PeriodRule::kOverlapping,
          .date_field = "filed_on",
          .end_field = "concluded_on",
          .where = std::move(where),
          .phrase = std::move(phrase),
          .definition = std::move(definition)};
}

IndicatorDeclaration concluded_litigation(std::string id, std::string label, std::vector<IndicatorCondition> where,
                                          std::string phrase, std::string definition) {
  where.insert(where.begin(), {"concluded_on", Op::kNotNull, {}});
  return {.id = "litigation." + id,
          .label = std::move(label),
          .unit = "件",
          .area = "disputes",
          .ledger = "litigation",
          .date_field = "concluded_on",
          .where = std::move(where),
          .phrase = std::move(phrase),
          .definition = std::move(definition)};
}

IndicatorDeclaration ratio(std::string id, std::string label, std::string ledger, std::string numerator,
                           std::string denominator, std::string phrase, std::string definition) {
  return {.id = std::move(id),
          .label = std::move(label),
          .unit = "%",
          .area = "disputes",
          .ledger = std::move(ledger),
          .aggregate = IndicatorAggregate::kRatio,
          .numerator = std::move(numerator),
          .denominator = std::move(denominator),
          .decimals = 2,
          .phrase = std::move(phrase),
          .definition = std::move(definition)};
}

}  // namespace

// 行政复议 and 行政应诉 (INDICATORS.md, Disputes). A reconsideration case counts for the
// reconsideration body that keeps it; a lawsuit for the organ that defends it.
std::vector<IndicatorDeclaration> dispute_indicators() {
  std::vector<IndicatorDeclaration> list = {
      [] {
        auto d = reconsideration("received", "收到行政复议申请", "received_on", {}, "收到行政复议申请{value}{unit}",
                                 "收到申请日期在期间内的行政复议申请");
        d.breakdown_field = "respondent_org";
        return d;
      }(),
      reconsideration("accepted", "受理行政复议申请", "accepted_on", {{"accepted_on", Op::kNotNull, {}}},
                      "受理{value}{unit}", "受理日期在期间内的案件（含视为受理）"),
      reconsideration("not_accepted", "不予受理或告知向有权机关申请", "examined_on",
                      {{"examination_outcome", Op::kIn, {"not_accepted", "redirected"}}},
                      "不予受理或告知向有权机关申请{value}{unit}",
                      "审查决定日期在期间内、审查结论为不予受理或告知向有权机关申请的申请"),
      reconsideration("concluded", "审结行政复议案件", "concluded_on", {{"state", Op::kIn, {"concluded"}}},
                      "审结{value}{unit}", "审结日期在期间内的案件"),
      concluded_reconsideration("maintained", "决定维持", {"maintained"}, "决定维持{value}{unit}",
                                "期间内审结、复议决定为维持的案件"),
      concluded_reconsideration("rejected", "驳回复议请求", {"claim_rejected"}, "驳回复议请求{value}{unit}",
                                "期间内审结、复议决定为驳回复议请求的案件"),
      concluded_reconsideration("corrected", "纠错", kCorrectingDecisions, "纠错{value}{unit}",
                                "期间内审结、复议决定为撤销、变更、确认违法、责令履行或确认无效的案件"),
      concluded_reconsideration("mediated", "调解和解结案", {"mediated", "settled_withdrawn"},
                                "以调解、和解方式结案{value}{unit}", "期间内审结、以调解或和解撤回方式结案的案件"),
      [] {
        auto d = reconsideration("withdrawn", "申请人撤回申请", "concluded_on", {{"state", Op::kIn, {"concluded"}}},
                                 "申请人撤回申请{value}{unit}", "期间内审结、和解撤回或因申请人撤回而终止的案件");
        d.any = {{"decision_kind", Op::kIn, {"settled_withdrawn"}}, {"termination_reason", Op::kIn, {"withdrawn"}}};
        return d;
      }(),
      concluded_reconsideration("terminated", "终止审理", {"terminated"}, "终止{value}{unit}",
                                "期间内审结、复议决定为终止的案件"),
      {.id = "reconsideration.on_hand",
       .label = "在办行政复议案件",
       .unit = "件",
       .area = "disputes",
       .ledger = "reconsideration",
       .period = PeriodRule::kOverlapping,
       .date_field = "accepted_on",
       .end_field = "concluded_on",
       .where = {{"accepted_on", Op::kNotNull, {}}},
       .phrase = "办理行政复议案件{value}{unit}（含上年结转）",
       .definition = "期间内受理或上期结转、期间开始时尚未审结的案件"},
      ratio("reconsideration.correction_rate", "纠错率", "reconsideration", "reconsideration.corrected",
            "reconsideration.concluded", "纠错率{value}{unit}", "纠错案件数 ÷ 审结案件数 × 100%"),
      ratio("reconsideration.mediation_rate", "调解和解率", "reconsideration", "reconsideration.mediated",
            "reconsideration.concluded", "调解和解率{value}{unit}", "调解和解结案数 ÷ 审结案件数 × 100%"),
      ratio("reconsideration.conclusion_rate", "结案率", "reconsideration", "reconsideration.concluded",
            "reconsideration.on_hand", "结案率{value}{unit}", "审结案件数 ÷ 在办案件数（含上年结转）× 100%"),
      reconsideration("resolved_without_suit", "复议后未起诉", "concluded_on",
                      {{"state", Op::kIn, {"concluded"}}, {"sued_after", Op::kNotIn, {"1"}}},
                      "复议后未再起诉{value}{unit}", "期间内审结、其后未就同一行为提起行政诉讼的案件"),
      ratio("reconsideration.substantive_resolution_rate", "实质性化解率", "reconsideration",
            "reconsideration.resolved_without_suit", "reconsideration.concluded", "实质性化解率{value}{unit}",
            "审结后未就同一行为起诉的案件数 ÷ 审结案件数 × 100%"),
      {.id = "reconsideration.overdue",
       .label = "超期案件",
       .unit = "件",
       .area = "disputes",
       .ledger = "reconsideration",
       .aggregate = IndicatorAggregate::kMissedDeadline,
       .period = PeriodRule::kOverlapping,
       .date_field = "received_on",
       .end_field = "concluded_on",
       .time_limits = {"examination", "examination_after_supplement", "decision", "decision_simplified"},
       .phrase = "超期{value}{unit}",
       .definition = "受理审查期限或审理期限（含批准延长）在期末前届满而未办结、或超过期限才办结的案件"},
      [] {
        auto d = litigation("cases", "办理行政应诉案件", {}, "办理行政应诉案件{value}{unit}",
                            "期间内立案或上期结转、期间开始时尚未审结的各审级案件");
        d.breakdown_field = "instance";
        return d;
      }(),
      litigation("first_instance", "一审案件", {{"instance", Op::kIn, {"first"}}}, "一审{value}{unit}",
                 "期间内办理的一审案件"),
      litigation("second_instance", "二审案件", {{"instance", Op::kIn, {"second"}}}, "二审{value}{unit}",
                 "期间内办理的二审案件"),
      litigation("retrial", "再审案件", {{"instance", Op::kIn, {"retrial"}}}, "再审{value}{unit}",
                 "期间内办理的再审案件"),
      concluded_litigation("concluded", "审结行政应诉案件", {}, "审结{value}{unit}", "审结日期在期间内的案件"),
      concluded_litigation("won", "胜诉", {{"outcome", Op::kIn, {"won"}}}, "胜诉{value}{unit}",
                           "期间内审结、行政机关胜诉的案件"),
      concluded_litigation("lost", "败诉", {{"outcome", Op::kIn, {"lost"}}}, "败诉{value}{unit}",
                           "期间内审结、行政机关败诉的案件"),
      ratio("litigation.win_rate", "胜诉率", "litigation", "litigation.won", "litigation.concluded",
            "胜诉率{value}{unit}", "胜诉案件数 ÷ 审结案件数 × 100%"),
      ratio("litigation.loss_rate", "败诉率", "litigation", "litigation.lost", "litigation.concluded",
            "败诉率{value}{unit}", "败诉案件数 ÷ 审结案件数 × 100%"),
      {.id = "litigation.head_notified",
       .label = "法院通知负责人出庭",
       .unit = "件",
       .area = "disputes",
       .ledger = "litigation",
       .date_field = "hearing_on",
       .where = {{"head_notified", Op::kIn, {"1"}}},
       .phrase = "法院书面通知行政机关负责人出庭{value}{unit}",
       .definition = "开庭日期在期间内、法院书面通知行政机关负责人出庭的案件"},
      {.id = "litigation.head_appeared",
       .label = "负责人出庭应诉",
       .unit = "件",
       .area = "disputes",
       .ledger = "litigation",
       .date_field = "hearing_on",
       .where = {{"head_notified", Op::kIn, {"1"}}, {"head_appeared", Op::kIn, {"principal", "deputy"}}},
       .phrase = "负责人出庭应诉{value}{unit}",
       .definition = "开庭日期在期间内、法院通知负责人出庭且正职或副职负责人出庭的案件"},
      ratio("litigation.head_appearance_rate", "负责人出庭应诉率", "litigation", "litigation.head_appeared",
            "litigation.head_notified", "负责人出庭应诉率{value}{unit}",
            "负责人出庭案件数 ÷ 法院通知负责人出庭案件数 × 100%"),
      [] {
        auto d = concluded_litigation("unperformed", "败诉未履行", {{"outcome", Op::kIn, {"lost"}}},
                                      "败诉案件中尚未履行生效裁判{value}{unit}",
                                      "期间内审结、行政机关败诉且尚未履行生效裁判的案件");
        d.where.push_back({"performed", Op::kNotIn, {"1"}});
        return d;
      }(),
  };
  return list;
}

}  // namespace fazhi
