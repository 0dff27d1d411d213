#include "ledger/unique_constraint.h"

namespace fazhi {

Result<bool> database_keeps_unique_fields(SqlSession& sql, const LedgerDeclaration& ledger) {
  // The unique indexes of one column, without a WHERE, of the table.
  const char* kSqlite =
      "SELECT 1 FROM pragma_index_list(?) AS l, pragma_index_info(l.name) AS i "
      "WHERE l.\"unique\" = 1 AND l.partial = 0 AND i.name = ? "
      "AND (SELECT COUNT(*) FROM pragma_index_info(l.name)) = 1";
  const char* kPostgres =
      "SELECT 1 FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid "
      "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0] "
      "WHERE t.relname = ? AND t.relnamespace = current_schema()::regnamespace "
      "AND x.indisunique AND x.indnatts = 1 AND x.indpred IS NULL AND a.attname = ?";
  for (const FieldDeclaration& f : ledger.fields) {
    if (!f.unique) continue;
    std::vector<SqlValue> p = {ledger.name, f.name};
    FAZHI_ASSIGN_OR_RETURN(auto r, sql.query(sql.dialect() == SqlDialect::kSqlite ? kSqlite : kPostgres, p));
    if (r.rows.empty()) return false;
  }
  return true;
}

}  // namespace fazhi
