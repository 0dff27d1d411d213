// Whether a figure and the records behind it agree (indicator_engine.h's promise): the
// records listed are as many as the figure counts (for a ratio, as its numerator counts), or
// their field adds up to the sum, or holds as many distinct values as the figure says.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "indicator/indicator_engine.h"

namespace fazhi::testing {

// The stored value of `field` ("org_code": the owner) as text; empty when null.
inline std::string text_in(const LedgerDeclaration& ledger, const LedgerRecord& rec, const std::string& field) {
  if (field == "org_code") return rec.org_code;
  for (std::size_t i = 0; i < ledger.fields.size() && i < rec.values.size(); ++i) {
    if (ledger.fields[i].name != field) continue;
    const SqlValue& value = rec.values[i];
    if (is_null(value)) return "";
    if (auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
    if (auto* x = std::get_if<double>(&value)) return std::to_string(*x);
    return std::get<std::string>(value);
  }
  ADD_FAILURE() << ledger.name << " has no field " << field;
  return "";
}

inline double number_in(const LedgerDeclaration& ledger, const LedgerRecord& rec, const std::string& field) {
  const std::string text = text_in(ledger, rec, field);
  return text.empty() ? 0 : std::stod(text);
}

// Lists the records behind `v` for `query` and checks them against its current figure;
// failures name `where`.
inline void expect_drill_down_agrees(LedgerService& ledgers, const std::string& where, const IndicatorQuery& query,
                                     const IndicatorValue& v) {
  const IndicatorDeclaration& d = *v.indicator;
  IndicatorEngine engine(ledgers);
  auto r = engine.records(UserContext::system_context(), query, d.id);
  ASSERT_TRUE(r.has_value()) << where << ": records of " << d.id << ": " << r.error().full_message();
  const bool ratio = d.aggregate == IndicatorAggregate::kRatio;
  const IndicatorDeclaration& counted = ratio ? *find_indicator(d.numerator) : d;
  const double figure = ratio ? v.current.numerator : v.current.value.value_or(0);
  EXPECT_EQ(static_cast<std::int64_t>(r->records.size()), r->total) << where << ": a page of all records";
  switch (counted.aggregate) {
    case IndicatorAggregate::kCount:
    case IndicatorAggregate::kMissedDeadline:
      EXPECT_EQ(static_cast<double>(r->total), figure) << where << ": drill-down of " << d.id;
      break;
    case IndicatorAggregate::kSum: {
      double sum = 0;
      for (const auto& rec : r->records) sum += number_in(*r->ledger, rec, counted.field);
      EXPECT_NEAR(sum, figure, 1e-6) << where << ": the records behind " << d.id << " add up to it";
      break;
    }
    case IndicatorAggregate::kCountDistinct: {
      std::set<std::string> distinct;
      for (const auto& rec : r->records) {
        const std::string key = text_in(*r->ledger, rec, counted.field);
        if (!key.empty()) distinct.insert(key);
      }
      EXPECT_EQ(static_cast<double>(distinct.size()), figure) << where << ": distinct values behind " << d.id;
      break;
    }
    case IndicatorAggregate::kRatio:
      ADD_FAILURE() << where << ": a ratio's numerator is a ratio";
      break;
  }
}

}  // namespace fazhi::testing
