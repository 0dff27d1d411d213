#include "ledger/declarations/record_checks.h"

#include <fmt/format.h>

namespace fazhi {

std::string record_subject(const LedgerDeclaration& ledger, const LedgerRecord& record) {
  std::string title = ledger.title_field.empty() ? "" : text_field(ledger, record, ledger.title_field);
  if (title.empty()) return record.id ? fmt::format("{}（编号 {}）", ledger.label, record.id) : ledger.label;
  return ledger.label + "「" + title + "」";
}

Error rule_refusal(const RuleContext& c, const LedgerRecord& record, const TransitionDeclaration* step,
                   std::string reason, std::string field) {
  Error e =
      invalid_input(record_subject(c.ledger, record), step ? "办理「" + step->label + "」" : "", std::move(reason));
  e.field = std::move(field);
  return e;
}

Error order_refusal(const RuleContext& c, const LedgerRecord& record, const TransitionDeclaration* step,
                    std::string reason, std::string field) {
  Error e = rule_refusal(c, record, step, std::move(reason), std::move(field));
  e.code = ErrorCode::kConflict;
  return e;
}

std::optional<Date> date_field(const LedgerDeclaration& ledger, const LedgerRecord& record, std::string_view name) {
  std::string t = text_field(ledger, record, name);
  if (t.size() < 10) return std::nullopt;
  auto d = parse_date(std::string_view(t).substr(0, 10));
  if (!d) return std::nullopt;
  return *d;
}

std::string text_field(const LedgerDeclaration& ledger, const LedgerRecord& record, std::string_view name) {
  const SqlValue& v = field_of(ledger, record, name);
  return is_null(v) ? std::string() : sql_text(v);
}

bool has_field(const LedgerDeclaration& ledger, const LedgerRecord& record, std::string_view name) {
  return !text_field(ledger, record, name).empty();
}

Result<void> require_not_before(const RuleContext& c, const LedgerRecord& record, const TransitionDeclaration* step,
                                std::string_view later, std::string_view earlier) {
  auto a = date_field(c.ledger, record, later);
  auto b = date_field(c.ledger, record, earlier);
  if (!a || !b || !(*a < *b)) return ok();
  const FieldDeclaration* fl = c.ledger.field(later);
  const FieldDeclaration* fe = c.ledger.field(earlier);
  return rule_refusal(c, record, step,
                      fmt::format("「{}」（{}）不能早于「{}」（{}）", fl ? fl->label : std::string(later), a->iso(),
                                  fe ? fe->label : std::string(earlier), b->iso()),
                      std::string(later));
}

}  // namespace fazhi
