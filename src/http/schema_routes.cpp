// /api/schema (the ledger declarations, for forms and lists) and /api/orgs (the scope's tree).
#include "http/api_context.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi::http {
namespace {

const char* field_type_name(FieldType t) {
  switch (t) {
    case FieldType::kText:
      return "text";
    case FieldType::kLongText:
      return "long_text";
    case FieldType::kInteger:
      return "integer";
    case FieldType::kDecimal:
      return "decimal";
    case FieldType::kDate:
      return "date";
    case FieldType::kDateTime:
      return "datetime";
    case FieldType::kEnum:
      return "enum";
    case FieldType::kBoolean:
      return "boolean";
    case FieldType::kNationalCode:
      return "national_code";
    case FieldType::kOrgRef:
      return "org_ref";
    case FieldType::kPersonRef:
      return "person_ref";
    case FieldType::kRecordRef:
      return "record_ref";
    case FieldType::kAttachment:
      return "attachment";
  }
  return "text";
}

const char* code_kind_name(NationalCodeKind k) {
  switch (k) {
    case NationalCodeKind::kUnifiedSocialCreditCode:
      return "uscc";
    case NationalCodeKind::kCitizenId:
      return "citizen_id";
    case NationalCodeKind::kRegionCode:
      return "region_code";
  }
  return "";
}

nlohmann::json ledger_schema(const LedgerDeclaration& l, Role role) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : l.fields) {
    nlohmann::json j = {{"name", f.name},         {"label", f.label},          {"type", field_type_name(f.type)},
                        {"required", f.required}, {"unique", f.unique},        {"in_list", f.in_list},
                        {"help", f.help},         {"max_length", f.max_length}};
    if (f.type == FieldType::kEnum) {
      nlohmann::json options = nlohmann::json::array();
      for (const auto& o : f.options) options.push_back({{"value", o.value}, {"label", o.label}});
      j["options"] = std::move(options);
    }
    if (f.type == FieldType::kNationalCode) j["code"] = code_kind_name(f.code);
    if (f.type == FieldType::kRecordRef) j["ref_ledger"] = f.ref_ledger;
    if (f.type == FieldType::kPersonRef) j["ref_ledger"] = "people";
    if (f.min) j["min"] = *f.min;
    if (f.max) j["max"] = *f.max;
    fields.push_back(std::move(j));
  }
  nlohmann::json states = nlohmann::json::array();
  for (const auto& s : l.states) states.push_back({{"name", s.name}, {"label", s.label}, {"terminal", s.terminal}});
  nlohmann::json transitions = nlohmann::json::array();
  for (const auto& t : l.transitions) {
    if (!t.roles.empty() && std::find(t.roles.begin(), t.roles.end(), role) == t.roles.end()) continue;
    transitions.push_back(
        {{"name", t.name}, {"label", t.label}, {"from", t.from}, {"to", t.to}, {"requires_fields", t.requires_fields}});
  }
  nlohmann::json limits = nlohmann::json::array();
  for (const auto& t : l.time_limits)
    limits.push_back({{"name", t.name},
                      {"label", t.label},
                      {"from", t.from},
                      {"days", t.days},
                      {"count", t.count == DayCount::kWorkingDays ? "working_days" : "calendar_days"},
                      {"until", t.until},
                      {"source", t.source}});
  return {{"name", l.name},
          {"label", l.label},
          {"area", l.area},
          {"title_field", l.title_field},
          {"can_write", l.can_write(role)},
          {"fields", std::move(fields)},
          {"states", std::move(states)},
          {"initial_state", l.initial_state},
          {"transitions", std::move(transitions)},
          {"time_limits", std::move(limits)}};
}

}  // namespace

void add_schema_routes(Router& router, ApiContext& api) {
  router.get("/api/schema", with_session(api, [](const HttpRequest&, const Session& s) {
               nlohmann::json ledgers = nlohmann::json::array();
               for (const LedgerDeclaration* l : all_ledgers())
                 if (l->can_read(s.user.role)) ledgers.push_back(ledger_schema(*l, s.user.role));
               nlohmann::json roles = nlohmann::json::array();
               for (Role r : all_roles()) roles.push_back({{"name", role_name(r)}, {"label", role_label(r)}});
               return json_response(200, {{"ledgers", std::move(ledgers)}, {"roles", std::move(roles)}});
             }));

  router.get("/api/orgs", with_session(api, [&api](const HttpRequest&, const Session& s) {
               auto orgs = api.ledgers.orgs();
               if (!orgs) return error_response(orgs.error());
               std::vector<const OrgNode*> nodes = (*orgs)->subtree(s.user.org_code);
               std::sort(nodes.begin(), nodes.end(),
                         [](const OrgNode* a, const OrgNode* b) { return a->path < b->path; });
               nlohmann::json list = nlohmann::json::array();
               for (const OrgNode* n : nodes)
                 list.push_back({{"code", n->code},
                                 {"name", n->name},
                                 {"kind", n->kind},
                                 {"parent_code", n->parent_code},
                                 {"region_code", n->region_code},
                                 {"path", n->path}});
               return json_response(200, {{"orgs", std::move(list)}});
             }));
}

}  // namespace fazhi::http
