// The case-file review draw (案卷评查抽取, ledger/case_file_draw_pool.h and
// case_file_draw_reviews.h) over HTTP: the pool of a year's closed cases as the draw file, a
// draft plan over it, and the verified draw's result turned into review records. The draw
// itself (commit, run, verify, publish) is `fazhi draw`, on files.
//   GET  /api/case-file-draws/pool?year=Y[&office=CODE]        the pool file (text/csv)
//   GET  /api/case-file-draws/plan?year=Y[&office=CODE][&per_body=N][&date=D]  the draft plan
//   POST /api/case-file-draws/reviews {"year", "plan", "result"}  201 {"draw", "draw_number",
//        "reviews"}; plan and result as JSON objects or as the files' text
// The office defaults to the caller's organisation; scope and roles are the ledgers' own.
#include <fmt/format.h>

#include "core/clock.h"
#include "http/api_context.h"
#include "ledger/case_file_draw_pool.h"
#include "ledger/case_file_draw_reviews.h"

namespace fazhi::http {
namespace {

// Query parameter `name` as an integer in [lo, hi], or `fallback` when absent.
Result<int> int_param(const HttpRequest& request, const std::string& name, int lo, int hi,
                      std::optional<int> fallback) {
  for (const auto& [key, value] : query_pairs(request)) {
    if (key != name) continue;
    int n = std::atoi(value.c_str());
    if (std::to_string(n) != value || n < lo || n > hi)
      return invalid_input("查询参数 " + name, "", fmt::format("「{}」应为{}至{}之间的整数", value, lo, hi));
    return n;
  }
  if (!fallback) return invalid_input("查询参数 " + name, "", "必须填写");
  return *fallback;
}

std::string text_param(const HttpRequest& request, const std::string& name, const std::string& fallback) {
  for (const auto& [key, value] : query_pairs(request))
    if (key == name && !value.empty()) return value;
  return fallback;
}

Result<CaseFilePool> pool_for(ApiContext& api, const HttpRequest& request, const Session& s) {
  FAZHI_ASSIGN_OR_RETURN(int year, int_param(request, "year", 2000, 2100, std::nullopt));
  const UserContext user = s.user.context();
  return build_case_file_pool(api.ledgers, user, year, text_param(request, "office", user.org_code));
}

// A body member holding a file: its text, or the JSON object itself as text.
Result<std::string> file_member(const nlohmann::json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || !(it->is_string() || it->is_object()))
    return invalid_input("请求内容", name, "应为抽取文件的 JSON 对象或其文本");
  return it->is_string() ? it->get<std::string>() : it->dump();
}

}  // namespace

void add_case_file_draw_routes(Router& router, ApiContext& api) {
  router.get("/api/case-file-draws/pool", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               auto pool = pool_for(api, request, s);
               if (!pool) return error_response(pool.error());
               HttpResponse r(200);
               r.set_header("Content-Type", "text/csv; charset=utf-8");
               r.set_header("Content-Disposition", "attachment; filename=\"" + pool->file_name + "\"");
               r.set_header("Cache-Control", "private, no-store");
               r.set_body(std::move(pool->csv));
               return r;
             }));
  router.get("/api/case-file-draws/plan", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               auto pool = pool_for(api, request, s);
               if (!pool) return error_response(pool.error());
               auto per_body = int_param(request, "per_body", 1, 1000, 3);
               if (!per_body) return error_response(per_body.error());
               const std::string day = text_param(request, "date", china_today());
               auto as_of = parse_date(day);
               if (!as_of)
                 return error_response(invalid_input("查询参数 date", "", "「" + day + "」不是 YYYY-MM-DD 格式的日期"));
               auto plan = case_file_plan_draft(api.ledgers, *pool, *per_body, *as_of);
               if (!plan) return error_response(plan.error());
               return json_response(200, *plan);
             }));
  router.post("/api/case-file-draws/reviews", with_session(api, [&api](const HttpRequest& request, const Session& s) {
                auto body = json_body(request);
                if (!body) return error_response(body.error());
                if (!body->contains("year") || !(*body)["year"].is_number_integer())
                  return error_response(invalid_input("请求内容", "year", "应为结案年度（整数）"));
                auto plan = file_member(*body, "plan");
                if (!plan) return error_response(plan.error());
                auto result = file_member(*body, "result");
                if (!result) return error_response(result.error());
                auto written =
                    create_reviews_from_draw(api.ledgers, s.user.context(), (*body)["year"].get<int>(), *plan, *result);
                if (!written) return error_response(written.error());
                return json_response(
                    201,
                    {{"draw", written->draw}, {"draw_number", written->draw_number}, {"reviews", written->reviews}});
              }));
}

}  // namespace fazhi::http
