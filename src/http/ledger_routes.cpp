// /api/ledgers/NAME…: list, get, create, update, transition, delete, import, export.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/api_context.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_import.h"
#include "ledger/record_json.h"

namespace fazhi::http {
namespace {

Result<std::int64_t> record_id(std::string_view text) {
  auto id = sql_int(SqlValue(std::string(text)));
  if (!id || *id <= 0) return invalid_input("记录编号「" + std::string(text) + "」", "", "应为正整数");
  return *id;
}

Result<ListQuery> list_query(const LedgerDeclaration& l, const HttpRequest& request) {
  auto pairs = query_pairs(request);
  for (auto& [k, v] : pairs)
    if (k == "state") k = "f.state";
  return parse_list_query(l, pairs);
}

std::string encode_rfc5987(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_')
      out.push_back(static_cast<char>(c));
    else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// The record as JSON with `status`, or the error of any step before it.
HttpResponse record_response(ApiContext& api, const UserContext& user, const LedgerDeclaration& ledger,
                             const Result<LedgerRecord>& record, int status = 200) {
  if (!record) return error_response(record.error());
  auto orgs = api.ledgers.orgs();
  if (!orgs) return error_response(orgs.error());
  std::string body;
  body.reserve(4096);
  append_record_json(body, api.ledgers, user, ledger, *record, **orgs, deadline_reference_day());
  return HttpResponse::json(status, std::move(body));
}

}  // namespace

void add_ledger_routes(Router& router, ApiContext& api) {
  router.get("/api/ledgers/:name", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               auto l = ledger_named(request.path_param("name"));
               if (!l) return error_response(l.error());
               auto q = list_query(**l, request);
               if (!q) return error_response(q.error());
               UserContext user = s.user.context();
               auto page = api.ledgers.list(user, **l, *q);
               if (!page) return error_response(page.error());
               auto orgs = api.ledgers.orgs();
               if (!orgs) return error_response(orgs.error());
               // Written straight into the body, keys in the order nlohmann::json would sort them.
               std::optional<Date> today = deadline_reference_day();
               std::string body;
               body.reserve(1024 + 4096 * page->records.size());
               body += "{\"page\":" + std::to_string(page->page) + ",\"page_size\":" + std::to_string(page->page_size) +
                       ",\"records\":[";
               for (size_t i = 0; i < page->records.size(); ++i) {
                 if (i) body.push_back(',');
                 append_record_json(body, api.ledgers, user, **l, page->records[i], **orgs, today);
               }
               body += "],\"total\":" + std::to_string(page->total) + "}";
               return HttpResponse::json(200, std::move(body));
             }));

