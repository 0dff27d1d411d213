#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

namespace {
constexpr const char* kArea = "functions";
}  // namespace

// 政府职能、政务服务 (INDICATORS.md, Government functions and services): the service item
// catalogue as it stands, 12345 tickets and calls, 好差评 ratings, credit and fair-competition
// review. A hotline ticket counts for the hotline office that keeps it; a rating for the
// service centre that imports it.
//
// services.business_start_days is not declared: the time to start a business is one committed
// figure for the whole chain of departments (registration, seal, tax, social insurance), set
// by the city, not a count or sum over the catalogue's records.
std::vector<IndicatorDeclaration> function_indicators() {
  return {
      directory_count({"services.items", "政务服务事项", "项", kArea, "service_item"}, {{"in_force", Op::kIn, {"1"}}},
                      "梳理政务服务事项{value}{unit}", "政务服务事项目录中在用的事项（按当前目录）"),
      directory_count({"services.online_items", "全程网办事项", "项", kArea, "service_item"},
                      {{"in_force", Op::kIn, {"1"}}, {"fully_online", Op::kIn, {"1"}}}, "全程网办事项{value}{unit}",
                      "在用且可全程网上办理的政务服务事项"),
      percentage("services.online_rate", "全程网办率", kArea, "service_item", "services.online_items", "services.items",
                 "全程网办率{value}{unit}", "全程网办事项数 ÷ 在用政务服务事项数 × 100%"),
      directory_count({"services.mobile_items", "掌上可办事项", "项", kArea, "service_item"},
                      {{"in_force", Op::kIn, {"1"}}, {"mobile", Op::kIn, {"1"}}}, "掌上可办事项{value}{unit}",
                      "在用且可在移动端办理的政务服务事项"),
      percentage("services.mobile_rate", "掌上可办率", kArea, "service_item", "services.mobile_items", "services.items",
                 "掌上可办率{value}{unit}", "掌上可办事项数 ÷ 在用政务服务事项数 × 100%"),
      [] {
        auto d = directory_count({"services.departments_in_hall", "进驻政务服务大厅部门", "个", kArea, "service_item"},
                                 {{"in_force", Op::kIn, {"1"}}, {"in_hall", Op::kIn, {"1"}}},
                                 "{value}{unit}部门进驻政务服务大厅",
                                 "有在用事项进驻政务服务大厅的单位数（按事项所属单位去重）");
        d.aggregate = IndicatorAggregate::kCountDistinct;
        d.field = "org_code";
        return d;
      }(),
      [] {
        auto d = event_count({"hotline.tickets", "12345热线受理诉求", "件", kArea, "hotline_ticket"}, "received_at", {},
                             "12345热线受理群众诉求{value}{unit}", "受理时间在期间内的12345热线工单");
        d.breakdown_field = "kind";
        return d;
      }(),
      event_sum({"hotline.calls", "12345热线呼入量", "通", kArea, "hotline_traffic"}, "traffic_date", "calls", {},
                "12345热线呼入{value}{unit}", "期间内各日呼入量之和"),
      event_sum({"hotline.calls_answered", "12345热线接通量", "通", kArea, "hotline_traffic"}, "traffic_date",
                "answered", {}, "接通{value}{unit}", "期间内各日接通量之和"),
      percentage("hotline.answer_rate", "12345热线接通率", kArea, "hotline_traffic", "hotline.calls_answered",
                 "hotline.calls", "接通率{value}{unit}", "期间内接通量之和 ÷ 呼入量之和 × 100%"),
      event_count({"hotline.closed", "12345热线办结工单", "件", kArea, "hotline_ticket"}, "closed_at", {},
                  "办结{value}{unit}", "办结时间在期间内的工单"),
      event_count({"hotline.closed_on_time", "12345热线按时办结工单", "件", kArea, "hotline_ticket"}, "closed_at",
                  {{"on_time", Op::kIn, {"1"}}}, "按时办结{value}{unit}", "办结时间在期间内、在办理时限内办结的工单"),
      percentage("hotline.on_time_rate", "12345热线按时办结率", kArea, "hotline_ticket", "hotline.closed_on_time",
                 "hotline.closed", "按时办结率{value}{unit}", "按时办结工单数 ÷ 办结工单数 × 100%"),
      event_count({"hotline.rated", "12345热线参评工单", "件", kArea, "hotline_ticket"}, "closed_at",
                  {{"satisfaction", Op::kIn, {"satisfied", "basically_satisfied", "dissatisfied"}}},
                  "参与满意度评价{value}{unit}", "办结时间在期间内、诉求人作出满意度评价的工单"),
      event_count({"hotline.satisfied", "12345热线满意工单", "件", kArea, "hotline_ticket"}, "closed_at",
                  {{"satisfaction", Op::kIn, {"satisfied", "basically_satisfied"}}}, "满意和基本满意{value}{unit}",
                  "办结时间在期间内、评价为满意或基本满意的工单"),
      percentage("hotline.satisfaction_rate", "12345热线满意率", kArea, "hotline_ticket", "hotline.satisfied",
                 "hotline.rated", "满意率{value}{unit}", "满意和基本满意工单数 ÷ 参评工单数 × 100%"),
      [] {
        auto d = event_count({"ratings.total", "好差评评价", "条", kArea, "service_rating"}, "rated_at", {},
                             "收到政务服务好差评评价{value}{unit}", "评价时间在期间内的好差评评价");
        d.breakdown_field = "channel";
        return d;
      }(),
      event_count({"ratings.active", "主动评价", "条", kArea, "service_rating"}, "rated_at",
                  {{"active", Op::kIn, {"1"}}}, "主动评价{value}{unit}", "评价时间在期间内、办事人主动作出的评价"),
      percentage("ratings.active_rate", "主动评价率", kArea, "service_rating", "ratings.active", "ratings.total",
                 "主动评价率{value}{unit}", "主动评价数 ÷ 评价总数 × 100%"),
      event_count({"ratings.good", "好评", "条", kArea, "service_rating"}, "rated_at",
                  {{"stars", Op::kIn, {"3", "4", "5"}}}, "好评{value}{unit}",
                  "评价时间在期间内、评为非常满意、满意或基本满意（3至5星）的评价"),
      percentage("ratings.good_rate", "好评率", kArea, "service_rating", "ratings.good", "ratings.total",
                 "好评率{value}{unit}", "好评数 ÷ 评价总数 × 100%"),
      event_count({"ratings.bad", "差评", "条", kArea, "service_rating"}, "rated_at", {{"stars", Op::kIn, {"1", "2"}}},
                  "差评{value}{unit}", "评价时间在期间内、评为不满意或非常不满意（1、2星）的评价"),
      event_count({"ratings.bad_followed_up", "差评按期回访整改", "条", kArea, "service_rating"}, "rated_at",
                  {{"stars", Op::kIn, {"1", "2"}}, {"followed_up_on", Op::kMetTimeLimit, {"bad_rating_followup"}}},
                  "差评按期回访整改{value}{unit}",
                  "期间内收到的差评中在回访整改期限内（默认15个工作日）完成回访的评价"),
      percentage("ratings.bad_followup_rate", "差评回访整改率", kArea, "service_rating", "ratings.bad_followed_up",
                 "ratings.bad", "差评回访整改率{value}{unit}", "按期回访整改的差评数 ÷ 差评数 × 100%"),
      event_sum({"credit.records", "归集信用信息", "条", kArea, "credit_collection"}, "collected_on", "record_count",
                {}, "归集信用信息{value}{unit}", "归集日期在期间内的各批次归集条数之和"),
      event_count({"credit.repaired", "信用修复", "户", kArea, "credit_repair"}, "repaired_on", {},
                  "帮助{value}{unit}经营主体完成信用修复", "修复日期在期间内的信用修复（每条记录一个主体）"),
      [] {
        auto d = event_count({"fair_competition.reviewed", "公平竞争审查", "件", kArea, "fair_competition_review"},
                             "reviewed_on", {}, "开展公平竞争审查{value}{unit}", "审查日期在期间内的公平竞争审查");
        d.breakdown_field = "conclusion";
        return d;
      }(),
  };
}

}  // namespace fazhi
