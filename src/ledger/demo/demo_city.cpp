// build_demo_city: the order in which the demo city is written, the volumes of the ledgers
// filled from their declarations, and the demo accounts.
#include "ledger/demo/demo_city.h"

#include <fmt/format.h>

#include "ledger/demo/demo_cases.h"
#include "ledger/demo/demo_generic.h"
#include "ledger/demo/demo_model.h"
#include "ledger/demo/demo_reports.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_table.h"
#include "ledger/user_accounts.h"

namespace fazhi {

std::optional<DemoScale> parse_demo_scale(std::string_view text) {
  if (text == "small" || text == "小") return DemoScale::kSmall;
  if (text == "city" || text == "市") return DemoScale::kCity;
  if (text == "large" || text == "大") return DemoScale::kLarge;
  return std::nullopt;
}

std::string_view demo_scale_name(DemoScale scale) {
  switch (scale) {
    case DemoScale::kSmall:
      return "small";
    case DemoScale::kCity:
      return "city";
    case DemoScale::kLarge:
      return "large";
  }
  return "city";
}

namespace demo {
namespace {

// Ledgers filled from their declarations: records a year at city and at small scale, and
// who owns them. Catalogues (standing lists) give totals.
const std::vector<GenericSpec>& generic_specs() {
  static const std::vector<GenericSpec> k = {
      {"exemption_list", 200, 10, OwnerPool::kEnforcing, true},
      {"inspection_item_list", 400, 15, OwnerPool::kEnforcing, true},
      {"inspection_plan", 300, 10, OwnerPool::kEnforcing},
      {"inspection_target", 5000, 40, OwnerPool::kEnforcing, true},
      {"inspector", 3000, 20, OwnerPool::kEnforcing, true},
      {"draw", 600, 12, OwnerPool::kEnforcing},
      {"inspection_result", 3000, 20, OwnerPool::kEnforcing},
      {"case_file_review",
       1000,
       15,
       OwnerPool::kJusticeBureaus,
       false,
       {{"reviewing", 0.2}, {"scored", 0.5}, {"rectifying", 0.8}, {"concluded", 6}}},
      {"legal_adviser", 300, 10, OwnerPool::kUnits, true},
      {"legality_review", 500, 12, OwnerPool::kJusticeBureaus},
      {"fair_competition_review", 300, 8, OwnerPool::kDepartments},
      {"legislation_project", 4, 2, OwnerPool::kRoot},
      {"dispute_screening", 1000, 10, OwnerPool::kTownships},
      {"petition",
       3000,
       20,
       OwnerPool::kUnits,
       false,
       {{"received", 0.05},
        {"accepted", 0.1},
        {"extended", 0.05},
        {"replied", 12},
        {"not_accepted", 1},
        {"transferred", 2},
        {"under_review", 0.05},
        {"reviewed", 0.8},
        {"under_recheck", 0.02},
        {"rechecked", 0.2}}},
      {"major_decision",
       30,
       6,
       OwnerPool::kGovernments,
       false,
       {{"proposed", 0.1},
        {"in_procedure", 0.2},
        {"decided", 0.5},
        {"published", 6},
        {"evaluated", 1.5},
        {"withdrawn", 0.3}}},
      {"government_contract",
       300,
       10,
       OwnerPool::kUnits,
       false,
       {{"drafting", 0.05},
        {"under_review", 0.05},
        {"reviewed", 0.2},
        {"performing", 2},
        {"completed", 6},
        {"terminated", 0.3}}},
      {"openness_request",
       600,
       12,
       OwnerPool::kUnits,
       false,
       {{"received", 0.05}, {"clarifying", 0.05}, {"clarified", 0.05}, {"replied", 10}}},
      {"criminal_transfer",
       100,
       6,
       OwnerPool::kEnforcing,
       false,
       {{"transferred", 0.3}, {"answered", 1.5}, {"followed_up", 6}}},
      {"service_item", 2000, 15, OwnerPool::kDepartments, true},
      {"credit_collection", 200, 8, OwnerPool::kDepartments},
      {"credit_repair", 500, 8, OwnerPool::kDepartments},
      {"legal_service", 5000, 20, OwnerPool::kTownships},
      {"legal_aid", 2500, 15, OwnerPool::kJusticeBureaus},
      {"legal_publicity", 2000, 15, OwnerPool::kUnits},
      {"demo_village", 150, 6, OwnerPool::kTownships, true},
      {"legal_literate", 3000, 15, OwnerPool::kTownships, true},
      {"deputy_suggestion", 400, 10, OwnerPool::kDepartments},
      {"openness_publication", 3000, 20, OwnerPool::kUnits},
      {"press_conference", 100, 6, OwnerPool::kGovernments},
      {"emergency_drill", 200, 6, OwnerPool::kUnits},
      {"rule_of_law_meeting", 40, 6, OwnerPool::kGovernments},
  };
  return k;
}

struct LoginSpec {
  std::string login;
  std::string name;
  Role role;
  std::string password;
  std::string org;
};

}  // namespace

Result<void> generate_ledgers(DemoCity& city, LedgerService& service) {
  Store& store = service.store();
  // Dedicated generators first where later ledgers refer to them; the rest by declaration.
  using Step = std::function<Result<void>()>;
  std::vector<std::pair<std::string, Step>> steps = {
      {"enforcement_case", [&] { return generate_enforcement_cases(city, store); }},
      {"normative_document", [&] { return generate_normative_documents(city, store); }},
      {"filing", [&] { return generate_filings(city, store); }},
      {"reconsideration", [&] { return generate_reconsiderations(city, store); }},
      {"litigation", [&] { return generate_litigations(city, store); }},
      {"dispute", [&] { return generate_disputes(city, store); }},
      {"mediation", [&] { return generate_mediations(city, store); }},
      {"hotline_ticket", [&] { return generate_hotline_tickets(city, store); }},
      {"hotline_traffic", [&] { return generate_hotline_traffic(city, store); }},
      {"service_rating", [&] { return generate_service_ratings(city, store); }},
      {"region_time_limit", [&] { return generate_region_settings(city, store); }},
      {"region_yearly_duty", [&] { return generate_region_duty_settings(city, store); }},
      {"law_study_session", [&] { return generate_law_study_sessions(city, store); }},
      {"pre_appointment_exam", [&] { return generate_pre_appointment_exams(city, store); }},
      {"law_report_by_leaders", [&] { return generate_law_reports(city, store); }},
      {"law_exam", [&] { return generate_law_exams(city, store); }},
      {"supervision_problem", [&] { return generate_supervision_problems(city, store); }},
      {"rectification", [&] { return generate_rectifications(city, service); }},
      {"report_round", [&] { return generate_report_rounds(city, service); }},
  };
  std::set<std::string> done = {"organizations", "people",           "enforcement_body", "officer",
                                "certificate",   "certificate_exam", "officer_training", "enforcement_matter",
                                "report_part"};
  auto run_generic = [&](const std::string& name) -> Result<void> {
    for (const GenericSpec& s : generic_specs())
      if (s.ledger == name) return write_generic(city, store, s);
    return write_generic(city, store, GenericSpec{name});
  };
  // Catalogues that the dedicated generators refer to come first.
  for (const char* name : {"exemption_list", "inspection_item_list", "inspection_target", "legal_adviser",
                           "legality_review", "dispute_screening"}) {
    FAZHI_TRY(run_generic(name));
    done.insert(name);
  }
  for (auto& [name, step] : steps) {
    FAZHI_TRY(step());
    done.insert(name);
  }
  for (const GenericSpec& s : generic_specs()) {
    if (done.count(s.ledger)) continue;
    FAZHI_TRY(write_generic(city, store, s));
    done.insert(s.ledger);
  }
  // Ledgers declared after this generator was written still get records.
  for (const LedgerDeclaration* l : all_ledgers()) {
    if (done.count(l->name)) continue;
    FAZHI_TRY(run_generic(l->name));
    done.insert(l->name);
  }
  return ok();
}

}  // namespace demo

Result<std::vector<DemoLogin>> build_demo_city(LedgerService& service, const DemoOptions& options) {
  Store& store = service.store();
  const LedgerDeclaration& orgs = *find_ledger("organizations");
  bool empty = true;
  FAZHI_TRY(store.read([&](SqlSession& sql) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto r, sql.query("SELECT COUNT(*) FROM " + quote_identifier(orgs.name)));
    empty = !r.rows.empty() && sql_int(r.rows[0][0]).value_or(0) == 0;
    return ok();
  }));
  if (!empty) return conflict("数据库 " + store.location(), "已有单位数据；示例城市只能建在空数据库上");

  demo::reset_case_courses();
  demo::DemoCity city;
  city.options = options;
  city.seed = options.seed;
  FAZHI_TRY(demo::generate_organisations(city, service));
  FAZHI_TRY(demo::generate_people_and_enforcement(city, service));
  FAZHI_TRY(demo::generate_ledgers(city, service));

  const demo::DemoOrg& root = city.orgs[city.root];
  const demo::DemoOrg& market = city.orgs[city.city_market];
  const demo::DemoCounty& first = city.counties.front();
  const demo::DemoOrg& county = city.orgs[first.government];
  const demo::DemoOrg& county_justice = city.orgs[first.justice_bureau];
  std::vector<demo::LoginSpec> specs = {
      {"admin", "系统管理员", Role::kAdmin, "demo2025admin", root.code},
      {"coordinator", "市依法治市办协调员", Role::kCoordinator, "demo2025coord", root.code},
      {"clerk", "市市场监管局经办人", Role::kClerk, "demo2025clerk", market.code},
      {"clerk.fuyi", first.name + "行政复议经办人", Role::kClerk, "demo2025fuyi", county_justice.code},
      {"leader", "市政府领导", Role::kLeader, "demo2025leader", root.code},
      {"leader.county", first.name + "政府领导", Role::kLeader, "demo2025county", county.code},
      {"reader", "查阅人员", Role::kReader, "demo2025reader", root.code},
  };
  std::vector<DemoLogin> logins;
  for (const auto& s : specs) {
    FAZHI_TRY(create_user(store, UserContext::system_context(), s.login, s.name, s.role, s.org, s.password));
    const demo::DemoOrg& o = city.orgs[city.org_index.at(s.org)];
    logins.push_back({s.login, s.password, std::string(role_name(s.role)), o.code, o.name});
  }
  return logins;
}

}  // namespace fazhi
