// A report area's indicators on a small hand-built data set, on either backend: a table in
// cases/<area>.txt holds the records (on LedgerFixture's organisation tree) and the right
// figure of each indicator for an organisation and a year, as the report prints it. Every
// figure is also checked against its drill-down (drill_down_agreement.h).
//
// The table's lines, columns separated by spaces:
//   record <name|-> <ledger> <owner org> [state=<state>] <field>=<value> …
//       a record; a value "@name" is the id of the record named so earlier (references);
//       in a text value "~" stands for a space
//   expect <indicator id> <org> <year> <figure>
//       the figure for the calendar year, formatted as the report prints it; "-" when empty
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "drill_down_agreement.h"
#include "indicator/indicator_engine.h"
#include "ledger/ledger_fixture.h"

namespace fazhi::testing {

class AreaIndicatorTest : public LedgerFixture {
 protected:
  // Loads cases/<file> and checks every expected figure and its drill-down.
  void run_cases(const std::string& file) {
    std::ifstream in(std::string(FAZHI_TEST_CASES_DIR) + "/" + file);
    ASSERT_TRUE(in) << "cannot open " << file;
    int number = 0;
    std::vector<std::pair<int, std::vector<std::string>>> expectations;
    for (std::string line; std::getline(in, line);) {
      ++number;
      std::istringstream words(line);
      std::vector<std::string> columns;
      for (std::string w; words >> w;) {
        if (w[0] == '#') break;
        columns.push_back(w);
      }
      if (columns.empty()) continue;
      const std::string where = file + ":" + std::to_string(number);
      if (columns[0] == "record") {
        ASSERT_GE(columns.size(), 4u) << where;
        add_record(where, columns);
        if (HasFailure()) return;
      } else if (columns[0] == "expect") {
        ASSERT_EQ(columns.size(), 5u) << where;
        expectations.emplace_back(number, columns);
      } else {
        FAIL() << where << ": unknown line " << columns[0];
      }
    }
    ASSERT_FALSE(expectations.empty()) << file << " expects nothing";
    for (const auto& [line, c] : expectations) check_figure(file + ":" + std::to_string(line), c);
  }

 private:
  void add_record(const std::string& where, const std::vector<std::string>& c) {
    const LedgerDeclaration* ledger = find_ledger(c[2]);
    ASSERT_NE(ledger, nullptr) << where << ": no ledger " << c[2];
    nlohmann::json body = {{"org_code", c[3]}, {"fields", nlohmann::json::object()}};
    for (std::size_t i = 4; i < c.size(); ++i) {
      const auto eq = c[i].find('=');
      ASSERT_NE(eq, std::string::npos) << where << ": " << c[i];
      const std::string name = c[i].substr(0, eq);
      const std::string text = c[i].substr(eq + 1);
      if (name == "state") {
        body["state"] = text;
        continue;
      }
      const FieldDeclaration* f = ledger->field(name);
      ASSERT_NE(f, nullptr) << where << ": " << ledger->name << " has no field " << name;
      body["fields"][name] = json_of(*f, text, where);
    }
    auto r = service_->create(UserContext::system_context(), *ledger, body);
    ASSERT_TRUE(r.has_value()) << where << ": " << r.error().full_message();
    if (c[1] != "-") ids_[c[1]] = r->id;
  }

  nlohmann::json json_of(const FieldDeclaration& f, const std::string& text, const std::string& where) {
    if (!text.empty() && text[0] == '@') {
      auto it = ids_.find(text.substr(1));
      EXPECT_NE(it, ids_.end()) << where << ": no record named " << text;
      return it == ids_.end() ? nlohmann::json() : nlohmann::json(it->second);
    }
    switch (f.type) {
      case FieldType::kInteger:
      case FieldType::kPersonRef:
      case FieldType::kRecordRef:
        return std::stoll(text);
      case FieldType::kBoolean:
        return text == "1";
      case FieldType::kText:
      case FieldType::kLongText: {
        std::string spaced = text;
        std::replace(spaced.begin(), spaced.end(), '~', ' ');
        return spaced;
      }
      default:
        return text;
    }
  }

  // The figure of `id` for `org` and `year`, computed once per (org, year).
  const IndicatorValue* value_of(const std::string& id, const std::string& org, int year, const std::string& where) {
    auto key = std::make_pair(org, year);
    if (!values_.contains(key)) {
      IndicatorEngine engine(*service_);
      auto r = engine.compute(UserContext::system_context(), {.org = org, .period = Period::year(year), .ids = {}});
      EXPECT_TRUE(r.has_value()) << where << ": " << r.error().full_message();
      if (!r.has_value()) return nullptr;
      values_[key] = std::move(r).value();
    }
    for (const auto& v : values_[key])
      if (v.indicator->id == id) return &v;
    ADD_FAILURE() << where << ": no figure for " << id;
    return nullptr;
  }

  void check_figure(const std::string& where, const std::vector<std::string>& c) {
    const std::string& id = c[1];
    const std::string& org = c[2];
    const int year = std::stoi(c[3]);
    const IndicatorValue* v = value_of(id, org, year, where);
    if (v == nullptr) return;
    const IndicatorDeclaration& d = *v->indicator;
    const std::string shown = v->current.value ? format_figure(d, *v->current.value) : "-";
    EXPECT_EQ(shown, c[4]) << where << ": " << id << " for " << org << " in " << year;
    expect_drill_down_agrees(*service_, where, {.org = org, .period = Period::year(year), .ids = {}}, *v);
  }

  std::map<std::string, std::int64_t> ids_;
  std::map<std::pair<std::string, int>, std::vector<IndicatorValue>> values_;
};

}  // namespace fazhi::testing
