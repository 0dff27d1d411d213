// The case-file review rubric (案卷评查评分标准) as data: items with their points, which of
// them fail a file outright (一票否决), and the grade lines 优秀/合格/不合格. A reviewer records
// deductions, one a line; the score and grade are computed from them, never typed, so a
// corrected deduction or a new rubric changes them consistently. Each deduction is a problem
// the enforcement body must rectify (case_file_review_rules.cpp turns them into supervision
// problems with a deadline).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace fazhi {

// One scored item of the rubric.
struct RubricItem {
  std::string code;   // "B2", as reviewers write it in a deduction
  std::string label;  // 证据确凿充分
  int points = 0;     // the most that can be deducted under it
  bool veto = false;  // any deduction fails the whole file (一票否决)
};

struct CaseFileRubric {
  std::string name;
  std::vector<RubricItem> items;  // their points add up to the full score
  double excellent_from = 90;     // score >= this and no veto: 优秀
  double pass_from = 70;          // score >= this and no veto: 合格; below: 不合格
  std::string source;

  const RubricItem* item(std::string_view code) const;
  int full_score() const;
};

// One problem found: the item, the points deducted and what is wrong.
struct RubricDeduction {
  std::string item;
  double points = 0;
  std::string problem;
};

// A file's result under a rubric.
struct CaseFileScore {
  double score = 0;
  std::string grade;  // "excellent", "pass", "fail"
  std::vector<RubricDeduction> deductions;
};

// The rubric the ledger uses: 5 parts, 13 items, 100 points; 优秀 from 90, 合格 from 70.
const CaseFileRubric& default_case_file_rubric();

// Parses deductions, one a line: "<item code> <points> <problem>" ("B2 2 证据未编页"; half
// points allowed; blank lines skipped). Fails naming the line for an unknown item, points not
// a positive number, a missing problem, or an item's deductions exceeding its points.
Result<std::vector<RubricDeduction>> parse_deductions(const CaseFileRubric& rubric, std::string_view text);
// Full score minus deductions; grade by the rubric's lines, 不合格 whenever a veto item lost
// points.
CaseFileScore score_case_file(const CaseFileRubric& rubric, std::vector<RubricDeduction> deductions);
// "96" or "95.5": the score as the decimal field stores it.
std::string score_text(double score);
// The deductions as the reviewer writes them, one a line (parse_deductions reads it back).
std::string deductions_text(const std::vector<RubricDeduction>& deductions);
// The problems found, one a line with the item and the points: the record's 发现问题.
std::string problems_text(const CaseFileRubric& rubric, const std::vector<RubricDeduction>& deductions);

}  // namespace fazhi
