#include "store/sqlite/sqlite_session.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <utility>

namespace fazhi {
namespace {

// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
constexpr int kBusyTimeoutMs = 10000;

}  // namespace

Result<std::unique_ptr<SqliteSession>> SqliteSession::open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string reason = db ? sqlite3_errmsg(db) : "无法打开";
    sqlite3_close(db);
    return unavailable("数据库 " + path, "无法打开：" + reason);
  }
  std::unique_ptr<SqliteSession> s(new SqliteSession(db, path));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // Temporary storage (sorts, index builds) in files that SQLite keeps in the page cache while
  // small and spills to disk beyond it: in memory, building an index after an import of
  // millions of rows would hold every key in RAM.
  // A new file gets 8 KiB pages (before WAL mode fixes the size): half the b-tree pages to
  // split, spill and write as SQLite's default 4 KiB, for tables of millions of rows (the main
  // thread of an 8.5M-rating import 25.8 → 23.9 s of CPU). An existing file keeps its size.
  if (create) FAZHI_TRY(s->execute_script("PRAGMA page_size=8192;"));
  // The cache is given in KiB, so it holds the same 64 MiB whatever the page size.
  auto r = s->execute_script(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
      "PRAGMA temp_store=FILE; PRAGMA cache_size=-65536;");
  if (!r) return r.error();
  return s;
}

SqliteSession::~SqliteSession() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Error SqliteSession::error_here(std::string_view what) const {
  int code = sqlite3_extended_errcode(db_);
  std::string reason = fmt::format("{}：{}", what, sqlite3_errmsg(db_));
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return unavailable("数据库 " + path_, reason);
  if ((code & 0xff) == SQLITE_CONSTRAINT) return conflict("数据库 " + path_, reason);
  return internal_error("数据库 " + path_, reason);
}

namespace {

// Binds `values` to the parameters of `stmt` from number `first` on, without copying them:
// they must stay as they are until the statement has been stepped.
int bind_values(sqlite3_stmt* stmt, int first, std::span<const SqlValue> values) {
  int i = first;
  for (const SqlValue& v : values) {
    int rc;
    if (const auto* s = std::get_if<std::string>(&v))
      rc = sqlite3_bind_text(stmt, i, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
    else if (const auto* n = std::get_if<std::int64_t>(&v))
      rc = sqlite3_bind_int64(stmt, i, *n);
    else if (const auto* d = std::get_if<double>(&v))
      rc = sqlite3_bind_double(stmt, i, *d);
    else
      rc = sqlite3_bind_null(stmt, i);
    if (rc != SQLITE_OK) return rc;
    ++i;
  }
  return SQLITE_OK;
}

}  // namespace

int SqliteSession::bind_again(sqlite3_stmt* stmt, int first, std::span<const SqlValue> values) {
  int i = first;
  for (const SqlValue& v : values) {
    Bound& b = bound_[static_cast<size_t>(i - 1)];
    int rc = SQLITE_OK;
    if (const auto* s = std::get_if<std::string>(&v)) {
      rc = sqlite3_bind_text(stmt, i, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
      b.kind = Bound::kUnknown;
    } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
      if (b.kind != Bound::kInteger || b.integer != *n) {
        rc = sqlite3_bind_int64(stmt, i, *n);
        b = {Bound::kInteger, *n};
      }
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, i, *d);
      b.kind = Bound::kUnknown;
    } else if (b.kind != Bound::kNull) {
      rc = sqlite3_bind_null(stmt, i);
      b.kind = Bound::kNull;
    }
    if (rc != SQLITE_OK) {
      b.kind = Bound::kUnknown;
      return rc;
    }
    ++i;
  }
  return SQLITE_OK;
}

Result<sqlite3_stmt*> SqliteSession::cached(std::string_view sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  std::string key(sql);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
      SQLITE_OK) {
    Error e = error_here("SQL 语句无法准备 [" + key.substr(0, 200) + "]");
    sqlite3_finalize(stmt);
    return e;
  }
  statements_.emplace(std::move(key), stmt);
  return stmt;
}

