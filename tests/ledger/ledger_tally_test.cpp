// The monthly tallies on both backends: the counts follow every create, update, delete and
// import, equal the records counted afresh, and a rebuild from the records gives them again.
#include "ledger/ledger_tally.h"

#include <gmock/gmock.h>

#include <fstream>

#include "harness/temp_database.h"
#include "ledger/ledger_import.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using ::fazhi::testing::IsOk;
using ::testing::ElementsAre;

class LedgerTallyTest : public testing::LedgerFixture {
 protected:
  static const LedgerDeclaration& ratings() { return *find_ledger("service_rating"); }
  static const MonthlyTallyDeclaration& by_rated() { return ratings().monthly_tallies.at(0); }

  std::int64_t rate(const std::string& org, const std::string& number, const std::string& channel,
                    const std::string& rated_at, int stars, std::optional<bool> active) {
    nlohmann::json fields = {{"rating_number", number}, {"channel", channel}, {"rated_at", rated_at}, {"stars", stars}};
    if (active) fields["active"] = *active;
    auto r = service_->create(UserContext::system_context(), ratings(), {{"org_code", org}, {"fields", fields}});
    EXPECT_THAT(r, IsOk());
    return r ? r->id : 0;
  }

  // "<month> <org_path> <stars>/<active>/<channel> = <records>", sorted; "-" for empty.
  std::vector<std::string> rows(const std::string& sql) {
    std::vector<std::string> out;
    auto done = store_->read([&](SqlSession& s) -> Result<void> {
      FAZHI_ASSIGN_OR_RETURN(SqlResult r, s.query(sql, {}));
      for (auto& row : r.rows) {
        auto text = [&](size_t i) { return is_null(row[i]) ? std::string("-") : sql_text(row[i]); };
        out.push_back(text(0) + " " + text(1) + " " + text(2) + "/" + text(3) + "/" + text(4) + " = " + text(5));
      }
      return ok();
    });
    EXPECT_THAT(done, IsOk());
    return out;
  }
  std::vector<std::string> tally() {
    return rows(
        "SELECT month, org_path, stars, active, channel, records FROM "
        "service_rating_tally_by_rated "
        "WHERE records <> 0 ORDER BY 1, 2, 3, 4, 5");
  }
  std::vector<std::string> counted_afresh() {
    return rows(
        "SELECT substr(rated_at, 1, 7), org_path, stars, active, channel, COUNT(*) FROM "
        "service_rating "
        "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5");
  }
  std::int64_t version_of(std::int64_t id) {
    auto r = service_->get(UserContext::system_context(), ratings(), id);
    return r ? r->version : -1;
  }
};

TEST_P(LedgerTallyTest, CountsFollowEveryWrite) {
  rate("370100.sfj", "A1", "window", "2024-03-05T10:00:00", 5, true);
  std::int64_t a2 = rate("370100.sfj", "A2", "window", "2024-03-31T23:59:59", 5, true);
  std::int64_t a3 = rate("370102.sfj", "A3", "web", "2024-04-01T08:00:00", 1, std::nullopt);
  rate("370102.sfj", "A4", "app", "2024-04-02T08:00:00", 2, false);
  EXPECT_THAT(tally(), ElementsAre("2024-03 /370100/370100.sfj/ 5/1/window = 2",
                                   "2024-04 /370100/370102/370102.sfj/ 1/-/web = 1",
                                   "2024-04 /370100/370102/370102.sfj/ 2/0/app = 1"));
  EXPECT_EQ(tally(), counted_afresh());

  // A change of stars and of month moves the record between two counts.
  auto u =
      service_->update(UserContext::system_context(), ratings(), a2,
                       {{"version", version_of(a2)}, {"fields", {{"stars", 3}, {"rated_at", "2024-04-10T09:00:00"}}}});
  ASSERT_THAT(u, IsOk());
  // A change of a field the tally does not count by leaves the counts alone.
  ASSERT_THAT(service_->update(UserContext::system_context(), ratings(), a3,
                               {{"version", version_of(a3)}, {"fields", {{"comment", "办理太慢"}}}}),
              IsOk());
  EXPECT_THAT(
      tally(),
      ElementsAre("2024-03 /370100/370100.sfj/ 5/1/window = 1", "2024-04 /370100/370100.sfj/ 3/1/window = 1",
                  "2024-04 /370100/370102/370102.sfj/ 1/-/web = 1", "2024-04 /370100/370102/370102.sfj/ 2/0/app = 1"));
  EXPECT_EQ(tally(), counted_afresh());

  ASSERT_THAT(service_->remove(UserContext::system_context(), ratings(), a3, version_of(a3)), IsOk());
  EXPECT_THAT(tally(),
              ElementsAre("2024-03 /370100/370100.sfj/ 5/1/window = 1", "2024-04 /370100/370100.sfj/ 3/1/window = 1",
                          "2024-04 /370100/370102/370102.sfj/ 2/0/app = 1"));
  EXPECT_EQ(tally(), counted_afresh());
}

