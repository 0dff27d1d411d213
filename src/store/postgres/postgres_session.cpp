#include "store/postgres/postgres_session.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstring>

namespace fazhi {
namespace {

// Type OIDs from PostgreSQL's pg_type.dat.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

Error pg_error(PGconn* conn, const PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::string reason = fmt::format("{}：{}", what, message);
  if (PQstatus(conn) != CONNECTION_OK) return unavailable("PostgreSQL 数据库", reason);
  if (state && std::strncmp(state, "23", 2) == 0) return conflict("PostgreSQL 数据库", reason);
  if (state &&
      (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0 || std::strcmp(state, "55P03") == 0))
    return unavailable("PostgreSQL 数据库", reason);
  return internal_error("PostgreSQL 数据库", reason);
}

}  // namespace

std::string rewrite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += fmt::format("${}", ++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::unique_ptr<PostgresSession>> PostgresSession::connect(const std::string& uri) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string reason = PQerrorMessage(conn);
    PQfinish(conn);
    while (!reason.empty() && reason.back() == '\n') reason.pop_back();
    return unavailable("PostgreSQL 数据库", "无法连接：" + reason);
  }
  std::unique_ptr<PostgresSession> s(new PostgresSession(conn));
  FAZHI_TRY(s->execute_script("SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
  return s;
}

PostgresSession::~PostgresSession() {
  PQfinish(conn_);
}

Result<const PostgresSession::Prepared*> PostgresSession::prepare(std::string_view sql, int nparams) {
  std::string key(sql);
  auto it = prepared_.find(key);
  if (it != prepared_.end()) return &it->second;
  Prepared p{fmt::format("fz{}", prepared_.size() + 1)};
  std::string text = rewrite_placeholders(sql);
  PGresult* res = PQprepare(conn_, p.name.c_str(), text.c_str(), nparams, nullptr);
  if (PQresultStatus(res) != PGRES_COMMAND_OK) {
    Error e = pg_error(conn_, res, "SQL 语句无法准备 [" + key.substr(0, 200) + "]");
    PQclear(res);
    return e;
  }
  PQclear(res);
  return &prepared_.emplace(std::move(key), std::move(p)).first->second;
}

Result<SqlResult> PostgresSession::run(std::string_view sql, std::span<const SqlValue> params, std::int64_t* changed) {
  FAZHI_TRY(flush_copy());
  FAZHI_ASSIGN_OR_RETURN(const Prepared* p, prepare(sql, static_cast<int>(params.size())));
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size());
  for (size_t i = 0; i < params.size(); ++i) {
    if (is_null(params[i])) {
      values[i] = nullptr;
    } else {
      texts[i] = sql_text(params[i]);
      values[i] = texts[i].c_str();
    }
  }
  PGresult* res =
      PQexecPrepared(conn_, p->name.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
  ExecStatusType st = PQresultStatus(res);
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    Error e = pg_error(conn_, res, "执行失败");
    PQclear(res);
    return e;
  }
  SqlResult out;
  int nf = PQnfields(res), nr = PQntuples(res);
  std::vector<Oid> types(nf);
  for (int c = 0; c < nf; ++c) {
    out.columns.emplace_back(PQfname(res, c));
    types[c] = PQftype(res, c);
  }
  out.rows.reserve(nr);
  for (int r = 0; r < nr; ++r) {
    std::vector<SqlValue> row;
    row.reserve(nf);
    for (int c = 0; c < nf; ++c) {
      if (PQgetisnull(res, r, c)) {
        row.emplace_back(nullptr);
        continue;
      }
      const char* v = PQgetvalue(res, r, c);
      int len = PQgetlength(res, r, c);
      switch (types[c]) {
        case kInt8:
        case kInt2:
        case kInt4:
          row.emplace_back(static_cast<std::int64_t>(std::strtoll(v, nullptr, 10)));
          break;
        case kBool:
          row.emplace_back(static_cast<std::int64_t>(v[0] == 't' ? 1 : 0));
          break;
        case kFloat4:
        case kFloat8:
          row.emplace_back(std::strtod(v, nullptr));
          break;
        case kNumeric:
          if (std::memchr(v, '.', len) == nullptr)
            row.emplace_back(static_cast<std::int64_t>(std::strtoll(v, nullptr, 10)));
          else
            row.emplace_back(std::strtod(v, nullptr));
          break;
        default:
          row.emplace_back(std::string(v, len));
      }
    }
    out.rows.push_back(std::move(row));
  }
  if (changed) {
    const char* t = PQcmdTuples(res);
    *changed = (t && *t) ? std::strtoll(t, nullptr, 10) : 0;
  }
  PQclear(res);
  return out;
}

Result<SqlResult> PostgresSession::query(std::string_view sql, std::span<const SqlValue> params) {
  return run(sql, params, nullptr);
}

Result<std::int64_t> PostgresSession::execute(std::string_view sql, std::span<const SqlValue> params) {
  std::int64_t changed = 0;
  auto r = run(sql, params, &changed);
  if (!r) return r.error();
  return changed;
}

Result<void> PostgresSession::execute_script(std::string_view sql) {
  FAZHI_TRY(flush_copy());
  std::string text(sql);
  PGresult* res = PQexec(conn_, text.c_str());
  ExecStatusType st = PQresultStatus(res);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    Error e = pg_error(conn_, res, "执行 SQL 失败");
    PQclear(res);
    return e;
  }
  PQclear(res);
  return ok();
}

