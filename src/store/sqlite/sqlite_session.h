// SqlSession over one SQLite connection: WAL journal, foreign keys on, a busy timeout, and a
// cache of prepared statements keyed by their SQL text. Not thread-safe: one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql_session.h"

struct sqlite3;
struct sqlite3_stmt;

namespace fazhi {

class SqliteSession final : public SqlSession {
 public:
  // Opens (creating if `create`) the database file at `path`.
  static Result<std::unique_ptr<SqliteSession>> open(const std::string& path, bool create);
  ~SqliteSession() override;

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  Result<SqlResult> query(std::string_view sql, std::span<const SqlValue> params) override;
  Result<std::int64_t> execute(std::string_view sql, std::span<const SqlValue> params) override;
  Result<void> execute_script(std::string_view sql) override;
  Result<std::unique_ptr<RowAppender>> append_rows(std::string_view table,
                                                   std::span<const std::string> columns) override;
  Result<void> begin(bool write) override;
  Result<void> commit() override;
  void rollback() override;

  // Copies the whole database to `out_path` with SQLite's online backup API, consistent
  // even while other connections write.
  Result<void> backup_to(const std::string& out_path);

  sqlite3* handle() { return db_; }

 private:
  explicit SqliteSession(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  friend class SqliteRowAppender;
  Result<sqlite3_stmt*> prepare(std::string_view sql, std::span<const SqlValue> params);
  Error error_here(std::string_view what) const;

  sqlite3* db_;
  std::string path_;
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // Looked up by the SQL text without copying it (heterogeneous lookup).
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;
};

}  // namespace fazhi
