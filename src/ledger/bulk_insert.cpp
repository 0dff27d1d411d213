#include "ledger/bulk_insert.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/batch_handoff.h"
#include "core/clock.h"
#include "ledger/ledger_rules.h"
#include "ledger/ledger_table.h"

namespace fazhi {

// The rows inserted, taken by the inserting thread into a batch: hashed into the import digest
// (audit_verification.h) and counted into the tallies set aside (`tallies`, empty when none
// are). A full batch is handed to a worker thread, started with the first full batch, which
// writes each row's canonical JSON and hashes the batches strictly in order, eight rows at a
// time, and counts them; at most one batch waits, so memory stays flat however many rows come,
// and a batch's records keep their buffers from one use to the next. Small imports never start
// the thread. The tallies' counts are complete once finish() returns.
class BulkInserter::InsertedRows {
 public:
  InsertedRows(const LedgerDeclaration& ledger, std::vector<MonthlyTallyCounts>& tallies)
      : ledger_(ledger), tallies_(tallies) {}
  ~InsertedRows() { stop(); }

  // Takes the row as inserted, leaving in `record` a row it has hashed (buffers to reuse).
  void add(LedgerRecord& record) {
    if (filling_.count == filling_.records.size()) filling_.records.emplace_back();
    std::swap(filling_.records[filling_.count++], record);
    if (filling_.count >= kBatchRows) hand_over();
  }

  // The digest of every row so far, in order, once every row is counted. Call once, last.
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
    std::vector<LedgerRecord> records;  // the first `count` are this batch's rows
    size_t count = 0;
  };

  void hash(const Batch& batch) {
    text_.clear();
    ends_.clear();
    for (size_t i = 0; i < batch.count; ++i) {
      append_canonical_row_json(text_, ledger_, batch.records[i]);
      ends_.push_back(text_.size());
      if (tallies_.empty()) continue;
      fill_row_from_record(batch.records[i], row_);
      for (MonthlyTallyCounts& counts : tallies_) counts.add(row_);
    }
    views_.clear();
    size_t start = 0;
    for (size_t end : ends_) {
      views_.emplace_back(text_.data() + start, end - start);
      start = end;
    }
    digest_.add_rows(views_);
  }

  // Leaves the filling batch for the worker (waiting while one is already waiting) and
  // continues with the one the worker has finished.
  void hand_over() {
    if (!worker_.joinable())
      worker_ = std::thread([this] {
        Batch working;
        while (handoff_.take(working)) {
          hash(working);
          working.count = 0;
        }
      });
    handoff_.put(filling_);
    filling_.count = 0;
  }

  // Lets the worker hash what waits, then joins it.
  void stop() {
    handoff_.close();
    if (worker_.joinable()) worker_.join();
  }

  const LedgerDeclaration& ledger_;
  // Touched by the worker only while it runs.
  std::vector<MonthlyTallyCounts>& tallies_;
  std::vector<SqlValue> row_;  // a record in table order, for the tallies
  ImportDigest digest_;
  std::string text_;
  std::vector<size_t> ends_;
  std::vector<std::string_view> views_;
  Batch filling_;
  BatchHandoff<Batch> handoff_;
  std::thread worker_;
};

BulkInserter::~BulkInserter() = default;

BulkInserter::BulkInserter(WriteTransaction& tx, const LedgerDeclaration& ledger, std::string source)
    : tx_(tx),
      ledger_(ledger),
      source_(std::move(source)),
      now_(utc_timestamp()),
      inserted_(std::make_unique<InsertedRows>(ledger, tally_counts_)) {
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
    FAZHI_TRY(set_tallies_aside());
    FAZHI_ASSIGN_OR_RETURN(appender_, tx_.sql().append_rows(ledger_.name, columns_));
  }
  fill_row_from_record(record, row_);
  FAZHI_TRY(appender_->append(row_));
  const std::int64_t id = record.id;
  inserted_->add(record);
  record.id = id;
  ++next_id_;
  ++rows_;
  return ok();
}

namespace {

// Whether the column of `index` takes few values: the owner's org_path or an organisation
// (as many as there are organisations), the state, an enum, a boolean or a small range of
// integers. Rows then go in at the end of their value's run in the index, on one of a few
// pages that stay in the page cache however many rows come.
bool takes_few_values(const LedgerDeclaration& ledger, const LedgerIndex& index) {
  // ledger_indexes.h names an index "<ledger>_<column>".
  const std::string column = index.name.substr(std::min(index.name.size(), ledger.name.size() + 1));
  if (column == "org_path" || column == "state") return true;
  const FieldDeclaration* f = ledger.field(column);
  if (!f) return false;
  // An integer of a small declared range (a rating's 1 to 5 stars) is a handful of values too.
  if (f->type == FieldType::kInteger && f->min && f->max && *f->max - *f->min <= 10) return true;
  return f->type == FieldType::kEnum || f->type == FieldType::kBoolean || f->type == FieldType::kOrgRef;
}

}  // namespace

Result<void> BulkInserter::set_indexes_aside() {
  // Into an empty table, building an index once at the end is cheaper than keeping it in
  // order row by row. Only where no rule of the ledger queries the table while rows arrive
  // (it would scan without the index); the transaction restores the indexes if it fails.
  if (first_id_ != 1 || find_record_rule(ledger_.name) != nullptr) return ok();
  // On SQLite an index on a column of few values costs less kept row by row (multi-row
  // INSERTs share the seek); PostgreSQL's COPY keeps any index more slowly than it builds one.
  const bool sqlite = tx_.sql().dialect() == SqlDialect::kSqlite;
  for (LedgerIndex& i : ledger_indexes(ledger_)) {
    if (sqlite && takes_few_values(ledger_, i)) continue;
    FAZHI_TRY(tx_.sql().execute_script(i.drop_sql));
    dropped_indexes_.push_back(std::move(i));
  }
  return ok();
}

Result<void> BulkInserter::set_tallies_aside() {
  // PostgreSQL's writers run side by side: there the triggers keep counting.
  if (tx_.sql().dialect() != SqlDialect::kSqlite) return ok();
  for (const MonthlyTallyDeclaration& t : ledger_.monthly_tallies) {
    FAZHI_TRY(tx_.sql().execute_script(monthly_tally_drop_triggers_sql(SqlDialect::kSqlite, ledger_, t)));
    tally_counts_.emplace_back(ledger_, t);
  }
  return ok();
}

Result<void> BulkInserter::flush() {
  if (!appender_) return ok();
  return appender_->flush();
}

Result<void> BulkInserter::finish() {
  digest_hex_ = inserted_->finish();
  if (rows_ == 0) return ok();
  FAZHI_TRY(appender_->flush());
  for (const LedgerIndex& i : dropped_indexes_) FAZHI_TRY(tx_.sql().execute_script(i.create_sql));
  dropped_indexes_.clear();
  for (MonthlyTallyCounts& counts : tally_counts_) {
    FAZHI_TRY(counts.apply(tx_.sql()));
    FAZHI_TRY(
        tx_.sql().execute_script(monthly_tally_create_triggers_sql(SqlDialect::kSqlite, ledger_, counts.tally())));
  }
  tally_counts_.clear();
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
