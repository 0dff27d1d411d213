#include "review/normaliser.h"

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <opencc/SimpleConverter.hpp>
#include <unordered_map>

#include "review/utf.h"

namespace fazhi::review {

namespace {

constexpr char32_t kFoldLimit = 0x10000;

// Web-page furniture: a short line naming one of these is navigation, metadata or footer.
const RE2& furniture_keywords() {
  static const RE2 re(
      "(索引号|发布机构|发布单位|发布日期|发布时间|成文日期|信息来源|来源[:：]|浏览次数|阅读次数|"
      "点击数|访问量|打印正文|打印本页|打印此页|关闭窗口|关闭本页|【\\s*字体|字体[:：]|字号[:：]|"
      "\\[\\s*(大|中|小)\\s*\\]|用户登录|最近搜索|热门搜索|全文检索|站内搜索|站群导航|网站导航|"
      "网站地图|技术支持|网站标识码|公网安备|ICP备|ICP证|备案号|版权所有|Copyright|©|主办单位|"
      "^主办[:：]|承办[:：]|联系电话|联系我们|联系方式|邮编|邮政编码|当前位置|您的位置|您当前的位置|"
      "首页\\s*[>›»]|分享到|扫一扫|上一篇|下一篇|相关链接|相关阅读|返回顶部|无障碍|长者模式|"
      "适老化|政务微博|政务微信|^登录$|^注册$|纠错$|我要纠错|收藏本页|设为首页|责任编辑|^编辑[:：]|"
      "^审核[:：]|^校对[:：]|^作者[:：]|点击量|访问次数|发文机关[:：]|主题分类|所属主题|^文号[:：]|"
      "有效性[:：]|^(打印|关闭|返回|收藏|分享|首页|返回首页|返回列表|打印本文|关闭本文)$)");
  return re;
}

// A short line that is a site or column name.
const RE2& site_name() {
  static const RE2 re("(网站|门户网站|门户网|政府网|信息公开|政务公开|公开目录|导航|专栏|频道|栏目)$");
  return re;
}

const RE2& menu_line() {
  static const RE2 re("\\p{Han}{2,6}(?:[ |·]+\\p{Han}{2,6}){3,}");
  return re;
}

const RE2& page_number() {
  static const RE2 re("^[-—–－\\s]*(第\\s*)?\\d{1,4}\\s*(页)?[-—–－\\s]*(/\\s*\\d+)?[-—–－\\s]*$");
  return re;
}

bool is_pinyin_letter(char32_t c) {
  static const std::u32string marked = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";
  return (c >= U'a' && c <= U'z') || marked.find(c) != std::u32string::npos;
}
bool is_vowel(char32_t c) {
  static const std::u32string v = U"aeiouvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿmn";
  return v.find(c) != std::u32string::npos;
}

struct Mapped {
  std::u32string text;
  std::vector<uint32_t> origin;
  void push(char32_t c, uint32_t o) {
    text.push_back(c);
    origin.push_back(o);
  }
};

// Strips HTML markup; block elements become line breaks; entities are decoded.
Mapped strip_html(std::u32string_view s) {
  static const std::unordered_map<std::u32string, char32_t> entities = {
      {U"nbsp", U' '},    {U"amp", U'&'},     {U"lt", U'<'},       {U"gt", U'>'},      {U"quot", U'"'},
      {U"apos", U'\''},   {U"ldquo", 0x201C}, {U"rdquo", 0x201D},  {U"lsquo", 0x2018}, {U"rsquo", 0x2019},
      {U"mdash", 0x2014}, {U"ndash", 0x2013}, {U"hellip", 0x2026}, {U"middot", 0xB7},  {U"times", 0xD7},
      {U"copy", 0xA9},    {U"ensp", U' '},    {U"emsp", U' '},     {U"thinsp", U' '},  {U"permil", 0x2030}};
  static const std::vector<std::u32string> blocks = {
      U"p",   U"div",        U"br",    U"li", U"tr", U"h1",      U"h2",      U"h3",     U"h4",
      U"h5",  U"h6",         U"table", U"ul", U"ol", U"section", U"article", U"header", U"footer",
      U"nav", U"blockquote", U"pre",   U"hr", U"dd", U"dt",      U"title",   U"td",     U"th"};
  Mapped out;
  size_t i = 0, n = s.size();
  auto lower = [](char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; };
  while (i < n) {
    char32_t c = s[i];
    if (c == U'<') {
      if (s.substr(i, 4) == U"<!--") {
        size_t e = s.find(U"-->", i + 4);
        i = (e == std::u32string_view::npos) ? n : e + 3;
        continue;
      }
      size_t j = i + 1;
      bool closing = j < n && s[j] == U'/';
      if (closing) ++j;
      std::u32string name;
      while (j < n && (is_latin(s[j]) || is_digit(s[j]))) name.push_back(lower(s[j++]));
      if (name.empty() && !(j < n && (s[j] == U'!' || s[j] == U'?'))) {
        out.push(c, static_cast<uint32_t>(i));  // a bare '<' in text
        ++i;
        continue;
      }
      size_t e = s.find(U'>', j);
      size_t tag_end = (e == std::u32string_view::npos) ? n : e + 1;
      if (!closing &&
          (name == U"script" || name == U"style" || name == U"head" || name == U"noscript" || name == U"template")) {
        std::u32string close = U"</" + name;
        size_t k = tag_end;
        // case-insensitive search for the closing tag
        while (k < n) {
          size_t m = s.find(U"</", k);
          if (m == std::u32string_view::npos) {
            k = n;
            break;
          }
          bool match = true;
          for (size_t t = 0; t < name.size(); ++t) {
            if (m + 2 + t >= n || lower(s[m + 2 + t]) != name[t]) {
              match = false;
              break;
            }
          }
          if (match) {
            size_t f = s.find(U'>', m);
            k = (f == std::u32string_view::npos) ? n : f + 1;
            break;
          }
          k = m + 2;
        }
        tag_end = k;
        out.push(U'\n', static_cast<uint32_t>(i));
      } else if (std::find(blocks.begin(), blocks.end(), name) != blocks.end()) {
        out.push(name == U"td" || name == U"th" ? U' ' : U'\n', static_cast<uint32_t>(i));
      }
      i = tag_end;
      continue;
    }
    if (c == U'&') {
      size_t j = i + 1;
      std::u32string name;
      while (j < n && j - i < 12 && s[j] != U';' && (is_latin(s[j]) || is_digit(s[j]) || s[j] == U'#'))
        name.push_back(s[j++]);
      if (j < n && s[j] == U';' && !name.empty()) {
        char32_t decoded = 0;
        if (name[0] == U'#') {
          bool hex = name.size() > 1 && (name[1] == U'x' || name[1] == U'X');
          uint32_t v = 0;
          bool okv = name.size() > (hex ? 2u : 1u);
          for (size_t t = hex ? 2 : 1; t < name.size() && okv; ++t) {
            char32_t d = name[t];
            int dv = is_digit(d)                       ? d - U'0'
                     : (hex && d >= U'a' && d <= U'f') ? d - U'a' + 10
                     : (hex && d >= U'A' && d <= U'F') ? d - U'A' + 10
                                                       : -1;
            if (dv < 0 || v > 0x10FFFF)
              okv = false;
            else
              v = v * (hex ? 16 : 10) + dv;
          }
          if (okv && v > 0 && v <= 0x10FFFF) decoded = v;
        } else {
          auto it = entities.find(name);
          if (it != entities.end()) decoded = it->second;
        }
        if (decoded) {
          out.push(decoded, static_cast<uint32_t>(i));
          i = j + 1;
          continue;
        }
      }
    }
    out.push(c, static_cast<uint32_t>(i));
    ++i;
  }
  return out;
}

bool is_sentence_end(char32_t c) {
  return c == U'。' || c == U'!' || c == U'?' || c == U':' || c == U';' || c == U'!' || c == U'?' || c == U')' ||
         c == U'”' || c == U'…';
}

}  // namespace

Span NormalisedText::original_span(uint32_t start, uint32_t end) const {
  if (origin.empty()) return {0, 0};
  if (start >= origin.size()) start = static_cast<uint32_t>(origin.size() - 1);
  if (end == 0 || end > origin.size()) end = static_cast<uint32_t>(origin.size());
  if (end <= start) end = start + 1;
  return {origin[start], origin[end - 1] + 1};
}

Normaliser::Normaliser() = default;
Normaliser::~Normaliser() = default;

Result<std::shared_ptr<const Normaliser>> Normaliser::create() {
  std::shared_ptr<Normaliser> n(new Normaliser());
  try {
    n->converter_ = std::make_unique<opencc::SimpleConverter>("t2s.json");
  } catch (const std::exception& e) {
    return unavailable("OpenCC 繁简转换配置 t2s.json", std::string("无法加载：") + e.what());
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return unavailable("ICU NFKC", "无法加载");
  // Fold only forms whose NFKC image is a single, plain character: full-width ASCII,
  // half-width forms, small forms, ideographic and typographic spaces, and compatibility
  // ideographs. Enclosed and squared forms (①, ㎡) stay as they are.
  n->fold_.assign(kFoldLimit, 0);
  auto fold_range = [&](char32_t lo, char32_t hi) {
    for (char32_t c = lo; c <= hi; ++c) {
      status = U_ZERO_ERROR;
      icu::UnicodeString in(static_cast<UChar32>(c));
      icu::UnicodeString out = nfkc->normalize(in, status);
      if (U_FAILURE(status) || out.countChar32() != 1) continue;
      char32_t f = static_cast<char32_t>(out.char32At(0));
      if (f != c) n->fold_[c] = f;
    }
  };
  fold_range(0xFF01, 0xFF5E);
  fold_range(0xFE50, 0xFE6B);
  fold_range(0xF900, 0xFAFF);
  fold_range(0x2000, 0x200A);
  fold_range(0x00A0, 0x00A0);
  fold_range(0x3000, 0x3000);
  n->fold_[0x3000] = U' ';
  // Which characters t2s changes on their own: a line without any of them needs no
  // conversion (OpenCC's phrase table only rewrites phrases containing such a character).
  n->changes_.assign(0x30000, false);
  std::u32string probe;
  std::vector<char32_t> probed;
  auto add = [&](char32_t lo, char32_t hi) {
    for (char32_t c = lo; c <= hi; ++c) {
      probe.push_back(c);
      probe.push_back(U'\n');
      probed.push_back(c);
    }
  };
  add(0x3400, 0x4DBF);
  add(0x4E00, 0x9FFF);
  add(0xF900, 0xFAFF);
  add(0x2000, 0x206F);
  add(0x3000, 0x303F);
  add(0xFF00, 0xFFEF);
  std::u32string converted = utf8_to_u32(n->converter_->Convert(u32_to_utf8(probe)));
  size_t k = 0, pos = 0;
  while (k < probed.size() && pos < converted.size()) {
    size_t nl = converted.find(U'\n', pos);
    if (nl == std::u32string::npos) nl = converted.size();
    if (nl - pos != 1 || converted[pos] != probed[k]) n->changes_[probed[k]] = true;
    pos = nl + 1;
    ++k;
  }
  return std::shared_ptr<const Normaliser>(std::move(n));
}

std::u32string Normaliser::to_simplified(std::u32string_view text) const {
  bool needed = false;
  for (char32_t c : text) {
    if (c < changes_.size() && changes_[c]) {
      needed = true;
      break;
    }
  }
  if (!needed) return std::u32string(text);
  std::u32string out = utf8_to_u32(converter_->Convert(u32_to_utf8(text)));
  if (out.size() == text.size()) return out;
  // A phrase changed length: convert character by character to keep offsets.
  out.clear();
  for (char32_t c : text) {
    if (c < changes_.size() && changes_[c]) {
      std::u32string one = utf8_to_u32(converter_->Convert(u32_to_utf8(std::u32string(1, c))));
      out.push_back(one.size() == 1 ? one[0] : c);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

NormalisedText Normaliser::normalise(std::u32string_view original, std::string_view format) const {
  NormalisedText result;
  // 1. Markup, then per-character folding and line endings.
  Mapped stage;
  if (format == "html") {
    stage = strip_html(original);
  } else {
    stage.text.assign(original.begin(), original.end());
    stage.origin.resize(original.size());
    for (size_t i = 0; i < original.size(); ++i) stage.origin[i] = static_cast<uint32_t>(i);
  }
  Mapped folded;
  folded.text.reserve(stage.text.size());
  folded.origin.reserve(stage.text.size());
  for (size_t i = 0; i < stage.text.size(); ++i) {
    char32_t c = stage.text[i];
    if (c == U'\r') {
      if (i + 1 < stage.text.size() && stage.text[i + 1] == U'\n') continue;
      c = U'\n';
    } else if (c == 0x2028 || c == 0x2029 || c == U'\f' || c == U'\v') {
      c = U'\n';
    } else if (c == U'\t' || c == 0xFEFF || c == 0x200B) {
      c = U' ';
    } else if (c < kFoldLimit && fold_[c]) {
      c = fold_[c];
    } else if (c == 0 || (c < 0x20 && c != U'\n')) {
      c = U' ';
    }
    folded.push(c, stage.origin[i]);
  }
  // 2. Pinyin glosses: 设(shè) → 设.
  Mapped glossless;
  glossless.text.reserve(folded.text.size());
  glossless.origin.reserve(folded.text.size());
  std::string glosses;
  int gloss_count = 0;
  Span first_gloss{};
  const auto& ft = folded.text;
  for (size_t i = 0; i < ft.size(); ++i) {
    if (ft[i] == U'(' && i > 0 && is_han(ft[i - 1])) {
      size_t j = i + 1;
      bool vowel = false;
      while (j < ft.size() && j - i <= 7 && is_pinyin_letter(ft[j])) vowel |= is_vowel(ft[j++]);
      if (j < ft.size() && ft[j] == U')' && j > i + 1 && j - i <= 7 && vowel) {
        if (gloss_count == 0) first_gloss = {folded.origin[i], folded.origin[j] + 1};
        if (gloss_count < 20) {
          if (!glosses.empty()) glosses += ' ';
          glosses += u32_to_utf8(std::u32string_view(ft).substr(i, j - i + 1));
        }
        ++gloss_count;
        i = j;
        continue;
      }
    }
    glossless.push(ft[i], folded.origin[i]);
  }
  if (gloss_count > 0) {
    result.removed.push_back({"pinyin_gloss", glosses + (gloss_count > 20 ? " …" : ""), first_gloss, gloss_count});
  }
  // 3. Traditional → simplified, 1:1.
  glossless.text = to_simplified(glossless.text);

  // 4. Lines: trim, drop spaces around digits, rejoin wrapped PDF lines.
  struct Line {
    std::u32string text;
    std::vector<uint32_t> origin;
  };
  std::vector<Line> lines;
  const bool pdf = format == "pdf";
  {
    Line cur;
    auto flush = [&]() {
      // trim
      size_t b = 0, e = cur.text.size();
      while (b < e && is_space(cur.text[b])) ++b;
      // Markdown: heading hashes, quote marks and list bullets opening a line
      while (b < e && (cur.text[b] == U'#' || cur.text[b] == U'>' ||
                       ((cur.text[b] == U'-' || cur.text[b] == U'*' || cur.text[b] == U'+') && b + 1 < e &&
                        is_space(cur.text[b + 1])))) {
        ++b;
        while (b < e && is_space(cur.text[b])) ++b;
      }
      while (e > b && is_space(cur.text[e - 1])) --e;
      Line t;
      for (size_t k = b; k < e; ++k) {
        char32_t c = cur.text[k];
        if (is_space(c)) {
          // drop spaces next to a digit, and runs of spaces between Chinese characters
          size_t nx = k + 1;
          while (nx < e && is_space(cur.text[nx])) ++nx;
          char32_t prev = t.text.empty() ? 0 : t.text.back();
          char32_t next = nx < e ? cur.text[nx] : 0;
          bool digitish_prev = is_digit(prev) || prev == U'.' || prev == U'%';
          bool digitish_next = is_digit(next) || next == U'.' || next == U'%';
          // PDF text layers often space out Chinese characters (法 治 政 府): drop those too
          if ((digitish_prev && (digitish_next || is_han(next))) || (is_han(prev) && digitish_next) ||
              (pdf && is_han(prev) && (is_han(next) || next == U'，' || next == U'。' || next == U',')) ||
              (pdf && (prev == U',' || prev == U'。') && is_han(next))) {
            k = nx - 1;
            continue;
          }
          t.text.push_back(U' ');
          t.origin.push_back(cur.origin[k]);
          k = nx - 1;
          continue;
        }
        // Markdown emphasis (**bold**, __bold__) is dropped
        if ((c == U'*' || c == U'_') && k + 1 < e && cur.text[k + 1] == c) {
          ++k;
          continue;
        }
        t.text.push_back(c);
        t.origin.push_back(cur.origin[k]);
      }
      if (!t.text.empty()) lines.push_back(std::move(t));
      cur = Line{};
    };
    for (size_t i = 0; i < glossless.text.size(); ++i) {
      if (glossless.text[i] == U'\n')
        flush();
      else {
        cur.text.push_back(glossless.text[i]);
        cur.origin.push_back(glossless.origin[i]);
      }
    }
    flush();
  }
  if (format == "pdf") {
    // A line as long as the longest lines of the page wraps into the next one, unless
    // it ends a sentence or the next line opens a heading.
    size_t full = 0;
    for (const auto& l : lines) full = std::max(full, l.text.size());
    auto heading = [](const std::u32string& x) {
      if (x.empty()) return false;
      if (x[0] == U'(' || x[0] == U'第') return true;
      size_t k = 0;
      while (k < x.size() && k < 3 &&
             std::u32string_view(U"一二三四五六七八九十").find(x[k]) != std::u32string_view::npos)
        ++k;
      if (k > 0 && k < x.size() && (x[k] == U'、' || x[k] == U'是')) return true;
      k = 0;
      while (k < x.size() && k < 2 && is_digit(x[k])) ++k;
      return k > 0 && k + 1 < x.size() && (x[k] == U'.' || x[k] == U'、') && !is_digit(x[k + 1]);
    };
    std::vector<Line> joined;
    for (auto& l : lines) {
      if (!joined.empty() && !heading(l.text) && joined.back().text.size() * 10 >= full * 8 &&
          !is_sentence_end(joined.back().text.back())) {
        joined.back().text += l.text;
        joined.back().origin.insert(joined.back().origin.end(), l.origin.begin(), l.origin.end());
      } else {
        joined.push_back(std::move(l));
      }
    }
    lines = std::move(joined);
  }

  // 5. Furniture.
  std::vector<bool> drop(lines.size(), false);
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    std::string u = u32_to_utf8(l.text);
    size_t han = 0, digits = 0;
    bool has_stop = false;
    for (char32_t c : l.text) {
      han += is_han(c);
      digits += is_digit(c);
      has_stop |= (c == U'。');
    }
    bool furniture = false;
    if (l.text.size() <= 120 && !(has_stop && l.text.size() > 40) && RE2::PartialMatch(u, furniture_keywords())) {
      furniture = true;
    } else if (han == 0 && l.text.size() <= 12 && (digits == 0 || RE2::FullMatch(u, page_number()))) {
      furniture = true;
    } else if (l.text.size() <= 20 && digits == 0 && !has_stop && RE2::PartialMatch(u, site_name())) {
      furniture = true;
    } else if (l.text.size() <= 60 && !has_stop && RE2::FullMatch(u, menu_line())) {
      furniture = true;  // a navigation menu: 首页 机构概况 政务公开 政务服务 互动交流
    }
    if (furniture) {
      drop[i] = true;
      result.removed.push_back({"furniture", u, {l.origin.front(), l.origin.back() + 1}, 1});
    }
  }

  // 6. Repeated blocks: a paragraph of 15+ characters seen before, with the paragraphs
  // around it that repeat the ones around the first copy, is kept once.
  std::unordered_map<std::u32string, size_t> first_seen;
  std::vector<long> dup_of(lines.size(), -1);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (drop[i]) continue;
    auto [it, inserted] = first_seen.emplace(lines[i].text, i);
    if (!inserted && lines[i].text.size() >= 15) dup_of[i] = static_cast<long>(it->second);
  }
  std::vector<bool> dup(lines.size(), false);
  // compare over the lines that are kept (furniture between copies does not break a run)
  std::vector<size_t> kept;
  std::vector<long> kept_pos(lines.size(), -1);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!drop[i]) {
      kept_pos[i] = static_cast<long>(kept.size());
      kept.push_back(i);
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (dup_of[i] < 0 || dup[i]) continue;
    size_t pi = static_cast<size_t>(kept_pos[i]);
    size_t pj = static_cast<size_t>(kept_pos[static_cast<size_t>(dup_of[i])]);
    // extend backwards over short lines (titles, headings) repeating the earlier ones
    size_t b = pi, bj = pj;
    while (b > 0 && bj > 0 && b - 1 > pj && !dup[kept[b - 1]] && lines[kept[b - 1]].text == lines[kept[bj - 1]].text) {
      --b;
      --bj;
    }
    size_t e = pi, ej = pj;
    while (e < kept.size() && ej < pi && lines[kept[e]].text == lines[kept[ej]].text) {
      ++e;
      ++ej;
    }
    for (size_t k = b; k < e; ++k) dup[kept[k]] = true;
    const Line& first_line = lines[kept[b]];
    const Line& last_line = lines[kept[e - 1]];
    Span s{first_line.origin.front(), last_line.origin.back() + 1};
    Span first{lines[kept[bj]].origin.front(), lines[kept[bj]].origin.back() + 1};
    std::string preview = u32_to_utf8(std::u32string_view(first_line.text).substr(0, 30));
    std::string msg = (e - b == 1 ? "段落“" : "文字块（" + std::to_string(e - b) + " 段）“") + preview +
                      (first_line.text.size() > 30 ? "…" : "") + "”与前文第 " + std::to_string(first.start) +
                      " 字处重复，只保留一次";
    result.duplicates.push_back({"duplicate_block", s, msg});
    std::u32string block;
    for (size_t k = b; k < e; ++k) {
      if (k > b) block.push_back(U'\n');
      block += lines[kept[k]].text;
    }
    result.removed.push_back({"duplicate", u32_to_utf8(block), s, static_cast<int>(e - b)});
  }

  // 6b. Repeated sentences inside paragraphs: a run of sentences (20+ characters each)
  // that repeats earlier text is kept once.
  std::vector<std::vector<bool>> cut(lines.size());
  {
    std::unordered_map<std::u32string, uint32_t> seen;  // sentence -> original start
    for (size_t i = 0; i < lines.size(); ++i) {
      if (drop[i] || dup[i]) continue;
      const std::u32string& lt = lines[i].text;
      size_t b = 0;
      long run_start = -1, run_end = -1;
      uint32_t run_first = 0;
      auto flush_run = [&]() {
        if (run_start < 0) return;
        if (cut[i].empty()) cut[i].assign(lt.size(), false);
        for (long k = run_start; k < run_end; ++k) cut[i][static_cast<size_t>(k)] = true;
        Span s{lines[i].origin[static_cast<size_t>(run_start)], lines[i].origin[static_cast<size_t>(run_end - 1)] + 1};
        std::u32string block = lt.substr(static_cast<size_t>(run_start), static_cast<size_t>(run_end - run_start));
        std::string preview = u32_to_utf8(std::u32string_view(block).substr(0, 30));
        result.duplicates.push_back({"duplicate_block", s,
                                     "文字“" + preview + (block.size() > 30 ? "…" : "") + "”与前文第 " +
                                         std::to_string(run_first) + " 字处重复，只保留一次"});
        result.removed.push_back({"duplicate", u32_to_utf8(block), s, 1});
        run_start = -1;
      };
      for (size_t k = 0; k <= lt.size(); ++k) {
        bool end = k == lt.size() || lt[k] == U'。' || lt[k] == U'!' || lt[k] == U'?' || lt[k] == U';';
        if (!end) continue;
        size_t e = k < lt.size() ? k + 1 : k;
        std::u32string sentence = lt.substr(b, e - b);
        if (sentence.size() >= 20) {
          auto [it, inserted] = seen.emplace(sentence, lines[i].origin[b]);
          if (!inserted) {
            if (run_start < 0) {
              run_start = static_cast<long>(b);
              run_first = it->second;
            }
            run_end = static_cast<long>(e);
          } else {
            flush_run();
          }
        } else if (run_start >= 0 && sentence.size() < 20) {
          flush_run();
        }
        b = e;
      }
      flush_run();
    }
  }

  // 7. Assemble.
  for (size_t i = 0; i < lines.size(); ++i) {
    if (drop[i] || dup[i]) continue;
    if (!result.text.empty()) {
      result.text.push_back(U'\n');
      result.origin.push_back(result.origin.back() + 1);
    }
    uint32_t start = static_cast<uint32_t>(result.text.size());
    if (cut[i].empty()) {
      result.text += lines[i].text;
      result.origin.insert(result.origin.end(), lines[i].origin.begin(), lines[i].origin.end());
    } else {
      for (size_t k = 0; k < lines[i].text.size(); ++k) {
        if (cut[i][k]) continue;
        result.text.push_back(lines[i].text[k]);
        result.origin.push_back(lines[i].origin[k]);
      }
      if (result.text.size() == start) {  // the whole line repeated
        if (!result.text.empty()) {
          result.text.pop_back();
          result.origin.pop_back();
        }
        continue;
      }
    }
    result.paragraphs.push_back({start, static_cast<uint32_t>(result.text.size())});
  }

  // 8. Redaction markers.
  const auto& t = result.text;
  for (size_t i = 0; i < t.size(); ++i) {
    size_t e = i;
    if (t[i] == U'(') {
      size_t close = t.find(U')', i);
      if (close != std::u32string::npos && close - i <= 8) {
        std::u32string inner = t.substr(i + 1, close - i - 1);
        if (inner == U"略" || inner == U"此处略" || inner == U"内容略" || inner == U"涉密内容略" || inner == U"删除" ||
            inner == U"已删除" || inner == U"此处删除" || inner == U"以下略" || inner == U"具体数据略" ||
            inner == U"数据略")
          e = close + 1;
      }
    } else if (t[i] == U'×' || t[i] == U'*' || t[i] == U'□' || t[i] == U'■' || t[i] == U'○' || t[i] == U'X') {
      while (e < t.size() && t[e] == t[i]) ++e;
      if (e - i < (t[i] == U'*' || t[i] == U'X' ? 3u : 2u)) e = i;
    }
    if (e > i) {
      result.redactions.push_back({u32_to_utf8(std::u32string_view(t).substr(i, e - i)),
                                   result.original_span(static_cast<uint32_t>(i), static_cast<uint32_t>(e))});
      i = e - 1;
    }
  }
  return result;
}

}  // namespace fazhi::review
