#include "store/store.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include "core/clock.h"
#include "store/migrations.h"
#include "store/postgres/postgres_session.h"
#include "store/sqlite/sqlite_session.h"

extern char** environ;

namespace fazhi {

bool is_postgres_location(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

Result<std::int64_t> WriteTransaction::audit(AuditEntry entry) {
  entry.seq = head_seq_ + 1;
  if (entry.at.empty()) entry.at = utc_timestamp();
  entry.actor = actor_.login;
  entry.actor_org = actor_.org_code;
  entry.prev_hash = head_hash_;
  entry.hash = audit_entry_hash(entry);
  auto opt = [](const std::optional<std::string>& v) -> SqlValue {
    if (v) return *v;
    return nullptr;
  };
  std::vector<SqlValue> params = {entry.seq,        entry.at,          entry.actor,     entry.actor_org,
                                  entry.action,     entry.ledger,      entry.record_id, opt(entry.before),
                                  opt(entry.after), opt(entry.detail), entry.prev_hash, entry.hash};
  auto r = sql_.execute(
      "INSERT INTO audit_log (seq, at, actor, actor_org, action, ledger, record_id, before_json, "
      "after_json, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      params);
  if (!r) return r.error();
  head_seq_ = entry.seq;
  head_hash_ = entry.hash;
  wrote_ = true;
  return entry.seq;
}

Store::Store(SqlDialect dialect, std::string location) : dialect_(dialect), location_(std::move(location)) {}
Store::~Store() = default;

Result<std::unique_ptr<SqlSession>> Store::connect() {
  if (dialect_ == SqlDialect::kPostgres) {
    auto s = PostgresSession::connect(location_);
    if (!s) return s.error();
    return std::unique_ptr<SqlSession>(std::move(s).value());
  }
  auto s = SqliteSession::open(location_, false);
  if (!s) return s.error();
  return std::unique_ptr<SqlSession>(std::move(s).value());
}

Result<std::unique_ptr<Store>> Store::open(const std::string& db, StoreOptions options) {
  if (db.empty()) return invalid_input("数据库", "--db", "未指定数据库（文件路径或 postgresql:// 地址）");
  bool pg = is_postgres_location(db);
  std::unique_ptr<Store> store(new Store(pg ? SqlDialect::kPostgres : SqlDialect::kSqlite, db));
  store->options_ = options;
  if (!pg) {
    auto w = SqliteSession::open(db, options.create);
    if (!w) {
      Error e = w.error();
      if (!options.create) e.reason += "（文件不存在时请先运行 fazhi init --db " + db + "）";
      return e;
    }
    store->writer_ = std::move(w).value();
  }
  {
    FAZHI_ASSIGN_OR_RETURN(auto s, pg ? store->connect() : Result<std::unique_ptr<SqlSession>>(nullptr));
    if (s) store->give_back(std::move(s));
  }
  FAZHI_TRY(store->apply_migration("0000_schema_migrations", ""));
  for (const Migration& m : system_migrations())
    FAZHI_TRY(store->apply_migration(m.id, dialect_sql(store->dialect_, m.template_sql)));
  return store;
}

Result<std::unique_ptr<SqlSession>> Store::take_reader() {
  {
    std::lock_guard lock(pool_mutex_);
    if (!idle_.empty()) {
      auto s = std::move(idle_.back());
      idle_.pop_back();
      return s;
    }
  }
  return connect();
}

void Store::give_back(std::unique_ptr<SqlSession> s) {
  std::lock_guard lock(pool_mutex_);
  if (static_cast<int>(idle_.size()) < options_.max_readers) idle_.push_back(std::move(s));
}

Store::WriterLease::~WriterLease() {
  if (pooled) store->give_back(std::move(pooled));
}

Result<Store::WriterLease> Store::lease_writer() {
  WriterLease lease;
  lease.store = this;
  if (dialect_ == SqlDialect::kSqlite) {
    lease.lock = std::unique_lock<std::mutex>(writer_mutex_);
    lease.session = writer_.get();
  } else {
    FAZHI_ASSIGN_OR_RETURN(lease.pooled, take_reader());
    lease.session = lease.pooled.get();
  }
  return lease;
}

Result<void> Store::write(const Actor& actor, const std::function<Result<void>(WriteTransaction&)>& fn) {
  FAZHI_ASSIGN_OR_RETURN(WriterLease lease, lease_writer());
  return run_write(*lease.session, actor, fn);
}

Result<void> Store::write_alone(const Actor& actor, const std::function<Result<void>(WriteTransaction&)>& fn) {
  FAZHI_ASSIGN_OR_RETURN(WriterLease lease, lease_writer());
  if (dialect_ != SqlDialect::kSqlite) return run_write(*lease.session, actor, fn);
  {
    // This store's own idle readers hold the file open too.
    std::lock_guard lock(pool_mutex_);
    idle_.clear();
  }
  auto* sqlite = static_cast<SqliteSession*>(lease.session);
  const bool alone = sqlite->leave_wal();
  Result<void> outcome = run_write(*lease.session, actor, fn);
  // Not a failure of the write when it fails (another process opened the file just after the
  // commit): the write stands, and the next open of the file puts WAL back.
  if (alone) (void)sqlite->enter_wal();
  return outcome;
}

Result<void> Store::run_write(SqlSession& session, const Actor& actor,
                              const std::function<Result<void>(WriteTransaction&)>& fn) {
  SqlSession* s = &session;
  FAZHI_TRY(s->begin(true));
  Result<void> outcome = ok();
  try {
    // Holding the head row serialises writers across servers (PostgreSQL) and gives the
    // chain's tip; SQLite's BEGIN IMMEDIATE already serialises.
    auto head = s->query(dialect_ == SqlDialect::kPostgres ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                                                           : "SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!head) {
      outcome = head.error();
    } else if (head->rows.empty()) {
      outcome = internal_error("审计日志", "缺少链头记录 audit_head");
    } else {
      WriteTransaction tx(*s, actor, *sql_int(head->rows[0][0]), sql_text(head->rows[0][1]));
      outcome = fn(tx);
      if (outcome && tx.wrote_) {
        std::vector<SqlValue> p = {tx.head_seq_, tx.head_hash_};
        auto u = s->execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", p);
        if (!u) outcome = u.error();
      }
    }
  } catch (const std::exception& e) {
    outcome = internal_error("数据库写入", e.what());
  }
  if (!outcome) {
    s->rollback();
    return outcome;
  }
  auto c = s->commit();
  if (!c) s->rollback();
  return c;
}

Result<void> Store::read(const std::function<Result<void>(SqlSession&)>& fn) {
  FAZHI_ASSIGN_OR_RETURN(auto s, take_reader());
  FAZHI_TRY(s->begin(false));
  Result<void> outcome = ok();
  try {
    outcome = fn(*s);
  } catch (const std::exception& e) {
    outcome = internal_error("数据库读取", e.what());
  }
  // A read transaction has nothing to keep; ending it with rollback also covers errors.
  s->rollback();
  give_back(std::move(s));
  return outcome;
}

Result<bool> Store::has_migration(const std::string& id) {
  bool found = false;
  FAZHI_TRY(read([&](SqlSession& s) -> Result<void> {
    std::vector<SqlValue> p = {id};
    FAZHI_ASSIGN_OR_RETURN(auto r, s.query("SELECT 1 FROM schema_migrations WHERE id = ?", p));
    found = !r.rows.empty();
    return ok();
  }));
  return found;
}

Result<void> Store::apply_migration(const std::string& id, const std::string& sql) {
  FAZHI_ASSIGN_OR_RETURN(WriterLease lease, lease_writer());
  SqlSession* s = lease.session;
  if (id == "0000_schema_migrations") {
    auto r = s->execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
    return r;
  }
  FAZHI_TRY(s->begin(true));
  auto run = [&]() -> Result<void> {
    if (dialect_ == SqlDialect::kPostgres)
      FAZHI_TRY(s->execute_script("LOCK TABLE schema_migrations IN EXCLUSIVE MODE"));
    std::vector<SqlValue> p = {id};
    FAZHI_ASSIGN_OR_RETURN(auto r, s->query("SELECT 1 FROM schema_migrations WHERE id = ?", p));
    if (!r.rows.empty()) return ok();
    if (!sql.empty()) FAZHI_TRY(s->execute_script(sql));
    std::vector<SqlValue> q = {id, utc_timestamp()};
    FAZHI_TRY(s->execute("INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)", q));
    return ok();
  };
  auto outcome = run();
  if (!outcome) {
    s->rollback();
  } else {
    outcome = s->commit();
    if (!outcome) s->rollback();
  }
  if (!outcome) {
    Error e = std::move(outcome).error();
    e.reason = "迁移 " + id + " 失败：" + e.reason;
    return e;
  }
  return ok();
}

Result<void> Store::backup(const std::string& out_path) {
  if (dialect_ == SqlDialect::kSqlite) {
    std::lock_guard lock(writer_mutex_);
    return static_cast<SqliteSession*>(writer_.get())->backup_to(out_path);
  }
  std::vector<std::string> args = {"pg_dump", "--no-owner", "--no-privileges", "--dbname=" + location_,
                                   "--file=" + out_path};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ) != 0)
    return unavailable("备份", "找不到 pg_dump（请安装 postgresql-client）");
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return internal_error("备份文件 " + out_path, "pg_dump 失败，退出码 " + std::to_string(WEXITSTATUS(status)));
  return ok();
}

}  // namespace fazhi
