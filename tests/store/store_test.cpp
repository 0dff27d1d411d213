// The store suite, once per backend: migrations, transactions, the audited write path.
#include "store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/result_matchers.h"
#include "harness/temp_database.h"
#include "store/postgres/postgres_session.h"
#include "store/sqlite/sqlite_session.h"

namespace fazhi {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using ::testing::HasSubstr;

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TempDatabase>(GetParam());
    auto s = Store::open(db_->location(), {.create = true});
    ASSERT_THAT(s, IsOk());
    store_ = std::move(s).value();
    ASSERT_THAT(store_->apply_migration("test_table", "CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT)"), IsOk());
  }
  std::int64_t count(const std::string& table) {
    std::int64_t n = -1;
    EXPECT_THAT(store_->read([&](SqlSession& s) -> Result<void> {
      auto r = s.query("SELECT COUNT(*) FROM " + table);
      if (!r) return r.error();
      n = *sql_int(r->rows[0][0]);
      return ok();
    }),
                IsOk());
    return n;
  }
  std::unique_ptr<testing::TempDatabase> db_;
  std::unique_ptr<Store> store_;
  Actor actor_{"tester", "root"};
};

TEST_P(StoreTest, OpensTwiceAndAppliesMigrationsOnce) {
  store_.reset();
  auto again = Store::open(db_->location());
  ASSERT_THAT(again, IsOk());
  auto applied = (*again)->has_migration("0001_system_tables");
  ASSERT_THAT(applied, IsOk());
  EXPECT_TRUE(*applied);
  EXPECT_THAT((*again)->apply_migration("test_table", "CREATE TABLE t (id BIGINT PRIMARY KEY)"), IsOk());
}

TEST_P(StoreTest, WriteCommitsChangeAndAuditTogether) {
  ASSERT_THAT(store_->write(actor_,
                            [](WriteTransaction& tx) -> Result<void> {
                              std::vector<SqlValue> p = {std::int64_t{1}, std::string("甲")};
                              FAZHI_TRY(tx.sql().execute("INSERT INTO t (id, name) VALUES (?, ?)", p));
                              AuditEntry e{.action = "create", .ledger = "t", .record_id = "1", .after = R"({"id":1})"};
                              FAZHI_TRY(tx.audit(e));
                              FAZHI_TRY(tx.audit(AuditEntry{.action = "note", .ledger = "t", .record_id = "1"}));
                              return ok();
                            }),
              IsOk());
  EXPECT_EQ(count("t"), 1);
  EXPECT_EQ(count("audit_log"), 2);
  ASSERT_THAT(store_->read([](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto r, s.query("SELECT seq, prev_hash, hash, actor FROM audit_log ORDER BY seq"));
    EXPECT_EQ(*sql_int(r.rows[0][0]), 1);
    EXPECT_EQ(sql_text(r.rows[0][1]), audit_genesis_hash());
    EXPECT_EQ(sql_text(r.rows[1][1]), sql_text(r.rows[0][2]));  // chained
    EXPECT_EQ(sql_text(r.rows[1][3]), "tester");
    FAZHI_ASSIGN_OR_RETURN(auto head, s.query("SELECT seq, hash FROM audit_head"));
    EXPECT_EQ(*sql_int(head.rows[0][0]), 2);
    EXPECT_EQ(sql_text(head.rows[0][1]), sql_text(r.rows[1][2]));
    return ok();
  }),
              IsOk());
}

TEST_P(StoreTest, FailedWriteLeavesNothing) {
  auto r = store_->write(actor_, [](WriteTransaction& tx) -> Result<void> {
    std::vector<SqlValue> p = {std::int64_t{1}, std::string("甲")};
    FAZHI_TRY(tx.sql().execute("INSERT INTO t (id, name) VALUES (?, ?)", p));
    FAZHI_TRY(tx.audit(AuditEntry{.action = "create", .ledger = "t", .record_id = "1"}));
    return invalid_input("测试", "", "故意失败");
  });
  EXPECT_THAT(r, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("故意失败")));
  EXPECT_EQ(count("t"), 0);
  EXPECT_EQ(count("audit_log"), 0);
}

