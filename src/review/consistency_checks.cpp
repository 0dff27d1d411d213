#include "review/consistency_checks.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "review/utf.h"

namespace fazhi::review {

namespace {

// rate = numerator / denominator, as INDICATORS.md defines them.
struct RateRule {
  const char* rate;
  const char* numerator;
  const char* denominator;
};
constexpr RateRule kRateRules[] = {
    {"litigation.win_rate", "litigation.won", "litigation.concluded"},
    {"litigation.loss_rate", "litigation.lost", "litigation.concluded"},
    {"reconsideration.correction_rate", "reconsideration.corrected", "reconsideration.concluded"},
    {"reconsideration.mediation_rate", "reconsideration.mediated", "reconsideration.concluded"},
    {"mediation.success_rate", "mediation.succeeded", "mediation.disputes"},
    {"disputes.resolution_rate", "disputes.resolved", "disputes.found"},
};

// part <= whole, when both are stated in one sentence.
struct PartRule {
  const char* part;
  const char* whole;
};
constexpr PartRule kPartRules[] = {
    {"reconsideration.accepted", "reconsideration.received"},
    {"reconsideration.not_accepted", "reconsideration.received"},
    {"reconsideration.corrected", "reconsideration.concluded"},
    {"reconsideration.maintained", "reconsideration.concluded"},
    {"reconsideration.mediated", "reconsideration.concluded"},
    {"litigation.won", "litigation.concluded"},
    {"litigation.lost", "litigation.concluded"},
    {"mediation.succeeded", "mediation.disputes"},
    {"criminal_transfer.filed", "criminal_transfer.cases"},
};

struct WrongCharacter {
  const char* wrong;
  const char* right;
};
// Slips seen in government reports (and in proofreading lists for 公文).
constexpr WrongCharacter kWrongCharacters[] = {
    {"部暑", "部署"},         {"布署", "部署"},         {"贯切", "贯彻"},         {"按排", "安排"},
    {"再接再励", "再接再厉"}, {"一股作气", "一鼓作气"}, {"迫不急待", "迫不及待"}, {"坐阵", "坐镇"},
    {"一如继往", "一如既往"}, {"按步就班", "按部就班"}, {"法制政府", "法治政府"}, {"行政复义", "行政复议"},
    {"复仪", "复议"},         {"备按", "备案"},         {"合法姓", "合法性"},     {"规范姓", "规范性"},
    {"权利清单", "权力清单"}, {"台帐", "台账"},         {"帐户", "账户"},         {"做为", "作为"},
    {"营商坏境", "营商环境"}, {"严历", "严厉"},         {"截止目前", "截至目前"}, {"矛盾纠分", "矛盾纠纷"},
    {"执法必究", "违法必究"}, {"依法制国", "依法治国"}, {"既使", "即使"},         {"震憾", "震撼"},
    {"松驰", "松弛"},         {"篮图", "蓝图"},         {"精减机构", "精简机构"}, {"指导思相", "指导思想"},
    {"不径而走", "不胫而走"}, {"甘败下风", "甘拜下风"}, {"针贬", "针砭"},         {"事迹斑斑", "劣迹斑斑"},
    {"防碍", "妨碍"},         {"法治话", "法治化"},     {"规范话", "规范化"},     {"制度话", "制度化"},
    {"信息话", "信息化"},     {"便利话", "便利化"},     {"标准话", "标准化"},     {"常态话", "常态化"},
    {"精细话", "精细化"},
};

bool is_share_label(const std::string& label) {
  static const RE2 share("率|占比|比例|比重|覆盖|达标|满意度|知晓");
  static const RE2 change(
      "同比|环比|增长|上升|下降|提高|提升|减少|增加|增幅|降幅|较上年|比上年|比去年|较去年|增速|翻|"
      "完成|执行|达成|超额|计划|目标");
  return RE2::PartialMatch(label, share) && !RE2::PartialMatch(label, change);
}

bool starts_with_u32(std::u32string_view t, size_t at, std::u32string_view p) {
  return at + p.size() <= t.size() && t.substr(at, p.size()) == p;
}

std::string figure_quote(const Figure& f) {
  return "“" + f.label + f.text + "”";
}

double magnitude(const Figure& f) {
  return f.scaled_value ? *f.scaled_value : f.value;
}
std::string base_of(const Figure& f) {
  if (f.base_unit) return *f.base_unit;
  if (f.scaled_value) return "";
  return f.unit ? *f.unit : "";
}

// The stated figure with `indicator` nearest to `from` in the same paragraph, or null.
const Figure* nearest(const std::vector<Figure>& figs, size_t from, const char* indicator, bool same_sentence) {
  const Figure* best = nullptr;
  long best_d = 0;
  for (const Figure& g : figs) {
    if (!g.indicator || *g.indicator != indicator) continue;
    if (g.paragraph != figs[from].paragraph) continue;
    if (same_sentence && g.sentence != figs[from].sentence) continue;
    long d = std::labs(static_cast<long>(g.norm_start) - static_cast<long>(figs[from].norm_start));
    if (!best || d < best_d) {
      best = &g;
      best_d = d;
    }
  }
  return best;
}

std::string fmt_value(double v, int decimals) {
  return fmt::format("{:.{}f}", v, decimals);
}

// "主动评价率" → "主动评价": what a rate counts, to find its numerator among the counts.
std::string rate_stem(const std::string& label) {
  static const std::string rate = "率";
  size_t p = label.rfind(rate);
  if (p == std::string::npos || p + rate.size() != label.size()) return "";
  std::string stem = label.substr(0, p);
  // keep the last clause of the label only (…、好评率 → 好评)
  for (const char* sep : {"、", ",", "的", "和"}) {
    size_t q = stem.rfind(sep);
    if (q != std::string::npos) stem = stem.substr(q + std::string_view(sep).size());
  }
  return stem.size() >= 6 ? stem : "";  // at least two characters
}

// True when a catalogue rate check already judged this figure.
bool generic_rate_checked(const Figure& f, const std::vector<Defect>&) {
  if (!f.indicator) return false;
  for (const RateRule& r : kRateRules) {
    if (*f.indicator == r.rate) return true;
  }
  return false;
}

}  // namespace

bool rate_matches(double printed, int decimals, double exact) {
  double scale = std::pow(10.0, decimals);
  double eps = 1e-6;
  double rounded = std::round(exact * scale + 1e-9) / scale;
  double truncated = std::floor(exact * scale + 1e-9) / scale;
  return std::fabs(rounded - printed) < eps || std::fabs(truncated - printed) < eps;
}

std::vector<Defect> check_report(const NormalisedText& nt, const ReviewedReport& report) {
  std::vector<Defect> out;
  const auto& figs = report.figures;
  const Utf8Index idx(nt.text);

  for (size_t i = 0; i < figs.size(); ++i) {
    const Figure& f = figs[i];
    // -- rate vs counts
    for (const RateRule& r : kRateRules) {
      if (!f.indicator || *f.indicator != r.rate || f.qualifier) continue;
      const Figure* num = nearest(figs, i, r.numerator, false);
      const Figure* den = nearest(figs, i, r.denominator, false);
      if (!num || !den || num->qualifier || den->qualifier || magnitude(*den) <= 0) continue;
      double exact = magnitude(*num) / magnitude(*den) * 100.0;
      if (!rate_matches(f.value, f.decimals, exact)) {
        out.push_back({"rate_mismatch", f.span,
                       fmt::format("{}与同段数字不符：{} ÷ {} = {}%，四舍五入或截断到 {} 位小数都不是 {}%",
                                   figure_quote(f), figure_quote(*num), figure_quote(*den),
                                   fmt_value(exact, f.decimals + 2), f.decimals, fmt_value(f.value, f.decimals))});
      }
    }
    // -- any other rate "X率" whose numerator ("…X…" count) is stated in the same sentence:
    //    it must fit at least one of the counts there that could be its denominator
    if (f.unit && *f.unit == "%" && !f.qualifier && !generic_rate_checked(f, out)) {
      std::string stem = rate_stem(f.label);
      const Figure* num = nullptr;
      std::vector<const Figure*> dens;
      for (const Figure& g : figs) {
        if (g.sentence != f.sentence || &g == &f || !g.unit || *g.unit == "%" || g.is_rank) continue;
        if (g.norm_start > f.norm_start) break;
        if (!stem.empty() && g.label.find(stem) != std::string::npos && !g.qualifier) num = &g;
      }
      if (num) {
        for (const Figure& g : figs) {
          if (g.sentence != f.sentence || &g == num || !g.unit || *g.unit == "%" || g.is_rank || g.qualifier) continue;
          if (base_of(g) == base_of(*num) && magnitude(g) >= magnitude(*num) && magnitude(g) > 0) dens.push_back(&g);
        }
      }
      if (num && !dens.empty()) {
        // the numerator may be all there was (审核86件，审核率100%: the total is not stated)
        bool fits = rate_matches(f.value, f.decimals, 100.0);
        for (const Figure* d : dens) fits |= rate_matches(f.value, f.decimals, magnitude(*num) / magnitude(*d) * 100.0);
        if (!fits) {
          std::string tried;
          for (const Figure* d : dens) {
            tried += fmt::format("{}{} ÷ {} = {}%", tried.empty() ? "" : "；", figure_quote(*num), figure_quote(*d),
                                 fmt_value(magnitude(*num) / magnitude(*d) * 100.0, f.decimals + 2));
          }
          out.push_back({"rate_mismatch", f.span,
                         fmt::format("{}与同句数字不符：{}，四舍五入或截断到 {} 位小数都不是 {}%", figure_quote(f),
                                     tried, f.decimals, fmt_value(f.value, f.decimals))});
        }
      }
    }
    // -- part larger than whole, by indicator
    for (const PartRule& r : kPartRules) {
      if (!f.indicator || *f.indicator != r.part) continue;
      const Figure* whole = nearest(figs, i, r.whole, true);
      if (!whole || base_of(*whole) != base_of(f)) continue;
      if (magnitude(f) > magnitude(*whole) && !(whole->qualifier && *whole->qualifier != "近")) {
        out.push_back(
            {"part_exceeds_whole", f.span, fmt::format("{}大于其总数{}", figure_quote(f), figure_quote(*whole))});
      }
    }
    // -- 其中: a part of the nearest preceding figure with the same unit in the sentence
    if (f.unit && *f.unit != "%" && !f.is_rank) {
      size_t s = f.norm_start;
      std::u32string_view t = nt.text;
      size_t b = s;
      while (b > 0 && t[b - 1] != U',' && t[b - 1] != U'。' && t[b - 1] != U';' && t[b - 1] != U'\n' && s - b < 30) --b;
      bool part = t.substr(b, std::min<size_t>(2, s - b)) == U"其中";
      if (part) {
        for (size_t k = i; k-- > 0;) {
          const Figure& w = figs[k];
          if (w.sentence != f.sentence) break;
          if (!w.unit || w.is_rank || base_of(w) != base_of(f)) continue;
          std::u32string_view wl = t.substr(w.norm_start >= 2 ? w.norm_start - 2 : 0, 2);
          (void)wl;
          if (magnitude(f) > magnitude(w) && !w.qualifier) {
            out.push_back({"part_exceeds_whole", f.span,
                           fmt::format("“其中”所指的{}大于前面的总数{}", figure_quote(f), figure_quote(w))});
          }
          break;
        }
      }
    }
    // -- shares above 100%
    if (f.unit && *f.unit == "%" && f.value > 100 && is_share_label(f.label)) {
      out.push_back({"percent_over_100", f.span,
                     fmt::format("{}：这一比率不可能超过100%{}", figure_quote(f),
                                 f.value >= 1000 ? "，疑似两个数字连在一起" : "")});
    }
    // -- rate without %
    if (!f.unit && !f.is_rank && f.value != 0) {
      std::u32string_view t = nt.text;
      size_t s = f.norm_start;
      size_t b = s;
      while (b > 0 && s - b < 4 && t[b - 1] != U'率') --b;
      if (b > 0 && t[b - 1] == U'率') {
        std::u32string between(t.substr(b, s - b));
        if (between.empty() || between == U"达" || between == U"为" || between == U"达到" || between == U"是" ||
            between == U"均达" || between == U"均为")
          out.push_back({"rate_without_percent", f.span, fmt::format("比率“{}{}”缺少“%”", f.label, f.text)});
      }
    }
  }

  // -- years contradicting the report year
  if (report.report_year) {
    int ry = *report.report_year;
    static const RE2 year_re("((?:19|20)\\d\\d)年(度)?");
    re2::StringPiece input(idx.utf8);
    re2::StringPiece m[3];
    size_t pos = 0;
    while (pos < idx.utf8.size() && year_re.Match(input, pos, idx.utf8.size(), RE2::UNANCHORED, m, 3)) {
      size_t bs = static_cast<size_t>(m[0].data() - idx.utf8.data());
      size_t be = bs + m[0].size();
      pos = be;
      uint32_t cs = idx.char_at[bs], ce = idx.char_at[be];
      int y = std::stoi(std::string(m[1].data(), m[1].size()));
      if (y == ry) continue;
      std::u32string_view t = nt.text;
      char32_t before = cs > 0 ? t[cs - 1] : U'\n';
      char32_t after = ce < t.size() ? t[ce] : U'\n';
      // inside a title or quote, part of a range, or a full date: not a statement of the year
      bool quoted = false;
      for (size_t k = cs; k-- > 0 && cs - k < 120 && t[k] != U'\n';) {
        if (t[k] == U'》' || t[k] == U'”') break;
        if (t[k] == U'《' || t[k] == U'“') {
          quoted = true;
          break;
        }
      }
      if (quoted) continue;
      if (before == U'—' || before == U'-' || before == U'至' || before == U'到' || before == U'~' || before == U'、' ||
          after == U'—' || after == U'-' || after == U'至' || after == U'到' || after == U'~' || after == U'、' ||
          (after >= U'0' && after <= U'9') || after == U'以' || after == U'前' || after == U'底' || after == U'末')
        continue;
      // the chapter it is in
      std::string area;
      for (const Chapter& ch : report.chapters) {
        if (ch.norm_start <= cs && cs < ch.norm_end) area = ch.area;
      }
      size_t sb = cs;
      while (sb > 0 && cs - sb < 300 && t[sb - 1] != U'。' && t[sb - 1] != U'\n') --sb;
      size_t se = ce;
      while (se < t.size() && se - ce < 300 && t[se] != U'。' && t[se] != U'\n') ++se;
      std::string sentence = u32_to_utf8(t.substr(sb, se - sb));
      static const RE2 plan_words("将|计划|拟|力争|下一步|明年|目标|预计|到\\d|部署|安排|思路|打算");
      static const RE2 compare_words("同比|比|较|上年|去年|上一年|以来|相比");
      bool flag = false;
      if (y > ry + 1) {
        flag = area != "plans" && !RE2::PartialMatch(sentence, plan_words);
      } else if (y == ry + 1) {
        flag = area != "plans" && !RE2::PartialMatch(sentence, plan_words) && area != "problems";
      } else {
        // an earlier year is a contradiction only where it frames the year's work:
        // at the start of a sentence, followed by a comma or 全年/以来-less statement
        bool frames = (sb == cs) && (after == U',' || after == U'，' || starts_with_u32(t, ce, U"全年") ||
                                     starts_with_u32(t, ce, U"全市") || starts_with_u32(t, ce, U"我市"));
        flag = frames && !(y == ry - 1 && RE2::PartialMatch(sentence, compare_words));
      }
      if (flag) {
        out.push_back({"year_mismatch", nt.original_span(cs, ce),
                       fmt::format("“{}”与报告年度 {} 年不符", std::string(m[0].data(), m[0].size()), ry)});
      }
    }
  }

  // -- headings whose numeral is missing: "、完善依法行政制度体系" between 二、 and 四、
  {
    const std::u32string& t = nt.text;
    for (const Span& p : nt.paragraphs) {
      if (p.end - p.start >= 3 && t[p.start] == U'、' && is_han(t[p.start + 1])) {
        out.push_back(
            {"heading_numeral_missing", nt.original_span(p.start, std::min(p.end, p.start + 12)),
             "标题“" + u32_to_utf8(std::u32string_view(t).substr(p.start, std::min<uint32_t>(p.end - p.start, 12))) +
                 "”缺少序号（如“三、”）"});
      }
    }
  }

  // -- a figure run into the next clause: "纠错率34.97%办理行政应诉案件575件" (a full stop or
  //    comma is missing after the rate, and the next clause states a figure of its own)
  for (size_t i = 0; i + 1 < figs.size(); ++i) {
    const Figure& f = figs[i];
    if (!f.unit || *f.unit != "%" || f.qualifier) continue;
    const std::u32string& t = nt.text;
    size_t e = f.norm_end;
    if (e >= t.size() || !is_han(t[e])) continue;
    // characters that continue a clause after a percentage (以上, 的, 达到, 高于, 增长, 位居 …)
    static const std::u32string_view kJoiners =
        U"的和及与或至到以左之等中为是均达超比较高低增减提降上下分位居排同内外前后";
    if (kJoiners.find(t[e]) != std::u32string_view::npos) continue;
    const Figure& g = figs[i + 1];
    bool clause_break = false;
    for (size_t k = e; k < g.norm_start && k < t.size(); ++k) {
      char32_t c = t[k];
      if (!is_han(c) && !is_space(c)) {
        clause_break = true;
        break;
      }
    }
    if (!clause_break && g.norm_start - e <= 20) {
      out.push_back({"missing_punctuation", nt.original_span(f.norm_start, static_cast<uint32_t>(e + 1)),
                     "“" + f.text + "”后直接接“" + u32_to_utf8(std::u32string_view(t).substr(e, 4)) +
                         "…”，疑缺标点（句号或逗号）"});
    }
  }

  // -- a number printed without its unit before a noun ("报备的4规范性文件"), or a year
  //    without 年 ("2020办理人大建议")
  {
    const std::u32string& t = nt.text;
    for (const Figure& f : figs) {
      if (f.unit || f.is_rank || f.decimals != 0) continue;
      uint32_t e = f.norm_end;
      if (e >= t.size() || !is_han(t[e])) continue;
      std::u32string next(std::u32string_view(t).substr(e, 2));
      if (next[0] == U'率' || (f.norm_start > 0 && t[f.norm_start - 1] == U'率')) continue;
      out.push_back(
          {"missing_unit", f.span, "数字“" + f.text + "”后直接接“" + u32_to_utf8(next) + "”，疑缺量词或单位"});
    }
    static const RE2 bare_year("(?:^|[^0-9.])((?:19|20)\\d\\d)(\\p{Han})");
    re2::StringPiece in(idx.utf8);
    re2::StringPiece m[3];
    size_t pos = 0;
    while (pos < idx.utf8.size() && bare_year.Match(in, pos, idx.utf8.size(), RE2::UNANCHORED, m, 3)) {
      size_t bs = static_cast<size_t>(m[1].data() - idx.utf8.data());
      pos = static_cast<size_t>(m[0].data() - idx.utf8.data()) + m[0].size();
      std::string after(m[2].data(), m[2].size());
      if (after == "年" || after == "届" || after == "版" || after == "号") continue;
      uint32_t cs = idx.char_at[bs], ce = idx.char_at[bs + 4];
      bool is_figure = false;
      for (const Figure& f : figs) is_figure |= f.norm_start == cs || (f.norm_start <= cs && cs < f.norm_end);
      if (is_figure) continue;
      // a year opening a sentence or clause and followed by a verb: 2020办理…
      char32_t before = cs > 0 ? t[cs - 1] : U'\n';
      if (!(before == U'\n' || before == U'。' || before == U',' || before == U';')) continue;
      bool quoted = false;
      for (size_t k = cs; k-- > 0 && cs - k < 60 && t[k] != U'\n';) {
        if (t[k] == U'》' || t[k] == U'”') break;
        if (t[k] == U'《' || t[k] == U'“') {
          quoted = true;
          break;
        }
      }
      if (quoted) continue;
      out.push_back({"missing_unit", nt.original_span(cs, ce),
                     "“" + std::string(m[1].data(), m[1].size()) + "”后直接接“" + after + "”，疑缺“年”"});
    }
  }

  // -- common wrong characters
  {
    for (const WrongCharacter& w : kWrongCharacters) {
      if (!*w.right) continue;  // listed for reference, not flagged
      std::string_view wrong(w.wrong);
      for (size_t p = idx.utf8.find(wrong); p != std::string::npos; p = idx.utf8.find(wrong, p + wrong.size())) {
        uint32_t cs = idx.char_at[p], ce = idx.char_at[p + wrong.size()];
        out.push_back({"wrong_character", nt.original_span(cs, ce), fmt::format("“{}”疑为“{}”之误", w.wrong, w.right)});
      }
    }
  }
  return out;
}

}  // namespace fazhi::review
