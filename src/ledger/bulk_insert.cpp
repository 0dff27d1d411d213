#include "ledger/bulk_insert.h"

#include <fmt/format.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "ledger/ledger_rules.h"
#include "ledger/ledger_table.h"

namespace fazhi {

// The import digest (audit_verification.h) over rows whose canonical JSON the inserting
// thread appends to a batch. A full batch is handed to a worker thread, started with the
// first full batch, which hashes the batches strictly in order; at most two batches wait,
// so memory stays flat however many rows come. Small imports never start the thread.
class BulkInserter::Digester {
 public:
  ~Digester() { stop(); }

  // Where the next row's canonical JSON goes; call end_row() after appending it.
  std::string& text() { return filling_.text; }
  void end_row() {
    filling_.ends.push_back(filling_.text.size());
    if (filling_.ends.size() >= kBatchRows) hand_over();
  }

  // The digest of every row so far, in order. Call once, last.
  std::string finish() {
    if (!worker_.joinable()) {
      hash(filling_);
    } else {
      hand_over();
      stop();
    }
    return digest_.hex();
  }

 private:
  static constexpr size_t kBatchRows = 8192;
  struct Batch {
    std::string text;
    std::vector<size_t> ends;  // where each row's JSON ends in `text`
    void clear() {
      text.clear();
      ends.clear();
    }
  };

  void hash(const Batch& batch) {
    size_t start = 0;
    for (size_t end : batch.ends) {
      row_.assign(batch.text, start, end - start);
      digest_.add_row(row_);
      start = end;
    }
  }

  // Queues the filling batch for the worker (waiting while one is already queued) and
  // continues with an empty one.
  void hand_over() {
    std::unique_lock lock(mutex_);
    if (!worker_.joinable()) worker_ = std::thread([this] { run(); });
    changed_.wait(lock, [&] { return !queued_; });
    std::swap(queue_, filling_);
    queued_ = true;
    lock.unlock();
    changed_.notify_all();
    filling_.clear();
  }

  void run() {
    Batch working;
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return queued_ || stopping_; });
      if (!queued_) return;
      std::swap(working, queue_);
      queued_ = false;
      lock.unlock();
      changed_.notify_all();
      hash(working);
      working.clear();
      lock.lock();
    }
  }

  // Lets the worker hash what is queued, then joins it.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
  }

  ImportDigest digest_;  // touched by the worker only while it runs
  std::string row_;
  Batch filling_;
  Batch queue_;
  bool queued_ = false;
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::thread worker_;
};

BulkInserter::~BulkInserter() = default;

BulkInserter::BulkInserter(WriteTransaction& tx, const LedgerDeclaration& ledger, std::string source)
    : tx_(tx), ledger_(ledger), source_(std::move(source)), now_(utc_timestamp()),
      digester_(std::make_unique<Digester>()) {
  columns_ = system_columns();
  for (const auto& f : ledger.fields) columns_.push_back(f.name);
}

Result<std::int64_t> BulkInserter::next_id() {
  if (next_id_ == 0) {
    FAZHI_ASSIGN_OR_RETURN(next_id_, next_record_id(tx_.sql(), ledger_));
    first_id_ = next_id_;
  }
  return next_id_;
}

Result<void> BulkInserter::add(LedgerRecord& record) {
  FAZHI_ASSIGN_OR_RETURN(record.id, next_id());
  record.version = 1;
  if (record.created_at.empty()) record.created_at = now_;
  if (record.updated_at.empty()) record.updated_at = record.created_at;
  if (record.created_by.empty()) record.created_by = tx_.actor().login;
  if (record.updated_by.empty()) record.updated_by = record.created_by;
  if (!appender_) {
    FAZHI_TRY(set_indexes_aside());
    FAZHI_ASSIGN_OR_RETURN(appender_, tx_.sql().append_rows(ledger_.name, columns_));
  }
  fill_row_from_record(record, row_);
  FAZHI_TRY(appender_->append(row_));
  append_canonical_row_json(digester_->text(), ledger_, record);
  digester_->end_row();
  ++next_id_;
  ++rows_;
  return ok();
}

Result<void> BulkInserter::set_indexes_aside() {
  // Into an empty table, building each index once at the end is cheaper than keeping it in
  // order row by row. Only where no rule of the ledger queries the table while rows arrive
  // (it would scan without the index); the transaction restores the indexes if it fails.
  if (first_id_ != 1 || find_record_rule(ledger_.name) != nullptr) return ok();
  for (LedgerIndex& i : ledger_indexes(ledger_)) {
    FAZHI_TRY(tx_.sql().execute_script(i.drop_sql));
    dropped_indexes_.push_back(std::move(i));
  }
  return ok();
}

Result<void> BulkInserter::finish() {
  digest_hex_ = digester_->finish();
  if (rows_ == 0) return ok();
  FAZHI_TRY(appender_->flush());
  for (const LedgerIndex& i : dropped_indexes_) FAZHI_TRY(tx_.sql().execute_script(i.create_sql));
  dropped_indexes_.clear();
  nlohmann::json detail = {{"file", source_},
                           {"rows", rows_},
                           {"first_id", first_id_},
                           {"last_id", next_id_ - 1},
                           {"rows_digest", digest_hex_}};
  AuditEntry entry;
  entry.action = "import";
  entry.ledger = ledger_.name;
  entry.detail = detail.dump();
  FAZHI_TRY(tx_.audit(std::move(entry)));
  return ok();
}

}  // namespace fazhi
