#include "ledger/case_file_draw_pool.h"

#include <fmt/format.h>

#include <map>

#include "draw/draw_plan.h"
#include "draw/pool_digest.h"
#include "draw/target_pool.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_table.h"

namespace fazhi {
namespace {

// GB/T 4754-2017 S 922 政府机关: the industry every case file of the pool is filed under.
constexpr std::string_view kGovernmentIndustry = "S922";

// A pool-file field, double-quoted (RFC 4180) when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string region6(std::string_view region) {
  return std::string(region.substr(0, 6));
}

struct BodyRow {
  std::string name, organization, uscc;
};

}  // namespace

std::string case_file_target_id(std::int64_t case_id) {
  return fmt::format("EC{:010d}", case_id);
}

std::optional<std::int64_t> case_id_of_target(std::string_view target_id) {
  if (target_id.size() != 12 || target_id.substr(0, 2) != "EC") return std::nullopt;
  std::int64_t id = 0;
  for (char c : target_id.substr(2)) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

Result<CaseFilePool> build_case_file_pool(LedgerService& service, const UserContext& user, int year,
                                          const std::string& reviewing_org) {
  const LedgerDeclaration& cases = *find_ledger("enforcement_case");
  FAZHI_TRY(require_read(user, cases));
  if (year < 2000 || year > 2100)
    return invalid_input("评查年度 " + std::to_string(year), "", "应为2000至2100年之间的年份");
  FAZHI_ASSIGN_OR_RETURN(auto orgs, service.orgs());
  if (!orgs->find(reviewing_org))
    return invalid_input("评查单位「" + reviewing_org + "」", "", "单位不存在（单位代码见单位台账）");
  CaseFilePool pool;
  pool.year = year;
  pool.reviewing_org = reviewing_org;
  std::map<std::int64_t, BodyRow> bodies;
  std::map<std::string, std::string> org_uscc;
  std::vector<std::pair<std::int64_t, std::string>> lines;  // body id, line
  std::map<std::int64_t, std::uint64_t> per_body;
  FAZHI_TRY(service.store().read([&](SqlSession& sql) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto b, sql.query("SELECT id, name, organization, uscc FROM enforcement_body"));
    for (const auto& row : b.rows)
      bodies[sql_int(row[0]).value_or(0)] = {sql_text(row[1]), sql_text(row[2]), sql_text(row[3])};
    FAZHI_ASSIGN_OR_RETURN(auto o, sql.query("SELECT code, uscc FROM organizations"));
    for (const auto& row : o.rows) org_uscc[sql_text(row[0])] = sql_text(row[1]);
    std::vector<SqlValue> params = {fmt::format("{}-01-01", year), fmt::format("{}-12-31", year)};
    std::string scope = service.scope_sql(user, cases, *orgs, params);
    FAZHI_ASSIGN_OR_RETURN(auto c, sql.query("SELECT id, case_number, enforcement_body FROM enforcement_case WHERE "
                                             "state = 'closed' AND closed_on >= ? AND closed_on <= ? AND " +
                                                 scope + " ORDER BY id",
                                             params));
    for (const auto& row : c.rows) {
      std::int64_t id = sql_int(row[0]).value_or(0);
      std::int64_t body_id = sql_int(row[2]).value_or(0);
      auto body = bodies.find(body_id);
      if (body == bodies.end()) {
        ++pool.without_body;
        continue;
      }
      const BodyRow& b = body->second;
      const OrgNode* org = orgs->find(b.organization);
      std::string uscc = !b.uscc.empty() ? b.uscc : org ? org_uscc[org->code] : std::string();
      if (uscc.empty())
        return invalid_input("执法主体「" + b.name + "」", "",
                             "执法主体及其对应单位都没有统一社会信用代码，不能编入抽取名录；请先在"
                             "执法主体台账中填写");
      std::string number = sql_text(row[1]);
      if (number.empty()) number = fmt::format("执法案件 {}", id);
      lines.emplace_back(body_id, fmt::format("{},{},{},{},{},B{},{},,\n", case_file_target_id(id), csv_field(number),
                                              uscc, region6(org ? org->region_code : std::string()),
                                              kGovernmentIndustry, body_id, reviewing_org));
      ++per_body[body_id];
    }
    return ok();
  }));
  pool.csv = std::string(draw::kPoolFileHeader) + "\n";
  for (const auto& [body, line] : lines) pool.csv += line;
  pool.cases = lines.size();
  for (const auto& [id, n] : per_body) pool.bodies.push_back({id, bodies[id].name, fmt::format("B{}", id), n});
  pool.sm3_chunks = draw::pool_digest_hex(pool.csv);
  pool.file_name = fmt::format("case-files-{}-{}.csv", year, pool.sm3_chunks);
  return pool;
}

