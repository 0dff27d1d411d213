// Computes declared indicators (indicator_declaration.h) for an organisation's scope and a
// period, with the same period a year before, and lists the records behind any figure.
//
// Promises:
// - A figure counts the records owned by the organisation or any organisation below it
//   (the reconsideration body's cases, the defending organ's lawsuits), within what the
//   asking user may read; asking for an organisation outside one's scope is refused.
// - records() returns exactly the records behind a figure: for a count, the records counted;
//   for a sum, the records summed; for a ratio, the numerator's records; so the figure and
//   its drill-down always agree.
// - Indicators of one ledger are computed together, one query for the period and the year
//   before, so asking for every indicator costs about one scan of each ledger's period.
//   Counts that a ledger's monthly tally holds (ledger_tally.h) are summed from the tally
//   when the period is whole months (a year always is): the same figures, from thousands of
//   rows instead of millions.
// - A missed-deadline figure counts the records whose named time limit fell due before the
//   period's end and was met late or not at all, among the records open at some time in the
//   period (RULES.md; the working-day calendar decides every due date).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "indicator/indicator_declaration.h"
#include "ledger/ledger_service.h"

namespace fazhi {

// A closed range of days.
struct Period {
  Date from;
  Date to;

  // The calendar year `year`.
  static Period year(int year);
  // The same days one year earlier (29 February becomes 28 February).
  Period year_before() const;
};

// One slice of a figure broken down by a field.
struct IndicatorSlice {
  std::string key;    // the stored value (an org code, an enum value; empty for none)
  std::string label;  // its Chinese label
  double value = 0;
};

// A figure for one period: empty when it cannot be computed (a ratio over nothing).
struct IndicatorFigure {
  std::optional<double> value;
  double numerator = 0;                   // ratios: the numerator's figure; others: the figure itself
  double denominator = 0;                 // ratios only
  std::vector<IndicatorSlice> breakdown;  // when the indicator declares one
};

struct IndicatorValue {
  const IndicatorDeclaration* indicator = nullptr;
  IndicatorFigure current;
  IndicatorFigure previous;  // the same period a year before
  // current − previous (for ratios in percentage points); empty when either is empty.
  std::optional<double> change() const;
};

// What a figure is asked for: the organisation (empty: the user's own), the period, and
// which indicators (empty: all).
struct IndicatorQuery {
  std::string org;
  Period period;
  std::vector<std::string> ids;
};

// A page of the records behind a figure.
struct IndicatorRecords {
  const IndicatorDeclaration* indicator = nullptr;  // the indicator whose records these are
  const LedgerDeclaration* ledger = nullptr;
  std::int64_t total = 0;
  std::vector<LedgerRecord> records;
};

class IndicatorEngine {
 public:
  explicit IndicatorEngine(LedgerService& ledgers) : ledgers_(ledgers) {}

  // Every asked indicator's figure for the period and the year before, in catalogue order.
  Result<std::vector<IndicatorValue>> compute(const UserContext& user, const IndicatorQuery& query);

  // The records behind indicator `id` for the query's organisation and period, in id order;
  // `page` from 1, `page_size` 0 for all.
  Result<IndicatorRecords> records(const UserContext& user, const IndicatorQuery& query, std::string_view id,
                                   int page = 1, int page_size = 0);

  // The SQL text (with its parameters written in) that counts the figure: what the JSON
  // report prints so that a supervising government can reproduce it. For ratios, the
  // numerator's and denominator's queries joined by a line " / ".
  Result<std::string> reproducing_sql(const UserContext& user, const IndicatorQuery& query, std::string_view id);

 private:
  LedgerService& ledgers_;
};

// The figure as the report and the CLI print it: rounded to the indicator's decimals
// (half away from zero), with no trailing ".00" for whole counts.
std::string format_figure(const IndicatorDeclaration& indicator, double value);
// A figure for JSON (the API and `fazhi indicators --json`): null when empty, rounded to two
// decimals, and a whole number as an integer.
nlohmann::json figure_json(const std::optional<double>& value);

}  // namespace fazhi
