// Checks every declared indicator against the ledgers it reads: the ledger, the period's date
// fields, every condition's field, enum values, booleans and states, time limits, the summed
// or counted field, the breakdown, and a ratio's parts. And that every indicator id of
// INDICATORS.md (as listed in tests/ledger/cases/indicator_fields.txt) is declared, except
// the ones written down below with the reason they are not.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "indicator/indicator_declaration.h"
#include "indicator/indicator_sql.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_tally.h"

namespace fazhi {
namespace {

using ::testing::IsEmpty;
using Op = IndicatorCondition::Op;

// INDICATORS.md ids with no declaration of their own, and why.
const std::map<std::string, std::string> kNotDeclared = {
    {"services.business_start_days", "one committed figure for the whole chain, set by the city, not over records"},
    {"reconsideration.by_respondent", "the breakdown of reconsideration.received by respondent organ"},
};

const std::set<std::string> kAreas = {"functions", "institutions", "decisions",  "enforcement", "emergency",
                                      "disputes",  "oversight",    "technology", "leadership"};

bool is_date(const FieldDeclaration& f) {
  return f.type == FieldType::kDate || f.type == FieldType::kDateTime;
}

bool is_number(const FieldDeclaration& f) {
  return f.type == FieldType::kInteger || f.type == FieldType::kDecimal;
}

bool is_whole_number(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The field a declaration names on `ledger`: its own, or "<ref>.<field>" through a record
// reference; nullptr (with the reason in `problems`) when there is none.
const FieldDeclaration* resolve(const LedgerDeclaration& ledger, const std::string& name,
                                std::vector<std::string>& problems) {
  const auto dot = name.find('.');
  if (dot == std::string::npos) {
    const FieldDeclaration* f = ledger.field(name);
    if (f == nullptr) problems.push_back("ledger " + ledger.name + " has no field " + name);
    return f;
  }
  const FieldDeclaration* ref = ledger.field(name.substr(0, dot));
  if (ref == nullptr || ref->type != FieldType::kRecordRef) {
    problems.push_back(name + ": " + name.substr(0, dot) + " is not a record reference of " + ledger.name);
    return nullptr;
  }
  const LedgerDeclaration* referred = find_ledger(ref->ref_ledger);
  if (referred == nullptr) {
    problems.push_back(name + ": no ledger " + ref->ref_ledger);
    return nullptr;
  }
  return resolve(*referred, name.substr(dot + 1), problems);
}

void check_condition(const LedgerDeclaration& ledger, const IndicatorCondition& c, std::vector<std::string>& problems) {
  if (c.field == "state") {
    if (c.op != Op::kIn && c.op != Op::kNotIn) problems.push_back("state takes only in / not in");
    if (c.values.empty()) problems.push_back("state condition without states");
    for (const auto& v : c.values)
      if (ledger.state(v) == nullptr) problems.push_back("ledger " + ledger.name + " has no state " + v);
    return;
  }
  if (c.field == "org_code") return;
  const FieldDeclaration* f = resolve(ledger, c.field, problems);
  if (f == nullptr) return;
  switch (c.op) {
    case Op::kIn:
    case Op::kNotIn:
      if (c.values.empty()) problems.push_back(c.field + ": in / not in without values");
      for (const auto& v : c.values) {
        if (f->type == FieldType::kBoolean) {
          if (v != "1" && v != "0") problems.push_back(c.field + ": a boolean takes 1 or 0, not " + v);
        } else if (f->type == FieldType::kEnum) {
          if (std::none_of(f->options.begin(), f->options.end(), [&](const EnumOption& o) { return o.value == v; }))
            problems.push_back(c.field + " has no option " + v);
        } else if (f->type == FieldType::kInteger) {
          if (!is_whole_number(v)) problems.push_back(c.field + ": not a whole number " + v);
        } else {
          problems.push_back(c.field + ": in / not in on a field that is neither enum, boolean nor integer");
        }
      }
      break;
    case Op::kIsNull:
    case Op::kNotNull:
      if (!c.values.empty()) problems.push_back(c.field + ": null test with values");
      break;
    case Op::kBefore:
    case Op::kAfter: {
      if (!is_date(*f)) problems.push_back(c.field + ": before / after on a field that is not a date");
      if (c.values.size() != 1) {
        problems.push_back(c.field + ": before / after names exactly one other date field");
        break;
      }
      const FieldDeclaration* other = resolve(ledger, c.values[0], problems);
      if (other != nullptr && !is_date(*other)) problems.push_back(c.values[0] + " is not a date");
      break;
    }
    case Op::kMetTimeLimit: {
      if (c.values.size() != 1) {
        problems.push_back(c.field + ": a met time limit names exactly one limit");
        break;
      }
      const auto& limits = ledger.time_limits;
      const auto limit = std::find_if(limits.begin(), limits.end(),
                                      [&](const TimeLimitDeclaration& t) { return t.name == c.values[0]; });
      if (limit == limits.end())
        problems.push_back("ledger " + ledger.name + " has no time limit " + c.values[0]);
      else if (limit->until != c.field)
        problems.push_back("time limit " + c.values[0] + " is met by " + limit->until + ", not " + c.field);
      break;
    }
  }
}

std::vector<std::string> problems_of(const IndicatorDeclaration& d) {
  std::vector<std::string> problems;
  if (d.label.empty() || d.unit.empty() || d.definition.empty()) problems.push_back("label, unit or definition empty");
  if (d.phrase.find("{value}") == std::string::npos) problems.push_back("phrase without {value}");
  if (!kAreas.contains(d.area)) problems.push_back("unknown area " + d.area);
  const auto dot = d.id.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == d.id.size()) problems.push_back("id is not area.name");
  const LedgerDeclaration* ledger = find_ledger(d.ledger);
  if (ledger == nullptr) {
    problems.push_back("no ledger " + d.ledger);
    return problems;
  }
  if (d.aggregate == IndicatorAggregate::kRatio) {
    if (d.unit != "%" || d.decimals != 2) problems.push_back("a rate is in % with two decimals");
    for (const auto* part : {&d.numerator, &d.denominator}) {
      const IndicatorDeclaration* p = find_indicator(*part);
      if (p == nullptr) {
        problems.push_back("ratio part " + *part + " is not declared");
        continue;
      }
      if (p->aggregate == IndicatorAggregate::kRatio) problems.push_back("ratio part " + *part + " is itself a ratio");
    }
    const IndicatorDeclaration* numerator = find_indicator(d.numerator);
    if (numerator != nullptr && numerator->ledger != d.ledger)
      problems.push_back("a ratio's ledger is its numerator's (" + numerator->ledger + ")");
    return problems;
  }
  switch (d.period) {
    case PeriodRule::kAlways:
      if (!d.date_field.empty() || !d.end_field.empty()) problems.push_back("kAlways with a date field");
      break;
    case PeriodRule::kYear:
    case PeriodRule::kYearOnOrBefore:
      if (const auto* f = resolve(*ledger, d.date_field, problems); f && f->type != FieldType::kInteger)
        problems.push_back("year rule on " + d.date_field + ", which is not an integer year");
      break;
    case PeriodRule::kEvent:
    case PeriodRule::kStandingAtEnd:
    case PeriodRule::kOverlapping:
      if (const auto* f = resolve(*ledger, d.date_field, problems); f && !is_date(*f))
        problems.push_back("date field " + d.date_field + " is not a date");
      if (d.period != PeriodRule::kEvent) {
        if (const auto* f = resolve(*ledger, d.end_field, problems); f && !is_date(*f))
          problems.push_back("end field " + d.end_field + " is not a date");
      } else if (!d.end_field.empty()) {
        problems.push_back("an event has no end field");
      }
      break;
  }
  for (const auto& c : d.where) check_condition(*ledger, c, problems);
  for (const auto& c : d.any) check_condition(*ledger, c, problems);
  for (const auto& group : d.any_groups) {
    if (group.size() < 2) problems.push_back("an any-group of fewer than two conditions");
    for (const auto& c : group) check_condition(*ledger, c, problems);
  }
  switch (d.aggregate) {
    case IndicatorAggregate::kSum:
      if (const auto* f = resolve(*ledger, d.field, problems); f && !is_number(*f))
        problems.push_back("sum of " + d.field + ", which is not a number");
      break;
    case IndicatorAggregate::kCountDistinct:
      if (d.field != "org_code") resolve(*ledger, d.field, problems);
      break;
    case IndicatorAggregate::kMissedDeadline:
      for (const auto& name : d.time_limits)
        if (std::none_of(ledger->time_limits.begin(), ledger->time_limits.end(),
                         [&](const TimeLimitDeclaration& t) { return t.name == name; }))
          problems.push_back("ledger " + d.ledger + " has no time limit " + name);
      break;
    case IndicatorAggregate::kCount:
    case IndicatorAggregate::kRatio:
      if (!d.field.empty()) problems.push_back("a count names no field");
      break;
  }
  if (!d.breakdown_field.empty()) {
    if (const auto* f = resolve(*ledger, d.breakdown_field, problems);
        f && f->type != FieldType::kEnum && f->type != FieldType::kOrgRef && f->type != FieldType::kBoolean)
      problems.push_back("breakdown by " + d.breakdown_field + ", which is not an enum, boolean or organisation");
  }
  return problems;
}

TEST(IndicatorCatalogue, EveryDeclarationReadsWhatItsLedgerHas) {
  for (const auto& d : indicator_catalogue()) {
    EXPECT_THAT(problems_of(d), IsEmpty()) << d.id;
  }
}

TEST(IndicatorCatalogue, TheCheckFindsWhatIsWrong) {
  // A declaration that gets each thing wrong once; the check names every one.
  IndicatorDeclaration d{.id = "services.wrong",
                         .label = "错误示例",
                         .unit = "件",
                         .area = "functions",
                         .ledger = "hotline_ticket",
                         .date_field = "kind",
                         .where = {{"kind", Op::kIn, {"no_such_kind"}},
                                   {"on_time", Op::kIn, {"true"}},
                                   {"state", Op::kIn, {"closed"}},
                                   {"closed_at", Op::kMetTimeLimit, {"no_limit"}},
                                   {"no_field", Op::kNotNull, {}}},
                         .phrase = "错误{value}{unit}",
                         .definition = "用于检验声明检查"};
  EXPECT_THAT(problems_of(d),
              ::testing::UnorderedElementsAre(
                  "date field kind is not a date", "kind has no option no_such_kind",
                  "on_time: a boolean takes 1 or 0, not true", "ledger hotline_ticket has no state closed",
                  "ledger hotline_ticket has no time limit no_limit", "ledger hotline_ticket has no field no_field"));
  IndicatorDeclaration rate{.id = "services.wrong_rate",
                            .label = "错误比率",
                            .unit = "%",
                            .area = "functions",
                            .ledger = "service_item",
                            .aggregate = IndicatorAggregate::kRatio,
                            .numerator = "hotline.tickets",
                            .denominator = "no_such.indicator",
                            .decimals = 2,
                            .phrase = "{value}{unit}",
                            .definition = "用于检验声明检查"};
  EXPECT_THAT(problems_of(rate),
              ::testing::UnorderedElementsAre("ratio part no_such.indicator is not declared",
                                              "a ratio's ledger is its numerator's (hotline_ticket)"));
}

TEST(IndicatorCatalogue, IdsAreUniqueAndFound) {
  std::set<std::string> ids;
  for (const auto& d : indicator_catalogue()) {
    EXPECT_TRUE(ids.insert(d.id).second) << d.id << " declared twice";
    EXPECT_EQ(find_indicator(d.id), &d) << d.id;
  }
  EXPECT_EQ(find_indicator("no_such.indicator"), nullptr);
}

// The ids of INDICATORS.md, as tests/ledger/cases/indicator_fields.txt lists them.
std::vector<std::string> indicators_md_ids() {
  std::vector<std::string> ids;
  std::ifstream in(FAZHI_INDICATOR_FIELDS_FILE);
  EXPECT_TRUE(in) << FAZHI_INDICATOR_FIELDS_FILE;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string id;
    if (words >> id && id[0] != '#') ids.push_back(id);
  }
  return ids;
}

TEST(IndicatorCatalogue, EveryIndicatorOfIndicatorsMdIsDeclared) {
  const auto ids = indicators_md_ids();
  EXPECT_GE(ids.size(), 120u);
  for (const auto& id : ids) {
    if (kNotDeclared.contains(id)) {
      EXPECT_EQ(find_indicator(id), nullptr) << id << " is declared now: drop it from kNotDeclared";
      continue;
    }
    EXPECT_NE(find_indicator(id), nullptr) << id << " of INDICATORS.md is not declared";
  }
}

TEST(IndicatorCatalogue, AreasFollowTheReportsChapters) {
  // The catalogue lists areas in the order of the report's chapters, never going back to one.
  const std::vector<std::string> chapters = {"functions", "institutions", "decisions",  "enforcement", "emergency",
                                             "disputes",  "oversight",    "technology", "leadership"};
  std::size_t at = 0;
  for (const auto& d : indicator_catalogue()) {
    const auto it = std::find(chapters.begin() + static_cast<long>(at), chapters.end(), d.area);
    ASSERT_NE(it, chapters.end()) << d.id << " in area " << d.area << " comes after a later chapter";
    at = static_cast<std::size_t>(it - chapters.begin());
  }
}

TEST(IndicatorCatalogue, StatesTheRightReadingOfChosenDefinitions) {
  // The readings INDICATORS.md leaves open, as fazhi decides them.
  const auto* good = find_indicator("ratings.good");
  ASSERT_NE(good, nullptr);
  ASSERT_EQ(good->where.size(), 1u);
  EXPECT_THAT(good->where[0].values, ::testing::ElementsAre("3", "4", "5"));  // 好评: 非常满意、满意、基本满意
  const auto* officers = find_indicator("enforcement.officers");
  ASSERT_NE(officers, nullptr);
  EXPECT_EQ(officers->period, PeriodRule::kStandingAtEnd);
  EXPECT_EQ(officers->aggregate, IndicatorAggregate::kCountDistinct);
  const auto* success = find_indicator("mediation.success_rate");
  ASSERT_NE(success, nullptr);
  EXPECT_EQ(success->denominator, "mediation.concluded");  // succeeded ÷ concluded in the period
}

}  // namespace
}  // namespace fazhi