// On SQLite, write_alone journals outside the WAL while the file is this store's alone, and
// leaves it in WAL mode whether the write commits or not; while another connection has the
// file open it goes the WAL way. On both backends it commits and rolls back like write().
TEST_P(StoreTest, WriteAloneLeavesTheWalOnlyWhenAloneAndPutsItBack) {
  const bool sqlite = GetParam() == "sqlite";
  auto journal_mode = [&](SqlSession& s) -> Result<std::string> {
    if (!sqlite) return std::string();
    FAZHI_ASSIGN_OR_RETURN(auto r, s.query("PRAGMA journal_mode"));
    return sql_text(r.rows[0][0]);
  };
  std::string during;  // the journal mode inside the last transaction
  auto insert = [&](std::int64_t id, bool fail) {
    return store_->write_alone(actor_, [&, id, fail](WriteTransaction& tx) -> Result<void> {
      FAZHI_ASSIGN_OR_RETURN(during, journal_mode(tx.sql()));
      std::vector<SqlValue> p = {id, std::string("甲")};
      FAZHI_TRY(tx.sql().execute("INSERT INTO t (id, name) VALUES (?, ?)", p));
      FAZHI_TRY(tx.audit(AuditEntry{.action = "create", .ledger = "t", .record_id = std::to_string(id)}));
      if (fail) return invalid_input("测试", "", "故意失败");
      return ok();
    });
  };
  auto mode_after = [&] {
    std::string mode;
    auto read = store_->read([&](SqlSession& s) -> Result<void> {
      FAZHI_ASSIGN_OR_RETURN(mode, journal_mode(s));
      return ok();
    });
    EXPECT_THAT(read, IsOk());
    return mode;
  };
  const std::string rollback_journal = sqlite ? "delete" : "";
  const std::string wal = sqlite ? "wal" : "";

  EXPECT_EQ(count("t"), 0);  // leaves an idle reader in the pool: write_alone closes it
  ASSERT_THAT(insert(1, false), IsOk());
  EXPECT_EQ(during, rollback_journal);
  EXPECT_EQ(count("t"), 1);
  EXPECT_EQ(mode_after(), wal);

  EXPECT_THAT(insert(2, true), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("故意失败")));
  EXPECT_EQ(during, rollback_journal);
  EXPECT_EQ(count("t"), 1);
  EXPECT_EQ(count("audit_log"), 1);
  EXPECT_EQ(mode_after(), wal);

  auto other = Store::open(db_->location());
  ASSERT_THAT(other, IsOk());
  // Another store holding the file open, as a running server does.
  auto other_read = (*other)->read([](SqlSession& s) -> Result<void> {
    FAZHI_TRY(s.query("SELECT 1"));
    return ok();
  });
  ASSERT_THAT(other_read, IsOk());
  ASSERT_THAT(insert(3, false), IsOk());
  EXPECT_EQ(during, wal);
  EXPECT_EQ(count("t"), 2);
  EXPECT_EQ(count("audit_log"), 2);
}

TEST_P(StoreTest, DuplicateKeyIsConflict) {
  auto insert = [&]() {
    return store_->write(actor_, [](WriteTransaction& tx) -> Result<void> {
      std::vector<SqlValue> p = {std::int64_t{7}, std::string("乙")};
      FAZHI_TRY(tx.sql().execute("INSERT INTO t (id, name) VALUES (?, ?)", p));
      return ok();
    });
  };
  ASSERT_THAT(insert(), IsOk());
  EXPECT_THAT(insert(), ErrorIs(ErrorCode::kConflict, HasSubstr("")));
}

TEST_P(StoreTest, ValuesRoundTripAlikeOnBothBackends) {
  ASSERT_THAT(store_->apply_migration("typed", "CREATE TABLE typed (i BIGINT, s TEXT, n TEXT)"), IsOk());
  ASSERT_THAT(store_->write(actor_,
                            [](WriteTransaction& tx) -> Result<void> {
                              std::vector<SqlValue> p = {std::int64_t{-42}, std::string("复议'\"?"), nullptr};
                              FAZHI_TRY(tx.sql().execute("INSERT INTO typed (i, s, n) VALUES (?, ?, ?)", p));
                              return ok();
                            }),
              IsOk());
  ASSERT_THAT(store_->read([](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto r, s.query("SELECT i, s, n, COUNT(*) AS c, SUM(i) FROM typed GROUP BY i, s, n"));
    EXPECT_EQ(std::get<std::int64_t>(r.rows[0][0]), -42);
    EXPECT_EQ(std::get<std::string>(r.rows[0][1]), "复议'\"?");
    EXPECT_TRUE(is_null(r.rows[0][2]));
    EXPECT_EQ(std::get<std::int64_t>(r.rows[0][3]), 1);
    EXPECT_EQ(*sql_int(r.rows[0][4]), -42);
    return ok();
  }),
              IsOk());
}