Result<void> PostgresSession::begin(bool write) {
  in_transaction_ = true;
  return execute_script(write ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN READ ONLY");
}
Result<void> PostgresSession::commit() {
  in_transaction_ = false;
  return execute_script("COMMIT");
}
void PostgresSession::rollback() {
  if (copy_open_) {
    // Abandons the COPY in progress; the rollback below discards what it stored.
    PQputCopyEnd(conn_, "rolled back");
    while (PGresult* res = PQgetResult(conn_)) PQclear(res);
    copy_open_ = false;
  }
  copy_sql_.clear();
  copy_rows_.clear();
  if (PQtransactionStatus(conn_) != PQTRANS_IDLE) {
    PGresult* res = PQexec(conn_, "ROLLBACK");
    PQclear(res);
  }
  in_transaction_ = false;
}

namespace {

// A value in COPY's text format: \N for null, backslash escapes for the separators.
void append_copy_value(std::string& out, const SqlValue& v) {
  if (is_null(v)) {
    out += "\\N";
    return;
  }
  const std::string* s = std::get_if<std::string>(&v);
  std::string text;
  if (!s) {
    text = sql_text(v);
    s = &text;
  }
  size_t start = 0;
  for (size_t i = 0; i < s->size(); ++i) {
    const char c = (*s)[i];
    if (c != '\\' && c != '\t' && c != '\n' && c != '\r') continue;
    out.append(*s, start, i - start);
    out += c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r";
    start = i + 1;
  }
  out.append(*s, start, std::string::npos);
}

constexpr size_t kCopyChunkBytes = 1u << 20;

}  // namespace

// Rows encoded into the session's pending COPY buffer and streamed, 1 MiB at a time, into
// one COPY that stays open while rows come (the server stores them meanwhile); the COPY
// ends before any other statement of the session, and on flush().
class PostgresRowAppender final : public RowAppender {
 public:
  PostgresRowAppender(PostgresSession& session, std::string copy_sql)
      : session_(session), copy_sql_(std::move(copy_sql)) {}

  Result<void> append(std::vector<SqlValue>& row) override {
    if (session_.copy_sql_ != copy_sql_) {
      FAZHI_TRY(session_.flush_copy());
      session_.copy_sql_ = copy_sql_;
    }
    std::string& out = session_.copy_rows_;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out.push_back('\t');
      append_copy_value(out, row[i]);
    }
    out.push_back('\n');
    if (out.size() >= kCopyChunkBytes) return session_.send_copy_chunk();
    return ok();
  }
  Result<void> flush() override { return session_.flush_copy(); }

 private:
  PostgresSession& session_;
  std::string copy_sql_;
};

Result<std::unique_ptr<RowAppender>> PostgresSession::append_rows(std::string_view table,
                                                                  std::span<const std::string> columns) {
  std::string cols;
  for (size_t i = 0; i < columns.size(); ++i) cols += fmt::format("{}\"{}\"", i ? ", " : "", columns[i]);
  return std::unique_ptr<RowAppender>(
      new PostgresRowAppender(*this, fmt::format("COPY \"{}\" ({}) FROM STDIN", table, cols)));
}

Result<void> PostgresSession::send_copy_chunk() {
  if (!copy_open_) {
    PGresult* res = PQexec(conn_, copy_sql_.c_str());
    if (PQresultStatus(res) != PGRES_COPY_IN) {
      Error e = pg_error(conn_, res, "COPY 无法开始");
      PQclear(res);
      copy_rows_.clear();
      return e;
    }
    PQclear(res);
    copy_open_ = true;
  }
  bool sent = copy_rows_.empty() || PQputCopyData(conn_, copy_rows_.data(), static_cast<int>(copy_rows_.size())) == 1;
  copy_rows_.clear();
  if (!sent) return pg_error(conn_, nullptr, "COPY 写入失败");
  return ok();
}

Result<void> PostgresSession::flush_copy() {
  if (copy_sql_.empty() || (copy_rows_.empty() && !copy_open_)) return ok();
  Result<void> sent = send_copy_chunk();
  copy_sql_.clear();
  if (!copy_open_) return sent;
  copy_open_ = false;
  if (PQputCopyEnd(conn_, sent ? nullptr : "client failed to send rows") != 1)
    return pg_error(conn_, nullptr, "COPY 结束失败");
  PGresult* res = PQgetResult(conn_);
  bool good = PQresultStatus(res) == PGRES_COMMAND_OK;
  Error e = good ? Error{} : pg_error(conn_, res, "COPY 失败");
  PQclear(res);
  while ((res = PQgetResult(conn_)) != nullptr) PQclear(res);
  if (!good) return e;
  return sent;
}

}  // namespace fazhi
