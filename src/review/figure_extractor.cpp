#include "review/figure_extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "review/indicator_phrases.h"
#include "review/outline.h"
#include "review/utf.h"

namespace fazhi::review {

namespace {

using std::u32string;
using std::u32string_view;

// Units as printed after a number (simplified characters), tried longest first.
const std::vector<u32string>& base_units() {
  static const std::vector<u32string> units = [] {
    std::vector<u32string> u = {
        U"个工作日", U"工作日", U"个百分点", U"百分点", U"个月", U"个小时", U"小时", U"分钟", U"人次", U"户次",
        U"台次",     U"件次",   U"家次",     U"场次",   U"批次", U"车次",   U"架次", U"项次", U"次数", U"平方公里",
        U"平方米",   U"公里",   U"千米",     U"公斤",   U"千克", U"季度",   U"周年", U"部门", U"方面", U"美元",
        U"元",       U"件",     U"人",       U"个",     U"项",   U"条",     U"家",   U"次",   U"场",   U"卷",
        U"份",       U"名",     U"户",       U"位",     U"部",   U"批",     U"轮",   U"类",   U"支",   U"台",
        U"本",       U"篇",     U"期",       U"起",     U"宗",   U"所",     U"座",   U"处",   U"套",   U"张",
        U"天",       U"日",     U"年",       U"倍",     U"册",   U"辆",     U"间",   U"种",   U"门",   U"节",
        U"堂",       U"票",     U"亩",       U"吨",     U"米",   U"分",     U"单",   U"组",   U"队",   U"封",
        U"例",       U"只",     U"周",       U"星",     U"%",    U"‰",      U"级",   U"版",   U"号",   U"月",
        U"届",       U"周岁",   U"岁"};
    std::stable_sort(u.begin(), u.end(), [](const u32string& a, const u32string& b) { return a.size() > b.size(); });
    return u;
  }();
  return units;
}

// Units a Chinese numeral must be followed by to count as a figure.
bool chinese_unit_ok(u32string_view unit) {
  static const std::vector<u32string> ok = {
      U"项",   U"个",   U"件",       U"部",     U"名",   U"人", U"家", U"次", U"场",   U"批",   U"轮",
      U"类",   U"份",   U"条",       U"支",     U"所",   U"位", U"种", U"张", U"处",   U"套",   U"本",
      U"篇",   U"期",   U"起",       U"宗",     U"座",   U"台", U"户", U"组", U"部门", U"方面", U"人次",
      U"批次", U"场次", U"个工作日", U"工作日", U"个月", U"天", U"倍", U"%"};
  return std::find(ok.begin(), ok.end(), unit) != ok.end();
}

// Fixed expressions with a counted numeral that are names, not figures.
const std::vector<u32string>& numeral_names() {
  static const std::vector<u32string> names = {
      U"三项制度",   U"两个维护",   U"两个确立", U"四个意识",     U"四个自信", U"四个全面", U"三个代表",
      U"八项规定",   U"两个一百年", U"三个务必", U"三个区分开来", U"两个责任", U"五个一",   U"两个毫不动摇",
      U"三个没有变", U"四个最严",   U"两个健康", U"六个严禁",     U"三个规定", U"四项监督", U"五项制度"};
  return names;
}

// A counted word that continues past the unit: 两项目 is not 2 项.
const std::vector<u32string>& unit_word_continuations() {
  static const std::vector<u32string> w = {
      U"项目", U"条例", U"条件", U"条款", U"名单", U"名称", U"场所", U"场景", U"人员", U"个人", U"批准", U"家庭",
      U"支持", U"类型", U"件事", U"份额", U"所有", U"次要", U"位置", U"部分", U"处理", U"处罚", U"台账", U"本领",
      U"期间", U"期限", U"起草", U"起点", U"门户", U"组织", U"队伍", U"天然", U"种类", U"户籍", U"座谈"};
  return w;
}

bool is_cn_digit(char32_t c) {
  return u32string_view(U"零〇一二两三四五六七八九十百千万").find(c) != u32string_view::npos;
}
bool is_delimiter(char32_t c) {
  return c == U',' || c == U'。' || c == U';' || c == U':' || c == U'!' || c == U'?' || c == U'\n' || c == U'，' ||
         c == U'；' || c == U'：';
}
bool is_sentence_break(char32_t c) {
  return c == U'。' || c == U'!' || c == U'?' || c == U';' || c == U'\n';
}

bool starts_with(u32string_view s, size_t at, u32string_view p) {
  return at + p.size() <= s.size() && s.substr(at, p.size()) == p;
}
bool ends_with_at(u32string_view s, size_t end, u32string_view p) {
  return end >= p.size() && s.substr(end - p.size(), p.size()) == p;
}

struct Suffix {
  size_t end = 0;        // after unit and suffix qualifier
  u32string multiplier;  // 万, 亿 …
  double scale = 1;
  u32string unit;       // base unit
  u32string qualifier;  // 余, 多, 以上 …
};

Suffix parse_suffix(u32string_view t, size_t k) {
  Suffix s;
  auto take_qual = [&](std::initializer_list<u32string_view> qs) {
    for (auto q : qs) {
      if (starts_with(t, k, q)) {
        s.qualifier += q;
        k += q.size();
        return;
      }
    }
  };
  take_qual({U"余", U"多"});
  for (auto [m, v] : {std::pair<u32string_view, double>{U"万亿", 1e12},
                      {U"千万", 1e7},
                      {U"百万", 1e6},
                      {U"万", 1e4},
                      {U"亿", 1e8},
                      {U"千", 1e3}}) {
    if (starts_with(t, k, m)) {
      // 千 only as a multiplier before a unit (3千人), never 千克
      if (m == U"千" && (starts_with(t, k, U"千克") || starts_with(t, k, U"千米"))) continue;
      s.multiplier = m;
      s.scale = v;
      k += m.size();
      break;
    }
  }
  if (!s.multiplier.empty() && s.qualifier.empty()) take_qual({U"余", U"多"});
  for (const u32string& u : base_units()) {
    if (starts_with(t, k, u)) {
      s.unit = u;
      k += u.size();
      break;
    }
  }
  if (!s.unit.empty() || !s.multiplier.empty()) take_qual({U"以上", U"以下", U"左右", U"之多"});
  if (s.multiplier == U"千" && s.unit.empty()) {  // a bare 千 is not a multiplier here
    k -= 1;
    s.multiplier.clear();
    s.scale = 1;
  }
  s.end = k;
  return s;
}

const std::vector<u32string>& prefix_qualifiers() {
  static const std::vector<u32string> q = {U"超过", U"将近", U"大约", U"接近", U"不足",
                                           U"不到", U"约",   U"近",   U"超",   U"逾"};
  return q;
}

const std::vector<u32string>& rank_contexts() {
  static const std::vector<u32string> c = {U"排名", U"排位", U"名列", U"位居",     U"位列",     U"位于", U"居于",
                                           U"居",   U"列",   U"排",   U"全国",     U"全省",     U"全市", U"全区",
                                           U"全县", U"全州", U"全盟", U"全自治区", U"同类城市", U"地市", U"县区",
                                           U"省内", U"市内", U"榜单", U"获得",     U"荣获"};
  return c;
}

// Measure words after 第N that make it an ordinal (第三批), not a rank.
bool ordinal_measure(u32string_view t, size_t k) {
  static const std::vector<u32string> m = {U"批",   U"个", U"次", U"届", U"家",   U"轮",   U"季度",   U"条",   U"章",
                                           U"部分", U"期", U"项", U"款", U"号",   U"年",   U"天",     U"周",   U"阶段",
                                           U"类",   U"层", U"级", U"种", U"代",   U"书记", U"责任人", U"课堂", U"道",
                                           U"站",   U"步", U"线", U"方", U"梯队", U"档",   U"单元",   U"篇",   U"节"};
  for (const auto& w : m) {
    if (starts_with(t, k, w)) return true;
  }
  return false;
}

// After "10-" in "10-15天": true when the number after the dash carries a unit.
bool range_end_has_unit(std::u32string_view t, size_t k) {
  size_t j = k;
  while (j < t.size() && is_digit(t[j])) ++j;
  if (j == k || (j < t.size() && (t[j] == U'-' || t[j] == U'/' || t[j] == U'.'))) return false;
  Suffix s = parse_suffix(t, j);
  return !s.unit.empty() && s.unit != U"月" && s.unit != U"日" && s.unit != U"号" && s.unit != U"年";
}

struct Marks {
  std::vector<uint8_t> excluded;  // quoted names, titles, bracketed numbers, name glosses
};

Marks mark_text(u32string_view t) {
  Marks m;
  m.excluded.assign(t.size(), 0);
  auto mark = [&](size_t a, size_t b) {
    for (size_t k = a; k < b && k < t.size(); ++k) m.excluded[k] = 1;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    char32_t c = t[i];
    char32_t close = 0;
    size_t limit = 40;
    switch (c) {
      case U'“':
        close = U'”';
        break;
      case U'《':
        close = U'》';
        limit = 120;
        break;
      case U'「':
        close = U'」';
        break;
      case U'『':
        close = U'』';
        break;
      case U'〈':
        close = U'〉';
        break;
      case U'"':
        close = U'"';
        break;
      case U'〔':
        close = U'〕';
        limit = 12;
        break;
      case U'[':
        close = U']';
        limit = 12;
        break;
      case U'【':
        close = U'】';
        limit = 20;
        break;
      case U'(': {
        bool after_name = i > 0 && (t[i - 1] == U'”' || t[i - 1] == U'》' || t[i - 1] == U'"');
        for (u32string_view w : {U"工程", U"行动", U"战略", U"体系", U"模式", U"机制", U"计划", U"品牌", U"清单"}) {
          after_name |= ends_with_at(t, i, w);
        }
        if (after_name) close = U')';
        break;
      }
      default:
        break;
    }
    if (!close) continue;
    size_t depth_limit = std::min(t.size(), i + limit + 1);
    for (size_t k = i + 1; k < depth_limit; ++k) {
      if (t[k] == U'\n') break;
      if (t[k] == close) {
        // a quoted phrase that is itself a measured label (“好差评”共评价…) keeps the
        // numbers after it; only the inside is excluded
        mark(i, k + 1);
        if (c == U'《' || c == U'“' || c == U'"') i = k;
        break;
      }
    }
  }
  return m;
}

struct Candidate {
  size_t start, end;  // span in normalised text (qualifiers and unit included)
  size_t num_start, num_end;
  double value;
  int decimals;
  Suffix suffix;
  u32string prefix_qualifier;
  bool rank = false;
};

bool hotline_number(u32string_view digits) {
  if (digits == U"110" || digits == U"119" || digits == U"120" || digits == U"122") return true;
  return digits.size() == 5 && (digits.substr(0, 2) == U"12" || digits.substr(0, 2) == U"96");
}

double to_double(u32string_view digits) {
  std::string s;
  for (char32_t c : digits) {
    if (c != U',') s.push_back(static_cast<char>(c));
  }
  return std::strtod(s.c_str(), nullptr);
}

u32string strip_label(u32string label) {
  static const std::vector<u32string> lead = {U"截至目前", U"今年以来", U"其中", U"全年", U"共计", U"累计",   U"合计",
                                              U"总计",     U"全市",     U"全县", U"全区", U"全省", U"市本级", U"同时",
                                              U"另外",     U"此外",     U"目前", U"年内", U"当年", U"今年",   U"并",
                                              U"且",       U"共有",     U"共",   U"均",   U"已",   U"还"};
  static const std::vector<u32string> trail = {
      U"分别为", U"分别达", U"分别是", U"达到了", U"达到",   U"共计",   U"累计",   U"共有",   U"均为",   U"均达",
      U"增至",   U"提高到", U"提高至", U"提升到", U"提升至", U"上升到", U"上升至", U"下降到", U"下降至", U"降至",
      U"降低到", U"降低至", U"减少到", U"减少至", U"增加到", U"增加至", U"达",     U"为",     U"是",     U"共",
      U"计",     U"有",     U"至",     U"到",     U"了",     U"均",     U"的",     U"等",     U"约",     U"近",
      U"超",     U"逾",     U"超过",   U"以及",   U"和",     U"及"};
  auto edge = [](char32_t c) {
    return is_space(c) || u32string_view(U"、()[]【】,;:“”\"'-—").find(c) != u32string_view::npos;
  };
  auto trim_space = [&](u32string& s) {
    while (!s.empty() && edge(s.front())) s.erase(s.begin());
    // a closing bracket stays when the label opened it: 县(市、区)
    while (!s.empty() && edge(s.back()) && !(s.back() == U')' && s.find(U'(') != u32string::npos)) s.pop_back();
  };
  trim_space(label);
  for (bool changed = true; changed && !label.empty();) {
    changed = false;
    for (const auto& w : lead) {
      if (label.size() >= w.size() && label.compare(0, w.size(), w) == 0) {
        label.erase(0, w.size());
        changed = true;
      }
    }
    for (const auto& w : trail) {
      if (label.size() >= w.size() && label.compare(label.size() - w.size(), w.size(), w) == 0) {
        label.erase(label.size() - w.size());
        changed = true;
      }
    }
    trim_space(label);
  }
  // a label cut inside a title starts after it
  size_t close = label.find(U'》');
  size_t open = label.find(U'《');
  if (close != u32string::npos && (open == u32string::npos || open > close)) label.erase(0, close + 1);
  // titles inside a label are shortened: 出台《…》《…》
  u32string out;
  for (size_t i = 0; i < label.size(); ++i) {
    if (label[i] == U'《') {
      size_t e = label.find(U'》', i);
      if (e != u32string::npos) {
        out += U"《…》";
        i = e;
        continue;
      }
    }
    out.push_back(label[i]);
  }
  return out;
}

// The text with the insides of 《…》 titles left out: a title's words say nothing about
// the figure next to it.
u32string without_titles(u32string_view s) {
  u32string out;
  out.reserve(s.size());
  int depth = 0;
  for (char32_t c : s) {
    if (c == U'《') {
      ++depth;
      out.push_back(c);
      continue;
    }
    if (c == U'》') {
      if (depth > 0) --depth;
      out.push_back(c);
      continue;
    }
    if (depth == 0) out.push_back(c);
  }
  return out;
}

std::string format_unit(const Suffix& s) {
  return u32_to_utf8(s.multiplier + s.unit);
}

}  // namespace

Extraction extract_figures(const NormalisedText& nt, const std::vector<Chapter>& chapters) {
  Extraction out;
  u32string_view t = nt.text;
  const size_t n = t.size();
  Marks marks = mark_text(t);
  std::vector<Candidate> cands;

  auto prev_char = [&](size_t i) -> char32_t { return i > 0 ? t[i - 1] : 0; };
  auto at = [&](size_t i) -> char32_t { return i < n ? t[i] : 0; };

  auto prefix_qual = [&](size_t i, u32string& q) -> size_t {
    for (const auto& w : prefix_qualifiers()) {
      if (ends_with_at(t, i, w)) {
        // 最近, 附近, 将近 … 近 must not end a longer word other than the qualifiers
        if (w == U"近" && (ends_with_at(t, i, U"最近") || ends_with_at(t, i, U"附近"))) return i;
        q = w;
        return i - w.size();
      }
    }
    return i;
  };

  auto rank_context = [&](size_t i) {
    for (const auto& w : rank_contexts()) {
      if (ends_with_at(t, i, w)) return true;
    }
    return false;
  };

  for (size_t i = 0; i < n;) {
    char32_t c = t[i];
    // ---- 第N: a rank or an ordinal
    if (c == U'第' && i + 1 < n && (is_digit(t[i + 1]) || is_cn_digit(t[i + 1]))) {
      size_t j = i + 1;
      double v = -1;
      if (is_digit(t[j])) {
        while (j < n && is_digit(t[j])) ++j;
        v = to_double(t.substr(i + 1, j - i - 1));
      } else {
        while (j < n && is_cn_digit(t[j]) && j - i < 6) ++j;
        v = static_cast<double>(parse_chinese_number(t.substr(i + 1, j - i - 1)));
      }
      bool named_rank = starts_with(t, j, U"名") || starts_with(t, j, U"位");
      if (v > 0 && !marks.excluded[i] && (named_rank || (rank_context(i) && !ordinal_measure(t, j)))) {
        Candidate cd{};
        cd.start = i;
        cd.num_start = i + 1;
        cd.num_end = j;
        cd.end = named_rank ? j + 1 : j;
        cd.value = v;
        cd.rank = true;
        cd.suffix.end = cd.end;
        cands.push_back(cd);
      }
      i = j;
      continue;
    }
    // ---- Arabic numerals
    if (is_digit(c)) {
      size_t j = i;
      while (j < n && is_digit(t[j])) ++j;
      if (j - i <= 3) {
        while (j + 3 < n && t[j] == U',' && is_digit(t[j + 1]) && is_digit(t[j + 2]) && is_digit(t[j + 3]) &&
               !is_digit(at(j + 4)))
          j += 4;
      }
      int decimals = 0;
      if (j + 1 < n && t[j] == U'.' && is_digit(t[j + 1])) {
        ++j;
        while (j < n && is_digit(t[j])) {
          ++j;
          ++decimals;
        }
      }
      size_t next = j;
      // several dots: a date, a version, or two numbers run together
      if (j + 1 < n && t[j] == U'.' && is_digit(t[j + 1])) {
        size_t k = j;
        while (k < n && (is_digit(t[k]) || t[k] == U'.')) ++k;
        bool rate_like =
            at(k) == U'%' || ends_with_at(t, i, U"率") || ends_with_at(t, i, U"率达") || ends_with_at(t, i, U"率为");
        if (rate_like && !marks.excluded[i]) {
          size_t e = at(k) == U'%' ? k + 1 : k;
          out.defects.push_back(
              {"digits_run_together", nt.original_span(i, e),
               "数字“" + u32_to_utf8(t.substr(i, e - i)) + "”含多个小数点，疑似两个数字连在一起或漏了分隔符"});
        }
        i = k;
        continue;
      }
      char32_t p = prev_char(i), q = at(j);
      bool skip = marks.excluded[i] || is_latin(p) || p == U'_' || p == U'#' || p == U'/' || p == U'\\' || p == U'+' ||
                  p == U'.' || p == U'@' || is_latin(q) || q == U'+' || q == U'@' ||
                  (p == U'-' && i >= 2 && (is_digit(t[i - 2]) || is_latin(t[i - 2]))) || p == U'第';
      if (!skip &&
          (q == U'-' || q == U'/' || q == U':' || q == U'.' || q == U'_' || q == U'·' || q == U'•' || q == U'×') &&
          is_digit(at(j + 1)) && !(q == U'-' && range_end_has_unit(t, j + 1))) {
        // 2021-12-24, 10:30, 1/3, 5·12: skip the whole chain
        size_t k = j;
        while (k < n && (is_digit(t[k]) || t[k] == U'-' || t[k] == U'/' || t[k] == U':' || t[k] == U'.' ||
                         t[k] == U'·' || t[k] == U'•' || t[k] == U'×'))
          ++k;
        // 7×24小时: the unit after the chain belongs to it too
        if (q == U'×') k = parse_suffix(t, k).end;
        i = k;
        continue;
      }
      if (skip) {
        i = next;
        continue;
      }
      // a list or heading number: "1." or "1、" opening a paragraph or sentence, "(1)"
      bool opens = i == 0 || p == U'\n' || p == U'。' || p == U';' || p == U':';
      if ((opens && (q == U'.' || q == U'、') && j + 1 < n && !is_digit(t[j + 1])) ||
          (p == U'(' && q == U')' && decimals == 0)) {
        i = next;
        continue;
      }
      u32string digits(t.substr(i, j - i));
      double v = to_double(digits);
      Suffix s = parse_suffix(t, j);
      size_t int_digits = 0;
      for (char32_t d : digits) {
        if (d == U'.') break;
        int_digits += is_digit(d);
      }
      bool year_like = decimals == 0 && int_digits == 4 && v >= 1900 && v <= 2100;
      const u32string& u = s.unit;
      bool drop = false;
      if (year_like && s.multiplier.empty() && (u.empty() || u == U"年" || u == U"月")) drop = true;
      if (year_like && (q == U'—' || q == U'-' || q == U'~' || q == U'至' || q == U'到')) drop = true;
      if (u == U"年" && s.multiplier.empty() && year_like) drop = true;
      if (u == U"月" && v <= 12 && decimals == 0) drop = true;
      if ((u == U"日" || u == U"号") && p == U'月') drop = true;
      if (u == U"号" || u == U"级" || u == U"版" || u == U"届") drop = true;
      if (u == U"季度" && v <= 4) drop = true;
      if (u.empty() && s.multiplier.empty()) {
        if (decimals == 1 && digits.back() == U'0') drop = true;   // 2.0: a version
        if (decimals == 0 && int_digits >= 6) drop = true;         // phone numbers, codes
        if (decimals == 0 && hotline_number(digits)) drop = true;  // 12345 热线
        for (u32string_view w : {U"热线", U"平台", U"工程", U"模式", U"机制", U"系统", U"专线", U"品牌", U"战略",
                                 U"行动", U"时", U"点", U"届", U"中全会", U"大"}) {
          if (starts_with(t, s.end, w)) drop = true;
        }
      }
      if (p == U'×' || at(s.end) == U'×') drop = true;  // 7天×24小时: a service hours formula
      if (drop) {
        i = std::max(next, s.end);
        continue;
      }
      // the first end of a range (3至5个工作日, 10-15天) takes the unit printed after the second
      if (s.unit.empty() && s.multiplier.empty() && !year_like &&
          (q == U'至' || q == U'到' || q == U'-' || q == U'—' || q == U'~' || q == U'～') && is_digit(at(j + 1))) {
        size_t k = j + 1;
        while (k < n && (is_digit(t[k]) || t[k] == U'.')) ++k;
        Suffix other = parse_suffix(t, k);
        if (!other.unit.empty() && other.unit != U"年" && other.unit != U"月" && other.unit != U"号") {
          s.unit = other.unit;
          s.multiplier = other.multiplier;
          s.scale = other.scale;
          s.end = j;  // the span stays on the printed number
        }
      }
      Candidate cd{};
      cd.num_start = i;
      cd.num_end = j;
      cd.start = prefix_qual(i, cd.prefix_qualifier);
      cd.value = v;
      cd.decimals = decimals;
      cd.suffix = s;
      cd.end = s.end;
      cands.push_back(cd);
      i = std::max(next, s.end);
      continue;
    }
    // ---- 百分之九十五, 百分之95: a percentage in words
    if (c == U'百' && starts_with(t, i, U"百分之") && i + 3 < n && (is_cn_digit(t[i + 3]) || is_digit(t[i + 3])) &&
        !marks.excluded[i]) {
      size_t j = i + 3;
      double v = -1;
      int decimals = 0;
      if (is_digit(t[j])) {
        size_t d0 = j;
        while (j < n && is_digit(t[j])) ++j;
        if (j + 1 < n && t[j] == U'.' && is_digit(t[j + 1])) {
          ++j;
          while (j < n && is_digit(t[j])) {
            ++j;
            ++decimals;
          }
        }
        v = to_double(t.substr(d0, j - d0));
      } else {
        while (j < n && is_cn_digit(t[j]) && j - i < 10) ++j;
        v = static_cast<double>(parse_chinese_number(t.substr(i + 3, j - i - 3)));
      }
      if (v >= 0) {
        Candidate cd{};
        cd.start = i;
        cd.num_start = i + 3;
        cd.num_end = j;
        cd.end = j;
        cd.value = v;
        cd.decimals = decimals;
        cd.suffix.unit = U"%";
        cd.suffix.end = j;
        cands.push_back(cd);
        i = j;
        continue;
      }
    }
    // ---- Chinese numerals that count: 三项, 两轮, 五个方面
    if (is_cn_digit(c) && c != U'零' && c != U'〇' && !is_cn_digit(prev_char(i))) {
      size_t j = i;
      while (j < n && is_cn_digit(t[j]) && j - i < 8) ++j;
      long long v = parse_chinese_number(t.substr(i, j - i));
      bool name = false;
      for (const auto& w : numeral_names()) name |= starts_with(t, i, w);
      if (v >= 2 && !name && !marks.excluded[i] && prev_char(i) != U'第') {
        Suffix s = parse_suffix(t, j);
        bool unit_ok = chinese_unit_ok(s.unit);
        for (const auto& w : unit_word_continuations()) {
          if (!s.unit.empty() && starts_with(t, s.end - s.unit.size() - s.qualifier.size(), w) && s.qualifier.empty())
            unit_ok = false;
        }
        if (unit_ok) {
          Candidate cd{};
          cd.num_start = i;
          cd.num_end = j;
          cd.start = prefix_qual(i, cd.prefix_qualifier);
          // 上千人次, 数十件, 几百家: a round magnitude with a vague lead word
          if (cd.start == i && (c == U'十' || c == U'百' || c == U'千' || c == U'万') &&
              (prev_char(i) == U'上' || prev_char(i) == U'数' || prev_char(i) == U'几')) {
            cd.prefix_qualifier = u32string(1, prev_char(i));
            cd.start = i - 1;
          }
          cd.value = static_cast<double>(v);
          cd.suffix = s;
          cd.end = s.end;
          cands.push_back(cd);
          i = s.end;
          continue;
        }
      }
      i = j;
      continue;
    }
    ++i;
  }

  // ---- Topic keywords, outside titles.
  std::vector<TopicMark> topics;
  {
    Utf8Index idx(t);
    for (const TopicMark& m : topic_marks(idx.utf8, idx.char_at)) {
      bool in_title = false;
      for (size_t k = m.pos; k-- > 0 && m.pos - k < 120 && t[k] != U'\n';) {
        if (t[k] == U'》') break;
        if (t[k] == U'《') {
          in_title = true;
          break;
        }
      }
      if (!in_title) topics.push_back(m);
    }
  }
  auto topic_for = [&](size_t w, size_t start, size_t end, size_t e) -> std::string {
    // a keyword in the clause after the figure is nearest; among several, the first
    // topic of the table; otherwise the last keyword before the figure
    auto first_after =
        std::lower_bound(topics.begin(), topics.end(), end, [](const TopicMark& m, size_t p) { return m.pos < p; });
    int best = -1;
    for (auto it = first_after; it != topics.end() && it->pos < e; ++it) {
      if (best < 0 || it->topic < best) best = it->topic;
    }
    if (best >= 0) return topic_name(best);
    auto before =
        std::lower_bound(topics.begin(), topics.end(), start, [](const TopicMark& m, size_t p) { return m.pos < p; });
    while (before != topics.begin()) {
      --before;
      if (before->pos < w) break;
      if (before->end <= start) return topic_name(before->topic);
    }
    return "";
  };

  // ---- Labels, indicators, chapters.
  size_t para = 0;
  uint32_t sentence = 0;
  size_t sentence_pos = 0;
  for (size_t k = 0; k < cands.size(); ++k) {
    const Candidate& cd = cands[k];
    while (sentence_pos < cd.start) {
      if (is_sentence_break(t[sentence_pos])) ++sentence;
      ++sentence_pos;
    }
    while (para + 1 < nt.paragraphs.size() && nt.paragraphs[para].end <= cd.start) ++para;
    size_t prev_end = k > 0 ? cands[k - 1].end : 0;
    size_t next_start = k + 1 < cands.size() ? cands[k + 1].start : n;
    size_t b = cd.start;
    while (b > prev_end && !is_delimiter(t[b - 1]) && cd.start - b < 48) --b;
    size_t e = cd.end;
    while (e < next_start && e < n && !is_delimiter(t[e]) && t[e] != U'、' && e - cd.end < 24) ++e;
    u32string left(t.substr(b, cd.start - b));
    u32string right(t.substr(cd.end, e - cd.end));
    // Cut short by the previous figure (no clause break between): the text before this
    // figure is the previous figure's noun, unless a 、 starts a new item of a list.
    bool after_figure = k > 0 && b == prev_end && b > 0 && !is_delimiter(t[b - 1]);
    bool label_forward = false;
    if (after_figure) {
      // a list joined by 、 及 和 以及 与: this figure's own noun follows the last joiner
      size_t cut = u32string::npos;
      for (size_t q = left.size(); q-- > 0;) {
        if (left[q] == U'、' || left[q] == U'及' || left[q] == U'和' || left[q] == U'与') {
          cut = q;
          break;
        }
      }
      if (cut != u32string::npos && cut + 1 < left.size())
        left = left.substr(cut + 1);
      else
        label_forward = std::any_of(right.begin(), right.end(), [](char32_t c) { return is_han(c); });
    }
    size_t para_start = para < nt.paragraphs.size() ? nt.paragraphs[para].start : 0;
    size_t w = std::max(para_start, cd.start > 160 ? cd.start - 160 : size_t{0});
    if (w > cd.start) w = cd.start;

    Figure f;
    f.text = u32_to_utf8(t.substr(cd.start, cd.end - cd.start));
    f.value = cd.value;
    f.decimals = cd.decimals;
    f.is_rank = cd.rank;
    if (cd.rank) {
      f.unit = "名次";
    } else {
      std::string unit = format_unit(cd.suffix);
      if (!unit.empty()) f.unit = unit;
      if (!cd.suffix.multiplier.empty()) {
        f.scaled_value = cd.value * cd.suffix.scale;
        if (!cd.suffix.unit.empty()) f.base_unit = u32_to_utf8(cd.suffix.unit);
      }
    }
    u32string qual = cd.prefix_qualifier + cd.suffix.qualifier;
    if (!qual.empty()) f.qualifier = u32_to_utf8(qual);
    u32string label = strip_label(left);
    bool dangling = !left.empty() && (left.back() == U'、' || ends_with_at(left, left.size(), U"以及") ||
                                      left.back() == U'和' || left.back() == U'及' || left.back() == U'与');
    if (label_forward || dangling || label.size() <= 2) {
      u32string fwd = right;
      while (!fwd.empty() && (fwd.front() == U'的' || fwd.front() == U'、')) fwd.erase(fwd.begin());
      label = strip_label((label_forward || dangling ? u32string() : label) + fwd.substr(0, 16));
      if (label.empty()) label = strip_label(left);
    }
    f.label = u32_to_utf8(label);
    f.quote = u32_to_utf8(t.substr(b, e - b));
    if (!cd.rank) {
      std::string clause =
          u32_to_utf8(without_titles(label_forward ? u32string() : left)) + "§" + u32_to_utf8(without_titles(right));
      std::string topic = topic_for(w, cd.start, cd.end, e);
      f.indicator = indicator_for(clause, topic, f.unit ? *f.unit : "", [&] {
        // the sentence so far (from the last full stop in the paragraph)
        size_t sb = cd.start;
        while (sb > para_start && t[sb - 1] != U'。' && cd.start - sb < 300) --sb;
        return u32_to_utf8(without_titles(t.substr(sb, cd.start - sb)));
      });
    }
    // 由95%提高到98%: a second figure with no noun of its own measures what the first did
    if (after_figure && strip_label(left).empty() && !out.figures.empty() && !cd.rank &&
        out.figures.back().unit == f.unit) {
      f.indicator = out.figures.back().indicator;
      f.label = out.figures.back().label;
    }
    for (const Chapter& ch : chapters) {
      if (ch.norm_start <= cd.start && cd.start < ch.norm_end) {
        f.chapter = ch.id;
        f.area = ch.area;
      }
    }
    f.norm_start = static_cast<uint32_t>(cd.start);
    f.norm_end = static_cast<uint32_t>(cd.end);
    f.span = nt.original_span(f.norm_start, f.norm_end);
    f.sentence = sentence;
    f.paragraph = static_cast<uint32_t>(para);
    out.figures.push_back(std::move(f));
  }
  return out;
}

}  // namespace fazhi::review
