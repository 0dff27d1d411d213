#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

namespace {
constexpr const char* kArea = "functions";
}  // namespace

// 双随机、一公开 (INDICATORS.md, Random inspections; RULES.md §5). A plan counts in the period
// it was completed; a target in the period it was inspected; results are published within 20
// working days of the inspection's end (the result ledger's time limit "result_disclosure").
std::vector<IndicatorDeclaration> random_inspection_indicators() {
  return {
      event_count({"random_inspection.batches", "双随机抽查批次", "批次", kArea, "inspection_plan"}, "completed_on",
                  {{"state", Op::kIn, {"completed"}}}, "开展“双随机、一公开”抽查{value}{unit}",
                  "实际完成日期在期间内、已完成的抽查计划"),
      [] {
        auto d =
            event_count({"random_inspection.targets", "抽查市场主体", "户", kArea, "inspection_result"}, "inspected_on",
                        {}, "抽查市场主体{value}{unit}", "检查日期在期间内的抽查结果所涉检查对象（同一对象只计一次）");
        d.aggregate = IndicatorAggregate::kCountDistinct;
        d.field = "target";
        return d;
      }(),
      event_count({"random_inspection.joint_batches", "跨部门联合抽查批次", "批次", kArea, "inspection_plan"},
                  "completed_on", {{"state", Op::kIn, {"completed"}}, {"joint", Op::kIn, {"1"}}},
                  "其中跨部门联合抽查{value}{unit}", "实际完成日期在期间内、已完成的跨部门联合抽查计划"),
      [] {
        auto d = event_count({"random_inspection.joint_targets", "联合抽查市场主体", "户", kArea, "inspection_result"},
                             "inspected_on", {{"plan.joint", Op::kIn, {"1"}}}, "联合抽查市场主体{value}{unit}",
                             "检查日期在期间内、所属计划为跨部门联合抽查的检查对象（同一对象只计一次）");
        d.aggregate = IndicatorAggregate::kCountDistinct;
        d.field = "target";
        return d;
      }(),
      event_count({"random_inspection.results", "抽查结果", "条", kArea, "inspection_result"}, "finished_on", {},
                  "形成抽查结果{value}{unit}", "检查结束日期在期间内的抽查结果"),
      event_count({"random_inspection.results_published_on_time", "按时公示抽查结果", "条", kArea, "inspection_result"},
                  "finished_on", {{"disclosed_on", Op::kMetTimeLimit, {"result_disclosure"}}},
                  "按时公示抽查结果{value}{unit}", "检查结束日期在期间内、自检查结束之日起20个工作日内公示的抽查结果"),
      percentage("random_inspection.publication_rate", "抽查结果按时公示率", kArea, "inspection_result",
                 "random_inspection.results_published_on_time", "random_inspection.results",
                 "抽查结果按时公示率{value}{unit}", "20个工作日内公示的抽查结果数 ÷ 抽查结果数 × 100%"),
      standing_count({"random_inspection.targets_in_directory", "检查对象名录库主体", "家", kArea, "inspection_target"},
                     "entered_on", "removed_on", {}, "检查对象名录库录入市场主体{value}{unit}",
                     "期末在库的检查对象：入库日期在期末或之前、未出库或出库日期在期末之后"),
  };
}

}  // namespace fazhi
