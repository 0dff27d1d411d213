#include "ledger/record_json.h"

#include <algorithm>
#include <charconv>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/clock.h"
#include "core/json_text.h"
#include "ledger/deadline.h"
#include "ledger/field_value.h"
#include "ledger/ledger_rules.h"
#include "ledger/tabular/text_encoding.h"

namespace fazhi {
namespace {

// A JSON string; text that is not valid UTF-8 goes through nlohmann::json so that its
// replacement characters come out exactly as the library writes them.
void put_string(std::string& out, std::string_view s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii || tabular::is_valid_utf8(s)) {
    append_json_string(out, s);
    return;
  }
  out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void put_int(std::string& out, std::int64_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, end);
}

void put_key(std::string& out, std::string_view key) {
  put_string(out, key);
  out.push_back(':');
}

// A field's value as field_value_to_json() gives it.
void put_field_value(std::string& out, const FieldDeclaration& f, const SqlValue& v) {
  if (is_null(v)) {
    out += "null";
    return;
  }
  switch (f.type) {
    case FieldType::kBoolean:
      out += sql_int(v).value_or(0) != 0 ? "true" : "false";
      return;
    case FieldType::kInteger:
    case FieldType::kPersonRef:
    case FieldType::kRecordRef:
      put_int(out, sql_int(v).value_or(0));
      return;
    case FieldType::kText:
    case FieldType::kLongText:
    case FieldType::kDecimal:
    case FieldType::kDate:
    case FieldType::kDateTime:
    case FieldType::kEnum:
    case FieldType::kNationalCode:
    case FieldType::kOrgRef:
      if (const auto* s = std::get_if<std::string>(&v))
        put_string(out, *s);
      else
        put_string(out, sql_text(v));
      return;
    default:  // attachments (stored JSON) and any later type: as the library writes it
      out += field_value_to_json(f, v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

// The indexes of a ledger's fields in bytewise order of their names (the key order of
// "fields" and "labels"), computed once per declaration.
const std::vector<size_t>& fields_in_key_order(const LedgerDeclaration& ledger) {
  static std::mutex mutex;
  static std::unordered_map<const LedgerDeclaration*, std::vector<size_t>> cache;
  std::lock_guard lock(mutex);
  auto& order = cache[&ledger];
  if (order.size() != ledger.fields.size()) {
    order.resize(ledger.fields.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return ledger.fields[a].name < ledger.fields[b].name; });
  }
  return order;
}

// The label a field's value has in "labels", if it has one.
std::optional<std::string_view> value_label(const FieldDeclaration& f, const SqlValue& v, const OrgDirectory& orgs,
                                            std::string& scratch) {
  if (is_null(v)) return std::nullopt;
  if (f.type == FieldType::kBoolean) return sql_int(v).value_or(0) ? std::string_view("是") : std::string_view("否");
  if (f.type == FieldType::kEnum) {
    const auto* s = std::get_if<std::string>(&v);
    if (!s) {
      scratch = sql_text(v);
      s = &scratch;
    }
    for (const auto& o : f.options)
      if (o.value == *s) return std::string_view(o.label);
    return std::string_view(*s);
  }
  if (f.type == FieldType::kOrgRef) {
    const OrgNode* n = orgs.find(sql_text(v));
    if (n) return std::string_view(n->name);
  }
  return std::nullopt;
}

// One deadline as deadline_to_json() gives it, keys in order.
void put_deadline(std::string& out, const Deadline& d) {
  out += "{\"count\":";
  out += d.limit->count == DayCount::kWorkingDays ? "\"working_days\"" : "\"calendar_days\"";
  out += ",\"days\":";
  put_int(out, d.limit->days);
  out += ",\"done_on\":";
  if (d.done_on.empty())
    out += "null";
  else
    put_string(out, d.done_on);
  out += ",\"due\":";
  if (d.due)
    put_string(out, d.due->iso());
  else
    out += "null";
  out += ",\"from\":";
  put_string(out, d.from);
  out += ",\"label\":";
  put_string(out, d.limit->label);
  out += ",\"name\":";
  put_string(out, d.limit->name);
  if (!d.note.empty()) {
    out += ",\"note\":";
    put_string(out, d.note);
  }
  out += ",\"source\":";
  put_string(out, d.limit->source);
  out += ",\"state\":";
  put_string(out, deadline_state_name(d.state));
  out += ",\"state_label\":";
  put_string(out, deadline_state_label(d.state));
  out += ",\"working_days_left\":";
  put_int(out, d.working_days_left);
  out.push_back('}');
}

bool role_allowed(const std::vector<Role>& roles, Role r) {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

}  // namespace

std::optional<Date> deadline_reference_day() {
  auto today = parse_date(china_today());
  if (!today) return std::nullopt;
  return *today;
}

void append_record_json(std::string& out, const LedgerService& service, const UserContext& user,
                        const LedgerDeclaration& ledger, const LedgerRecord& r, const OrgDirectory& orgs,
                        const std::optional<Date>& today) {
  const std::vector<size_t>& order = fields_in_key_order(ledger);
  out += "{\"created_at\":";
  put_string(out, r.created_at);
  out += ",\"created_by\":";
  put_string(out, r.created_by);

  out += ",\"deadlines\":[";
  if (!ledger.time_limits.empty() && today) {
    bool first = true;
    for (const Deadline& d : compute_deadlines(ledger, r, *today)) {
      if (!first) out.push_back(',');
      first = false;
      put_deadline(out, d);
    }
  }
  out += "],\"fields\":{";
  for (size_t k = 0; k < order.size(); ++k) {
    const FieldDeclaration& f = ledger.fields[order[k]];
    if (k) out.push_back(',');
    put_key(out, f.name);
    put_field_value(out, f, r.values[order[k]]);
  }
  out += "},\"id\":";
  put_int(out, r.id);

  out += ",\"labels\":{";
  std::string scratch;
  bool first_label = true;
  for (size_t i : order) {
    const FieldDeclaration& f = ledger.fields[i];
    auto label = value_label(f, r.values[i], orgs, scratch);
    if (!label) continue;
    if (!first_label) out.push_back(',');
    first_label = false;
    put_key(out, f.name);
    put_string(out, *label);
  }
  const OrgNode* owner = orgs.find(r.org_code);
  out += "},\"org_code\":";
  put_string(out, r.org_code);
  out += ",\"org_name\":";
  put_string(out, owner ? owner->name : r.org_code);
  out += ",\"state\":";
  put_string(out, r.state);
  out += ",\"state_label\":";
  const StateDeclaration* state = ledger.state(r.state);
  put_string(out, state ? state->label : r.state);

  out += ",\"title\":";
  std::string title = ledger.title_field.empty() ? "" : sql_text(field_of(ledger, r, ledger.title_field));
  if (title.empty()) title = ledger.label + " " + std::to_string(r.id);
  put_string(out, title);

  out += ",\"transitions\":[";
  if (service.may_write(user, ledger, orgs, r)) {
    bool first = true;
    for (const auto& t : ledger.transitions) {
      if (std::find(t.from.begin(), t.from.end(), r.state) == t.from.end()) continue;
      if (!t.roles.empty() && !user.system && !role_allowed(t.roles, user.role)) continue;
      if (!first) out.push_back(',');
      first = false;
      out += "{\"label\":";
      put_string(out, t.label);
      out += ",\"name\":";
      put_string(out, t.name);
      out += ",\"requires_fields\":[";
      for (size_t i = 0; i < t.requires_fields.size(); ++i) {
        if (i) out.push_back(',');
        put_string(out, t.requires_fields[i]);
      }
      out += "],\"to\":";
      put_string(out, t.to);
      out.push_back('}');
    }
  }
  out += "],\"updated_at\":";
  put_string(out, r.updated_at);
  out += ",\"updated_by\":";
  put_string(out, r.updated_by);
  out += ",\"version\":";
  put_int(out, r.version);
  out.push_back('}');
}

}  // namespace fazhi