TEST_P(LedgerTallyTest, AnImportIsCountedAndAFailedOneLeavesNoCount) {
  rate("370102.sfj", "B0", "app", "2024-05-06T08:00:00", 4, false);
  testing::TempDir dir;
  auto import = [&](const std::string& csv) {
    std::string path = dir.file("ratings.csv");
    std::ofstream(path, std::ios::binary) << csv;
    return import_ledger_file(*service_, user(Role::kClerk, "370102.sfj"), ratings(), path, ImportOptions{});
  };
  ASSERT_THAT(import("评价编号,评价渠道,评价时间,评价星级,是否主动评价\n"
                     "B1,移动端评价,2024-05-07 09:00:00,4,否\n"
                     "B2,移动端评价,2024-05-31 18:00:00,4,否\n"
                     "B3,网上评价,2024-06-01 08:30:00,1,是\n"),
              IsOk());
  EXPECT_THAT(tally(), ElementsAre("2024-05 /370100/370102/370102.sfj/ 4/0/app = 3",
                                   "2024-06 /370100/370102/370102.sfj/ 1/1/web = 1"));
  // The second row's stars are out of range: nothing of this file is written or counted.
  EXPECT_FALSE(import("评价编号,评价渠道,评价时间,评价星级,是否主动评价\n"
                      "B4,移动端评价,2024-05-08 09:00:00,4,否\n"
                      "B5,移动端评价,2024-05-09 09:00:00,9,否\n")
                   .has_value());
  EXPECT_THAT(tally(), ElementsAre("2024-05 /370100/370102/370102.sfj/ 4/0/app = 3",
                                   "2024-06 /370100/370102/370102.sfj/ 1/1/web = 1"));
  EXPECT_EQ(tally(), counted_afresh());
}

TEST_P(LedgerTallyTest, ALargeImportIsCountedAsTheRecordsAre) {
  // More rows than the bulk insert hashes in one batch (8,192): on SQLite its worker thread
  // counts them, batch by batch, while the next rows go in.
  testing::TempDir dir;
  std::string path = dir.file("ratings.csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << "评价编号,评价渠道,评价时间,评价星级,是否主动评价\n";
    const char* channels[] = {"移动端评价", "网上评价", "窗口评价器"};
    const char* active[] = {"是", "", "否", "否", "否", "否", "否"};
    for (int i = 0; i < 20000; ++i)
      out << "L" << i << "," << channels[i % 3] << ",2024-" << (i % 12 < 9 ? "0" : "") << 1 + i % 12 << "-1" << i % 10
          << " 09:00:00," << 1 + i % 5 << "," << active[i % 7] << "\n";
  }
  ASSERT_THAT(import_ledger_file(*service_, user(Role::kClerk, "370102.sfj"), ratings(), path, ImportOptions{}),
              IsOk());
  std::vector<std::string> counts = tally();
  // 12 months (each with its one channel) × 5 stars × 3 answers (是, 否, blank).
  EXPECT_EQ(counts.size(), 180u);
  EXPECT_EQ(counts, counted_afresh());
}

