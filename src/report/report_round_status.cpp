#include "report/report_round_status.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "core/clock.h"
#include "core/error.h"
#include "ledger/attachment_store.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_rules.h"
#include "ledger/ledger_table.h"
#include "report/published_report.h"

namespace fazhi {
namespace {

// The direct child of `root` on `path` ("/r/a/b/" under "/r/" → "a"), or empty.
std::string child_on_path(std::string_view root_path, std::string_view path) {
  if (path.size() <= root_path.size() || path.substr(0, root_path.size()) != root_path) return "";
  std::string_view rest = path.substr(root_path.size());
  return std::string(rest.substr(0, rest.find('/')));
}

// The organisations below `root` owning records dated in `period`, by each ledger's event
// dates as the indicators place them.
Result<std::set<std::string>> paths_with_records(SqlSession& sql, std::string_view root_path, const Period& period) {
  std::set<std::pair<std::string, std::string>> ledger_dates;
  for (const auto& d : indicator_catalogue())
    if (!d.date_field.empty() && d.period != PeriodRule::kAlways) ledger_dates.insert({d.ledger, d.date_field});
  std::set<std::string> paths;
  for (const auto& [ledger, date_field] : ledger_dates) {
    // Only dates compare with the period's ISO days (a year field is an integer).
    const LedgerDeclaration* declared = find_ledger(ledger);
    const FieldDeclaration* field = declared ? declared->field(date_field) : nullptr;
    if (!field || field->type != FieldType::kDate) continue;
    std::vector<SqlValue> p = {std::string(root_path), scope_path_end(root_path), period.from.iso(), period.to.iso()};
    FAZHI_ASSIGN_OR_RETURN(
        auto rows,
        sql.query(fmt::format("SELECT DISTINCT org_path FROM {} WHERE org_path >= ? AND org_path < ? AND {} "
                              ">= ? AND {} <= ?",
                              quote_identifier(ledger), quote_identifier(date_field), quote_identifier(date_field)),
                  p));
    for (auto& row : rows.rows) paths.insert(sql_text(row[0]));
  }
  return paths;
}

}  // namespace

Result<RoundStatus> round_status(LedgerService& ledgers, const UserContext& user, std::int64_t round_id) {
  const LedgerDeclaration& rounds = *find_ledger("report_round");
  const LedgerDeclaration& parts = *find_ledger("report_part");
  FAZHI_ASSIGN_OR_RETURN(auto round, ledgers.get(user, rounds, round_id));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, ledgers.orgs());
  const OrgNode* org = orgs->find(round.org_code);
  if (!org) return not_found(fmt::format("单位「{}」", round.org_code));
  RoundStatus status;
  status.round_id = round.id;
  status.year = static_cast<int>(sql_int(field_of(rounds, round, "year")).value_or(0));
  status.org_code = org->code;
  status.org_name = org->name;
  status.state = round.state;
  status.deadline = sql_text(field_of(rounds, round, "deadline"));
  status.title = sql_text(field_of(rounds, round, "title"));

  std::map<std::string, DepartmentPart> by_code;
  auto department = [&](const std::string& code) -> DepartmentPart* {
    const OrgNode* node = orgs->find(code);
    if (!node || node->kind == "government") return nullptr;
    auto [it, fresh] = by_code.try_emplace(code);
    if (fresh) {
      it->second.org_code = code;
      it->second.org_name = node->name;
    }
    return &it->second;
  };
  if (org->kind == "government") {
    std::set<std::string> paths;
    FAZHI_TRY(ledgers.store().read([&](SqlSession& sql) -> Result<void> {
      FAZHI_ASSIGN_OR_RETURN(paths, paths_with_records(sql, org->path, Period::year(status.year)));
      return ok();
    }));
    for (const auto& path : paths)
      if (DepartmentPart* d = department(child_on_path(org->path, path))) d->had_records = true;
  }
  ListQuery pq;
  pq.filters = {{"round", "eq", std::to_string(round.id)}};
  FAZHI_TRY(ledgers.for_each(user, parts, pq, [&](const LedgerRecord& part) -> Result<void> {
    DepartmentPart* d = part.org_code == org->code ? &by_code[org->code] : department(part.org_code);
    if (!d) return ok();
    if (d->org_code.empty()) {
      d->org_code = org->code;
      d->org_name = org->name;
    }
    d->part_id = part.id;
    d->state = part.state;
    const StateDeclaration* s = parts.state(part.state);
    d->state_label = s ? s->label : part.state;
    d->submitted_on = sql_text(field_of(parts, part, "submitted_on"));
    d->return_comment = sql_text(field_of(parts, part, "return_comment"));
    return ok();
  }));
  for (auto& [code, d] : by_code) {
    bool handed_in = d.state == "submitted" || d.state == "accepted";
    if (handed_in)
      ++status.submitted;
    else if (d.had_records)
      ++status.outstanding;
    status.departments.push_back(std::move(d));
  }
  return status;
}

