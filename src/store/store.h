// The one storage interface of fazhi. `open("path.db")` is SQLite (WAL, one writer, many
// readers); `open("postgresql://…")` is PostgreSQL (a pool of connections; several servers
// may share the database). System tables come from versioned migrations (migrations.h);
// ledger tables are declared by the ledger layer and created through apply_migration().
//
// Every write runs inside write(): one transaction that holds the audit chain's head, so
// writers are serialised across threads and servers, and every audit entry appended with
// WriteTransaction::audit() commits or rolls back together with the change it records.
// Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/audit_entry.h"
#include "store/sql_session.h"

namespace fazhi {

class Store;

// A write transaction in progress: SQL access plus the audit chain.
class WriteTransaction {
 public:
  SqlSession& sql() { return sql_; }
  const Actor& actor() const { return actor_; }
  SqlDialect dialect() const { return sql_.dialect(); }
  // Appends an entry (seq, at, actor, prev_hash and hash are filled in here) and returns
  // its sequence number.
  Result<std::int64_t> audit(AuditEntry entry);

 private:
  friend class Store;
  WriteTransaction(SqlSession& sql, Actor actor, std::int64_t seq, std::string hash)
      : sql_(sql), actor_(std::move(actor)), head_seq_(seq), head_hash_(std::move(hash)) {}
  SqlSession& sql_;
  Actor actor_;
  std::int64_t head_seq_;
  std::string head_hash_;
  bool wrote_ = false;
};

struct StoreOptions {
  bool create = false;  // create the SQLite file if missing
  int max_readers = 8;  // pooled read connections
};

class Store {
 public:
  // Opens a database; fails naming the location and the reason. Runs pending migrations.
  static Result<std::unique_ptr<Store>> open(const std::string& db, StoreOptions options = {});
  ~Store();

  SqlDialect dialect() const { return dialect_; }
  const std::string& location() const { return location_; }
  bool is_postgres() const { return dialect_ == SqlDialect::kPostgres; }

  // Runs `fn` in one write transaction as `actor`; commits when it returns ok, rolls back
  // otherwise (and when it throws). Writers wait for each other.
  Result<void> write(const Actor& actor, const std::function<Result<void>(WriteTransaction&)>& fn);
  // write() for one large write by a process that expects the SQLite file to itself (the CLI's
  // import with no server running). When no other connection has the file open, the
  // transaction runs under a rollback journal, writing its pages once into the file rather
  // than into the WAL and again at the checkpoint, and the file is put back in WAL mode
  // afterwards, committed or not; a process killed mid-way leaves a hot journal that the next
  // open rolls back before it puts WAL back. Meanwhile other connections cannot open the file
  // (they fail at once: database is locked) and this store's idle readers are closed; do not
  // read through this store inside `fn`. Otherwise, and on PostgreSQL, exactly write().
  Result<void> write_alone(const Actor& actor, const std::function<Result<void>(WriteTransaction&)>& fn);
  // Runs `fn` in a read-only transaction on a pooled connection (a consistent snapshot).
  Result<void> read(const std::function<Result<void>(SqlSession&)>& fn);

  // Applies `sql` (for this dialect) once under `id`, recording it in schema_migrations;
  // does nothing when `id` was applied before.
  Result<void> apply_migration(const std::string& id, const std::string& sql);
  // Whether a migration with `id` was applied.
  Result<bool> has_migration(const std::string& id);

  // A consistent copy of the live database at `out_path` (SQLite's online backup; pg_dump's
  // plain SQL for PostgreSQL).
  Result<void> backup(const std::string& out_path);

 private:
  Store(SqlDialect dialect, std::string location);
  // The connection writes go through: SQLite's one writer (held under its mutex) or a pooled
  // PostgreSQL connection (given back when the lease ends).
  struct WriterLease {
    WriterLease() = default;
    WriterLease(WriterLease&&) = default;
    WriterLease& operator=(WriterLease&&) = default;
    ~WriterLease();
    Store* store = nullptr;
    std::unique_lock<std::mutex> lock;
    std::unique_ptr<SqlSession> pooled;
    SqlSession* session = nullptr;
  };
  Result<WriterLease> lease_writer();
  // The transaction of write() on the leased connection `session`.
  Result<void> run_write(SqlSession& session, const Actor& actor,
                         const std::function<Result<void>(WriteTransaction&)>& fn);
  Result<std::unique_ptr<SqlSession>> connect();
  Result<std::unique_ptr<SqlSession>> take_reader();
  void give_back(std::unique_ptr<SqlSession> s);

  SqlDialect dialect_;
  std::string location_;
  StoreOptions options_;
  std::mutex writer_mutex_;
  std::unique_ptr<SqlSession> writer_;  // SQLite: the one writer connection
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<SqlSession>> idle_;
};

// Whether `db` names a PostgreSQL database (postgresql:// or postgres:// URI).
bool is_postgres_location(const std::string& db);

}  // namespace fazhi
