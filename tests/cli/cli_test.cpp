// The `fazhi` program as a clerk runs it: output, exit codes, and an import killed mid-way
// leaving the database as it was (both backends).
#include <fcntl.h>
#include <gmock/gmock.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "harness/result_matchers.h"
#include "harness/temp_database.h"
#include "ledger/audit_verification.h"
#include "ledger/ledger_table.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

struct Run {
  int status = -1;
  std::string out;
};

// Runs the program with `args` (a shell-quoted string), `input` on stdin; stderr joins stdout.
Run run(const std::string& args, const std::string& input = "") {
  testing::TempDir dir;
  std::string in = dir.file("stdin");
  std::ofstream(in) << input;
  std::string cmd = std::string(FAZHI_BINARY) + " " + args + " < " + in + " 2>&1";
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(CalendarCommand, AddsWorkingDaysAcrossNationalDay2024) {
  auto r = run("calendar add-workdays 2024-09-27 5");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "2024-10-10\n");
  EXPECT_EQ(run("calendar is-workday 2024-10-12").out, "yes\n");  // adjusted Saturday
  EXPECT_EQ(run("calendar is-workday 2025-01-29").out, "no\n");   // Spring Festival
  auto bad = run("calendar add-workdays 2024-02-30 1");
  EXPECT_EQ(bad.status, 2);
  EXPECT_THAT(bad.out, HasSubstr("2024-02-30"));
}

class CliDatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TempDatabase>(GetParam());
    auto r = run("init --db '" + db_->location() + "' --demo --scale small");
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_THAT(r.out, HasSubstr("admin /"));
  }
  std::string db() { return "'" + db_->location() + "'"; }
  std::int64_t count(const std::string& table) {
    auto store = Store::open(db_->location());
    std::int64_t n = -1;
    EXPECT_TRUE((*store)
                    ->read([&](SqlSession& s) -> Result<void> {
                      FAZHI_ASSIGN_OR_RETURN(auto r, s.query("SELECT COUNT(*) FROM " + table));
                      n = *sql_int(r.rows[0][0]);
                      return ok();
                    })
                    .has_value());
    return n;
  }
  // Starts an import of 2,000,000 people and kills it mid-way, while it writes.
  void kill_import_midway() {
    std::string csv = dir_.file("big.csv");
    {
      std::ofstream out(csv);
      out << "姓名,职务,入职日期\n";
      // About five seconds of import on this machine's cores (2.6 µs a row on SQLite in
      // bench/README.md): the kill after 1.5 s lands well inside it on a faster one too.
      for (int i = 0; i < 2000000; ++i) out << "人员" << i << ",科员,2024-03-05\n";
    }
    pid_t pid = fork();
    if (pid == 0) {
      int null = open("/dev/null", O_WRONLY);
      dup2(null, 1);
      dup2(null, 2);
      execl(FAZHI_BINARY, FAZHI_BINARY, "import", "--db", db_->location().c_str(), "--ledger", "people", "--org",
            "379900", csv.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    // Long enough for rows to be written inside the transaction, well before it could commit.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it was killed; make the file bigger";
  }
  std::unique_ptr<testing::TempDatabase> db_;
  testing::TempDir dir_;
};

TEST_P(CliDatabaseTest, DemoVerifiesAndTamperingFailsVerify) {
  auto r = run("audit verify --db " + db());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("审计日志完整"));
  auto store = Store::open(db_->location());
  ASSERT_TRUE(store.has_value());
  ASSERT_TRUE((*store)->apply_migration("tamper", "UPDATE people SET name = '篡改' WHERE id = 3").has_value());
  store->reset();
  auto bad = run("audit verify --db " + db());
  EXPECT_EQ(bad.status, 1);
  // The demo wrote people in bulk: the import entry's row digest no longer matches.
  EXPECT_THAT(bad.out, HasSubstr("导入的记录在审计之外被修改"));
}

TEST_P(CliDatabaseTest, UserAddReadsThePasswordFromStdin) {
  auto weak = run("user add --db " + db() + " --login newbie --role clerk --org 379900", "short\n");
  EXPECT_EQ(weak.status, 2);
  EXPECT_THAT(weak.out, HasSubstr("至少 8 位"));
  auto r = run("user add --db " + db() + " --login newbie --role clerk --org 379900", "Strong2025pw\n");
  EXPECT_EQ(r.status, 0) << r.out;
  auto dup = run("user add --db " + db() + " --login newbie --role clerk --org 379900", "Strong2025pw\n");
  EXPECT_EQ(dup.status, 3);
  auto org = run("user add --db " + db() + " --login x --role clerk --org nowhere", "Strong2025pw\n");
  EXPECT_THAT(org.out, HasSubstr("单位「nowhere」"));
}

