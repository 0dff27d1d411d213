#include "review_test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "review/source_reader.h"
#include "review/utf.h"

namespace fazhi::review::testing_support {

namespace {
std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
  return s.substr(b);
}
std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(trim(cur));
  return out;
}
}  // namespace

bool span_shows(const std::string& original_utf8, const std::string& figure_text) {
  // The original may be traditional with pinyin glosses: drop "(…)" groups of Latin
  // letters, then require the same length and the same digits.
  std::u32string o = utf8_to_u32(original_utf8), t = utf8_to_u32(figure_text);
  std::u32string cleaned;
  for (size_t i = 0; i < o.size(); ++i) {
    if (o[i] == U'(') {
      size_t j = i + 1;
      while (j < o.size() && o[j] != U')' && o[j] > 0x60 && o[j] < 0x300) ++j;
      if (j < o.size() && o[j] == U')' && j > i + 1) {
        i = j;
        continue;
      }
    }
    cleaned.push_back(o[i]);
  }
  if (cleaned.size() != t.size()) return false;
  auto digits = [](const std::u32string& s) {
    std::u32string d;
    for (char32_t c : s)
      if ((c >= U'0' && c <= U'9') || c == U'.') d.push_back(c);
    return d;
  };
  return digits(cleaned) == digits(t);
}

const Reviewer& reviewer() {
  static const Reviewer* r = [] {
    auto created = Reviewer::create();
    if (!created) {
      ADD_FAILURE() << created.error().full_message();
      std::abort();
    }
    return new Reviewer(std::move(created).value());
  }();
  return *r;
}

std::u32string decoded(const std::filesystem::path& path) {
  auto src = read_source(path);
  return src ? src->text : std::u32string();
}

Expected read_expected(const std::filesystem::path& path) {
  Expected e;
  std::ifstream in(path);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    size_t sp = line.find(' ');
    std::string op = line.substr(0, sp);
    std::string rest = sp == std::string::npos ? "" : trim(line.substr(sp + 1));
    if (op == "meta") {
      auto kv = split(rest, '=');
      e.meta.emplace_back(kv.at(0), kv.size() > 1 ? kv[1] : "");
    } else if (op == "chapter") {
      e.chapters.push_back(split(rest, '|'));
    } else if (op == "removed") {
      auto kv = split(rest, '|');
      e.removed.emplace_back(kv.at(0), kv.at(1));
    } else if (op == "defect") {
      auto kv = split(rest, '|');
      e.defects.emplace_back(kv.at(0), kv.at(1));
    } else if (op == "nodefect") {
      e.no_defects.push_back(rest);
    } else if (op == "redaction") {
      e.redactions.push_back(rest);
    } else if (op == "figure") {
      auto f = split(rest, '|');
      e.figures.push_back({f.at(0), f.at(1), f.at(2), n});
    } else if (op == "threshold") {
      auto kv = split(rest, '=');
      double v = std::stod(kv.at(1));
      if (kv[0] == "precision")
        e.min_precision = v;
      else if (kv[0] == "recall")
        e.min_recall = v;
      else if (kv[0] == "mapping")
        e.min_mapping = v;
    } else {
      ADD_FAILURE() << path << ":" << n << ": unknown line " << line;
    }
  }
  return e;
}