TEST_P(StoreTest, BackupIsAConsistentCopy) {
  ASSERT_THAT(store_->write(actor_,
                            [](WriteTransaction& tx) -> Result<void> {
                              std::vector<SqlValue> p = {std::int64_t{1}, std::string("甲")};
                              FAZHI_TRY(tx.sql().execute("INSERT INTO t (id, name) VALUES (?, ?)", p));
                              return ok();
                            }),
              IsOk());
  testing::TempDir dir;
  std::string out = dir.file(GetParam() == "sqlite" ? "copy.db" : "copy.sql");
  ASSERT_THAT(store_->backup(out), IsOk());
  if (GetParam() == "sqlite") {
    auto copy = Store::open(out);
    ASSERT_THAT(copy, IsOk());
    EXPECT_THAT((*copy)->read([](SqlSession& s) -> Result<void> {
      FAZHI_ASSIGN_OR_RETURN(auto r, s.query("SELECT name FROM t"));
      EXPECT_EQ(sql_text(r.rows[0][0]), "甲");
      return ok();
    }),
                IsOk());
  } else {
    FILE* f = fopen(out.c_str(), "r");
    ASSERT_NE(f, nullptr);
    std::string text(1 << 16, '\0');
    text.resize(fread(text.data(), 1, text.size(), f));
    fclose(f);
    EXPECT_THAT(text, HasSubstr("CREATE TABLE public.audit_log"));
  }
}

TEST_P(StoreTest, AppendedRowsReadBackAsWrittenAndAreSeenByLaterStatements) {
  const std::vector<std::string> columns = {"id", "name"};
  const std::vector<std::string> names = {"甲\t乙\n丙\r丁\\戊", "", "\\N", "plain"};
  ASSERT_THAT(store_->write(actor_,
                            [&](WriteTransaction& tx) -> Result<void> {
                              FAZHI_ASSIGN_OR_RETURN(auto appender, tx.sql().append_rows("t", columns));
                              for (size_t i = 0; i < names.size(); ++i) {
                                std::vector<SqlValue> row = {static_cast<std::int64_t>(i + 1), names[i]};
                                FAZHI_TRY(appender->append(row));
                              }
                              std::vector<SqlValue> last = {std::int64_t{9}, nullptr};
                              FAZHI_TRY(appender->append(last));
                              // A query in the same transaction sees every row, flushed or not.
                              FAZHI_ASSIGN_OR_RETURN(auto seen, tx.sql().query("SELECT COUNT(*) FROM t"));
                              EXPECT_EQ(sql_int(seen.rows[0][0]), 5);
                              return appender->flush();
                            }),
              IsOk());
  ASSERT_THAT(store_->read([&](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto r, s.query("SELECT id, name FROM t ORDER BY id"));
    EXPECT_EQ(r.rows.size(), 5u);
    for (size_t i = 0; i < names.size() && i < r.rows.size(); ++i) EXPECT_EQ(sql_text(r.rows[i][1]), names[i]);
    if (r.rows.size() == 5) {
      EXPECT_TRUE(is_null(r.rows[4][1]));
    }
    return ok();
  }),
              IsOk());
}

TEST_P(StoreTest, AppendedRowsKeepTheirOwnNullsAndNumbersBatchAfterBatch) {
  // SQLite's multi-row INSERT keeps a NULL or a number bound from one batch to the next: each
  // row must still read back with its own values, however they change between batches.
  ASSERT_THAT(store_->apply_migration("mixed", "CREATE TABLE mixed (id BIGINT, n BIGINT, s TEXT)"), IsOk());
  const std::vector<std::string> columns = {"id", "n", "s"};
  const std::int64_t rows = 6 * static_cast<std::int64_t>(kAppendBatchRows) + 5;
  // By batch: NULL, 7, 7, the row's id, NULL, 7 …; text in every other batch, NULL between.
  auto n_of = [](std::int64_t id) -> SqlValue {
    const std::int64_t batch = (id - 1) / static_cast<std::int64_t>(kAppendBatchRows);
    if (batch % 4 == 0) return nullptr;
    return batch % 4 == 3 ? id : std::int64_t{7};
  };
  auto s_of = [](std::int64_t id) -> SqlValue {
    if ((id - 1) / static_cast<std::int64_t>(kAppendBatchRows) % 2 == 0) return nullptr;
    return "行" + std::to_string(id);
  };
  auto written = store_->write(actor_, [&](WriteTransaction& tx) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto appender, tx.sql().append_rows("mixed", columns));
    for (std::int64_t id = 1; id <= rows; ++id) {
      std::vector<SqlValue> row = {id, n_of(id), s_of(id)};
      FAZHI_TRY(appender->append(row));
    }
    return appender->flush();
  });
  ASSERT_THAT(written, IsOk());
  auto read = store_->read([&](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto r, s.query("SELECT id, n, s FROM mixed ORDER BY id"));
    EXPECT_EQ(r.rows.size(), static_cast<size_t>(rows));
    for (const auto& row : r.rows) {
      const std::int64_t id = *sql_int(row[0]);
      EXPECT_EQ(row[1], n_of(id)) << "row " << id;
      EXPECT_EQ(row[2], s_of(id)) << "row " << id;
    }
    return ok();
  });
  ASSERT_THAT(read, IsOk());
}

