#include "ledger/ledger_rules.h"

#include <map>
#include <string>

#include "ledger/declarations/organizations_rules.h"

namespace fazhi {

const RecordRule* find_record_rule(std::string_view name) {
  static const std::map<std::string, RecordRule, std::less<>> kRules = {
      {"organizations", organizations_rule},
  };
  auto it = kRules.find(name);
  return it == kRules.end() ? nullptr : &it->second;
}

const SqlValue& field_of(const LedgerDeclaration& ledger, const LedgerRecord& record, std::string_view name) {
  static const SqlValue kNull = nullptr;
  for (size_t i = 0; i < ledger.fields.size(); ++i)
    if (ledger.fields[i].name == name) return record.values[i];
  return kNull;
}

void set_field(const LedgerDeclaration& ledger, LedgerRecord& record, std::string_view name, SqlValue value) {
  for (size_t i = 0; i < ledger.fields.size(); ++i)
    if (ledger.fields[i].name == name) record.values[i] = std::move(value);
}

}  // namespace fazhi
