#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

namespace {
constexpr const char* kArea = "oversight";
}  // namespace

// 行政权力制约和监督体系 (INDICATORS.md, Oversight and openness): people's-congress
// suggestions and CPPCC proposals assigned to the organ in the period, openness, and the
// problems found in supervision with their rectification. A problem counts for the organ that
// found it and is visible to the organ responsible for it.
std::vector<IndicatorDeclaration> oversight_indicators() {
  return {
      event_count({"oversight.npc_suggestions", "办理人大代表建议", "件", kArea, "deputy_suggestion"}, "assigned_on",
                  {{"kind", Op::kIn, {"npc_suggestion"}}}, "办理人大代表建议{value}{unit}",
                  "交办日期在期间内的人大代表建议"),
      event_count({"oversight.cppcc_proposals", "办理政协提案", "件", kArea, "deputy_suggestion"}, "assigned_on",
                  {{"kind", Op::kIn, {"cppcc_proposal"}}}, "办理政协提案{value}{unit}", "交办日期在期间内的政协提案"),
      event_count({"oversight.suggestions_handled", "办理建议提案", "件", kArea, "deputy_suggestion"}, "assigned_on",
                  {}, "办理人大代表建议和政协提案{value}{unit}", "交办日期在期间内的人大代表建议和政协提案"),
      event_count({"oversight.suggestions_contacted", "沟通见面的建议提案", "件", kArea, "deputy_suggestion"},
                  "assigned_on", {{"contacted", Op::kIn, {"1"}}}, "与代表委员沟通见面{value}{unit}",
                  "交办日期在期间内、已与代表委员沟通见面的建议提案"),
      percentage("oversight.contact_rate", "建议提案沟通见面率", kArea, "deputy_suggestion",
                 "oversight.suggestions_contacted", "oversight.suggestions_handled", "见面沟通率{value}{unit}",
                 "沟通见面的建议提案数 ÷ 办理的建议提案数 × 100%"),
      event_count({"oversight.suggestions_satisfied", "代表委员满意的建议提案", "件", kArea, "deputy_suggestion"},
                  "assigned_on", {{"satisfaction", Op::kIn, {"satisfied", "basically_satisfied"}}},
                  "代表委员满意和基本满意{value}{unit}", "交办日期在期间内、代表委员评价满意或基本满意的建议提案"),
      percentage("oversight.satisfaction_rate", "建议提案满意率", kArea, "deputy_suggestion",
                 "oversight.suggestions_satisfied", "oversight.suggestions_handled", "满意率{value}{unit}",
                 "满意和基本满意的建议提案数 ÷ 办理的建议提案数 × 100%"),
      [] {
        auto d = event_count({"openness.proactive", "主动公开政府信息", "件", kArea, "openness_publication"},
                             "published_on", {}, "主动公开政府信息{value}{unit}", "公开日期在期间内的主动公开信息");
        d.breakdown_field = "category";
        return d;
      }(),
      [] {
        auto d =
            event_count({"openness.on_request", "办理政府信息公开申请", "件", kArea, "openness_request"}, "received_on",
                        {}, "办理政府信息公开申请{value}{unit}", "收到申请日期在期间内的政府信息公开申请");
        d.breakdown_field = "reply_kind";
        return d;
      }(),
      event_count({"openness.press_conferences", "新闻发布会", "场", kArea, "press_conference"}, "held_on", {},
                  "召开新闻发布会{value}{unit}", "发布日期在期间内的新闻发布会"),
      [] {
        auto d = event_count({"supervision.problems", "督察发现问题", "个", kArea, "supervision_problem"}, "found_on",
                             {}, "督察发现问题{value}{unit}", "发现日期在期间内的问题");
        d.breakdown_field = "source";
        return d;
      }(),
      event_count({"supervision.measures", "整改举措", "项", kArea, "rectification"}, "problem.found_on", {},
                  "制定整改举措{value}{unit}", "所属问题的发现日期在期间内的整改措施"),
      event_count({"supervision.rectified_on_time", "按期整改完成问题", "个", kArea, "supervision_problem"}, "found_on",
                  {{"rectified_on", Op::kBefore, {"deadline"}}}, "按期完成整改{value}{unit}",
                  "发现日期在期间内、在整改期限内完成整改的问题"),
      percentage("supervision.rectified_rate", "问题整改完成率", kArea, "supervision_problem",
                 "supervision.rectified_on_time", "supervision.problems", "整改完成率{value}{unit}",
                 "按期整改完成的问题数 ÷ 发现问题数 × 100%"),
  };
}

}  // namespace fazhi
