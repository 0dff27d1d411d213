#include "ledger/ledger_indexes.h"

#include <fmt/format.h>

#include "ledger/ledger_table.h"

namespace fazhi {
namespace {

// `column_sql` is the column as the statement names it: the text is part of the migration's
// fingerprint (ensure_ledger_tables), so it stays as first written.
LedgerIndex index_on(const LedgerDeclaration& ledger, const std::string& column, const std::string& column_sql) {
  LedgerIndex i;
  i.name = ledger.name + "_" + column;
  i.create_sql = fmt::format("CREATE INDEX IF NOT EXISTS {} ON {} ({})", quote_identifier(i.name),
                             quote_identifier(ledger.name), column_sql);
  i.drop_sql = fmt::format("DROP INDEX IF EXISTS {}", quote_identifier(i.name));
  return i;
}

}  // namespace

std::vector<LedgerIndex> ledger_indexes(const LedgerDeclaration& ledger) {
  std::vector<LedgerIndex> out;
  out.push_back(index_on(ledger, "org_path", "org_path"));
  if (!ledger.states.empty()) out.push_back(index_on(ledger, "state", "state"));
  for (const auto& f : ledger.fields)
    if (f.indexed || f.type == FieldType::kOrgRef) out.push_back(index_on(ledger, f.name, quote_identifier(f.name)));
  return out;
}

}  // namespace fazhi
