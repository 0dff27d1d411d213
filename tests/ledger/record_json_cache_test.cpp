// RecordJsonCache: a kept answer is what building it afresh gives, for every user and day,
// and no write — through this service, through another store on the same database (another
// process or server), to the organisation directory — is ever answered from before it.
#include "ledger/record_json_cache.h"

#include <gmock/gmock.h>

#include <atomic>
#include <thread>

#include "ledger/record_json.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using ::testing::HasSubstr;
using ::testing::Not;

class RecordJsonCacheTest : public testing::LedgerFixture {
 protected:
  static const LedgerDeclaration& petitions() { return *find_ledger("petition"); }

  // The answer built afresh, as the API built it before the cache.
  std::string fresh(const UserContext& u, const LedgerDeclaration& l, std::int64_t id, const std::optional<Date>& day) {
    auto record = service_->get(u, l, id);
    EXPECT_THAT(record, IsOk());
    if (!record) return "";
    auto orgs = service_->orgs();
    EXPECT_THAT(orgs, IsOk());
    std::string out;
    append_record_json(out, *service_, u, l, *record, **orgs, day);
    return out;
  }

  std::int64_t add_person(const std::string& org, const std::string& name) {
    auto r = service_->create(UserContext::system_context(), people(),
                              {{"org_code", org}, {"fields", {{"name", name}, {"gender", "女"}}}});
    EXPECT_THAT(r, IsOk());
    return r ? r->id : 0;
  }

  // A petition received on 2025-03-03 by the district's justice bureau, entered by `u`.
  std::int64_t add_petition(const UserContext& u) {
    auto r = service_->create(
        u, petitions(),
        {{"org_code", "370102.sfj"}, {"fields", {{"petitioner", "王五"}, {"received_on", "2025-03-03"}}}});
    EXPECT_THAT(r, IsOk());
    return r ? r->id : 0;
  }

  const std::optional<Date> day_ = Date::from_ymd(2025, 3, 10).value();
};

TEST_P(RecordJsonCacheTest, AKeptAnswerIsWhatBuildingItAfreshGives) {
  RecordJsonCache cache(*service_);
  auto u = user(Role::kClerk, "370102");
  std::int64_t id = add_person("370102.sfj", "张三");
  auto first = cache.get(u, people(), id, day_);
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(cache.size(), 1u);
  auto second = cache.get(u, people(), id, day_);
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(*first, fresh(u, people(), id, day_));
  EXPECT_EQ(*second, *first);
  EXPECT_THAT(*second, HasSubstr("\"张三\""));
  EXPECT_EQ(cache.size(), 1u);
}

TEST_P(RecordJsonCacheTest, AWriteThroughTheServiceIsSeenAtOnce) {
  RecordJsonCache cache(*service_);
  auto u = user(Role::kClerk, "370102");
  std::int64_t id = add_person("370102.sfj", "张三");
  ASSERT_THAT(cache.get(u, people(), id, day_), IsOk());
  ASSERT_THAT(service_->update(u, people(), id, {{"fields", {{"position", "科长"}}}}), IsOk());
  auto after = cache.get(u, people(), id, day_);
  ASSERT_THAT(after, IsOk());
  EXPECT_THAT(*after, HasSubstr("\"科长\""));
  EXPECT_EQ(*after, fresh(u, people(), id, day_));
  // A write to another record moves the version on as well: nothing kept is trusted.
  auto reader = user(Role::kReader, "370102");
  ASSERT_THAT(cache.get(reader, people(), id, day_), IsOk());
  EXPECT_EQ(cache.size(), 2u);
  add_person("370100", "李四");
  ASSERT_THAT(cache.get(u, people(), id, day_), IsOk());
  EXPECT_EQ(cache.size(), 1u) << "the reader's answer, of the older version, was forgotten";
}

