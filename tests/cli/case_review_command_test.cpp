// `fazhi case-review` end to end on the small demo city, both backends: the pool and draft
// plan of 2024's closed cases written, the draw committed, run and verified with `fazhi draw`,
// then the verified result turned into reviews (one per drawn case, audited); a tampered
// result is refused (exit 2) and writes nothing, a second assignment conflicts (exit 3).
#include <gmock/gmock.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "harness/temp_database.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_service.h"
#include "run_fazhi.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

class CaseReviewCommandTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TempDatabase>(GetParam());
    dir_ =
        std::filesystem::temp_directory_path() / ("fazhi-case-review-" + GetParam() + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    auto [status, out] = run("init --db " + db() + " --demo --scale small");
    ASSERT_EQ(status, 0) << out;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::pair<int, std::string> run(const std::string& args) { return testing::run_fazhi(args); }
  std::string db() { return "'" + db_->location() + "'"; }
  std::string path(const std::string& name) { return "'" + (dir_ / name).string() + "'"; }
  // Reviews in the database that cite a draw.
  std::int64_t drawn_reviews() {
    auto store = Store::open(db_->location());
    EXPECT_TRUE(store.has_value());
    std::int64_t n = -1;
    auto r = (*store)->read([&](SqlSession& s) -> Result<void> {
      FAZHI_ASSIGN_OR_RETURN(auto q, s.query("SELECT COUNT(*) FROM case_file_review WHERE draw IS NOT NULL "
                                             "AND state = 'reviewing'"));
      n = sql_int(q.rows[0][0]).value_or(-1);
      return ok();
    });
    EXPECT_TRUE(r.has_value());
    return n;
  }

  std::unique_ptr<testing::TempDatabase> db_;
  std::filesystem::path dir_;
};

TEST_P(CaseReviewCommandTest, PoolDrawVerifyAssign) {
  auto [pool_status, pool_out] =
      run("case-review pool --db " + db() + " --year 2024 --office 379900.sfj --per-body 1 " +
          "--date 2025-01-10 --out-dir '" + dir_.string() + "'");
  ASSERT_EQ(pool_status, 0) << pool_out;
  EXPECT_THAT(pool_out, HasSubstr("2024 年度结案案件"));
  const std::string plan = path("plan-case-files-2024.json");
  auto plan_json = nlohmann::json::parse(std::ifstream(dir_ / "plan-case-files-2024.json"));
  const std::size_t strata = plan_json["strata"].size();
  ASSERT_GT(strata, 0u);
  EXPECT_TRUE(std::filesystem::exists(dir_ / plan_json["targets_file"]["name"].get<std::string>()));

  auto [commit_status, commit_out] = run("draw commit --plan " + plan);
  ASSERT_EQ(commit_status, 0) << commit_out;
  auto [run_status, run_out] =
      run("draw run --plan " + plan + " --public-value '2025-01-12 开奖号码 03 11 17 22 28 31' --out " +
          path("result.json"));
  ASSERT_EQ(run_status, 0) << run_out;
  auto [verify_status, verify_out] = run("draw verify " + path("result.json") + " --plan " + plan);
  ASSERT_EQ(verify_status, 0) << verify_out;

  // A result whose first drawn file was swapped for another is refused, and nothing written.
  auto result = nlohmann::json::parse(std::ifstream(dir_ / "result.json"));
  result["strata"][0]["selection"][0]["target"] = "EC0000000001";
  std::ofstream(dir_ / "tampered.json") << result.dump();
  auto [bad_status, bad_out] =
      run("case-review assign --db " + db() + " --year 2024 --plan " + plan + " --result " + path("tampered.json"));
  EXPECT_EQ(bad_status, 2) << bad_out;
  EXPECT_THAT(bad_out, HasSubstr("核验不通过"));
  EXPECT_EQ(drawn_reviews(), 0);

  auto [status, out] =
      run("case-review assign --db " + db() + " --year 2024 --plan " + plan + " --result " + path("result.json"));
  ASSERT_EQ(status, 0) << out;
  EXPECT_THAT(out, HasSubstr("生成评查记录 " + std::to_string(strata) + " 条"));
  EXPECT_EQ(drawn_reviews(), static_cast<std::int64_t>(strata)) << "one a body";
  auto [again, again_out] =
      run("case-review assign --db " + db() + " --year 2024 --plan " + plan + " --result " + path("result.json"));
  EXPECT_EQ(again, 3) << again_out;
  auto [audit, audit_out] = run("audit verify --db " + db());
  EXPECT_EQ(audit, 0) << audit_out;
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseReviewCommandTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
