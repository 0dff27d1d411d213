// SqlSession over one libpq connection. `?` placeholders are rewritten to `$n` once per
// statement text, and each statement is prepared once per connection. Values travel as text.
// Not thread-safe: one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql_session.h"

struct pg_conn;

namespace fazhi {

class PostgresSession final : public SqlSession {
 public:
  // Connects with a libpq URI (postgresql://user@host:port/db or with ?host=/socket/dir).
  static Result<std::unique_ptr<PostgresSession>> connect(const std::string& uri);
  ~PostgresSession() override;

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  Result<SqlResult> query(std::string_view sql, std::span<const SqlValue> params) override;
  Result<std::int64_t> execute(std::string_view sql, std::span<const SqlValue> params) override;
  Result<void> execute_script(std::string_view sql) override;
  Result<std::unique_ptr<RowAppender>> append_rows(std::string_view table,
                                                   std::span<const std::string> columns) override;
  Result<void> begin(bool write) override;
  Result<void> commit() override;
  void rollback() override;

 private:
  explicit PostgresSession(pg_conn* conn) : conn_(conn) {}
  struct Prepared {
    std::string name;
  };
  Result<const Prepared*> prepare(std::string_view sql, int nparams);
  Result<SqlResult> run(std::string_view sql, std::span<const SqlValue> params, std::int64_t* changed);

  friend class PostgresRowAppender;
  // Sends the rows appenders left pending and ends the COPY; does nothing when none are.
  Result<void> flush_copy();
  // Sends the pending rows into the COPY, starting it first if needed; the COPY stays open
  // so that the server stores them while the next rows are prepared.
  Result<void> send_copy_chunk();

  pg_conn* conn_;
  std::unordered_map<std::string, Prepared> prepared_;
  bool in_transaction_ = false;
  std::string copy_sql_;    // "COPY … FROM STDIN" of the pending rows, empty when none
  std::string copy_rows_;   // the pending rows in COPY's text format
  bool copy_open_ = false;  // a COPY FROM STDIN is in progress on the connection
};

// `sql` with each `?` outside quotes replaced by $1, $2, …; exposed for tests.
std::string rewrite_placeholders(std::string_view sql);

}  // namespace fazhi