void expect_report(const ReviewedReport& r, const std::u32string& original, const Expected& e, bool all_figures) {
  // the text at a span, markup left out (spans in .html count characters of the source)
  auto at_span = [&](Span s) {
    if (s.end > original.size() || s.start > s.end) return std::string("<bad span>");
    std::u32string out;
    bool tag = false;
    for (char32_t c : original.substr(s.start, s.end - s.start)) {
      if (c == U'<')
        tag = true;
      else if (c == U'>')
        tag = false;
      else if (!tag)
        out.push_back(c);
    }
    return u32_to_utf8(out);
  };
  for (const auto& [k, v] : e.meta) {
    if (k == "region")
      EXPECT_EQ(r.region.value_or("-"), v) << "region";
    else if (k == "level")
      EXPECT_EQ(r.level.value_or("-"), v) << "level";
    else if (k == "report_year")
      EXPECT_EQ(r.report_year ? std::to_string(*r.report_year) : "-", v) << "report_year";
    else if (k == "title")
      EXPECT_EQ(r.title.value_or("-"), v) << "title";
    else
      ADD_FAILURE() << "unknown meta " << k;
  }
  for (const auto& c : e.chapters) {
    bool found = false;
    for (const Chapter& ch : r.chapters) {
      if (ch.id != c.at(0)) continue;
      found = true;
      EXPECT_EQ(ch.area.empty() ? "-" : ch.area, c.at(1)) << "chapter " << ch.id << " " << ch.title;
      EXPECT_NE((ch.marker + ch.title).find(c.at(2)), std::string::npos)
          << "chapter " << ch.id << " title " << ch.marker << ch.title;
    }
    EXPECT_TRUE(found) << "no chapter " << c.at(0);
  }
  for (const auto& [kind, text] : e.removed) {
    bool found = false;
    for (const Removal& m : r.removed) found |= m.kind == kind && m.text.find(text) != std::string::npos;
    EXPECT_TRUE(found) << "not removed: " << kind << " " << text;
  }
  for (const auto& [kind, text] : e.defects) {
    bool found = false;
    for (const Defect& d : r.defects) found |= d.kind == kind && at_span(d.span).find(text) != std::string::npos;
    EXPECT_TRUE(found) << "defect not found: " << kind << " at “" << text << "”";
  }
  for (const Defect& d : r.defects) {
    bool expected = false;
    for (const auto& [kind, text] : e.defects)
      expected |= d.kind == kind && at_span(d.span).find(text) != std::string::npos;
    if (all_figures) {
      EXPECT_TRUE(expected) << "unexpected defect " << d.kind << " at “" << at_span(d.span) << "”: " << d.message;
    }
    for (const auto& k : e.no_defects) EXPECT_NE(d.kind, k) << d.message;
  }
  for (const auto& red : e.redactions) {
    bool found = false;
    for (const Redaction& x : r.redactions) found |= x.text == red;
    EXPECT_TRUE(found) << "redaction not kept: " << red;
  }
  // Figures: align in order by text.
  size_t matched = 0, mapped_ok = 0, mapped_total = 0;
  std::vector<std::string> notes;
  size_t j = 0;
  std::vector<bool> used(r.figures.size(), false);
  for (const ExpectedFigure& x : e.figures) {
    bool found = false;
    for (size_t k = j; k < r.figures.size(); ++k) {
      const Figure& f = r.figures[k];
      if (used[k] || f.text != x.text) continue;
      found = true;
      used[k] = true;
      j = k + 1;
      ++matched;
      EXPECT_TRUE(span_shows(at_span(f.span), x.text))
          << "span of figure at line " << x.line << " shows “" << at_span(f.span) << "”";
      EXPECT_EQ(f.unit.value_or("-"), x.unit) << "unit of “" << x.text << "” (line " << x.line << ")";
      if (x.indicator != "-" || f.indicator) {
        ++mapped_total;
        if (f.indicator.value_or("-") == x.indicator)
          ++mapped_ok;
        else
          notes.push_back("  mapping: " + x.text + " [" + f.label + "] got " + f.indicator.value_or("-") + " want " +
                          x.indicator);
        if (f.indicator.value_or("-") != x.indicator && all_figures)
          ADD_FAILURE() << "indicator of “" << f.label << " " << x.text << "” (line " << x.line << "): got "
                        << f.indicator.value_or("-") << ", want " << x.indicator;
      }
      break;
    }
    if (all_figures) {
      EXPECT_TRUE(found) << "figure not found: " << x.text << " (line " << x.line << ")";
    }
    if (!found) notes.push_back("  missing: " + x.text + " (line " + std::to_string(x.line) + ")");
  }
  if (all_figures) {
    for (size_t k = 0; k < r.figures.size(); ++k) {
      EXPECT_TRUE(used[k]) << "unexpected figure “" << r.figures[k].text << "” label " << r.figures[k].label;
    }
  } else {
    double precision = r.figures.empty() ? 0 : double(matched) / r.figures.size();
    double recall = e.figures.empty() ? 0 : double(matched) / e.figures.size();
    double mapping = mapped_total ? double(mapped_ok) / mapped_total : 1.0;
    ::testing::Test::RecordProperty("precision", std::to_string(precision));
    ::testing::Test::RecordProperty("recall", std::to_string(recall));
    EXPECT_GE(precision, e.min_precision) << "figures " << r.figures.size() << ", matched " << matched;
    EXPECT_GE(recall, e.min_recall) << "expected " << e.figures.size() << ", matched " << matched;
    EXPECT_GE(mapping, e.min_mapping) << mapped_ok << " of " << mapped_total << " mapped as expected";
    if (precision < e.min_precision || recall < e.min_recall || mapping < e.min_mapping ||
        getenv("FAZHI_REVIEW_VERBOSE")) {
      for (size_t k = 0; k < r.figures.size(); ++k) {
        if (!used[k]) std::cerr << "  extra: " << r.figures[k].text << "  [" << r.figures[k].label << "]\n";
      }
      for (const auto& note : notes) std::cerr << note << "\n";
    }
  }
}

}  // namespace fazhi::review::testing_support
