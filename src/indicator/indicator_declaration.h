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

// A condition on one column of the ledger's table: a declared field or "state".
struct IndicatorCondition {
  enum class Op {
    kIn,        // the stored value is one of `values` (enum values; "1"/"0" for booleans)
    kNotIn,     // it is none of `values` (an empty value also counts as "none of")
    kIsNull,    // empty
    kNotNull,   // filled
    kBefore,    // a date field is on or before the date in field `values[0]` (both filled)
    kAfter,     // a date field is after the date in field `values[0]` (both filled)
  };
  std::string field;
  Op op = Op::kIn;
  std::vector<std::string> values;
};

// How a record falls into the period [from, to].
enum class PeriodRule {
  kEvent,        // `date_field` lies within the period (received, concluded, issued …)
  kStandingAtEnd,// in force on the period's last day: `date_field` (start) on or before `to`,
                 // and `end_field` empty or after `to` (officers holding a valid certificate)
  kOverlapping,  // open at some time in the period: start on or before `to`, and `end_field`
                 // empty or on or after `from` (cases on hand, including those carried over)
  kAlways,       // no date: every record (a directory's size)
};

enum class IndicatorAggregate {
  kCount,          // records
  kSum,            // the sum of `field` over the records (integers or decimals)
  kCountDistinct,  // distinct non-empty values of `field`
  kRatio,          // numerator / denominator × 100, both other indicators' ids
  kMissedDeadline, // records that missed one of `time_limits` (see indicator_engine.h)
};

struct IndicatorDeclaration {
  std::string id;      // reconsideration.received
  std::string label;   // 收到行政复议申请
  std::string unit;    // 件, %, 人次 …
  std::string area;    // the report chapter area: disputes, enforcement …
  std::string ledger;  // the ledger whose records it reads (for a ratio: the numerator's)
  IndicatorAggregate aggregate = IndicatorAggregate::kCount;
  PeriodRule period = PeriodRule::kEvent;
  std::string date_field;  // the date that places a record in the period
  std::string end_field;   // kStandingAtEnd / kOverlapping: the date a record stops counting
  std::vector<IndicatorCondition> where;  // every condition holds
  std::vector<IndicatorCondition> any;    // and, when not empty, at least one of these
  std::string field;                      // kSum / kCountDistinct
  std::string numerator;                  // kRatio
  std::string denominator;                // kRatio
  std::vector<std::string> time_limits;   // kMissedDeadline: the limits' names
  int decimals = 0;    // shown with this many decimals (ratios: 2)
  std::string phrase;  // the report's wording, {value} and {unit} filled in: 收到行政复议申请{value}{unit}
  std::string definition;  // what is counted, in Chinese, for the drill-down page and the JSON report
  std::string breakdown_field;  // an optional field the figure is also broken down by
};

// Every declared indicator, in catalogue order (report areas, then the order within each).
const std::vector<IndicatorDeclaration>& indicator_catalogue();
// The indicator `id`, or nullptr.
const IndicatorDeclaration* find_indicator(std::string_view id);

// The declarations of each area, concatenated by indicator_catalogue().
std::vector<IndicatorDeclaration> dispute_indicators();

}  // namespace fazhi
