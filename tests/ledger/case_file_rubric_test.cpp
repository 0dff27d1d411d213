// The case-file review rubric: a rubric declared here, deductions parsed, and the score and
// grade computed by hand in each test.
#include "ledger/case_file_rubric.h"

#include <gmock/gmock.h>

#include "harness/result_matchers.h"

namespace fazhi {
namespace {

using testing::ErrorIs;
using ::testing::HasSubstr;
using testing::IsOk;

// Three items, 35 points: X1 10, X2 20, and the veto item V1 5. 优秀 from 30, 合格 from 25.
CaseFileRubric test_rubric() {
  return CaseFileRubric{.name = "测试评分标准",
                        .items = {{"X1", "事实清楚", 10}, {"X2", "程序合法", 20}, {"V1", "主体合法", 5, true}},
                        .excellent_from = 30,
                        .pass_from = 25,
                        .source = "测试"};
}

TEST(CaseFileRubric, ScoreIsFullScoreMinusDeductionsGradedByTheLines) {
  CaseFileRubric rubric = test_rubric();
  EXPECT_EQ(rubric.full_score(), 35);
  auto d = parse_deductions(rubric, "X1 2 询问笔录缺页\n\nX2 3.5 未告知听证权利\r\n");
  ASSERT_THAT(d, IsOk());
  ASSERT_EQ(d->size(), 2u);
  EXPECT_EQ((*d)[1].item, "X2");
  EXPECT_EQ((*d)[1].points, 3.5);
  EXPECT_EQ((*d)[1].problem, "未告知听证权利");
  CaseFileScore s = score_case_file(rubric, *d);
  EXPECT_EQ(s.score, 29.5);  // 35 - 2 - 3.5, below 30: 合格
  EXPECT_EQ(s.grade, "pass");
  EXPECT_EQ(score_text(s.score), "29.5");
  EXPECT_EQ(score_case_file(rubric, {}).grade, "excellent");                // 35
  EXPECT_EQ(score_case_file(rubric, {{"X1", 5, "a"}}).grade, "excellent");  // 30, on the line
  EXPECT_EQ(score_case_file(rubric, {{"X2", 10.5, "a"}}).grade, "fail");    // 24.5
  EXPECT_EQ(score_case_file(rubric, {{"X2", 10, "a"}}).grade, "pass");      // 25, on the line
  CaseFileScore veto = score_case_file(rubric, {{"V1", 0.5, "委托组织以自己名义作出决定"}});
  EXPECT_EQ(veto.score, 34.5);  // high, but a veto item lost points: 不合格
  EXPECT_EQ(veto.grade, "fail");
}

TEST(CaseFileRubric, BadDeductionsAreRefusedNamingTheLine) {
  CaseFileRubric rubric = test_rubric();
  EXPECT_THAT(parse_deductions(rubric, "X1 1 a\nZ9 1 b"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("扣分明细第2行: 评分标准中没有条目「Z9」")));
  EXPECT_THAT(parse_deductions(rubric, "X1 6 a\nX1 5 b"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("累计扣分11分超过满分")));
  EXPECT_THAT(parse_deductions(rubric, "X1 -1 a"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("应为正数")));
  EXPECT_THAT(parse_deductions(rubric, "X1 0.3 a"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("应为正数")));
  // Found by fuzzing: a positive number too small to write as a score.
  EXPECT_THAT(parse_deductions(rubric, "X1 .0000000002 a"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("应为正数")));
  EXPECT_THAT(parse_deductions(rubric, "X1 1"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("请写明扣分的问题")));
  EXPECT_THAT(parse_deductions(rubric, "X1"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("条目代码 扣分 问题")));
}

TEST(CaseFileRubric, DefaultRubricAddsUpToOneHundredAndTextRoundTrips) {
  const CaseFileRubric& rubric = default_case_file_rubric();
  EXPECT_EQ(rubric.full_score(), 100);
  std::vector<RubricDeduction> d = {{"B2", 2, "证据未编页"}, {"D2", 0.5, "未告知听证"}};
  EXPECT_EQ(deductions_text(d), "B2 2 证据未编页\nD2 0.5 未告知听证");
  auto again = parse_deductions(rubric, deductions_text(d));
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(score_case_file(rubric, *again).score, 97.5);
  EXPECT_EQ(problems_text(rubric, d),
            "证据未编页（证据确凿充分，收集程序合法，扣2分）\n未告知听证（依法告知陈述、申辩和听证"
            "权利，扣0.5分）");
}

}  // namespace
}  // namespace fazhi
