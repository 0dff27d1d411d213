// GET /api/import-mappings: the import mappings the server offers (ledger/import_mapping.h),
// for the import dialog to offer beside the file: [{"name","title","ledger"}], sorted by
// name. A mapping file that does not parse is listed with its error instead of a ledger.
#include "http/api_context.h"
#include "ledger/import_mapping.h"

namespace fazhi::http {

void add_import_mapping_routes(Router& router, ApiContext& api) {
  router.get("/api/import-mappings", with_session(api, [](const HttpRequest&, const Session&) {
               nlohmann::json out = nlohmann::json::array();
               for (const std::string& name : mapping_names()) {
                 auto m = ImportMapping::load_named(name);
                 if (m)
                   out.push_back({{"name", name}, {"title", m->name}, {"ledger", m->ledger}});
                 else
                   out.push_back({{"name", name}, {"error", m.error().message()}});
               }
               return json_response(200, out);
             }));
}

}  // namespace fazhi::http
