// /api/audit (the log, for administrators) and /api/audit/verify (the chain's status).
#include "http/api_context.h"
#include "ledger/audit_verification.h"

namespace fazhi::http {
namespace {

Result<void> require_admin(const Session& s) {
  if (s.user.role != Role::kAdmin) return forbidden("审计日志", "只有系统管理员可以查看");
  return ok();
}

}  // namespace

void add_audit_routes(Router& router, ApiContext& api) {
  router.get("/api/audit", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               if (auto a = require_admin(s); !a) return error_response(a.error());
               int page = std::max(1, std::atoi(std::string(request.query("page").value_or("1")).c_str()));
               int size = std::clamp(std::atoi(std::string(request.query("page_size").value_or("50")).c_str()), 1, 500);
               std::string where = "1 = 1";
               std::vector<SqlValue> params;
               for (const char* key : {"ledger", "actor", "record_id", "action"}) {
                 auto v = request.query(key);
                 if (v && !v->empty()) {
                   where += std::string(" AND ") + key + " = ?";
                   params.emplace_back(std::string(*v));
                 }
               }
               nlohmann::json out = {{"page", page}, {"page_size", size}};
               auto r = api.store.read([&](SqlSession& sql) -> Result<void> {
                 FAZHI_ASSIGN_OR_RETURN(auto count, sql.query("SELECT COUNT(*) FROM audit_log WHERE " + where, params));
                 out["total"] = sql_int(count.rows[0][0]).value_or(0);
                 std::vector<SqlValue> p = params;
                 p.emplace_back(static_cast<std::int64_t>(size));
                 p.emplace_back(static_cast<std::int64_t>(page - 1) * size);
                 FAZHI_ASSIGN_OR_RETURN(
                     auto rows,
                     sql.query("SELECT seq, at, actor, actor_org, action, ledger, record_id, before_json, after_json, "
                               "detail_json, hash FROM audit_log WHERE " +
                                   where + " ORDER BY seq DESC LIMIT ? OFFSET ?",
                               p));
                 nlohmann::json entries = nlohmann::json::array();
                 auto parsed = [](const SqlValue& v) -> nlohmann::json {
                   if (is_null(v)) return nullptr;
                   auto j = nlohmann::json::parse(sql_text(v), nullptr, false);
                   return j.is_discarded() ? nlohmann::json(sql_text(v)) : j;
                 };
                 for (auto& row : rows.rows)
                   entries.push_back({{"seq", sql_int(row[0]).value_or(0)},
                                      {"at", sql_text(row[1])},
                                      {"actor", sql_text(row[2])},
                                      {"actor_org", sql_text(row[3])},
                                      {"action", sql_text(row[4])},
                                      {"ledger", sql_text(row[5])},
                                      {"record_id", sql_text(row[6])},
                                      {"before", parsed(row[7])},
                                      {"after", parsed(row[8])},
                                      {"detail", parsed(row[9])},
                                      {"hash", sql_text(row[10])}});
                 out["entries"] = std::move(entries);
                 return ok();
               });
               if (!r) return error_response(r.error());
               return json_response(200, out);
             }));

  router.get("/api/audit/verify", with_session(api, [&api](const HttpRequest&, const Session& s) {
               if (auto a = require_admin(s); !a) return error_response(a.error());
               auto v = verify_audit(api.store);
               if (!v) return error_response(v.error());
               return json_response(200, {{"intact", v->intact},
                                          {"entries", v->entries},
                                          {"rows", v->rows},
                                          {"head_hash", v->head_hash},
                                          {"problems", v->problems}});
             }));
}

}  // namespace fazhi::http
