#include "report/consistency_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>

#include "indicator/indicator_declaration.h"
#include "review/utf.h"

namespace fazhi {
namespace {

bool same_figure(double typed, int decimals, double computed) {
  double scale = std::pow(10.0, decimals);
  return std::abs(typed - std::round(computed * scale) / scale) < 0.5 / scale + 1e-9;
}

// Years named at the start of a paragraph ("2023年，…").
int leading_year(const std::string& text) {
  if (text.size() < 7 || text.compare(4, 3, "年") != 0) return 0;
  for (int i = 0; i < 4; ++i)
    if (text[i] < '0' || text[i] > '9') return 0;
  return std::atoi(text.substr(0, 4).c_str());
}

// The indicator's wording before its number: "收到行政复议申请" of "收到行政复议申请{value}{unit}".
std::string phrase_prefix(const IndicatorDeclaration& d) {
  std::string phrase = d.phrase.empty() ? d.label + "{value}" : d.phrase;
  size_t at = phrase.find("{value}");
  return at == std::string::npos ? "" : phrase.substr(0, at);
}

struct WrittenNumber {
  double value = 0;
  int decimals = 0;
  size_t end = 0;  // just after the number (and its 万)
};

// The number written at `at` (digits, a decimal point, thousands commas; a following 万
// scales it unless the unit itself is in 万), or nullopt when no digit stands there.
std::optional<WrittenNumber> number_at(const std::string& text, size_t at, std::string_view unit) {
  std::string digits;
  int decimals = -1;
  size_t i = at;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      if (decimals >= 0) ++decimals;
    } else if (c == '.' && decimals < 0 && !digits.empty()) {
      digits += c;
      decimals = 0;
    } else if (c != ',') {
      break;
    }
  }
  if (digits.empty()) return std::nullopt;
  WrittenNumber n{std::atof(digits.c_str()), std::max(decimals, 0), i};
  if (text.compare(i, 3, "万") == 0) {
    n.end = i + 3;
    if (unit.substr(0, 3) != "万") n.value *= 10000;
  }
  return n;
}

}  // namespace

std::string plain_text(const ReportDocument& document) {
  std::string out = document.title + "\n";
  for (const auto& b : document.blocks) out += b.text + "\n";
  if (!document.date_text.empty()) out += document.org_name + "\n" + document.date_text + "\n";
  return out;
}

std::vector<ConsistencyFinding> check_consistency(const ReportDocument& doc, const std::vector<ExpectedPart>& expected,
                                                  const review::Reviewer* reviewer) {
  std::vector<ConsistencyFinding> out;
  for (const auto& f : doc.figures) {
    if (!f.value) {
      // A rate over no records cannot be computed and is left out of the text: advice only.
      out.push_back(
          {"empty_slot", !f.ratio, f.indicator,
           f.ratio ? fmt::format("比率「{}」（{}）本年度分母为零，报告正文不列此项", f.label, f.indicator)
                   : fmt::format("指标「{}」（{}）本年度没有可计算的数据，请核对台账后再发布", f.label, f.indicator)});
      continue;
    }
    if (f.ratio) {
      const IndicatorDeclaration* d = find_indicator(f.indicator);
      if (f.denominator > 0 && std::abs(f.numerator / f.denominator * 100.0 - *f.value) > 0.005)
        out.push_back(
            {"rate_mismatch", true, f.indicator,
             fmt::format("比率「{}」为{}%，与其分子{}、分母{}不符", f.label, f.text, f.numerator, f.denominator)});
      for (const auto& [part, figure_value] :
           {std::pair{d ? d->numerator : "", f.numerator}, std::pair{d ? d->denominator : "", f.denominator}}) {
        const ReportFigure* counted = part.empty() ? nullptr : doc.figure(part);
        if (counted && counted->value && std::abs(*counted->value - figure_value) > 1e-9)
          out.push_back({"rate_mismatch", true, f.indicator,
                         fmt::format("比率「{}」所用的{}与报告中「{}」的数字{}不一致", f.label, figure_value,
                                     counted->label, counted->text)});
      }
    }
  }
  for (const auto& b : doc.blocks) {
    int y = leading_year(b.text);
    if (b.kind == BlockKind::kParagraph && y > 0 && y < doc.year && b.figures_sentence)
      out.push_back({"stale_figure", true, "",
                     fmt::format("数字段落「{}…」属于{}年，早于报告年度{}年", b.text.substr(0, 30), y, doc.year)});
  }
  for (const auto& e : expected)
    if (!e.handed_in)
      out.push_back(
          {"missing_part", true, "", fmt::format("{}本年度有台账记录，但尚未报送或未通过年度报告材料", e.org_name)});
  // A figure typed into the text: the indicator's own wording followed by a number that is
  // not the computed one. (Matching the indicator's phrase, not the review engine's broader
  // mapping, so that a sentence about a neighbouring figure is never mistaken for it.)
  // Several indicators may share a wording (满意率 of the hotline and of the suggestions):
  // a number is typed wrong only when it is none of the figures worded so.
  std::map<std::string, std::vector<const ReportFigure*>> by_prefix;
  for (const auto& f : doc.figures) {
    const IndicatorDeclaration* d = find_indicator(f.indicator);
    std::string prefix = d ? phrase_prefix(*d) : "";
    if (f.value && prefix.size() >= 9) by_prefix[prefix].push_back(&f);  // three characters at least
  }
  for (const auto& [prefix, figures] : by_prefix) {
    for (const auto& b : doc.blocks) {
      if (b.kind != BlockKind::kParagraph) continue;
      for (size_t at = b.text.find(prefix); at != std::string::npos; at = b.text.find(prefix, at + 1)) {
        auto typed = number_at(b.text, at + prefix.size(), figures.front()->unit);
        if (!typed) continue;
        // "合格率" inside "学法考试合格率": the longer wording's figures are the ones meant.
        size_t end = at + prefix.size();
        bool longer = false;
        for (const auto& [other, unused] : by_prefix)
          longer = longer || (other.size() > prefix.size() && other.size() <= end &&
                              b.text.compare(end - other.size(), other.size(), other) == 0);
        if (longer) continue;
        bool known = false;
        std::string computed;
        for (const ReportFigure* f : figures) {
          known = known || same_figure(typed->value, typed->decimals, *f->value);
          computed += (computed.empty() ? "" : "、") + fmt::format("「{}」{}{}", f->label, f->text, f->unit);
        }
        if (!known)
          out.push_back(
              {"typed_figure", true, figures.front()->indicator,
               fmt::format("正文“{}”中写的数字与计算所得的{}不一致", b.text.substr(at, typed->end - at), computed)});
      }
    }
  }
  if (reviewer) {
    std::string text = plain_text(doc);
    review::SourceText source{"年度报告", "text", "UTF-8", review::utf8_to_u32(text)};
    review::ReviewedReport reviewed = reviewer->review(source);
    for (const auto& defect : reviewed.defects) out.push_back({"review:" + defect.kind, false, "", defect.message});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.blocking > b.blocking; });
  return out;
}

}  // namespace fazhi