TEST_P(CliDatabaseTest, ImportErrorsNameRowColumnAndNothingIsWritten) {
  std::string csv = dir_.file("people.csv");
  std::ofstream(csv) << "姓名,性别\n张三,男\n李四,不详\n";
  std::int64_t before = count("people");
  auto r = run("import --db " + db() + " --ledger people " + csv);
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.out, HasSubstr("第 3 行，列「性别」"));
  EXPECT_EQ(count("people"), before);
  auto unknown = run("import --db " + db() + " --ledger nosuch " + csv);
  EXPECT_THAT(unknown.out, HasSubstr("没有这个台账"));
}

TEST_P(CliDatabaseTest, ExportThenBackupRestoresWithTheChainIntact) {
  std::string xlsx = dir_.file("people.xlsx");
  auto e = run("export --db " + db() + " --ledger people --out " + xlsx);
  EXPECT_EQ(e.status, 0) << e.out;
  std::string copy = dir_.file(GetParam() == "sqlite" ? "copy.db" : "copy.sql");
  auto b = run("backup --db " + db() + " --out " + copy);
  EXPECT_EQ(b.status, 0) << b.out;
  if (GetParam() == "sqlite") {
    auto v = run("audit verify --db " + copy);
    EXPECT_EQ(v.status, 0) << v.out;
  } else {
    // Restore the dump into a new database with psql, as the README says, and verify it.
    std::string name = "fz_restore_" + std::to_string(getpid());
    std::string server = testing::postgres_server_uri();
    ASSERT_EQ(std::system(("psql -q '" + server + "' -c 'CREATE DATABASE " + name + "' >/dev/null").c_str()), 0);
    std::string target = testing::postgres_database_uri(name);
    ASSERT_EQ(std::system(("psql -q -v ON_ERROR_STOP=1 '" + target + "' -f " + copy + " >/dev/null").c_str()), 0);
    auto v = run("audit verify --db '" + target + "'");
    EXPECT_EQ(v.status, 0) << v.out;
    std::system(("psql -q '" + server + "' -c 'DROP DATABASE " + name + " WITH (FORCE)' >/dev/null").c_str());
  }
}

TEST_P(CliDatabaseTest, ImportKilledMidwayLeavesTheDatabaseUnchanged) {
  std::int64_t people = count("people");
  std::int64_t audit = count("audit_log");
  ASSERT_NO_FATAL_FAILURE(kill_import_midway());
  EXPECT_EQ(count("people"), people);
  EXPECT_EQ(count("audit_log"), audit);
  auto v = run("audit verify --db " + db());
  EXPECT_EQ(v.status, 0) << v.out;
}

INSTANTIATE_TEST_SUITE_P(Backends, CliDatabaseTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

using CliSqliteTest = CliDatabaseTest;

// The CLI's import, with the file to itself, writes outside the WAL under a rollback journal
// (Store::write_alone): killed, it leaves a hot journal, which the next open rolls back
// before it puts the file back in WAL mode.
TEST_P(CliSqliteTest, ImportKilledOutsideTheWalIsRolledBackAndTheWalIsBackOnNextOpen) {
  std::int64_t people = count("people");
  std::int64_t audit = count("audit_log");
  ASSERT_NO_FATAL_FAILURE(kill_import_midway());
  const std::string journal = db_->location() + "-journal";
  EXPECT_TRUE(std::filesystem::exists(journal)) << "the import did not write outside the WAL";
  EXPECT_FALSE(std::filesystem::exists(db_->location() + "-wal"));
  EXPECT_EQ(count("people"), people);
  EXPECT_EQ(count("audit_log"), audit);
  EXPECT_FALSE(std::filesystem::exists(journal));
  auto store = Store::open(db_->location());
  ASSERT_TRUE(store.has_value());
  ASSERT_TRUE((*store)
                  ->read([](SqlSession& s) -> Result<void> {
                    FAZHI_ASSIGN_OR_RETURN(auto r, s.query("PRAGMA journal_mode"));
                    EXPECT_EQ(sql_text(r.rows[0][0]), "wal");
                    return ok();
                  })
                  .has_value());
  store->reset();
  auto v = run("audit verify --db " + db());
  EXPECT_EQ(v.status, 0) << v.out;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, CliSqliteTest, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
