// One open connection to a database, as the rest of fazhi sees it. SQL is written once with
// `?` placeholders and portable types (see sql_value.h); the PostgreSQL backend rewrites the
// placeholders. Parameters are always bound, never spliced into the text. A session is used
// by one thread at a time; Store hands sessions out.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sql_value.h"

namespace fazhi {

enum class SqlDialect { kSqlite, kPostgres };

// Many rows added to one table by the fastest way the backend has, for imports: SQLite keeps
// them and inserts 64 at a time with one prepared multi-row INSERT bound straight from the
// values; PostgreSQL streams them with COPY in batches. Every row appended is seen by the
// session's later statements (both send what is pending before any other statement, and at
// commit). A constraint violation fails append() or flush() — or the next statement — naming
// the table, and may leave earlier rows of its batch written: the transaction must then be
// rolled back (Store::write does). Belongs to its session and must not outlive it.
class RowAppender {
 public:
  virtual ~RowAppender() = default;
  // Adds one row, values in the column order the appender was made with. The appender may
  // take the values rather than copy them, leaving in `row` as many values of an earlier row
  // (their buffers to reuse): fill every value of `row` anew for the next row.
  virtual Result<void> append(std::vector<SqlValue>& row) = 0;
  // Sends every pending row now.
  virtual Result<void> flush() = 0;
};

class SqlSession {
 public:
  virtual ~SqlSession() = default;
  virtual SqlDialect dialect() const = 0;

  // Runs a statement that returns rows.
  virtual Result<SqlResult> query(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
  // Runs a statement and returns the number of rows it changed.
  virtual Result<std::int64_t> execute(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
  // Runs several statements with no parameters (DDL, migrations).
  virtual Result<void> execute_script(std::string_view sql) = 0;
  // A RowAppender into `table` for `columns` (plain names, quoted here). Fails naming the
  // table when it or a column does not exist.
  virtual Result<std::unique_ptr<RowAppender>> append_rows(std::string_view table,
                                                           std::span<const std::string> columns) = 0;

  // Transaction control; Store calls these, callers use Store::write / Store::read.
  virtual Result<void> begin(bool write) = 0;
  virtual Result<void> commit() = 0;
  virtual void rollback() = 0;
};

}  // namespace fazhi
