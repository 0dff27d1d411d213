#include "http/api_context.h"

#include <stdlib.h>

#include <cstring>

#include "ledger/ledger_catalogue.h"

namespace fazhi::http {

int http_status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

HttpResponse json_response(int status, const nlohmann::json& body) {
  return HttpResponse::json(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

HttpResponse error_response(const Error& error) {
  nlohmann::json e = {{"code", error_code_name(error.code)}, {"message", error.message()}};
  if (!error.field.empty()) e["field"] = error.field;
  if (!error.details.empty()) {
    nlohmann::json details = nlohmann::json::array();
    for (const Error& d : error.details) {
      nlohmann::json item = {{"message", d.message()}, {"reason", d.reason}};
      if (!d.field.empty()) item["field"] = d.field;
      if (!d.place.empty()) item["place"] = d.place;
      details.push_back(std::move(item));
    }
    e["details"] = std::move(details);
  }
  return json_response(http_status_for(error.code), {{"error", e}});
}

Result<Session> require_session(ApiContext& api, const HttpRequest& request) {
  auto token = request.cookie(kSessionCookie);
  const Error refused{ErrorCode::kUnauthenticated, "会话", "", "未登录或登录已过期，请重新登录", {}, {}};
  if (!token) return refused;
  FAZHI_ASSIGN_OR_RETURN(auto session, api.sessions.find(*token));
  if (!session) return refused;
  const std::string& m = request.method();
  if (m != "GET" && m != "HEAD") {
    std::string_view sent = request.header("X-CSRF-Token");
    if (sent.size() != session->csrf_token.size() ||
        std::memcmp(sent.data(), session->csrf_token.data(), sent.size()) != 0)
      return forbidden("请求", "缺少或错误的 CSRF 令牌（请刷新页面后重试）");
  }
  return *session;
}

Result<nlohmann::json> json_body(const HttpRequest& request) {
  if (request.body().empty()) return nlohmann::json::object();
  auto j = nlohmann::json::parse(request.body(), nullptr, false);
  if (j.is_discarded()) return invalid_input("请求内容", "", "不是有效的 JSON");
  if (!j.is_object()) return invalid_input("请求内容", "", "应为 JSON 对象");
  return j;
}

std::vector<std::pair<std::string, std::string>> query_pairs(const HttpRequest& request) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [k, v] : request.query_params()) out.emplace_back(k, v);
  return out;
}

Result<const LedgerDeclaration*> ledger_named(std::string_view name) {
  const LedgerDeclaration* l = find_ledger(name);
  if (!l) return not_found("台账「" + std::string(name) + "」");
  return l;
}

TempFolder::TempFolder() {
  char tmpl[] = "/tmp/fazhi-http.XXXXXX";
  if (mkdtemp(tmpl)) path = tmpl;
}

TempFolder::~TempFolder() {
  std::error_code ec;
  if (!path.empty()) std::filesystem::remove_all(path, ec);
}

std::string safe_file_name(std::string_view name) {
  std::string s(name);
  auto slash = s.find_last_of("/\\");
  if (slash != std::string::npos) s = s.substr(slash + 1);
  if (s.empty() || s == "." || s == "..") s = "upload.csv";
  return s;
}

Handler with_session(ApiContext& api, std::function<HttpResponse(const HttpRequest&, const Session&)> handler) {
  return [&api, handler = std::move(handler)](const HttpRequest& request) {
    auto session = require_session(api, request);
    if (!session) return error_response(session.error());
    return handler(request, *session);
  };
}

Router build_api_router(ApiContext& api) {
  Router router;
  add_auth_routes(router, api);
  add_schema_routes(router, api);
  add_ledger_routes(router, api);
  add_audit_routes(router, api);
  add_report_routes(router, api);
  add_todo_routes(router, api);
  add_import_mapping_routes(router, api);
  add_indicator_routes(router, api);
  add_attachment_routes(router, api);
  add_case_file_draw_routes(router, api);
  return router;
}

}  // namespace fazhi::http
