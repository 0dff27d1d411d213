#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

namespace {
constexpr const char* kArea = "disputes";
}  // namespace

// 社会矛盾纠纷预防调处化解 besides reconsideration and litigation (INDICATORS.md, Disputes;
// RULES.md §8–9): people's mediation committees and their cases, dispute screenings and the
// disputes found and resolved, and petitions with their statutory time limits. Rates compare
// records of the same period, so each is at most 100%: mediations concluded in the period,
// disputes registered in the period, petitions received or answered in the period.
std::vector<IndicatorDeclaration> mediation_indicators() {
  return {
      directory_count({"mediation.committees", "人民调解委员会", "个", kArea, "organizations"},
                      {{"kind", Op::kIn, {"mediation_committee"}}}, "建立人民调解委员会{value}{unit}",
                      "范围内登记的人民调解委员会（按当前单位名录）"),
      [] {
        auto d = event_count({"mediation.disputes", "人民调解受理纠纷", "件", kArea, "mediation"}, "accepted_on", {},
                             "人民调解组织调解矛盾纠纷{value}{unit}", "受理日期在期间内的人民调解案件");
        d.breakdown_field = "dispute_kind";
        return d;
      }(),
      event_count({"mediation.concluded", "人民调解终结案件", "件", kArea, "mediation"}, "concluded_on",
                  {{"outcome", Op::kNotNull, {}}}, "调解终结{value}{unit}",
                  "调解终结日期在期间内的案件（调解成功、不成或终止）"),
      event_count({"mediation.succeeded", "调解成功", "件", kArea, "mediation"}, "concluded_on",
                  {{"outcome", Op::kIn, {"succeeded"}}}, "调解成功{value}{unit}",
                  "调解终结日期在期间内、调解成功的案件"),
      percentage("mediation.success_rate", "调解成功率", kArea, "mediation", "mediation.succeeded",
                 "mediation.concluded", "调解成功率{value}{unit}", "调解成功案件数 ÷ 调解终结案件数 × 100%"),
      event_count({"mediation.agreements_fulfilled", "调解协议已履行", "件", kArea, "mediation"}, "concluded_on",
                  {{"outcome", Op::kIn, {"succeeded"}}, {"fulfilled", Op::kIn, {"1"}}}, "协议已履行{value}{unit}",
                  "调解终结日期在期间内、调解成功且协议已履行的案件"),
      percentage("mediation.agreement_fulfilment_rate", "调解协议履行率", kArea, "mediation",
                 "mediation.agreements_fulfilled", "mediation.succeeded", "协议履行率{value}{unit}",
                 "协议已履行案件数 ÷ 调解成功案件数 × 100%"),
      event_sum({"mediation.parties", "人民调解涉及当事人", "人次", kArea, "mediation"}, "accepted_on", "party_count",
                {}, "涉及当事人{value}{unit}", "受理日期在期间内的人民调解案件当事人人次之和"),
      event_sum({"mediation.amount", "人民调解涉及金额", "万元", kArea, "mediation"}, "accepted_on", "amount", {},
                "涉及金额{value}{unit}", "受理日期在期间内的人民调解案件涉及金额之和", 2),
      event_count({"disputes.screenings", "矛盾纠纷排查", "次", kArea, "dispute_screening"}, "held_on", {},
                  "开展矛盾纠纷排查{value}{unit}", "排查日期在期间内的排查"),
      event_count({"disputes.found", "排查发现矛盾纠纷", "件", kArea, "dispute"}, "found_on",
                  {{"source", Op::kIn, {"screening"}}}, "排查发现矛盾纠纷{value}{unit}",
                  "登记日期在期间内、经排查发现的矛盾纠纷"),
      event_count({"disputes.resolved", "化解矛盾纠纷", "件", kArea, "dispute"}, "resolved_on",
                  {{"state", Op::kIn, {"resolved", "confirmed"}}}, "化解矛盾纠纷{value}{unit}",
                  "化解日期在期间内、已化解（含经司法确认）的矛盾纠纷"),
      [] {
        auto d = event_count({"disputes.registered", "登记矛盾纠纷", "件", kArea, "dispute"}, "found_on", {},
                             "登记矛盾纠纷{value}{unit}", "登记日期在期间内的矛盾纠纷（各发现途径）");
        d.breakdown_field = "dispute_kind";
        return d;
      }(),
      event_count({"disputes.registered_resolved", "登记后已化解矛盾纠纷", "件", kArea, "dispute"}, "found_on",
                  {{"state", Op::kIn, {"resolved", "confirmed"}}}, "其中已化解{value}{unit}",
                  "登记日期在期间内、截至统计时已化解的矛盾纠纷"),
      percentage("disputes.resolution_rate", "矛盾纠纷化解率", kArea, "dispute", "disputes.registered_resolved",
                 "disputes.registered", "化解率{value}{unit}",
                 "期间内登记且已化解的纠纷数 ÷ 期间内登记的纠纷数 × 100%"),
      [] {
        auto d = event_count({"petition.received", "受理信访事项", "件", kArea, "petition"}, "received_on", {},
                             "收到信访事项{value}{unit}", "收到日期在期间内的信访事项");
        d.breakdown_field = "channel";
        return d;
      }(),
      event_count({"petition.accepted_timely", "及时告知受理的信访事项", "件", kArea, "petition"}, "received_on",
                  {{"acceptance_notified_on", Op::kMetTimeLimit, {"acceptance_notice"}}},
                  "15日内告知受理情况{value}{unit}",
                  "收到日期在期间内、自收到之日起15日内告知信访人是否受理的信访事项"),
      percentage("petition.timely_acceptance_rate", "信访事项及时受理率", kArea, "petition", "petition.accepted_timely",
                 "petition.received", "及时受理率{value}{unit}", "15日内告知受理情况的事项数 ÷ 收到的事项数 × 100%"),
      event_count({"petition.replied", "出具处理意见的信访事项", "件", kArea, "petition"}, "replied_on",
                  {{"accepted_on", Op::kNotNull, {}}}, "办结信访事项{value}{unit}",
                  "出具处理意见日期在期间内的已受理信访事项"),
      event_count({"petition.replied_on_time", "按期答复的信访事项", "件", kArea, "petition"}, "replied_on",
                  {{"accepted_on", Op::kNotNull, {}}, {"replied_on", Op::kMetTimeLimit, {"handling"}}},
                  "按期答复{value}{unit}",
                  "出具处理意见日期在期间内、在受理之日起60日内（经批准延长的不超过延长期限）答复的事项"),
      percentage("petition.on_time_reply_rate", "信访事项按期答复率", kArea, "petition", "petition.replied_on_time",
                 "petition.replied", "按期答复率{value}{unit}", "按期答复的事项数 ÷ 出具处理意见的受理事项数 × 100%"),
  };
}

}  // namespace fazhi