Result<sqlite3_stmt*> SqliteSession::prepare(std::string_view sql, std::span<const SqlValue> params) {
  FAZHI_TRY(flush_rows());
  FAZHI_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, cached(sql));
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (stmt == bound_statement_) bound_statement_ = nullptr;
  if (bind_values(stmt, 1, params) != SQLITE_OK) return error_here("参数绑定失败");
  return stmt;
}

Result<SqlResult> SqliteSession::query(std::string_view sql, std::span<const SqlValue> params) {
  FAZHI_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, prepare(sql, params));
  SqlResult out;
  int n = sqlite3_column_count(stmt);
  out.columns.reserve(n);
  for (int c = 0; c < n; ++c) out.columns.emplace_back(sqlite3_column_name(stmt, c));
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      Error e = error_here("查询失败");
      sqlite3_reset(stmt);
      return e;
    }
    std::vector<SqlValue> row;
    row.reserve(n);
    for (int c = 0; c < n; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c)));
          break;
        case SQLITE_FLOAT:
          row.emplace_back(sqlite3_column_double(stmt, c));
          break;
        case SQLITE_NULL:
          row.emplace_back(nullptr);
          break;
        default: {
          const char* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          row.emplace_back(std::string(p ? p : "", sqlite3_column_bytes(stmt, c)));
        }
      }
    }
    out.rows.push_back(std::move(row));
  }
  sqlite3_reset(stmt);
  return out;
}

Result<std::int64_t> SqliteSession::execute(std::string_view sql, std::span<const SqlValue> params) {
  FAZHI_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, prepare(sql, params));
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) {
    Error e = error_here("写入失败");
    sqlite3_reset(stmt);
    return e;
  }
  sqlite3_reset(stmt);
  return static_cast<std::int64_t>(sqlite3_changes64(db_));
}

// Rows kept in the session's pending rows, each taking the place of a row already inserted
// (so the values' buffers are reused), and inserted by the session a batch at a time.
class SqliteRowAppender final : public RowAppender {
 public:
  SqliteRowAppender(SqliteSession& session, SqliteSession::PendingInsert insert)
      : session_(session), insert_(std::move(insert)) {}

  Result<void> append(std::vector<SqlValue>& row) override {
    if (session_.pending_insert_.many != insert_.many) {
      FAZHI_TRY(session_.flush_rows());
      session_.pending_insert_ = insert_;
    }
    auto& rows = session_.pending_rows_;
    if (session_.pending_count_ == rows.size()) rows.emplace_back();
    rows[session_.pending_count_++].swap(row);
    row.resize(rows[session_.pending_count_ - 1].size());
    if (session_.pending_count_ == kAppendBatchRows) return session_.flush_rows();
    return ok();
  }
  Result<void> flush() override { return session_.flush_rows(); }

 private:
  SqliteSession& session_;
  SqliteSession::PendingInsert insert_;
};

Result<void> SqliteSession::flush_rows() {
  if (pending_count_ == 0) return ok();
  // Cleared first: whatever happens, these rows are not sent twice.
  const size_t count = std::exchange(pending_count_, 0);
  // Steps `stmt` bound with `rows` pending rows from `from` on; the multi-row INSERT (`again`)
  // keeps what its parameters held from the batch before.
  auto insert = [&](sqlite3_stmt* stmt, size_t from, size_t rows, bool again) -> Result<void> {
    if (again && stmt != bound_statement_) {
      bound_.assign(static_cast<size_t>(sqlite3_bind_parameter_count(stmt)), Bound{});
      bound_statement_ = stmt;
    }
    int first = 1;
    for (size_t k = from; k < from + rows; ++k) {
      const int rc = again ? bind_again(stmt, first, pending_rows_[k]) : bind_values(stmt, first, pending_rows_[k]);
      if (rc != SQLITE_OK) return error_here("表 " + pending_insert_.table + " 参数绑定失败");
      first += static_cast<int>(pending_rows_[k].size());
    }
    int rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE) {
      Error e = error_here("写入表 " + pending_insert_.table + " 失败");
      sqlite3_reset(stmt);
      return e;
    }
    sqlite3_reset(stmt);
    return ok();
  };
  // A whole batch by the multi-row INSERT; the rest (before another statement) row by row.
  if (count == kAppendBatchRows) return insert(pending_insert_.many, 0, count, true);
  for (size_t k = 0; k < count; ++k) FAZHI_TRY(insert(pending_insert_.one, k, 1, false));
  return ok();
}

