// SqlSession over one SQLite connection: WAL journal, foreign keys on, a busy timeout, and a
// cache of prepared statements keyed by their SQL text. Appended rows wait in the session and
// go in kAppendBatchRows at a time by one multi-row INSERT, before any other statement of the
// session and at commit. Not thread-safe: one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

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

  // Takes the file out of WAL mode into a rollback journal (journal_mode=DELETE), outside a
  // transaction. False, changing nothing, when another connection has the file open: leaving
  // WAL needs the only connection to it.
  bool leave_wal();
  // Puts the file back in WAL mode, outside a transaction; fails while another connection
  // holds a lock on it (every open puts WAL back too).
  Result<void> enter_wal();

  sqlite3* handle() { return db_; }

 private:
  explicit SqliteSession(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  friend class SqliteRowAppender;
  // The statement for `sql` from the cache, prepared on first use; not reset or bound.
  Result<sqlite3_stmt*> cached(std::string_view sql);
  Result<sqlite3_stmt*> prepare(std::string_view sql, std::span<const SqlValue> params);
  Error error_here(std::string_view what) const;
  // Inserts the rows appenders left pending; does nothing when none are. A constraint
  // violation fails naming the table; rows of the batch before it may stay written, so the
  // transaction must be rolled back (Store::write does).
  Result<void> flush_rows();
  // Binds `values` like bind_values from parameter `first` on, to the multi-row INSERT that
  // bound_ describes, skipping a NULL or an integer the parameter already holds.
  int bind_again(sqlite3_stmt* stmt, int first, std::span<const SqlValue> values);

  sqlite3* db_;
  std::string path_;
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // Looked up by the SQL text without copying it (heterogeneous lookup).
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;

  // Rows appended but not yet inserted: the first pending_count_ of pending_rows_, all for
  // the INSERT of one appender (one row, or kAppendBatchRows rows, per statement).
  struct PendingInsert {
    sqlite3_stmt* one = nullptr;   // INSERT … VALUES (?, …)
    sqlite3_stmt* many = nullptr;  // the same with kAppendBatchRows rows of values
    std::string table;
  };
  PendingInsert pending_insert_;
  std::vector<std::vector<SqlValue>> pending_rows_;
  size_t pending_count_ = 0;
  // What each parameter of the multi-row INSERT last sent holds (bindings outlast
  // sqlite3_reset): a NULL or an integer already there is not bound again.
  struct Bound {
    enum Kind : std::uint8_t { kUnknown, kNull, kInteger } kind = kUnknown;
    std::int64_t integer = 0;
  };
  sqlite3_stmt* bound_statement_ = nullptr;
  std::vector<Bound> bound_;
};

// Rows per multi-row INSERT of an appender: enough that the statement's setup and its b-tree
// seeks are shared by many rows, few enough that the bound values of a batch stay small.
inline constexpr size_t kAppendBatchRows = 64;

}  // namespace fazhi