TEST_P(RecordJsonCacheTest, AWriteByAnotherStoreOnTheSameDatabaseIsSeen) {
  RecordJsonCache cache(*service_);
  auto u = user(Role::kCoordinator, "370100");
  std::int64_t id = add_person("370102.sfj", "张三");
  ASSERT_THAT(cache.get(u, people(), id, day_), IsOk());
  // Another server (or the command line) on the same database, with its own connections.
  auto other_store = Store::open(db_->location());
  ASSERT_THAT(other_store, IsOk());
  LedgerService other(**other_store);
  ASSERT_THAT(other.update(UserContext::system_context(), people(), id, {{"fields", {{"name", "张三丰"}}}}), IsOk());
  auto after = cache.get(u, people(), id, day_);
  ASSERT_THAT(after, IsOk());
  EXPECT_THAT(*after, HasSubstr("\"张三丰\""));
  EXPECT_EQ(*after, fresh(u, people(), id, day_));
  // Deleted elsewhere: not found, as without the cache.
  ASSERT_THAT(other.remove(UserContext::system_context(), people(), id, 0), IsOk());
  EXPECT_THAT(cache.get(u, people(), id, day_), ErrorIs(ErrorCode::kNotFound, HasSubstr("不存在")));
}

TEST_P(RecordJsonCacheTest, EveryUserGetsTheirOwnAnswerAndScope) {
  RecordJsonCache cache(*service_);
  auto district_clerk = user(Role::kClerk, "370102");
  auto district_reader = user(Role::kReader, "370102");
  auto city_bureau_clerk = user(Role::kClerk, "370100.sfj");  // another branch of the tree
  std::int64_t petition = add_petition(district_clerk);
  auto clerk = cache.get(district_clerk, petitions(), petition, day_);
  ASSERT_THAT(clerk, IsOk());
  auto reader = cache.get(district_reader, petitions(), petition, day_);
  ASSERT_THAT(reader, IsOk());
  EXPECT_EQ(*clerk, fresh(district_clerk, petitions(), petition, day_));
  EXPECT_EQ(*reader, fresh(district_reader, petitions(), petition, day_));
  EXPECT_THAT(*reader, HasSubstr("\"transitions\":[]")) << "a reader may take no step";
  EXPECT_THAT(*clerk, Not(HasSubstr("\"transitions\":[]"))) << "the clerk may";
  EXPECT_THAT(cache.get(city_bureau_clerk, petitions(), petition, day_),
              ErrorIs(ErrorCode::kNotFound, HasSubstr("无权查看")));
  EXPECT_THAT(cache.get(city_bureau_clerk, petitions(), petition, day_),
              ErrorIs(ErrorCode::kNotFound, HasSubstr("无权查看")));
  EXPECT_EQ(cache.size(), 2u) << "refusals are not kept";
}

TEST_P(RecordJsonCacheTest, DeadlinesAreThoseOfTheDayAsked) {
  RecordJsonCache cache(*service_);
  auto u = user(Role::kClerk, "370102");
  std::int64_t petition = add_petition(u);
  std::optional<Date> early = Date::from_ymd(2025, 3, 4).value();
  std::optional<Date> late = Date::from_ymd(2025, 6, 30).value();
  auto on_early = cache.get(u, petitions(), petition, early);
  auto on_late = cache.get(u, petitions(), petition, late);
  ASSERT_THAT(on_early, IsOk());
  ASSERT_THAT(on_late, IsOk());
  EXPECT_EQ(*on_early, fresh(u, petitions(), petition, early));
  EXPECT_EQ(*on_late, fresh(u, petitions(), petition, late));
  EXPECT_NE(*on_early, *on_late) << "the acceptance notice is overdue by June";
  EXPECT_THAT(*on_late, HasSubstr("overdue"));
  EXPECT_THAT(*on_early, Not(HasSubstr("overdue")));
}