Result<std::unique_ptr<RowAppender>> SqliteSession::append_rows(std::string_view table,
                                                                std::span<const std::string> columns) {
  std::string cols, marks;
  for (size_t i = 0; i < columns.size(); ++i) {
    cols += fmt::format("{}\"{}\"", i ? ", " : "", columns[i]);
    marks += i ? ", ?" : "?";
  }
  // OR FAIL: a violation stops the statement where it is, without a statement journal to
  // undo the rows of the batch before it (each batch would copy the pages it touches there);
  // the transaction is rolled back instead.
  std::string one = fmt::format("INSERT OR FAIL INTO \"{}\" ({}) VALUES ({})", table, cols, marks);
  std::string many = one;
  for (size_t k = 1; k < kAppendBatchRows; ++k) many += fmt::format(", ({})", marks);
  PendingInsert insert;
  insert.table = std::string(table);
  FAZHI_ASSIGN_OR_RETURN(insert.one, cached(one));
  FAZHI_ASSIGN_OR_RETURN(insert.many, cached(many));
  return std::unique_ptr<RowAppender>(new SqliteRowAppender(*this, std::move(insert)));
}

Result<void> SqliteSession::execute_script(std::string_view sql) {
  FAZHI_TRY(flush_rows());
  std::string text(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string reason = err ? err : "未知错误";
    sqlite3_free(err);
    return internal_error("数据库 " + path_, "执行 SQL 失败：" + reason);
  }
  return ok();
}

// Transaction control goes through the statement cache: every API read begins and ends one,
// and sqlite3_exec would parse the text again each time.
Result<void> SqliteSession::begin(bool write) {
  FAZHI_TRY(execute(write ? "BEGIN IMMEDIATE" : "BEGIN", {}));
  return ok();
}
Result<void> SqliteSession::commit() {
  FAZHI_TRY(execute("COMMIT", {}));
  return ok();
}
void SqliteSession::rollback() {
  pending_count_ = 0;
  if (!sqlite3_get_autocommit(db_)) (void)execute("ROLLBACK", {});
}

bool SqliteSession::leave_wal() {
  // Another connection with the file open makes the switch fail (SQLITE_BUSY), the mode
  // unchanged: at once rather than after the busy timeout, which would only wait for it to close.
  sqlite3_busy_timeout(db_, 0);
  auto mode = query("PRAGMA journal_mode=DELETE", {});
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  return mode && !mode->rows.empty() && sql_text(mode->rows[0][0]) == "delete";
}

Result<void> SqliteSession::enter_wal() {
  FAZHI_ASSIGN_OR_RETURN(auto mode, query("PRAGMA journal_mode=WAL", {}));
  if (mode.rows.empty() || sql_text(mode.rows[0][0]) != "wal")
    return unavailable("数据库 " + path_, "未能恢复 WAL 日志模式");
  return ok();
}

Result<void> SqliteSession::backup_to(const std::string& out_path) {
  sqlite3* dest = nullptr;
  if (sqlite3_open(out_path.c_str(), &dest) != SQLITE_OK) {
    sqlite3_close(dest);
    return invalid_input("备份文件 " + out_path, "", "无法创建");
  }
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_, "main");
  if (b == nullptr) {
    std::string reason = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    return internal_error("备份文件 " + out_path, reason);
  }
  int rc;
  // Copy all pages in one step: a step restarts whenever another connection writes.
  while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  sqlite3_backup_finish(b);
  std::string reason = sqlite3_errmsg(dest);
  sqlite3_close(dest);
  if (rc != SQLITE_DONE) return internal_error("备份文件 " + out_path, "备份失败：" + reason);
  return ok();
}

}  // namespace fazhi
