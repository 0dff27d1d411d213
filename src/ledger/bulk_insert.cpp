#include "ledger/bulk_insert.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "ledger/ledger_table.h"

namespace fazhi {

BulkInserter::BulkInserter(WriteTransaction& tx, const LedgerDeclaration& ledger, std::string source)
    : tx_(tx), ledger_(ledger), source_(std::move(source)), now_(utc_timestamp()) {
  std::string marks;
  for (size_t i = 0; i < system_columns().size() + ledger.fields.size(); ++i) marks += i ? ", ?" : "?";
  insert_sql_ = fmt::format("INSERT INTO {} ({}) VALUES ({})", quote_identifier(ledger.name),
                            ledger_column_list(ledger), marks);
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
  std::vector<SqlValue> row = row_from_record(record);
  FAZHI_TRY(tx_.sql().execute(insert_sql_, row));
  digest_.add_row(canonical_row_json(ledger_, record));
  ++next_id_;
  ++rows_;
  return ok();
}

Result<void> BulkInserter::finish() {
  digest_hex_ = digest_.hex();
  if (rows_ == 0) return ok();
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
