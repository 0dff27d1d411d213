// One open connection to a database, as the rest of fazhi sees it. SQL is written once with
// `?` placeholders and portable types (see sql_value.h); the PostgreSQL backend rewrites the
// placeholders. Parameters are always bound, never spliced into the text. A session is used
// by one thread at a time; Store hands sessions out.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/sql_value.h"

namespace fazhi {

enum class SqlDialect { kSqlite, kPostgres };

class SqlSession {
 public:
  virtual ~SqlSession() = default;
  virtual SqlDialect dialect() const = 0;

  // Runs a statement that returns rows.
  virtual Result<SqlResult> query(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
  // Runs a statement and returns the number of rows it changed.
  virtual Result<std::int64_t> execute(std::string_view sql,
                                       std::span<const SqlValue> params = {}) = 0;
  // Runs several statements with no parameters (DDL, migrations).
  virtual Result<void> execute_script(std::string_view sql) = 0;

  // Transaction control; Store calls these, callers use Store::write / Store::read.
  virtual Result<void> begin(bool write) = 0;
  virtual Result<void> commit() = 0;
  virtual void rollback() = 0;
};

}  // namespace fazhi