TEST_P(StoreTest, AppendedDuplicateKeyIsConflictAndNothingIsKept) {
  const std::vector<std::string> columns = {"id", "name"};
  auto written = store_->write(actor_, [&](WriteTransaction& tx) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto appender, tx.sql().append_rows("t", columns));
    for (std::int64_t id : {1, 2, 1}) {
      std::vector<SqlValue> row = {id, std::string("重复")};
      FAZHI_TRY(appender->append(row));
    }
    return appender->flush();
  });
  EXPECT_THAT(written, ErrorIs(ErrorCode::kConflict, HasSubstr("")));
  EXPECT_EQ(count("t"), 0);
}

TEST_P(StoreTest, AppendedDuplicateAfterManyRowsIsConflictAndNothingIsKept) {
  // Far enough apart to fall into different batches of rows sent together.
  const std::vector<std::string> columns = {"id", "name"};
  auto written = store_->write(actor_, [&](WriteTransaction& tx) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto appender, tx.sql().append_rows("t", columns));
    for (std::int64_t id = 1; id <= 300; ++id) {
      std::vector<SqlValue> row = {id == 250 ? std::int64_t{70} : id, std::string("行")};
      FAZHI_TRY(appender->append(row));
    }
    return appender->flush();
  });
  EXPECT_THAT(written, ErrorIs(ErrorCode::kConflict, HasSubstr("t")));
  EXPECT_EQ(count("t"), 0);
}

TEST_P(StoreTest, AppendedRowsOfAFailedWriteAreDiscarded) {
  const std::vector<std::string> columns = {"id", "name"};
  auto written = store_->write(actor_, [&](WriteTransaction& tx) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto appender, tx.sql().append_rows("t", columns));
    std::vector<SqlValue> row = {std::int64_t{1}, std::string("甲")};
    FAZHI_TRY(appender->append(row));
    return invalid_input("测试", "", "中途放弃");
  });
  EXPECT_THAT(written, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("中途放弃")));
  EXPECT_EQ(count("t"), 0);
  // The session is clean for the next write: nothing pending is sent with it.
  ASSERT_THAT(store_->write(actor_,
                            [](WriteTransaction& tx) -> Result<void> {
                              std::vector<SqlValue> p = {std::int64_t{2}, std::string("乙")};
                              FAZHI_TRY(tx.sql().execute("INSERT INTO t (id, name) VALUES (?, ?)", p));
                              return ok();
                            }),
              IsOk());
  EXPECT_EQ(count("t"), 1);
}

TEST_P(StoreTest, ManyAppendedRowsStreamAcrossStatementsAndRollBackWhole) {
  // 40,000 rows of ~60 bytes pass 1 MiB, so PostgreSQL has a COPY open when the query and
  // the failure come.
  const std::vector<std::string> columns = {"id", "name"};
  const std::string name(50, 'x');
  auto append = [&](RowAppender& a, std::int64_t from) -> Result<void> {
    for (std::int64_t id = from; id < from + 40000; ++id) {
      std::vector<SqlValue> row = {id, name};
      FAZHI_TRY(a.append(row));
    }
    return ok();
  };
  auto written = store_->write(actor_, [&](WriteTransaction& tx) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto appender, tx.sql().append_rows("t", columns));
    FAZHI_TRY(append(*appender, 1));
    FAZHI_ASSIGN_OR_RETURN(auto seen, tx.sql().query("SELECT COUNT(*), MAX(id) FROM t"));
    EXPECT_EQ(sql_int(seen.rows[0][0]), 40000);
    EXPECT_EQ(sql_int(seen.rows[0][1]), 40000);
    FAZHI_TRY(append(*appender, 40001));
    return invalid_input("测试", "", "写到一半放弃");
  });
  EXPECT_THAT(written, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("写到一半放弃")));
  EXPECT_EQ(count("t"), 0);
  ASSERT_THAT(store_->write(actor_,
                            [&](WriteTransaction& tx) -> Result<void> {
                              FAZHI_ASSIGN_OR_RETURN(auto appender, tx.sql().append_rows("t", columns));
                              FAZHI_TRY(append(*appender, 1));
                              return appender->flush();
                            }),
              IsOk());
  EXPECT_EQ(count("t"), 40000);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

TEST(PostgresPlaceholders, RewritesOutsideQuotesOnly) {
  EXPECT_EQ(rewrite_placeholders("SELECT ? , '?' , \"a?\" , ?"), "SELECT $1 , '?' , \"a?\" , $2");
}

}  // namespace
}  // namespace fazhi
