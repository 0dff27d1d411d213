// /api/health, /api/login, /api/logout, /api/me.
#include "http/api_context.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi::http {
namespace {

nlohmann::json user_json(ApiContext& api, const UserAccount& u) {
  std::string org_name = u.org_code;
  if (auto orgs = api.ledgers.orgs())
    if (const OrgNode* n = (*orgs)->find(u.org_code)) org_name = n->name;
  return {{"login", u.login},          {"name", u.name},
          {"role", role_name(u.role)}, {"role_label", role_label(u.role)},
          {"org_code", u.org_code},    {"org_name", org_name}};
}

Cookie session_cookie(const std::string& value, long long max_age) {
  Cookie c;
  c.name = kSessionCookie;
  c.value = value;
  c.max_age_seconds = max_age;
  return c;
}

}  // namespace

void add_auth_routes(Router& router, ApiContext& api) {
  router.get("/api/health", [&api](const HttpRequest&) {
    return json_response(
        200, {{"status", "ok"}, {"database", api.store.is_postgres() ? "postgresql" : "sqlite"}, {"version", "0.1.0"}});
  });

  router.post("/api/login", [&api](const HttpRequest& request) {
    auto body = json_body(request);
    if (!body) return error_response(body.error());
    std::string login = body->value("login", std::string());
    std::string password = body->value("password", std::string());
    if (login.empty() || password.empty()) {
      Error e = invalid_input("登录", "", "请输入用户名和密码");
      e.field = login.empty() ? "login" : "password";
      return error_response(e);
    }
    auto user = authenticate(api.store, login, password, request.client_address());
    if (!user) return error_response(user.error());
    auto opened = api.sessions.open(*user);
    if (!opened) return error_response(opened.error());
    HttpResponse r = json_response(200, {{"user", user_json(api, *user)}, {"csrf_token", opened->second.csrf_token}});
    r.set_cookie(session_cookie(opened->first, static_cast<long long>(kSessionHours) * 3600));
    return r;
  });

  router.post("/api/logout", with_session(api, [&api](const HttpRequest& request, const Session&) {
                if (auto token = request.cookie(kSessionCookie)) {
                  auto closed = api.sessions.close(*token);
                  if (!closed) return error_response(closed.error());
                }
                HttpResponse r(204);
                r.set_cookie(session_cookie("", 0));
                return r;
              }));

  router.get(
      "/api/me", with_session(api, [&api](const HttpRequest&, const Session& s) {
        nlohmann::json menus = nlohmann::json::array();
        for (const LedgerDeclaration* l : all_ledgers()) {
          if (!l->can_read(s.user.role)) continue;
          menus.push_back(
              {{"ledger", l->name}, {"label", l->label}, {"area", l->area}, {"can_write", l->can_write(s.user.role)}});
        }
        return json_response(200, {{"user", user_json(api, s.user)}, {"csrf_token", s.csrf_token}, {"menus", menus}});
      }));
}

}  // namespace fazhi::http
