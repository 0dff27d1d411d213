// `fazhi draw` end to end through the command line, on the committed example.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>

#include "draw_test_support.h"

namespace fazhi::draw {
namespace {

using ::testing::HasSubstr;

struct CliRun {
  int exit_code;
  std::string out;  // stdout and stderr together
};

CliRun run_cli(const std::string& args) {
  std::string command = std::string(FAZHI_DRAW_CLI) + " " + args + " 2>&1";
  CliRun r{-1, {}};
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string example(const char* name) {
  return (testing::examples_dir() / name).string();
}

TEST(DrawCli, CommitPrintsThePlanHash) {
  CliRun r = run_cli("draw commit --plan " + example("plan.json"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("bdbe460a7a418819f184ca31acf1aa7b2ce76ba6d76be1d8592580b7ced5ccd2\n"));
  EXPECT_THAT(r.out, HasSubstr("检查对象 3000 户"));
}

TEST(DrawCli, RunReproducesTheExampleAndVerifyAcceptsIt) {
  testing::TempDir dir;
  std::string out = (dir.path() / "result.json").string();
  CliRun r = run_cli("draw run --plan " + example("plan.json") + " --public-value-file " + example("public-value.txt") +
                     " --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("已从 3000 户中抽中 160 户"));
  EXPECT_EQ(testing::read_text(out), testing::read_text(example("result.json")));
  CliRun v = run_cli("draw verify " + out + " --plan " + example("plan.json"));
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_THAT(v.out, HasSubstr("核验通过"));
}

TEST(DrawCli, VerifyFailsWithTheFirstDifference) {
  testing::TempDir dir;
  std::string text = testing::read_text(example("result.json"));
  auto at = text.find("\"S040\", \"H009\"");
  text.replace(at, 14, "\"H009\", \"S040\"");
  std::string tampered = (dir.path() / "tampered.json").string();
  testing::write_text(tampered, text);
  CliRun v = run_cli("draw verify " + tampered + " --plan " + example("plan.json"));
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_THAT(v.out, HasSubstr("核验不通过：strata[0].selection[0].team[0]：结果文件中为 "
                               "\"H009\"，按计划与公开值重新计算应为 \"S040\""));
  CliRun p = run_cli("draw publish " + tampered + " --plan " + example("plan.json"));
  EXPECT_EQ(p.exit_code, 1);
  EXPECT_THAT(p.out, HasSubstr("不予公示"));
}

TEST(DrawCli, RunWithAPublicValueOnTheCommandLine) {
  testing::TempDir dir;
  std::string out = (dir.path() / "r.json").string();
  CliRun r = run_cli("draw run --plan " + example("plan.json") + " --public-value '另一个值' --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(testing::read_text(out), HasSubstr("\"public_value\": \"另一个值\""));
  CliRun missing = run_cli("draw run --plan " + example("plan.json") + " --out " + out);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.out, HasSubstr("公开随机值为空"));
  CliRun no_plan = run_cli("draw commit --plan /nonexistent/plan.json");
  EXPECT_EQ(no_plan.exit_code, 2);
  EXPECT_THAT(no_plan.out, HasSubstr("计划 /nonexistent/plan.json: 文件不存在或无法读取"));
}

TEST(DrawCli, PublishTextAndHtml) {
  CliRun t = run_cli("draw publish " + example("result.json") + " --plan " + example("plan.json") + " --format text");
  ASSERT_EQ(t.exit_code, 0) << t.out;
  EXPECT_THAT(t.out, HasSubstr("示例市市场监督管理局“双随机、一公开”抽查结果公示"));
  EXPECT_THAT(t.out, HasSubstr("检查对象名录共 3000 户"));
  EXPECT_THAT(t.out, HasSubstr("共抽中 160 户"));
  EXPECT_THAT(t.out, HasSubstr("按可抽户数的 3% 抽取"));
  EXPECT_THAT(t.out, HasSubstr("fazhi draw verify result.json --plan plan.json"));
  EXPECT_THAT(t.out, HasSubstr("1\t信用风险低（A类）\t示例市仓山区永安鑫达金属制品有限公司0706\t913"
                               "50104LP05600009\t王建国（S040）、赵丽娟（H009）"));
  EXPECT_EQ(t.out, testing::read_text(testing::test_dir() / "golden" / "example-notice.txt"));
  CliRun h = run_cli("draw publish " + example("result.json") + " --plan " + example("plan.json") + " --format html");
  ASSERT_EQ(h.exit_code, 0) << h.out;
  EXPECT_THAT(h.out, HasSubstr("<html lang=\"zh-CN\">"));
  EXPECT_THAT(h.out, HasSubstr("<tr><td>1</td><td>信用风险低（A类）</td>"));
  EXPECT_THAT(h.out, HasSubstr("<code>fazhi draw verify result.json --plan plan.json</code>"));
  EXPECT_EQ(h.out, testing::read_text(testing::examples_dir() / "notice.html"));
}

TEST(DrawCli, CommitRevealThroughTheCommandLine) {
  std::string plan = (testing::test_dir() / "cases" / "commit-reveal-plan.json").string();
  CliRun c = run_cli("draw commitment 市监局-41d2e8");
  EXPECT_EQ(c.out, "d98836e52a336e3892c3d1dcf149a7f5a9e94cc25f7a72ff3967b6582baf5100\n");
  testing::TempDir dir;
  std::string out = (dir.path() / "r.json").string();
  CliRun r =
      run_cli("draw run --plan " + plan + " --reveal scjg=市监局-41d2e8 --reveal sthj=环保局-7f3a9c --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(testing::read_text(out), testing::read_text(testing::test_dir() / "golden" / "commit-reveal-result.json"));
  CliRun v = run_cli("draw verify " + out + " --plan " + plan);
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

TEST(DrawCli, HashPoolIsWhatSplitAndOpensslGive) {
  // docs/draw-plan.md promises the chunked SM3 with standard tools alone; check that promise
  // on a file of two pieces and a bit, where those tools are installed.
  if (std::system("command -v split > /dev/null && command -v openssl > /dev/null") != 0) {
    GTEST_SKIP() << "split or openssl not installed";
  }
  testing::TempDir dir;
  std::string bytes;
  for (int i = 0; bytes.size() < 2 * (1u << 20) + 999; ++i) bytes += "T" + std::to_string(i) + ",某公司\n";
  const std::string file = (dir.path() / "pool.csv").string();
  testing::write_text(file, bytes);
  CliRun ours = run_cli("draw hash-pool " + file);
  ASSERT_EQ(ours.exit_code, 0) << ours.out;
  CliRun tools{-1, {}};
  FILE* pipe = ::popen(
      ("split -b 1048576 --filter='openssl dgst -sm3 -binary' " + file + " | openssl dgst -sm3 -r | cut -d' ' -f1")
          .c_str(),
      "r");
  ASSERT_NE(pipe, nullptr);
  char buf[256];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) tools.out.append(buf, n);
  ::pclose(pipe);
  ASSERT_EQ(tools.out.size(), 65u) << tools.out;
  EXPECT_EQ(ours.out, tools.out);
  CliRun missing = run_cli("draw hash-pool " + (dir.path() / "missing.csv").string());
  EXPECT_EQ(missing.exit_code, 2) << missing.out;
  EXPECT_THAT(missing.out, HasSubstr("missing.csv"));
}

}  // namespace
}  // namespace fazhi::draw