Result<nlohmann::json> case_file_plan_draft(LedgerService& service, const CaseFilePool& pool, int per_body,
                                            Date as_of) {
  const std::string subject = fmt::format("{}年度案卷评查抽取计划", pool.year);
  if (pool.bodies.empty()) return invalid_input(subject, "", fmt::format("{}年度没有可抽取的结案执法案件", pool.year));
  if (per_body < 1) return invalid_input(subject, "每个执法主体抽取数", "应为1以上的整数");
  FAZHI_ASSIGN_OR_RETURN(auto orgs, service.orgs());
  const OrgNode* office = orgs->find(pool.reviewing_org);
  if (!office) return invalid_input(subject, "评查单位", "单位「" + pool.reviewing_org + "」不存在");
  nlohmann::json inspectors = nlohmann::json::array();
  FAZHI_TRY(service.store().read([&](SqlSession& sql) -> Result<void> {
    std::vector<SqlValue> p = {pool.reviewing_org};
    FAZHI_ASSIGN_OR_RETURN(auto r, sql.query("SELECT id, name FROM people WHERE org_code = ? ORDER BY id", p));
    for (const auto& row : r.rows)
      inspectors.push_back({{"id", fmt::format("P{}", sql_int(row[0]).value_or(0))},
                            {"name", sql_text(row[1])},
                            {"department", pool.reviewing_org},
                            {"region_code", region6(office->region_code)},
                            {"certificate_valid", true},
                            {"conflicts", nlohmann::json::array()}});
    return ok();
  }));
  if (inspectors.size() < 2)
    return invalid_input(subject, "评查人员", "评查单位「" + office->name + "」在人员台账中少于2人，不能组成评查组");
  nlohmann::json strata = nlohmann::json::array();
  for (const CaseFilePoolBody& b : pool.bodies)
    strata.push_back({{"id", b.stratum},
                      {"label", b.name},
                      {"credit_risk_classes", {b.stratum}},
                      {"count", std::min<std::uint64_t>(b.cases, static_cast<std::uint64_t>(per_body))}});
  return nlohmann::json{{"format", draw::kPlanFormat},
                        {"id", fmt::format("AJPC-{}-{}", pool.year, pool.reviewing_org)},
                        {"title", fmt::format("{}年度行政执法案卷评查抽取", pool.year)},
                        {"organizer", office->name},
                        {"as_of", as_of.iso()},
                        {"inspection_items", {fmt::format("{}年度结案行政执法案卷评查", pool.year)}},
                        {"departments", {{{"id", pool.reviewing_org}, {"name", office->name}}}},
                        {"strata", std::move(strata)},
                        {"team", {{"size", 2}}},
                        {"randomness",
                         {{"kind", "public_value"},
                          {"description", "计划公布后产生的公开随机值（请写明来源和时间，例如某日某彩票开奖号码）"}}},
                        {"targets_file", {{"name", pool.file_name}, {"sm3_chunks", pool.sm3_chunks}}},
                        {"inspectors", std::move(inspectors)}};
}

}  // namespace fazhi