namespace fazhi {
namespace {

TEST(IndicatorCatalogue, CountsOfLargeLedgersAreReadFromTheirMonthlyTallies) {
  // A ledger of millions of rows declares monthly tallies (ledger_declaration.h): every count
  // over it by the month of a tally's date field must name only that tally's columns, or a
  // year's figure would read millions of records. Only a figure checked record by record
  // against the working-day calendar (the bad ratings followed up on time: a few thousand)
  // reads the records.
  int checked = 0;
  for (const auto& d : indicator_catalogue()) {
    const LedgerDeclaration* l = find_ledger(d.ledger);
    ASSERT_NE(l, nullptr) << d.id;
    for (const auto& t : l->monthly_tallies) {
      SCOPED_TRACE(d.id + " / " + monthly_tally_table(*l, t));
      for (const auto& name : t.columns) EXPECT_TRUE(name == "state" || l->field(name) != nullptr) << name;
      const FieldDeclaration* date = l->field(t.date_field);
      ASSERT_NE(date, nullptr);
      EXPECT_TRUE(date->type == FieldType::kDate || date->type == FieldType::kDateTime);
      if (d.aggregate == IndicatorAggregate::kRatio || d.date_field != t.date_field || needs_record_check(d)) continue;
      EXPECT_EQ(d.aggregate, IndicatorAggregate::kCount);
      EXPECT_EQ(d.period, PeriodRule::kEvent);
      EXPECT_NE(find_monthly_tally(*l, d.date_field, indicator_condition_fields(d)), nullptr)
          << "no tally holds the fields it counts by";
      ++checked;
    }
  }
  EXPECT_GE(checked, 10);  // 6 counts of 12345 tickets, 4 of 好差评 ratings
}

}  // namespace
}  // namespace fazhi
