// Tampering with the audit log or with ledger rows behind its back is found by verify_audit,
// on both backends; an untouched database verifies.
#include <gmock/gmock.h>

#include <fstream>

#include "ledger/audit_verification.h"
#include "ledger/ledger_import.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using ::fazhi::testing::IsOk;
using ::testing::HasSubstr;

class AuditTamperTest : public testing::LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    auto u = user(Role::kClerk, "370102.sfj");
    for (const char* name : {"甲", "乙", "丙"}) {
      auto r = service_->create(u, people(), {{"fields", {{"name", name}}}});
      ASSERT_THAT(r, IsOk());
    }
    ASSERT_THAT(service_->update(u, people(), 1, {{"fields", {{"position", "科员"}}}}), IsOk());
    std::string csv = dir_.file("people.csv");
    std::ofstream(csv) << "姓名,职务\n丁,科长\n戊,副科长\n";
    ASSERT_THAT(import_ledger_file(*service_, u, people(), csv), IsOk());  // ids 4 and 5
  }
  void sql(const std::string& statement) {
    ASSERT_THAT(store_->apply_migration("tamper " + statement, statement), IsOk());
  }
  AuditVerification verify() {
    auto v = verify_audit(*store_);
    EXPECT_THAT(v, IsOk());
    return v.value_or(AuditVerification{});
  }
  std::string problems() {
    auto v = verify();
    EXPECT_FALSE(v.intact);
    std::string all;
    for (auto& p : v.problems) all += p + "\n";
    return all;
  }
  testing::TempDir dir_;
};

TEST_P(AuditTamperTest, UntouchedDatabaseVerifies) {
  auto v = verify();
  EXPECT_TRUE(v.intact) << (v.problems.empty() ? "" : v.problems[0]);
  EXPECT_EQ(v.entries, 4 + 3 + 1 + 1);  // organisations, creates, update, import
  EXPECT_EQ(v.rows, 4 + 5);
}

TEST_P(AuditTamperTest, EditedEntryIsNamed) {
  sql("UPDATE audit_log SET actor = 'someone' WHERE seq = 6");
  EXPECT_THAT(problems(), HasSubstr("第 6 条审计记录"));
}

TEST_P(AuditTamperTest, DeletedEntryIsFound) {
  sql("DELETE FROM audit_log WHERE seq = 5");
  EXPECT_THAT(problems(), HasSubstr("第 4 条之后缺少审计记录"));
}

TEST_P(AuditTamperTest, ReorderedEntriesAreFound) {
  sql("UPDATE audit_log SET seq = -1 WHERE seq = 5");
  sql("UPDATE audit_log SET seq = 5 WHERE seq = 6");
  sql("UPDATE audit_log SET seq = 6 WHERE seq = -1");
  EXPECT_THAT(problems(), HasSubstr("前一哈希与上一条记录不符"));
}

TEST_P(AuditTamperTest, TruncatedTailIsFound) {
  sql("DELETE FROM audit_log WHERE seq = 9");
  EXPECT_THAT(problems(), HasSubstr("审计链头"));
}

TEST_P(AuditTamperTest, RowChangedOutsideTheAuditIsFound) {
  sql("UPDATE people SET position = '局长' WHERE id = 2");
  EXPECT_THAT(problems(), HasSubstr("编号 2 的记录与审计日志不符"));
}

TEST_P(AuditTamperTest, ImportedRowChangedOutsideTheAuditIsFound) {
  sql("UPDATE people SET position = '局长' WHERE id = 5");
  EXPECT_THAT(problems(), HasSubstr("导入的记录在审计之外被修改"));
}

TEST_P(AuditTamperTest, RowAddedOrDeletedOutsideTheAuditIsFound) {
  sql("DELETE FROM people WHERE id = 3");
  EXPECT_THAT(problems(), HasSubstr("编号 3 的记录在审计日志中存在，但已从表中消失"));
}

TEST_P(AuditTamperTest, RowInsertedOutsideTheAuditIsFound) {
  sql("INSERT INTO people (id, org_code, org_path, state, version, created_at, created_by, updated_at, updated_by, "
      "name) VALUES (99, '370102.sfj', '/370100/370102/370102.sfj/', '', 1, 'x', 'x', 'x', 'x', '幽灵')");
  EXPECT_THAT(problems(), HasSubstr("编号 99 的记录没有审计记录"));
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTamperTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