TEST_P(RecordJsonCacheTest, ARenamedOrganisationShowsAtOnce) {
  RecordJsonCache cache(*service_);
  auto u = user(Role::kCoordinator, "370100");
  std::int64_t id = add_person("370102.sfj", "张三");
  auto before = cache.get(u, people(), id, day_);
  ASSERT_THAT(before, IsOk());
  EXPECT_THAT(*before, HasSubstr("甲区司法局"));
  auto org = service_->list(UserContext::system_context(), organizations(),
                            parse_list_query(organizations(), {{"f.code", "370102.sfj"}}).value());
  ASSERT_THAT(org, IsOk());
  ASSERT_EQ(org->records.size(), 1u);
  ASSERT_THAT(service_->update(UserContext::system_context(), organizations(), org->records[0].id,
                               {{"fields", {{"name", "甲区司法局（更名）"}}}}),
              IsOk());
  auto after = cache.get(u, people(), id, day_);
  ASSERT_THAT(after, IsOk());
  EXPECT_THAT(*after, HasSubstr("甲区司法局（更名）"));
  EXPECT_EQ(*after, fresh(u, people(), id, day_));
}

TEST_P(RecordJsonCacheTest, KeepsNoMoreThanItsBytes) {
  auto u = user(Role::kClerk, "370102");
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(add_person("370102.sfj", "人员" + std::to_string(i)));
  std::size_t one = fresh(u, people(), ids[0], day_).size();
  RecordJsonCache cache(*service_, 3 * one);
  for (std::int64_t id : ids) {
    auto json = cache.get(u, people(), id, day_);
    ASSERT_THAT(json, IsOk());
    EXPECT_EQ(*json, fresh(u, people(), id, day_));
    EXPECT_LE(cache.bytes(), 3 * one);
  }
  EXPECT_GE(cache.size(), 1u);
  EXPECT_LT(cache.size(), 3u) << "each answer also counts its key and bookkeeping";
  // The most recent answer is the one kept; the first was let go and is built again, right.
  auto again = cache.get(u, people(), ids[0], day_);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(*again, fresh(u, people(), ids[0], day_));
}

TEST_P(RecordJsonCacheTest, ReadersDuringWritesNeverSeeAnOlderRecordThanBefore) {
  RecordJsonCache cache(*service_);
  auto u = user(Role::kClerk, "370102");
  std::int64_t id = add_person("370102.sfj", "张三");
  ASSERT_THAT(service_->update(u, people(), id, {{"fields", {{"position", "第0次"}}}}), IsOk());
  constexpr int kWrites = 20;
  std::atomic<bool> done{false};
  std::atomic<int> reading{0};
  // Each reader notes the position it sees, until it has read once more after the last write.
  auto read_on = [&](std::vector<int>& seen) {
    for (bool last = false; !last;) {
      last = done.load();
      auto json = cache.get(u, people(), id, day_);
      if (!json) {
        ADD_FAILURE() << json.error().full_message();
        return;
      }
      auto at = json->find("\"position\":\"第");
      if (at == std::string::npos) {
        ADD_FAILURE() << "no position in " << *json;
        return;
      }
      seen.push_back(std::stoi(json->substr(at + 15)));
      if (seen.size() == 1) ++reading;
    }
  };
  std::vector<int> seen_a, seen_b;
  std::thread a(read_on, std::ref(seen_a));
  std::thread b(read_on, std::ref(seen_b));
  // The writes start once both readers are reading, so that they overlap.
  while (reading.load() < 2 && !::testing::Test::HasFailure()) std::this_thread::yield();
  for (int i = 1; i <= kWrites; ++i)
    EXPECT_THAT(service_->update(u, people(), id, {{"fields", {{"position", "第" + std::to_string(i) + "次"}}}}),
                IsOk());
  done = true;
  a.join();
  b.join();
  for (const auto* seen : {&seen_a, &seen_b}) {
    ASSERT_FALSE(seen->empty());
    for (size_t i = 1; i < seen->size(); ++i) ASSERT_LE((*seen)[i - 1], (*seen)[i]) << "read " << i;
    EXPECT_EQ(seen->back(), kWrites) << "the read after the last write sees it";
  }
  auto last = cache.get(u, people(), id, day_);
  ASSERT_THAT(last, IsOk());
  EXPECT_THAT(*last, HasSubstr("\"第20次\""));
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordJsonCacheTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
