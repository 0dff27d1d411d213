// The ledger front door on both backends: scope, roles, validation, versions, audit.
#include "ledger/ledger_service.h"

#include <gmock/gmock.h>

#include "ledger/audit_verification.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using ::testing::HasSubstr;

class LedgerServiceTest : public testing::LedgerFixture {
 protected:
  LedgerRecord add_person(const UserContext& u, const std::string& org, const std::string& name) {
    auto r = service_->create(u, people(), {{"org_code", org}, {"fields", {{"name", name}, {"gender", "女"}}}});
    EXPECT_THAT(r, IsOk());
    return r.value_or(LedgerRecord{});
  }
  std::vector<std::string> names_seen_by(const UserContext& u) {
    auto page = service_->list(u, people(), ListQuery{.descending = false});
    EXPECT_THAT(page, IsOk());
    std::vector<std::string> names;
    if (page)
      for (auto& r : page->records) names.push_back(sql_text(r.values[0]));
    return names;
  }
};

TEST_P(LedgerServiceTest, ScopeCoversOwnOrganisationAndBelowOnly) {
  auto sys = UserContext::system_context();
  add_person(sys, "370100", "市政府甲");
  add_person(sys, "370100.sfj", "市司法局乙");
  add_person(sys, "370102.sfj", "区司法局丙");
  EXPECT_THAT(names_seen_by(user(Role::kCoordinator, "370100")),
              ::testing::ElementsAre("市政府甲", "市司法局乙", "区司法局丙"));
  EXPECT_THAT(names_seen_by(user(Role::kClerk, "370100.sfj")), ::testing::ElementsAre("市司法局乙"));
  EXPECT_THAT(names_seen_by(user(Role::kLeader, "370102")), ::testing::ElementsAre("区司法局丙"));
}

TEST_P(LedgerServiceTest, RecordOutsideScopeIsReportedMissing) {
  auto rec = add_person(UserContext::system_context(), "370102.sfj", "区司法局丙");
  EXPECT_THAT(service_->get(user(Role::kClerk, "370100.sfj"), people(), rec.id),
              ErrorIs(ErrorCode::kNotFound, HasSubstr("不存在或无权查看")));
  EXPECT_THAT(service_->get(user(Role::kClerk, "370102"), people(), rec.id), IsOk());
}

TEST_P(LedgerServiceTest, ClerkCannotWriteIntoAnotherOrganisation) {
  auto r = service_->create(user(Role::kClerk, "370100.sfj"), people(),
                            {{"org_code", "370102.sfj"}, {"fields", {{"name", "越权"}}}});
  EXPECT_THAT(r, ErrorIs(ErrorCode::kForbidden, HasSubstr("不在您的管理范围内")));
}

TEST_P(LedgerServiceTest, ReaderAndLeaderCannotWrite) {
  for (Role role : {Role::kReader, Role::kLeader}) {
    auto r = service_->create(user(role, "370100"), people(), {{"fields", {{"name", "某人"}}}});
    EXPECT_THAT(r, ErrorIs(ErrorCode::kForbidden, HasSubstr("无权修改")));
  }
}

TEST_P(LedgerServiceTest, FieldErrorsNameTheFieldAndValue) {
  auto r = service_->create(user(Role::kClerk, "370100"), people(),
                            {{"fields", {{"gender", "未知"}, {"entered_on", "2024-02-30"}}}});
  ASSERT_FALSE(r.has_value());
  const Error& e = r.error();
  EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
  ASSERT_EQ(e.details.size(), 2u);
  EXPECT_EQ(e.details[0].field, "gender");
  EXPECT_THAT(e.details[0].full_message(), HasSubstr("未知"));
  EXPECT_EQ(e.details[1].field, "entered_on");
  EXPECT_THAT(e.details[1].full_message(), HasSubstr("2024-02-30"));
  auto missing = service_->create(user(Role::kClerk, "370100"), people(), {{"fields", {{"gender", "男"}}}});
  EXPECT_THAT(missing, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("姓名")));
  EXPECT_EQ(missing.error().field, "name");
}

TEST_P(LedgerServiceTest, StaleVersionIsAConflict) {
  auto u = user(Role::kClerk, "370100");
  auto rec = add_person(u, "370100", "张三");
  ASSERT_THAT(service_->update(u, people(), rec.id, {{"version", 1}, {"fields", {{"position", "科员"}}}}), IsOk());
  EXPECT_THAT(service_->update(u, people(), rec.id, {{"version", 1}, {"fields", {{"position", "科长"}}}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("请刷新")));
  auto now = service_->get(u, people(), rec.id);
  ASSERT_THAT(now, IsOk());
  EXPECT_EQ(sql_text(now->values[people().field("position") - people().fields.data()]), "科员");
  EXPECT_EQ(now->version, 2);
}

TEST_P(LedgerServiceTest, UniqueFieldRefusesDuplicate) {
  auto u = user(Role::kClerk, "370100");
  ASSERT_THAT(service_->create(u, people(), {{"fields", {{"name", "甲"}, {"citizen_id", "11010519491231002X"}}}}),
              IsOk());
  EXPECT_THAT(service_->create(u, people(), {{"fields", {{"name", "乙"}, {"citizen_id", "11010519491231002X"}}}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("已被编号 1 的记录使用")));
}

TEST_P(LedgerServiceTest, FiltersSortAndPages) {
  auto sys = UserContext::system_context();
  for (int i = 0; i < 7; ++i) add_person(sys, i % 2 ? "370100" : "370102.sfj", "人员" + std::to_string(i));
  auto q = parse_list_query(people(),
                            {{"org", "370102"}, {"sort", "name"}, {"order", "asc"}, {"page_size", "2"}, {"page", "2"}});
  ASSERT_THAT(q, IsOk());
  auto page = service_->list(sys, people(), *q);
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->total, 4);  // 人员0, 2, 4, 6
  ASSERT_EQ(page->records.size(), 2u);
  EXPECT_EQ(sql_text(page->records[0].values[0]), "人员4");
  auto like = parse_list_query(people(), {{"f.name.like", "员3"}});
  ASSERT_THAT(like, IsOk());
  EXPECT_EQ(service_->list(sys, people(), *like)->total, 1);
  EXPECT_THAT(parse_list_query(people(), {{"f.nonexistent", "1"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("nonexistent")));
}

TEST_P(LedgerServiceTest, EveryWriteIsAuditedAndVerifies) {
  auto u = user(Role::kClerk, "370100");
  auto rec = add_person(u, "370100", "张三");
  ASSERT_THAT(service_->update(u, people(), rec.id, {{"fields", {{"position", "科员"}}}}), IsOk());
  ASSERT_THAT(service_->remove(u, people(), rec.id, 0), IsOk());
  auto v = verify_audit(*store_);
  ASSERT_THAT(v, IsOk());
  EXPECT_TRUE(v->intact) << (v->problems.empty() ? "" : v->problems[0]);
  EXPECT_EQ(v->entries, 4 + 3);  // four organisations, then create, update, delete
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerServiceTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
