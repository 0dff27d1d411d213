// Sentence-level cases from cases/figures.txt: each sentence (our own writing) is
// reviewed as a one-line report and its figures compared with the table.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "review/utf.h"
#include "review_test_support.h"

namespace fazhi::review {
namespace {

struct SentenceCase {
  std::string id, sentence, expect;
  int line;
};

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  return s.substr(b);
}

std::vector<SentenceCase> load_cases() {
  std::vector<SentenceCase> out;
  std::ifstream in(std::string(FAZHI_TEST_CASES_DIR) + "/figures.txt");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('|'), b = line.find('|', a + 1);
    out.push_back({trim(line.substr(0, a)), trim(line.substr(a + 1, b - a - 1)), trim(line.substr(b + 1)), n});
  }
  return out;
}

std::string opt(const std::optional<std::string>& s) {
  return s ? *s : "-";
}
std::string num(const std::optional<double>& v) {
  if (!v) return "-";
  std::ostringstream o;
  o.precision(15);
  o << *v;
  return o.str();
}

class Sentences : public ::testing::TestWithParam<SentenceCase> {};

TEST_P(Sentences, Extracts) {
  const SentenceCase& c = GetParam();
  SourceText src{c.id, "text", "UTF-8", utf8_to_u32(c.sentence)};
  ReviewedReport r = testing_support::reviewer().review(src);
  std::vector<std::string> items;
  if (c.expect != "none") {
    std::stringstream ss(c.expect);
    std::string item;
    while (std::getline(ss, item, ';')) items.push_back(trim(item));
  }
  std::ostringstream got;
  for (const Figure& f : r.figures) got << opt(f.indicator) << " = " << f.text << "; ";
  ASSERT_EQ(r.figures.size(), items.size()) << "line " << c.line << ": got " << got.str();
  for (size_t i = 0; i < items.size(); ++i) {
    const Figure& f = r.figures[i];
    std::string item = items[i];
    std::string keys;
    size_t brace = item.find('{');
    if (brace != std::string::npos) {
      keys = item.substr(brace + 1, item.find('}') - brace - 1);
      item = trim(item.substr(0, brace));
    }
    size_t eq = item.find(" = ");
    EXPECT_EQ(opt(f.indicator), item.substr(0, eq))
        << "line " << c.line << " figure " << f.text << " label " << f.label;
    EXPECT_EQ(f.text, item.substr(eq + 3)) << "line " << c.line;
    std::stringstream ks(keys);
    std::string kv;
    while (ks >> kv) {
      std::string k = kv.substr(0, kv.find('=')), v = kv.substr(kv.find('=') + 1);
      if (k == "unit")
        EXPECT_EQ(opt(f.unit), v) << "line " << c.line;
      else if (k == "base")
        EXPECT_EQ(opt(f.base_unit), v) << "line " << c.line;
      else if (k == "qualifier")
        EXPECT_EQ(opt(f.qualifier), v) << "line " << c.line;
      else if (k == "scaled")
        EXPECT_EQ(num(f.scaled_value), v) << "line " << c.line;
      else
        ADD_FAILURE() << "unknown key " << k;
    }
  }
  for (const Defect& d : r.defects) {
    EXPECT_NE(d.kind, "rate_mismatch") << "line " << c.line << ": " << d.message;
    EXPECT_NE(d.kind, "part_exceeds_whole") << "line " << c.line << ": " << d.message;
  }
}

INSTANTIATE_TEST_SUITE_P(Table, Sentences, ::testing::ValuesIn(load_cases()),
                         [](const auto& info) { return info.param.id; });

}  // namespace
}  // namespace fazhi::review

namespace fazhi::review {
namespace {

struct CheckCase {
  std::string id, text;
  std::vector<std::string> kinds;
  int line;
};

std::vector<CheckCase> load_checks() {
  std::vector<CheckCase> out;
  std::ifstream in(std::string(FAZHI_TEST_CASES_DIR) + "/checks.txt");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('|'), b = line.rfind('|');
    CheckCase c{trim(line.substr(0, a)), trim(line.substr(a + 1, b - a - 1)), {}, n};
    for (size_t p; (p = c.text.find("\\n")) != std::string::npos;) c.text.replace(p, 2, "\n");
    std::stringstream ks(trim(line.substr(b + 1)));
    std::string k;
    while (ks >> k)
      if (k != "none") c.kinds.push_back(k);
    out.push_back(c);
  }
  return out;
}

class Checks : public ::testing::TestWithParam<CheckCase> {};

TEST_P(Checks, FireExactlyWhereExpected) {
  const CheckCase& c = GetParam();
  SourceText src{c.id, "text", "UTF-8", utf8_to_u32(c.text)};
  ReviewedReport r = testing_support::reviewer().review(src);
  std::vector<std::string> kinds;
  std::string messages;
  for (const Defect& d : r.defects) {
    kinds.push_back(d.kind);
    messages += d.kind + ": " + d.message + "\n";
  }
  EXPECT_EQ(kinds, c.kinds) << "line " << c.line << "\n" << messages;
}

INSTANTIATE_TEST_SUITE_P(Table, Checks, ::testing::ValuesIn(load_checks()),
                         [](const auto& info) { return info.param.id; });

}  // namespace
}  // namespace fazhi::review