  router.get("/api/ledgers/:name/:id", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               auto l = ledger_named(request.path_param("name"));
               if (!l) return error_response(l.error());
               auto id = record_id(request.path_param("id"));
               if (!id) return error_response(id.error());
               auto json = api.records.get(s.user.context(), **l, *id, deadline_reference_day());
               if (!json) return error_response(json.error());
               return HttpResponse::json(200, std::move(*json));
             }));

  router.post("/api/ledgers/:name", with_session(api, [&api](const HttpRequest& request, const Session& s) {
                auto l = ledger_named(request.path_param("name"));
                if (!l) return error_response(l.error());
                auto body = json_body(request);
                if (!body) return error_response(body.error());
                body->erase("state");  // a new record starts in the declared initial state
                UserContext user = s.user.context();
                return record_response(api, user, **l, api.ledgers.create(user, **l, *body), 201);
              }));

  router.patch("/api/ledgers/:name/:id", with_session(api, [&api](const HttpRequest& request, const Session& s) {
                 auto l = ledger_named(request.path_param("name"));
                 if (!l) return error_response(l.error());
                 auto id = record_id(request.path_param("id"));
                 if (!id) return error_response(id.error());
                 auto body = json_body(request);
                 if (!body) return error_response(body.error());
                 UserContext user = s.user.context();
                 return record_response(api, user, **l, api.ledgers.update(user, **l, *id, *body));
               }));

  router.post("/api/ledgers/:name/:id/transitions/:step",
              with_session(api, [&api](const HttpRequest& request, const Session& s) {
                auto l = ledger_named(request.path_param("name"));
                if (!l) return error_response(l.error());
                auto id = record_id(request.path_param("id"));
                if (!id) return error_response(id.error());
                auto body = json_body(request);
                if (!body) return error_response(body.error());
                UserContext user = s.user.context();
                return record_response(
                    api, user, **l,
                    api.ledgers.transition(user, **l, *id, std::string(request.path_param("step")), *body));
              }));

  router.del("/api/ledgers/:name/:id", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               auto l = ledger_named(request.path_param("name"));
               if (!l) return error_response(l.error());
               auto id = record_id(request.path_param("id"));
               if (!id) return error_response(id.error());
               std::int64_t version = 0;
               if (auto v = request.query("version")) version = sql_int(SqlValue(std::string(*v))).value_or(0);
               auto r = api.ledgers.remove(s.user.context(), **l, *id, version);
               if (!r) return error_response(r.error());
               return HttpResponse(204);
             }));

  router.post("/api/ledgers/:name/import", with_session(api, [&api](const HttpRequest& request, const Session& s) {
                auto l = ledger_named(request.path_param("name"));
                if (!l) return error_response(l.error());
                TempFolder folder;
                if (folder.path.empty()) return error_response(internal_error("导入", "无法创建临时文件夹"));
                std::string name = safe_file_name(request.query("filename").value_or("upload.csv"));
                std::filesystem::path file = folder.path / name;
                {
                  std::ofstream out(file, std::ios::binary);
                  out.write(request.body().data(), static_cast<std::streamsize>(request.body().size()));
                  if (!out) return error_response(internal_error("导入文件 " + name, "无法写入临时文件"));
                }
                ImportOptions options;
                auto dry = request.query("dry_run");
                options.dry_run = dry && (*dry == "1" || *dry == "true");
                // A named mapping from the server's mapping folder (never a path): a city's own export.
                std::optional<ImportMapping> mapping;
                if (auto m = request.query("mapping"); m && !m->empty()) {
                  auto loaded = ImportMapping::load_named(std::string(*m));
                  if (!loaded) return error_response(loaded.error());
                  mapping = std::move(loaded).value();
                  options.mapping = &*mapping;
                }
                auto outcome = import_ledger_file(api.ledgers, s.user.context(), **l, file.string(), options);
                if (!outcome) {
                  Error e = outcome.error();
                  // A file refused at one cell (a value its mapping does not know, a malformed row) lists
                  // that cell as its one detail, like a file with bad cells (docs/api.md: 422).
                  if (e.code == ErrorCode::kInvalidInput && e.details.empty() && !e.place.empty())
                    e.details.push_back(e);
                  HttpResponse r = error_response(e);
                  if (e.code == ErrorCode::kInvalidInput) r.set_status(422);
                  return r;
                }
                return json_response(200, {{"rows", outcome->rows},
                                           {"first_id", outcome->first_id},
                                           {"last_id", outcome->last_id},
                                           {"dry_run", outcome->dry_run}});
              }));

  router.get("/api/ledgers/:name/export", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               auto l = ledger_named(request.path_param("name"));
               if (!l) return error_response(l.error());
               auto q = list_query(**l, request);
               if (!q) return error_response(q.error());
               std::string format(request.query("format").value_or("xlsx"));
               if (format != "xlsx" && format != "csv")
                 return error_response(invalid_input("导出格式「" + format + "」", "", "应为 xlsx 或 csv"));
               TempFolder folder;
               if (folder.path.empty()) return error_response(internal_error("导出", "无法创建临时文件夹"));
               std::filesystem::path file = folder.path / ("export." + format);
               auto rows = export_ledger_file(api.ledgers, s.user.context(), **l, *q, file.string());
               if (!rows) return error_response(rows.error());
               std::ifstream in(file, std::ios::binary);
               std::stringstream content;
               content << in.rdbuf();
               HttpResponse r(200);
               r.set_body(content.str());
               r.set_header("Content-Type", format == "csv"
                                                ? "text/csv; charset=utf-8"
                                                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
               std::string download = (*l)->label + "." + format;
               r.set_header("Content-Disposition", "attachment; filename=\"export." + format + "\"; filename*=UTF-8''" +
                                                       encode_rfc5987(download));
               r.set_header("X-Fazhi-Rows", std::to_string(*rows));
               return r;
             }));
}

}  // namespace fazhi::http
