// What every API route shares: the store, the ledger service, the sessions, and the few
// steps every handler takes — find the session (and check CSRF on writes), parse the JSON
// body, and turn an Error into the one JSON error shape of docs/api.md with its status.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/result.h"
#include "http/server/http_request.h"
#include "http/server/http_response.h"
#include "http/server/router.h"
#include "http/session_store.h"
#include "ledger/ledger_service.h"
#include "ledger/record_json_cache.h"

namespace fazhi::http {

struct ApiContext {
  Store& store;
  LedgerService& ledgers;
  SessionStore& sessions;
  RecordJsonCache& records;  // GET of one record reads through it
};

// The HTTP status for an error code (the only place that decides it).
int http_status_for(ErrorCode code);
// {"error": {"code", "message", "field"?, "details"?}} with the status of its code.
HttpResponse error_response(const Error& error);
// `status` with `body` serialised.
HttpResponse json_response(int status, const nlohmann::json& body);

// The caller's session. Fails with kUnauthenticated without a live session, and with
// kForbidden for a changing request (not GET/HEAD) without the session's X-CSRF-Token.
Result<Session> require_session(ApiContext& api, const HttpRequest& request);
// The request body as a JSON object (an empty body is {}).
Result<nlohmann::json> json_body(const HttpRequest& request);
// The query parameters as pairs, in order.
std::vector<std::pair<std::string, std::string>> query_pairs(const HttpRequest& request);

// The ledger named in a path, or kNotFound.
Result<const LedgerDeclaration*> ledger_named(std::string_view name);

// A private temporary folder under /tmp (empty `path` when it could not be made), removed
// with its contents: where an uploaded file is read from.
struct TempFolder {
  std::filesystem::path path;
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
};
// An uploaded file's own name, stripped of any folder part ("upload.csv" when nothing is left).
std::string safe_file_name(std::string_view name);

// A handler that needs a session: runs `handler` with it, or answers the error.
Handler with_session(ApiContext& api, std::function<HttpResponse(const HttpRequest&, const Session&)> handler);

// The routes of each API area, added to `router`.
void add_auth_routes(Router& router, ApiContext& api);
void add_schema_routes(Router& router, ApiContext& api);
void add_ledger_routes(Router& router, ApiContext& api);
void add_audit_routes(Router& router, ApiContext& api);
void add_report_routes(Router& router, ApiContext& api);
void add_todo_routes(Router& router, ApiContext& api);
void add_import_mapping_routes(Router& router, ApiContext& api);
void add_indicator_routes(Router& router, ApiContext& api);
void add_attachment_routes(Router& router, ApiContext& api);
void add_case_file_draw_routes(Router& router, ApiContext& api);

// Every API route.
Router build_api_router(ApiContext& api);

}  // namespace fazhi::http