std::vector<ExpectedPart> expected_parts(const RoundStatus& status) {
  std::vector<ExpectedPart> out;
  for (const auto& d : status.departments)
    if (d.had_records) out.push_back({d.org_code, d.org_name, d.state == "submitted" || d.state == "accepted"});
  return out;
}

Result<PublishOutcome> publish_round(LedgerService& ledgers, IndicatorEngine& engine, const review::Reviewer* reviewer,
                                     const UserContext& user, std::int64_t round_id, std::string published_on) {
  const LedgerDeclaration& rounds = *find_ledger("report_round");
  FAZHI_TRY(require_write(user, rounds));
  FAZHI_ASSIGN_OR_RETURN(RoundStatus status, round_status(ledgers, user, round_id));
  if (status.state != "composing")
    return conflict(fmt::format("{}{}年度报告", status.org_name, status.year),
                    "须先“开始汇总”，汇总审核中的报告才能发布");
  ReportComposer composer(ledgers, engine);
  // Composed whole (queries, drill-down counts, trends): this is the document that is kept.
  FAZHI_ASSIGN_OR_RETURN(
      ReportDocument doc,
      composer.compose(user, {.org = status.org_code, .year = status.year, .trace = true, .trends = true}));
  PublishOutcome outcome;
  outcome.findings = check_consistency(doc, expected_parts(status), reviewer);
  for (const auto& f : outcome.findings)
    if (f.blocking) return outcome;
  FAZHI_ASSIGN_OR_RETURN(auto round, ledgers.get(user, rounds, round_id));
  std::string today = china_today();
  if (published_on.empty()) published_on = today;
  // The document as it reads once published.
  doc.round_state = "published";
  if (sql_text(field_of(rounds, round, "report_date")).empty()) doc.date_text = report_date_text(published_on);
  FAZHI_ASSIGN_OR_RETURN(std::string package, published_package(doc));
  AttachmentStore files(ledgers);
  FAZHI_ASSIGN_OR_RETURN(AttachmentInfo stored,
                         files.upload(user, fmt::format("{}（发布版）.zip", doc.title), package));
  nlohmann::json body = {{"version", round.version},
                         {"fields",
                          {{"checked_on", today},
                           {"published_on", published_on},
                           {"published_package", nlohmann::json::array({stored.id})}}}};
  FAZHI_ASSIGN_OR_RETURN(auto after, ledgers.transition(user, rounds, round_id, "publish", body));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, ledgers.orgs());
  outcome.round = ledgers.to_json(user, rounds, after, *orgs);
  outcome.published = true;
  return outcome;
}

Result<std::vector<PublishedReport>> published_reports(Store& store) {
  std::vector<PublishedReport> out;
  FAZHI_TRY(store.read([&](SqlSession& sql) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(
        auto rows, sql.query("SELECT r.id, r.year, r.org_code, r.title, r.published_on, o.name FROM report_round r "
                             "LEFT JOIN organizations o ON o.code = r.org_code WHERE r.state = 'published' "
                             "ORDER BY r.year DESC, r.org_path, r.id"));
    for (auto& row : rows.rows)
      out.push_back({sql_int(row[0]).value_or(0), static_cast<int>(sql_int(row[1]).value_or(0)), sql_text(row[2]),
                     sql_text(row[5]), sql_text(row[3]), sql_text(row[4])});
    return ok();
  }));
  return out;
}

}  // namespace fazhi
