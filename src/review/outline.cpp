#include "review/outline.h"

#include <re2/re2.h>

#include <map>
#include <memory>

#include "review/utf.h"

namespace fazhi::review {

namespace {

struct OutlineArea {
  const char* area;
  const char* keywords;  // RE2, matched against the heading
};

// First match wins: problems and plans before the measure areas; narrower areas first.
constexpr OutlineArea kOutlineAreas[] = {
    {"problems", "不足|差距|短板|存在的问题|存在问题|主要问题|问题和原因|问题及原因|薄弱环节|有待"},
    {"plans", "下一步|下一年|来年|明年|主要安排|工作安排|工作打算|工作思路|主要思路|工作计划|工作设想|努力方向|下步"},
    {"emergencies", "突发事件|应急"},
    {"digital", "科技保障|数字政府|数字法治|信息化|智慧法治|互联网\\+|数字化"},
    {"disputes", "矛盾|纠纷|复议|应诉|调解|信访|化解|公共法律服务"},
    {"enforcement", "执法"},
    {"decisions", "决策"},
    {"oversight", "制约|监督|政务公开|权力运行|透明|公开"},
    {"rules", "依法行政制度|制度体系|立法|规范性文件|制度建设|备案审查|规章"},
    {"functions", "政府职能|职能|放管服|营商环境|政务服务|简政放权|市场监管|机构"},
    {"leadership",
     "党的领导|党对|第一责任人|领导干部|组织领导|统筹推进|法治思维|依法行政能力|学法|法治意识|"
     "全员法治|示范创建|督察|考核|法治素养|队伍建设|以创促建"},
};

const std::vector<std::unique_ptr<RE2>>& area_patterns() {
  static const auto* patterns = [] {
    auto* v = new std::vector<std::unique_ptr<RE2>>();
    for (const auto& a : kOutlineAreas) v->push_back(std::make_unique<RE2>(a.keywords));
    return v;
  }();
  return *patterns;
}

bool is_cn_digit(char32_t c) {
  return std::u32string_view(U"零〇一二两三四五六七八九十百千").find(c) != std::u32string_view::npos;
}

struct Heading {
  int level = 0;
  size_t marker_len = 0;
};

// Recognises a heading marker at the start of a paragraph.
Heading heading_at(std::u32string_view p) {
  if (p.empty()) return {};
  size_t i = 0;
  while (i < p.size() && i < 3 && is_cn_digit(p[i])) ++i;
  if (i > 0 && i < p.size() && (p[i] == U'、' || p[i] == U'.')) return {1, i + 1};
  if (p[0] == U'、' && p.size() > 1 && is_han(p[1])) return {1, 1};
  if (p.size() > 3 && p[0] == U'第') {
    size_t j = 1;
    while (j < p.size() && j < 4 && is_cn_digit(p[j])) ++j;
    if (j > 1 && j + 1 < p.size() && (p.substr(j, 2) == U"部分")) return {1, j + 2};
    if (j > 1 && j < p.size() && p[j] == U'章') return {1, j + 1};
  }
  if (p[0] == U'(') {
    size_t j = 1;
    while (j < p.size() && j < 4 && is_cn_digit(p[j])) ++j;
    if (j > 1 && j < p.size() && p[j] == U')') return {2, j + 1};
    j = 1;
    while (j < p.size() && j < 3 && is_digit(p[j])) ++j;
    if (j > 1 && j < p.size() && p[j] == U')') return {4, j + 1};
  }
  size_t j = 0;
  while (j < p.size() && j < 2 && is_digit(p[j])) ++j;
  if (j > 0 && j + 1 < p.size() && (p[j] == U'.' || p[j] == U'、') && !is_digit(p[j + 1]) && p[j + 1] != U'%')
    return {3, j + 1};
  return {};
}

std::u32string heading_title(std::u32string_view rest) {
  size_t e = rest.size();
  for (size_t k = 0; k < rest.size(); ++k) {
    if (rest[k] == U'。' || rest[k] == U';' || rest[k] == U'!') {
      e = k;
      break;
    }
  }
  if (e > 60) e = 60;
  return std::u32string(rest.substr(0, e));
}

const RE2& region_pattern() {
  static const RE2 re("(\\p{Han}{2,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|地区|县|区|旗))");
  return re;
}

std::string strip_region_prefix(std::string s) {
  for (const char* p : {"中共", "关于", "年度", "年", "度", "在", "的", "对"}) {
    std::string_view pv(p);
    if (s.size() > pv.size() && s.compare(0, pv.size(), pv) == 0) return strip_region_prefix(s.substr(pv.size()));
  }
  return s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The region named in `text`, chaining adjacent names (湖南省衡阳市).
std::optional<std::string> find_region(const std::string& text) {
  re2::StringPiece input(text);
  std::string m;
  std::string region;
  size_t last_end = std::string::npos;
  while (RE2::FindAndConsume(&input, region_pattern(), &m)) {
    size_t start = static_cast<size_t>(input.data() - text.data()) - m.size();
    std::string cleaned = strip_region_prefix(m);
    if (cleaned.size() < 6) {
      if (!region.empty()) break;
      continue;
    }
    for (const char* bad : {"我", "全", "本", "各", "该", "示范", "城市", "县区", "市县", "地市", "省市"}) {
      if (cleaned.rfind(bad, 0) == 0) cleaned.clear();
    }
    if (cleaned.empty()) {
      if (!region.empty()) break;
      continue;
    }
    if (region.empty() || start == last_end) {
      region += cleaned;
      last_end = static_cast<size_t>(input.data() - text.data());
    } else {
      break;
    }
  }
  if (region.empty()) return std::nullopt;
  return region;
}

std::string level_for(const std::string& title, const std::string& region) {
  size_t pos = title.find(region);
  if (pos != std::string::npos) {
    std::string after = title.substr(pos + region.size());
    static const RE2 dept(
        "^(?:\\p{Han}{0,14}?)(局|委员会|委|办公室|厅|署|中心|院|所|处)(?:\\d|关于|\\p{Han}{0,4}年|法治)");
    if (after.rfind("人民政府", 0) != 0 && RE2::PartialMatch(after, dept)) return "department";
  }
  for (auto [suffix, level] : {std::pair{"特别行政区", "province"},
                               {"自治区", "province"},
                               {"省", "province"},
                               {"自治州", "city"},
                               {"地区", "city"},
                               {"盟", "city"},
                               {"市", "city"},
                               {"州", "city"},
                               {"自治县", "county"},
                               {"自治旗", "county"},
                               {"县", "county"},
                               {"区", "county"},
                               {"旗", "county"}}) {
    if (ends_with(region, suffix)) {
      // a city directly under the central government (北京市 …) is province-level
      for (const char* m : {"北京市", "天津市", "上海市", "重庆市"}) {
        if (region == m) return "province";
      }
      return level;
    }
  }
  return "";
}

// 二〇二三年 → 2023 (digit by digit), or nullopt.
std::optional<int> chinese_year(const std::string& text) {
  static const RE2 cn("([〇○零一二三四五六七八九]{4})年");
  std::string y;
  if (!RE2::PartialMatch(text, cn, &y)) return std::nullopt;
  int v = 0;
  for (char32_t c : utf8_to_u32(y)) {
    int d = std::u32string_view(U"〇一二三四五六七八九").find(c);
    if (c == U'○' || c == U'零') d = 0;
    if (d < 0) return std::nullopt;
    v = v * 10 + d;
  }
  if (v < 1949 || v > 2100) return std::nullopt;
  return v;
}

std::optional<int> find_year(const std::string& text) {
  static const RE2 year("((?:19|20)\\d\\d)\\s*年(?:度)?(\\d{1,2}月)?");
  re2::StringPiece input(text);
  std::string y, month;
  while (RE2::FindAndConsume(&input, year, &y, &month)) {
    if (!month.empty()) continue;  // a date: the publication, not the year reported on
    return std::stoi(y);
  }
  return std::nullopt;
}

bool looks_like_title(const std::u32string& p) {
  std::string u = u32_to_utf8(p);
  if (p.size() > 70 || p.size() < 8) return false;
  bool report =
      u.find("报告") != std::string::npos || u.find("情况") != std::string::npos || u.find("总结") != std::string::npos;
  bool law = u.find("法治") != std::string::npos || u.find("依法行政") != std::string::npos;
  return report && law && u.find("。") == std::string::npos;
}

}  // namespace

std::string area_for_heading(std::string_view heading_utf8) {
  const auto& pats = area_patterns();
  for (size_t i = 0; i < pats.size(); ++i) {
    if (RE2::PartialMatch(re2::StringPiece(heading_utf8.data(), heading_utf8.size()), *pats[i])) {
      return kOutlineAreas[i].area;
    }
  }
  return "";
}

long long parse_chinese_number(std::u32string_view s) {
  if (s.empty()) return -1;
  long long total = 0, section = 0, digit = -1;
  bool any = false;
  for (char32_t c : s) {
    int d = -1;
    switch (c) {
      case U'零':
      case U'〇':
        d = 0;
        break;
      case U'一':
        d = 1;
        break;
      case U'二':
      case U'两':
        d = 2;
        break;
      case U'三':
        d = 3;
        break;
      case U'四':
        d = 4;
        break;
      case U'五':
        d = 5;
        break;
      case U'六':
        d = 6;
        break;
      case U'七':
        d = 7;
        break;
      case U'八':
        d = 8;
        break;
      case U'九':
        d = 9;
        break;
      default:
        break;
    }
    if (d >= 0) {
      if (digit > 0 && d > 0) return -1;  // 二三 is not a number
      digit = d;
      any = true;
      continue;
    }
    long long mult = 0;
    if (c == U'十')
      mult = 10;
    else if (c == U'百')
      mult = 100;
    else if (c == U'千')
      mult = 1000;
    else if (c == U'万')
      mult = 10000;
    else
      return -1;
    if (mult == 10000) {
      section += digit > 0 ? digit : 0;
      total += (section == 0 ? 1 : section) * mult;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * mult;
    }
    digit = -1;
    any = true;
  }
  if (!any) return -1;
  return total + section + (digit > 0 ? digit : 0);
}

void segment(const NormalisedText& nt, ReviewedReport& report) {
  const std::u32string& t = nt.text;
  // Title: a short early paragraph naming a rule-of-law report.
  size_t title_para = SIZE_MAX;
  for (size_t i = 0; i < nt.paragraphs.size() && i < 6; ++i) {
    std::u32string p = t.substr(nt.paragraphs[i].start, nt.paragraphs[i].end - nt.paragraphs[i].start);
    if (heading_at(p).level) break;
    if (looks_like_title(p)) {
      report.title = u32_to_utf8(p);
      title_para = i;
      break;
    }
  }
  std::string head;  // the title, else the first paragraph
  if (report.title) head = *report.title;
  std::string first_para;
  for (size_t i = 0; i < nt.paragraphs.size() && i < 4; ++i) {
    if (i == title_para) continue;
    auto sp = nt.paragraphs[i];
    std::u32string p = t.substr(sp.start, std::min<uint32_t>(sp.end - sp.start, 200));
    if (p.size() >= 20) {
      first_para = u32_to_utf8(p);
      break;
    }
  }
  report.region = find_region(head);
  // a title set on two lines: "XX市人民政府" above "关于…的报告"
  for (size_t k = title_para; !report.region && title_para != SIZE_MAX && k-- > 0 && title_para - k <= 2;) {
    auto sp = nt.paragraphs[k];
    if (sp.end - sp.start <= 24) {
      std::string above = u32_to_utf8(t.substr(sp.start, sp.end - sp.start));
      report.region = find_region(above);
      if (report.region) head = above + head;
    }
  }
  if (!report.region) report.region = find_region(first_para);
  if (report.region) {
    std::string lvl = level_for(head.empty() ? first_para : head, *report.region);
    if (!lvl.empty()) report.level = lvl;
  }
  report.report_year = find_year(head);
  if (!report.report_year) report.report_year = chinese_year(head);
  if (!report.report_year) report.report_year = find_year(first_para);
  if (!report.report_year) {
    // no year in the title or the opening: the year most often named in the first part
    // of the text (dates left out)
    std::string early = u32_to_utf8(std::u32string_view(t).substr(0, std::min<size_t>(t.size(), 3000)));
    static const RE2 year("((?:19|20)\\d\\d)\\s*年(\\d{1,2}月)?");
    re2::StringPiece input(early);
    std::string y, month;
    std::map<int, int> counts;
    while (RE2::FindAndConsume(&input, year, &y, &month)) {
      if (month.empty()) ++counts[std::stoi(y)];
    }
    int best = 0, best_n = 0;
    for (auto [yy, n] : counts) {
      if (n > best_n || (n == best_n && yy > best)) {
        best = yy;
        best_n = n;
      }
    }
    if (best_n > 0) report.report_year = best;
  }

  // Chapters.
  struct Open {
    size_t index;
    int level;
  };
  std::vector<Open> stack;
  std::map<std::string, int> next_child;
  auto close_to = [&](int level, uint32_t at) {
    while (!stack.empty() && stack.back().level >= level) {
      report.chapters[stack.back().index].norm_end = at;
      stack.pop_back();
    }
  };
  bool have_problems = false, have_plans = false;
  auto open = [&](int level, std::u32string marker, std::u32string title, uint32_t at, bool implicit,
                  const char* forced_area = nullptr) {
    close_to(level, at);
    Chapter ch;
    ch.level = level;
    ch.marker = u32_to_utf8(marker);
    ch.title = u32_to_utf8(title);
    ch.implicit = implicit;
    std::string parent_area = stack.empty() ? "" : report.chapters[stack.back().index].area;
    std::string own = area_for_heading(ch.title);
    if (forced_area)
      ch.area = forced_area;
    else if (parent_area == "problems" || parent_area == "plans")
      ch.area = parent_area;
    else
      ch.area = own.empty() ? parent_area : own;
    have_problems |= ch.area == "problems";
    have_plans |= ch.area == "plans";
    std::string parent = stack.empty() ? "" : report.chapters[stack.back().index].id;
    int n = ++next_child[parent];
    ch.id = parent.empty() ? std::to_string(n) : parent + "." + std::to_string(n);
    ch.norm_start = at;
    ch.norm_end = static_cast<uint32_t>(t.size());
    report.chapters.push_back(ch);
    stack.push_back({report.chapters.size() - 1, level});
  };
  static const RE2 problems_open("^[^。]{0,60}(存在|还有|仍有|面临|也有)[^。]{0,40}(不足|差距|问题|短板|薄弱)");
  static const RE2 plans_open(
      "^(下一步|下一年度?|下步|今后|明年|新的一年|\\d{4}年[,，]?(我们|我市|我县|我区|全市|全县|全区|本部门|我局)?将)");
  for (size_t pi = 0; pi < nt.paragraphs.size(); ++pi) {
    if (pi == title_para) continue;
    Span ps = nt.paragraphs[pi];
    std::u32string_view p(t.data() + ps.start, ps.end - ps.start);
    Heading h = heading_at(p);
    if (h.level) {
      // a numbered item (1.) inside 一是-level text stays below it
      open(h.level, std::u32string(p.substr(0, h.marker_len)), heading_title(p.substr(h.marker_len)), ps.start, false);
    } else if (ps.start > t.size() / 2) {
      std::string u = u32_to_utf8(p.substr(0, 120));
      if (!have_problems && RE2::PartialMatch(u, problems_open)) {
        open(1, U"", heading_title(p), ps.start, true, "problems");
      } else if (!have_plans && RE2::PartialMatch(u, plans_open)) {
        open(1, U"", heading_title(p), ps.start, true, "plans");
      }
    }
    // Inline points: 一是… 二是… at the start or after a full stop / colon; 下一步 after a
    // full stop in the second half opens the plans part.
    size_t from = h.level ? h.marker_len : 0;
    for (size_t k = from; k + 2 < p.size(); ++k) {
      bool at_start = k == from || p[k - 1] == U'。' || p[k - 1] == U':' || p[k - 1] == U';';
      if (!at_start) continue;
      if (!have_plans && k > 0 && p[k - 1] == U'。' && ps.start > t.size() / 2 &&
          (p.substr(k, 3) == U"下一步" || p.substr(k, 2) == U"今后" || p.substr(k, 2) == U"明年")) {
        open(1, U"", heading_title(p.substr(k)), ps.start + static_cast<uint32_t>(k), true, "plans");
        continue;
      }
      if (!is_cn_digit(p[k])) continue;
      size_t j = k;
      while (j < p.size() && j - k < 3 && is_cn_digit(p[j])) ++j;
      if (j < p.size() && p[j] == U'是' && parse_chinese_number(p.substr(k, j - k)) > 0) {
        open(4, std::u32string(p.substr(k, j - k + 1)), heading_title(p.substr(j + 1)),
             ps.start + static_cast<uint32_t>(k), false);
      }
    }
  }
  close_to(0, static_cast<uint32_t>(t.size()));
  for (Chapter& c : report.chapters) c.span = nt.original_span(c.norm_start, c.norm_end);
}

}  // namespace fazhi::review
