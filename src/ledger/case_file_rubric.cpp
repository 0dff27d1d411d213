#include "ledger/case_file_rubric.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/error.h"

namespace fazhi {

const RubricItem* CaseFileRubric::item(std::string_view code) const {
  for (const auto& i : items)
    if (i.code == code) return &i;
  return nullptr;
}

int CaseFileRubric::full_score() const {
  int total = 0;
  for (const auto& i : items) total += i.points;
  return total;
}

const CaseFileRubric& default_case_file_rubric() {
  static const CaseFileRubric kRubric{
      .name = "行政执法案卷评查评分标准",
      .items =
          {
              {"A1", "执法主体合法，在法定职权范围内作出", 5, true},
              {"A2", "承办人员具有执法资格，不少于两人", 5},
              {"B1", "认定事实清楚", 10},
              {"B2", "证据确凿充分，收集程序合法", 15},
              {"C1", "适用法律依据正确，引用条款具体", 10},
              {"C2", "行使裁量权适当，符合裁量基准", 10},
              {"D1", "立案审批及时规范", 5},
              {"D2", "依法告知陈述、申辩和听证权利", 10},
              {"D3", "重大执法决定经法制审核", 5},
              {"D4", "文书依法送达", 5},
              {"D5", "在法定期限内办结", 5},
              {"E1", "文书制作规范，用语准确", 10},
              {"E2", "卷宗材料齐全，按序装订归档", 5},
          },
      .excellent_from = 90,
      .pass_from = 70,
      .source = "各省行政执法案卷评查办法（分项分值和等次线以本地标准为准）",
  };
  return kRubric;
}

Result<std::vector<RubricDeduction>> parse_deductions(const CaseFileRubric& rubric, std::string_view text) {
  std::vector<RubricDeduction> out;
  std::map<std::string, double> per_item;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos) {
      if (end == text.size()) break;
      continue;
    }
    line = line.substr(start);
    auto place = fmt::format("扣分明细第{}行", line_no);
    size_t sp1 = line.find(' ');
    if (sp1 == std::string::npos)
      return invalid_input("案卷评查", place, "应为「条目代码 扣分 问题」，例如「B2 2 证据材料未编页」");
    std::string code = line.substr(0, sp1);
    const RubricItem* item = rubric.item(code);
    if (!item) return invalid_input("案卷评查", place, "评分标准中没有条目「" + code + "」");
    size_t p2 = line.find_first_not_of(' ', sp1);
    size_t sp2 = p2 == std::string::npos ? std::string::npos : line.find(' ', p2);
    std::string points_text = p2 == std::string::npos ? "" : line.substr(p2, sp2 == std::string::npos ? sp2 : sp2 - p2);
    double points = 0;
    char* parse_end = nullptr;
    if (!points_text.empty()) points = std::strtod(points_text.c_str(), &parse_end);
    // A positive number of points in steps of 0.5 (what the score is written with).
    double halves = std::round(points * 2);
    if (points_text.empty() || parse_end == nullptr || *parse_end != '\0' || !(halves >= 1) ||
        std::fabs(points * 2 - halves) > 1e-9)
      return invalid_input("案卷评查", place, "扣分「" + points_text + "」应为正数（可到0.5分）");
    std::string problem = sp2 == std::string::npos ? "" : line.substr(sp2 + 1);
    size_t ps = problem.find_first_not_of(' ');
    problem = ps == std::string::npos ? "" : problem.substr(ps);
    if (problem.empty()) return invalid_input("案卷评查", place, "请写明扣分的问题");
    per_item[code] += points;
    if (per_item[code] > item->points + 1e-9)
      return invalid_input("案卷评查", place,
                           fmt::format("条目{}「{}」满分{}分，累计扣分{}分超过满分", code, item->label, item->points,
                                       score_text(per_item[code])));
    out.push_back({code, points, problem});
  }
  return out;
}

CaseFileScore score_case_file(const CaseFileRubric& rubric, std::vector<RubricDeduction> deductions) {
  CaseFileScore s;
  double lost = 0;
  bool vetoed = false;
  for (const auto& d : deductions) {
    lost += d.points;
    const RubricItem* i = rubric.item(d.item);
    if (i && i->veto) vetoed = true;
  }
  s.score = std::max(0.0, rubric.full_score() - lost);
  if (vetoed || s.score < rubric.pass_from - 1e-9)
    s.grade = "fail";
  else if (s.score >= rubric.excellent_from - 1e-9)
    s.grade = "excellent";
  else
    s.grade = "pass";
  s.deductions = std::move(deductions);
  return s;
}

std::string score_text(double score) {
  double r = std::round(score * 2) / 2;
  if (std::fabs(r - std::round(r)) < 1e-9) return fmt::format("{}", static_cast<long long>(std::llround(r)));
  return fmt::format("{:.1f}", r);
}

std::string deductions_text(const std::vector<RubricDeduction>& deductions) {
  std::string out;
  for (const auto& d : deductions)
    out += fmt::format("{}{} {} {}", out.empty() ? "" : "\n", d.item, score_text(d.points), d.problem);
  return out;
}

std::string problems_text(const CaseFileRubric& rubric, const std::vector<RubricDeduction>& deductions) {
  std::string out;
  for (const auto& d : deductions) {
    const RubricItem* item = rubric.item(d.item);
    out += fmt::format("{}{}（{}，扣{}分）", out.empty() ? "" : "\n", d.problem, item ? item->label : d.item,
                       score_text(d.points));
  }
  return out;
}

}  // namespace fazhi
