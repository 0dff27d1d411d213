// The annual report's API (docs/api.md, "Report rounds"): the report rendered in any format,
// a round's status (who has and has not handed in a part), its consistency check, its
// editable body, the checked publication, and the portal's public list of published reports
// with their files. Rounds and parts themselves are ledgers: created, edited, submitted and
// returned through /api/ledgers/report_round and /api/ledgers/report_part.
#include <fmt/format.h>

#include "http/api_context.h"
#include "indicator/indicator_engine.h"
#include "ledger/attachment_store.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_rules.h"
#include "report/consistency_check.h"
#include "report/published_report.h"
#include "report/report_composer.h"
#include "report/report_format.h"
#include "report/report_round_status.h"

namespace fazhi::http {
namespace {

// The review engine, loaded once (OpenCC and ICU data); null when it cannot be loaded, in
// which case the review checks are left out of the consistency check.
const review::Reviewer* shared_reviewer() {
  static const std::optional<review::Reviewer> kReviewer = []() -> std::optional<review::Reviewer> {
    auto r = review::Reviewer::create();
    if (!r) return std::nullopt;
    return std::move(*r);
  }();
  return kReviewer ? &*kReviewer : nullptr;
}

Result<std::int64_t> id_param(const HttpRequest& request, std::string_view name) {
  std::string text(request.path_param(name));
  char* end = nullptr;
  long long id = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || id <= 0) return invalid_input("编号", "", "「" + text + "」不是有效的编号");
  return static_cast<std::int64_t>(id);
}

Result<ReportFormat> format_param(std::string_view name) {
  auto format = parse_report_format(name);
  if (!format)
    return invalid_input("格式", "", "格式「" + std::string(name) + "」不支持，可选 md、html、docx、pdf、json");
  return *format;
}

HttpResponse file_response(const ReportDocument& doc, ReportFormat format, std::string bytes, bool download) {
  HttpResponse response(200);
  response.set_header("Content-Type", std::string(report_format_media_type(format)));
  std::string name = fmt::format("{}-{}.{}", doc.org_code, doc.year, report_format_extension(format));
  response.set_header("Content-Disposition",
                      fmt::format("{}; filename=\"{}\"", download ? "attachment" : "inline", name));
  response.set_header("X-Content-Type-Options", "nosniff");
  if (format == ReportFormat::kHtml)
    response.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  response.set_body(std::move(bytes));
  return response;
}

Result<HttpResponse> render_response(ApiContext& api, const UserContext& user, const std::string& org, int year,
                                     ReportFormat format, bool download) {
  IndicatorEngine engine(api.ledgers);
  ReportComposer composer(api.ledgers, engine);
  FAZHI_ASSIGN_OR_RETURN(ReportDocument doc, composer.compose(user, {.org = org,
                                                                     .year = year,
                                                                     .trace = report_format_needs_trace(format),
                                                                     .trends = report_format_needs_trends(format)}));
  FAZHI_ASSIGN_OR_RETURN(std::string bytes, render_report(doc, format));
  return file_response(doc, format, std::move(bytes), download);
}

nlohmann::json findings_json(const std::vector<ConsistencyFinding>& findings) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : findings) {
    nlohmann::json j = {{"kind", f.kind}, {"blocking", f.blocking}, {"message", f.message}};
    if (!f.indicator.empty()) j["indicator"] = f.indicator;
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json status_json(const RoundStatus& s) {
  nlohmann::json departments = nlohmann::json::array();
  for (const auto& d : s.departments)
    departments.push_back({{"org_code", d.org_code},
                           {"org_name", d.org_name},
                           {"had_records", d.had_records},
                           {"part_id", d.part_id ? nlohmann::json(d.part_id) : nlohmann::json()},
                           {"state", d.state},
                           {"state_label", d.state_label.empty() ? "未开始" : d.state_label},
                           {"submitted_on", d.submitted_on},
                           {"return_comment", d.return_comment}});
  return {{"round_id", s.round_id},    {"year", s.year},           {"org_code", s.org_code},
          {"org_name", s.org_name},    {"title", s.title},         {"state", s.state},
          {"deadline", s.deadline},    {"submitted", s.submitted}, {"outstanding", s.outstanding},
          {"departments", departments}};
}

template <typename Body>
HttpResponse answer(Body body) {
  Result<HttpResponse> r = body();
  return r ? std::move(*r) : error_response(r.error());
}

// The published round `id` as the system reads it, or not found (also for unpublished ones).
Result<LedgerRecord> published_round(ApiContext& api, std::int64_t id) {
  UserContext system = UserContext::system_context();
  auto round = api.ledgers.get(system, *find_ledger("report_round"), id);
  if (!round || round->state != "published")
    return not_found(fmt::format("年度报告（编号 {}）", id), "不存在或尚未发布");
  return std::move(*round);
}

}  // namespace

