// The system tables' schema, as versioned migrations applied in order and recorded in
// schema_migrations. SQL is written once as a template: `{pk}` is the auto-numbered id
// column, `{int}` a 64-bit integer, `{blob}` bytes (BLOB/BYTEA); dialect_sql() turns it into the backend's SQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/sql_session.h"

namespace fazhi {

struct Migration {
  std::string id;  // "0001_system_tables"; never renamed once released
  std::string template_sql;
};

// The system migrations, oldest first.
const std::vector<Migration>& system_migrations();

// `template_sql` with {pk} and {int} replaced for `dialect`.
std::string dialect_sql(SqlDialect dialect, std::string_view template_sql);

}  // namespace fazhi
