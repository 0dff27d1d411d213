// An indicator (指标) declared once as data: which ledger's records it counts or sums, which
// of them, how a record falls into a period, and how the figure is shown and worded. The
// engine (indicator_engine.h) derives from one declaration the SQL that computes the figure,
// the query that lists the records behind it (drill-down), the API's and the CLI's output,
// and the report's slot. Ids follow /work/shared/domain/INDICATORS.md and never change once
// released. Declarations live in declarations/, one file per report area.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

// A condition on one column of the ledger's table: a declared field, "state" or "org_code"
// (the owning organisation). A field may also be named through a record reference of this
// ledger as "<ref field>.<field of the referred ledger>" (an inspection result's
// "plan.joint"): the condition then holds on the referred record.
struct IndicatorCondition {
  enum class Op {
    kIn,            // the stored value is one of `values` (enum values; "1"/"0" for booleans)
    kNotIn,         // it is none of `values` (an empty value also counts as "none of")
    kIsNull,        // empty
    kNotNull,       // filled
    kBefore,        // a date field is on or before the date in field `values[0]` (both filled)
    kAfter,         // a date field is after the date in field `values[0]` (both filled)
    kMetTimeLimit,  // the ledger's time limit named `values[0]` applies to the record and was
                    // met: its `until` date is filled and on or before the due date (working-day
                    // calendar, approved extension included). `field` names the limit's `until`.
  };
  std::string field;
  Op op = Op::kIn;
  std::vector<std::string> values;
};

// How a record falls into the period [from, to].
enum class PeriodRule {
  kEvent,           // `date_field` lies within the period (received, concluded, issued …)
  kStandingAtEnd,   // in force on the period's last day: `date_field` (start) on or before `to`,
                    // and `end_field` empty or after `to` (officers holding a valid certificate)
  kOverlapping,     // open at some time in the period: start on or before `to`, and `end_field`
                    // empty or on or after `from` (cases on hand, including those carried over)
  kAlways,          // no date: every record (a directory's size)
  kYear,            // `date_field` is an integer field holding a year (目录年度, 考试年度): the
                    // year lies from the year of `from` to the year of `to`
  kYearOnOrBefore,  // `date_field` holds a year on or before the year of `to` (a title named
                    // in any year up to the period's end: 示范村 so far)
};

enum class IndicatorAggregate {
  kCount,           // records
  kSum,             // the sum of `field` over the records (integers or decimals)
  kCountDistinct,   // distinct non-empty values of `field`
  kRatio,           // numerator / denominator × 100, both other indicators' ids
  kMissedDeadline,  // records that missed one of `time_limits` (see indicator_engine.h)
};

struct IndicatorDeclaration {
  std::string id;      // reconsideration.received
  std::string label;   // 收到行政复议申请
  std::string unit;    // 件, %, 人次 …
  std::string area;    // the report chapter area: disputes, enforcement …
  std::string ledger;  // the ledger whose records it reads (for a ratio: the numerator's)
  IndicatorAggregate aggregate = IndicatorAggregate::kCount;
  PeriodRule period = PeriodRule::kEvent;
  std::string date_field;                 // the date that places a record in the period (a date or a date-
                                          // time field, compared by its day; may name a referred record's
                                          // field as "<ref field>.<field>", see IndicatorCondition)
  std::string end_field;                  // kStandingAtEnd / kOverlapping: the date a record stops counting
  std::vector<IndicatorCondition> where;  // every condition holds
  std::vector<IndicatorCondition> any;    // and, when not empty, at least one of these
  // and, for every group, at least one of its conditions (each of several steps done or
  // recorded as not applying); `any` is the one-group case.
  std::vector<std::vector<IndicatorCondition>> any_groups;
  std::string field;                     // kSum / kCountDistinct (may be "org_code")
  std::string numerator;                 // kRatio
  std::string denominator;               // kRatio
  std::vector<std::string> time_limits;  // kMissedDeadline: the limits' names
  int decimals = 0;                      // shown with this many decimals (ratios: 2)
  std::string phrase;      // the report's wording, {value} and {unit} filled in: 收到行政复议申请{value}{unit}
  std::string definition;  // what is counted, in Chinese, for the drill-down page and the JSON report
  std::string breakdown_field;  // an optional field the figure is also broken down by
};

// Every declared indicator, in catalogue order (report areas, then the order within each).
const std::vector<IndicatorDeclaration>& indicator_catalogue();
// The indicator `id`, or nullptr.
const IndicatorDeclaration* find_indicator(std::string_view id);

// The declarations of each area, concatenated by indicator_catalogue() in this order
// (the chapters of the report, REPORT.md).
std::vector<IndicatorDeclaration> function_indicators();  // 政务服务、热线、好差评、信用、公平竞争
std::vector<IndicatorDeclaration> random_inspection_indicators();  // 双随机、一公开
std::vector<IndicatorDeclaration> institution_indicators();        // 立法、规范性文件
std::vector<IndicatorDeclaration> decision_indicators();       // 合法性审核、重大决策、法律顾问、合同
std::vector<IndicatorDeclaration> enforcement_indicators();    // 行政执法、案卷评查、两法衔接
std::vector<IndicatorDeclaration> emergency_indicators();      // 应急演练
std::vector<IndicatorDeclaration> dispute_indicators();        // 行政复议、行政应诉
std::vector<IndicatorDeclaration> mediation_indicators();      // 人民调解、矛盾纠纷排查化解、信访
std::vector<IndicatorDeclaration> legal_service_indicators();  // 公共法律服务、法律援助、公证
std::vector<IndicatorDeclaration> oversight_indicators();      // 人大建议政协提案、政务公开、督察整改
std::vector<IndicatorDeclaration> technology_indicators();     // 网上复议、网上信访、网络渠道诉求
std::vector<IndicatorDeclaration> leadership_indicators();     // 第一责任人、学法、普法

}  // namespace fazhi