void add_report_routes(Router& router, ApiContext& api) {
  // The report of an organisation (default: the user's own) for a year, in any format.
  router.get("/api/reports/:year", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               return answer([&]() -> Result<HttpResponse> {
                 int year = std::atoi(std::string(request.path_param("year")).c_str());
                 FAZHI_ASSIGN_OR_RETURN(ReportFormat format, format_param(request.query("format").value_or("json")));
                 return render_response(api, s.user.context(), std::string(request.query("org").value_or("")), year,
                                        format, request.query("download").value_or("0") == "1");
               });
             }));

  // The rounds the user's organisation contributes to: open or composing rounds of the
  // organisation itself or any organisation above it (a department's clerk cannot otherwise
  // see the government's round), each with the user's organisation's part if started.
  router.get("/api/report-rounds/mine", with_session(api, [&api](const HttpRequest&, const Session& s) {
               return answer([&]() -> Result<HttpResponse> {
                 FAZHI_ASSIGN_OR_RETURN(auto orgs, api.ledgers.orgs());
                 std::string path = orgs->path_of(s.user.org_code);
                 nlohmann::json items = nlohmann::json::array();
                 FAZHI_TRY(api.store.read([&](SqlSession& sql) -> Result<void> {
                   std::vector<SqlValue> p = {s.user.org_code};
                   FAZHI_ASSIGN_OR_RETURN(
                       auto rows,
                       sql.query("SELECT r.id, r.year, r.org_code, r.org_path, r.title, r.deadline, r.state, "
                                 "p.id, "
                                 "p.state FROM report_round r LEFT JOIN report_part p ON p.round = r.id AND "
                                 "p.org_code = ? WHERE r.state IN ('open', 'composing') ORDER BY r.year DESC, "
                                 "r.id",
                                 p));
                   for (auto& row : rows.rows) {
                     if (!path_in_scope(sql_text(row[3]), path)) continue;
                     const OrgNode* owner = orgs->find(sql_text(row[2]));
                     items.push_back(
                         {{"round_id", sql_int(row[0]).value_or(0)},
                          {"year", sql_int(row[1]).value_or(0)},
                          {"org_code", sql_text(row[2])},
                          {"org_name", owner ? owner->name : sql_text(row[2])},
                          {"title", sql_text(row[4])},
                          {"deadline", sql_text(row[5])},
                          {"state", sql_text(row[6])},
                          {"part_id", is_null(row[7]) ? nlohmann::json() : nlohmann::json(sql_int(row[7]).value_or(0))},
                          {"part_state", sql_text(row[8])}});
                   }
                   return ok();
                 }));
                 return json_response(200, {{"rounds", items}});
               });
             }));

  router.get("/api/report-rounds/:id/status", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               return answer([&]() -> Result<HttpResponse> {
                 FAZHI_ASSIGN_OR_RETURN(std::int64_t id, id_param(request, "id"));
                 FAZHI_ASSIGN_OR_RETURN(RoundStatus status, round_status(api.ledgers, s.user.context(), id));
                 return json_response(200, status_json(status));
               });
             }));

  router.get("/api/report-rounds/:id/check", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               return answer([&]() -> Result<HttpResponse> {
                 FAZHI_ASSIGN_OR_RETURN(std::int64_t id, id_param(request, "id"));
                 UserContext user = s.user.context();
                 FAZHI_ASSIGN_OR_RETURN(RoundStatus status, round_status(api.ledgers, user, id));
                 IndicatorEngine engine(api.ledgers);
                 ReportComposer composer(api.ledgers, engine);
                 FAZHI_ASSIGN_OR_RETURN(ReportDocument doc,
                                        composer.compose(user, {.org = status.org_code, .year = status.year}));
                 auto findings = check_consistency(doc, expected_parts(status), shared_reviewer());
                 bool blocked = false;
                 for (const auto& f : findings) blocked = blocked || f.blocking;
                 return json_response(
                     200, {{"round_id", id}, {"publishable", !blocked}, {"findings", findings_json(findings)}});
               });
             }));

  // The composed body as the coordinator edits it (Markdown), and the computed figures.
  router.get("/api/report-rounds/:id/body", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               return answer([&]() -> Result<HttpResponse> {
                 FAZHI_ASSIGN_OR_RETURN(std::int64_t id, id_param(request, "id"));
                 UserContext user = s.user.context();
                 FAZHI_ASSIGN_OR_RETURN(RoundStatus status, round_status(api.ledgers, user, id));
                 IndicatorEngine engine(api.ledgers);
                 ReportComposer composer(api.ledgers, engine);
                 FAZHI_ASSIGN_OR_RETURN(ReportDocument doc,
                                        composer.compose(user, {.org = status.org_code, .year = status.year}));
                 nlohmann::json figures = nlohmann::json::array();
                 for (const auto& f : doc.figures)
                   figures.push_back({{"indicator", f.indicator},
                                      {"label", f.label},
                                      {"text", f.text},
                                      {"unit", f.unit},
                                      {"chapter", f.chapter},
                                      {"change_text", f.change_text}});
                 return json_response(200, {{"round_id", id},
                                            {"title", doc.title},
                                            {"edited", doc.edited},
                                            {"body", editable_body(doc)},
                                            {"figures", figures}});
               });
             }));

  router.post(
      "/api/report-rounds/:id/publish", with_session(api, [&api](const HttpRequest& request, const Session& s) {
        return answer([&]() -> Result<HttpResponse> {
          FAZHI_ASSIGN_OR_RETURN(std::int64_t id, id_param(request, "id"));
          FAZHI_ASSIGN_OR_RETURN(nlohmann::json body, json_body(request));
          IndicatorEngine engine(api.ledgers);
          FAZHI_ASSIGN_OR_RETURN(PublishOutcome outcome,
                                 publish_round(api.ledgers, engine, shared_reviewer(), s.user.context(), id,
                                               body.value("published_on", std::string())));
          nlohmann::json out = {{"published", outcome.published}, {"findings", findings_json(outcome.findings)}};
          if (outcome.published) out["record"] = outcome.round;
          return json_response(outcome.published ? 200 : 409, out);
        });
      }));

  // The portal: published reports, no login.
  router.get("/api/public/reports", [&api](const HttpRequest&) {
    return answer([&]() -> Result<HttpResponse> {
      FAZHI_ASSIGN_OR_RETURN(auto reports, published_reports(api.store));
      nlohmann::json items = nlohmann::json::array();
      for (const auto& r : reports) {
        nlohmann::json files = nlohmann::json::object();
        for (const char* f : {"html", "pdf", "docx", "json", "md"})
          files[f] = fmt::format("/api/public/reports/{}/{}", r.round_id, f);
        items.push_back({{"id", r.round_id},
                         {"year", r.year},
                         {"org_code", r.org_code},
                         {"org_name", r.org_name},
                         {"title", r.title},
                         {"published_on", r.published_on},
                         {"files", files}});
      }
      return json_response(200, {{"reports", items}});
    });
  });

  router.get("/api/public/reports/:id/:format", [&api](const HttpRequest& request) {
    return answer([&]() -> Result<HttpResponse> {
      FAZHI_ASSIGN_OR_RETURN(std::int64_t id, id_param(request, "id"));
      FAZHI_ASSIGN_OR_RETURN(ReportFormat format, format_param(request.path_param("format")));
      FAZHI_ASSIGN_OR_RETURN(LedgerRecord round, published_round(api, id));
      const LedgerDeclaration& rounds = *find_ledger("report_round");
      int year = static_cast<int>(sql_int(field_of(rounds, round, "year")).value_or(0));
      const bool download = format == ReportFormat::kDocx || format == ReportFormat::kPdf;
      // The report as published, from the package kept at publication; a round published
      // before packages were kept is composed from the ledgers as they stand.
      FAZHI_ASSIGN_OR_RETURN(std::vector<std::int64_t> package,
                             attachment_ids(field_of(rounds, round, "published_package")));
      if (!package.empty()) {
        AttachmentStore files(api.ledgers);
        AttachmentInfo info;
        FAZHI_ASSIGN_OR_RETURN(std::string bytes, files.content(UserContext::system_context(), package.front(), info));
        FAZHI_ASSIGN_OR_RETURN(std::string file, published_report_file(bytes, format));
        ReportDocument named;
        named.org_code = round.org_code;
        named.year = year;
        return file_response(named, format, std::move(file), download);
      }
      return render_response(api, UserContext::system_context(), round.org_code, year, format, download);
    });
  });
}

}  // namespace fazhi::http
