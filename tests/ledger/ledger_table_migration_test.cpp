// The ledgers' migration on both backends: an index an earlier declaration gave a field goes
// away when the field is no longer declared indexed; the declared ones and the tallies stay.
#include <gmock/gmock.h>

#include "ledger_fixture.h"

namespace fazhi {
namespace {

using ::fazhi::testing::IsOk;
using ::testing::Contains;
using ::testing::Not;

class LedgerTableMigrationTest : public testing::LedgerFixture {
 protected:
  std::vector<std::string> indexes_of(const std::string& table) {
    std::vector<std::string> names;
    auto done = store_->read([&](SqlSession& s) -> Result<void> {
      std::vector<SqlValue> p = {table};
      FAZHI_ASSIGN_OR_RETURN(SqlResult r, store_->is_postgres()
                                              ? s.query("SELECT indexname FROM pg_indexes WHERE tablename = ?", p)
                                              : s.query("SELECT name FROM pragma_index_list(?)", p));
      for (auto& row : r.rows) names.push_back(sql_text(row[0]));
      return ok();
    });
    EXPECT_THAT(done, IsOk());
    return names;
  }
};

TEST_P(LedgerTableMigrationTest, AFieldNoLongerIndexedLosesItsIndex) {
  // service_rating.channel was indexed before its counts moved to the monthly tally.
  ASSERT_THAT(store_->apply_migration("test:old-index",
                                      "CREATE INDEX \"service_rating_channel\" ON \"service_rating\" (\"channel\");\n"
                                      "DELETE FROM schema_migrations WHERE id LIKE 'ledger:service_rating:%'"),
              IsOk());
  ASSERT_THAT(indexes_of("service_rating"), Contains("service_rating_channel"));
  ASSERT_THAT(ensure_ledger_tables(*store_), IsOk());
  auto after = indexes_of("service_rating");
  EXPECT_THAT(after, Not(Contains("service_rating_channel")));
  EXPECT_THAT(after, Contains("service_rating_stars"));
  EXPECT_THAT(after, Contains("service_rating_rated_org"));
  auto tally = store_->read([&](SqlSession& s) -> Result<void> {
    FAZHI_TRY(s.query("SELECT COUNT(*) FROM service_rating_tally_by_rated", {}));
    return ok();
  });
  EXPECT_THAT(tally, IsOk());
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerTableMigrationTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
