// 统一社会信用代码 check, driven by cases/uscc.txt.
#include "draw/unified_social_credit_code.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "draw_test_support.h"

namespace fazhi::draw {
namespace {

std::string trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

TEST(UnifiedSocialCreditCode, CasesTable) {
  std::ifstream in(testing::test_dir() / "cases" / "uscc.txt");
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto a = line.find('|'), b = line.find('|', a + 1);
    std::string id = trim(line.substr(0, a)), code = trim(line.substr(a + 1, b - a - 1)),
                expect = trim(line.substr(b + 1));
    auto problem = unified_social_credit_code_problem(code);
    if (expect == "ok") {
      EXPECT_FALSE(problem.has_value()) << id << ": " << (problem ? *problem : "");
    } else {
      ASSERT_TRUE(problem.has_value()) << id << " should fail with " << expect;
      EXPECT_THAT(std::string(*problem), ::testing::HasSubstr(expect)) << id;
    }
    ++cases;
  }
  EXPECT_EQ(cases, 16);
}

}  // namespace
}  // namespace fazhi::draw