TEST_P(LedgerTallyTest, RebuildingFromTheRecordsGivesTheSameCounts) {
  rate("370100.sfj", "C1", "window", "2023-12-31T23:00:00", 5, true);
  rate("370100.sfj", "C2", "window", "2024-01-01T00:00:00", 5, true);
  rate("370102.sfj", "C3", "phone", "2024-01-15T10:00:00", 2, std::nullopt);
  std::vector<std::string> kept = tally();
  ASSERT_EQ(kept.size(), 3u);
  // Rerunning the script (as a changed declaration's migration does) rebuilds, never adds twice.
  ASSERT_THAT(store_->apply_migration("test:rebuild", monthly_tally_script(store_->dialect(), ratings(), by_rated())),
              IsOk());
  EXPECT_EQ(tally(), kept);
  EXPECT_EQ(tally(), counted_afresh());
  // And the rebuilt triggers go on counting.
  rate("370102.sfj", "C4", "phone", "2024-01-16T10:00:00", 2, std::nullopt);
  EXPECT_THAT(tally(),
              ElementsAre("2023-12 /370100/370100.sfj/ 5/1/window = 1", "2024-01 /370100/370100.sfj/ 5/1/window = 1",
                          "2024-01 /370100/370102/370102.sfj/ 2/-/phone = 2"));
}

TEST_P(LedgerTallyTest, CountsKeptAsideAddUpAsTheTriggersWould) {
  // A bulk insert on SQLite sets the triggers aside and counts its rows itself; the counts it
  // adds must land on the rows the triggers keep, so later writes go on counting them.
  rate("370100.sfj", "D0", "window", "2024-02-01T09:00:00", 5, true);
  ASSERT_THAT(
      store_->apply_migration("test:aside", monthly_tally_drop_triggers_sql(store_->dialect(), ratings(), by_rated())),
      IsOk());
  std::vector<std::int64_t> ids = {rate("370100.sfj", "D1", "window", "2024-02-02T09:00:00", 5, true),
                                   rate("370100.sfj", "D2", "web", "2024-02-03T09:00:00", 2, std::nullopt),
                                   rate("370102.sfj", "D3", "web", "2024-03-03T09:00:00", 2, std::nullopt)};
  EXPECT_THAT(tally(), ElementsAre("2024-02 /370100/370100.sfj/ 5/1/window = 1"));  // D0 only
  MonthlyTallyCounts counts(ratings(), by_rated());
  for (std::int64_t id : ids) {
    auto r = service_->get(UserContext::system_context(), ratings(), id);
    ASSERT_THAT(r, IsOk());
    counts.add(row_from_record(*r));
  }
  ASSERT_THAT(store_->write(Actor{"system", ""},
                            [&](WriteTransaction& tx) -> Result<void> {
                              FAZHI_TRY(counts.apply(tx.sql()));
                              return tx.sql().execute_script(
                                  monthly_tally_create_triggers_sql(store_->dialect(), ratings(), by_rated()));
                            }),
              IsOk());
  EXPECT_THAT(tally(),
              ElementsAre("2024-02 /370100/370100.sfj/ 2/-/web = 1", "2024-02 /370100/370100.sfj/ 5/1/window = 2",
                          "2024-03 /370100/370102/370102.sfj/ 2/-/web = 1"));
  // The row counted aside and the one counted by the trigger are one row of the tally.
  ASSERT_THAT(service_->remove(UserContext::system_context(), ratings(), ids[0], version_of(ids[0])), IsOk());
  rate("370100.sfj", "D4", "web", "2024-02-04T09:00:00", 2, std::nullopt);
  EXPECT_THAT(tally(),
              ElementsAre("2024-02 /370100/370100.sfj/ 2/-/web = 2", "2024-02 /370100/370100.sfj/ 5/1/window = 1",
                          "2024-03 /370100/370102/370102.sfj/ 2/-/web = 1"));
  EXPECT_EQ(tally(), counted_afresh());
  auto rows_of_tally = rows(
      "SELECT month, org_path, stars, active, channel, COUNT(*) FROM "
      "service_rating_tally_by_rated GROUP BY 1, 2, 3, 4, 5 HAVING COUNT(*) > 1");
  EXPECT_THAT(rows_of_tally, ::testing::IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerTallyTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
