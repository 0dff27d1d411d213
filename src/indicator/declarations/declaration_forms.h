// The common forms an indicator declaration takes, so that each area's file reads as a list of
// figures rather than of struct fields: records dated in the period, a sum over them, a
// directory's size at the period's end, and a percentage of two other indicators. Each returns
// a full IndicatorDeclaration that the area's file may adjust (a breakdown, another period rule).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "indicator/indicator_declaration.h"

namespace fazhi::indicator_forms {

using Op = IndicatorCondition::Op;

// What every form shares: the id, the Chinese label, the unit, the report area and the ledger.
struct Figure {
  std::string id;
  std::string label;
  std::string unit;
  std::string area;
  std::string ledger;
};

// The records of the ledger whose `date_field` lies in the period and that meet `where`.
inline IndicatorDeclaration event_count(Figure f, std::string date_field, std::vector<IndicatorCondition> where,
                                        std::string phrase, std::string definition) {
  return {.id = std::move(f.id),
          .label = std::move(f.label),
          .unit = std::move(f.unit),
          .area = std::move(f.area),
          .ledger = std::move(f.ledger),
          .aggregate = IndicatorAggregate::kCount,
          .period = PeriodRule::kEvent,
          .date_field = std::move(date_field),
          .where = std::move(where),
          .phrase = std::move(phrase),
          .definition = std::move(definition)};
}

// The sum of `field` over the records event_count() would count.
inline IndicatorDeclaration event_sum(Figure f, std::string date_field, std::string field,
                                      std::vector<IndicatorCondition> where, std::string phrase, std::string definition,
                                      int decimals = 0) {
  auto d = event_count(std::move(f), std::move(date_field), std::move(where), std::move(phrase), std::move(definition));
  d.aggregate = IndicatorAggregate::kSum;
  d.field = std::move(field);
  d.decimals = decimals;
  return d;
}

// The records in force on the period's last day: `start_field` on or before it, `end_field`
// empty or after it.
inline IndicatorDeclaration standing_count(Figure f, std::string start_field, std::string end_field,
                                           std::vector<IndicatorCondition> where, std::string phrase,
                                           std::string definition) {
  auto d =
      event_count(std::move(f), std::move(start_field), std::move(where), std::move(phrase), std::move(definition));
  d.period = PeriodRule::kStandingAtEnd;
  d.end_field = std::move(end_field);
  return d;
}

// The records of a directory without dates (a catalogue's items, a list's entries) that meet
// `where` as they stand now.
inline IndicatorDeclaration directory_count(Figure f, std::vector<IndicatorCondition> where, std::string phrase,
                                            std::string definition) {
  auto d = event_count(std::move(f), "", std::move(where), std::move(phrase), std::move(definition));
  d.period = PeriodRule::kAlways;
  return d;
}

// numerator / denominator × 100, two decimals; both are other indicators' ids, and the ledger
// is the numerator's.
inline IndicatorDeclaration percentage(std::string id, std::string label, std::string area, std::string ledger,
                                       std::string numerator, std::string denominator, std::string phrase,
                                       std::string definition) {
  return {.id = std::move(id),
          .label = std::move(label),
          .unit = "%",
          .area = std::move(area),
          .ledger = std::move(ledger),
          .aggregate = IndicatorAggregate::kRatio,
          .numerator = std::move(numerator),
          .denominator = std::move(denominator),
          .decimals = 2,
          .phrase = std::move(phrase),
          .definition = std::move(definition)};
}

}  // namespace fazhi::indicator_forms
