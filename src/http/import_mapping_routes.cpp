// /api/import-mappings: the import mappings the server offers (ledger/import_mapping.h: a city's
// own 12345 or 好差评 export headers mapped onto a ledger, JSON files in the mapping folder),
// for the import dialog to offer beside the file; one mapping in full; a new one saved by a
// coordinator (audited, never overwriting); and what an import would make of a file's columns,
// with or without a mapping, before importing it.
#include <filesystem>
#include <fstream>

#include "http/api_context.h"
#include "ledger/import_column_preview.h"
#include "ledger/import_mapping.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi::http {
namespace {

// The mapping as the dialog shows it: each header with the field it fills, its value map and
// date format; the ignored headers; the computed due and on-time fields.
nlohmann::json mapping_json(const std::string& name, const ImportMapping& m) {
  nlohmann::json columns = nlohmann::json::array();
  for (const MappedColumn& c : m.columns) {
    nlohmann::json col = {{"header", c.source}, {"field", c.field}};
    if (!c.values.empty()) col["values"] = c.values;
    if (!c.format.empty()) col["format"] = c.format;
    columns.push_back(std::move(col));
  }
  nlohmann::json out = {
      {"name", name}, {"title", m.name}, {"ledger", m.ledger}, {"columns", columns}, {"ignore", m.ignored}};
  if (m.due)
    out["due"] = {{"field", m.due->field},
                  {"from", m.due->from},
                  {"by", m.due->by},
                  {"working_days", m.due->working_days},
                  {"default_working_days", m.due->default_working_days}};
  if (m.on_time) out["on_time"] = {{"field", m.on_time->field}, {"done", m.on_time->done}, {"due", m.on_time->due}};
  return out;
}

// Saving a mapping changes how every later import of that export reads: the coordinators'
// and administrators' work, for ledgers their role may write.
Result<void> require_mapping_author(const UserContext& user, const LedgerDeclaration& ledger) {
  if (user.role != Role::kAdmin && user.role != Role::kCoordinator)
    return forbidden("导入映射", "只有系统管理员和协调员可以保存导入映射");
  return require_write(user, ledger);
}

}  // namespace

void add_import_mapping_routes(Router& router, ApiContext& api) {
  // [{"name","title","ledger"}] sorted by name; a file that does not parse is listed with its
  // error instead of a ledger.
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

  router.get("/api/import-mappings/:name", with_session(api, [](const HttpRequest& request, const Session&) {
               std::string name(request.path_param("name"));
               auto m = ImportMapping::load_named(name);
               if (!m) return error_response(m.error());
               return json_response(200, mapping_json(name, *m));
             }));

  // {"name": "city12345", "mapping": {"name": title, "ledger", "columns", …}} → 201 the mapping.
  router.post(
      "/api/import-mappings", with_session(api, [&api](const HttpRequest& request, const Session& s) {
        auto body = json_body(request);
        if (!body) return error_response(body.error());
        std::string name = body->value("name", nlohmann::json()).is_string() ? (*body)["name"].get<std::string>() : "";
        if (!is_mapping_name(name))
          return error_response(
              invalid_input("导入映射名称「" + name + "」", "name", "应为 1 至 100 个字母、数字、- 或 _"));
        if (!body->contains("mapping") || !(*body)["mapping"].is_object())
          return error_response(invalid_input("导入映射 " + name, "mapping", "应为映射对象（ledger、columns …）"));
        const std::string text = (*body)["mapping"].dump(2);
        auto parsed = ImportMapping::parse(text, name);
        if (!parsed) return error_response(parsed.error());
        const UserContext user = s.user.context();
        auto allowed = require_mapping_author(user, *find_ledger(parsed->ledger));
        if (!allowed) return error_response(allowed.error());
        // The audit entry and the file together: a file that cannot be written rolls
        // the entry back; an entry that cannot be committed removes the file.
        bool created = false;
        auto written = api.store.write(user.actor(), [&](WriteTransaction& tx) -> Result<void> {
          AuditEntry e;
          e.action = "create";
          e.ledger = "import_mappings";
          e.record_id = name;
          // In the detail, not as a row image: mappings are files, not rows the
          // verification of the log replays (audit_verification.h).
          e.detail = nlohmann::json{{"file", name + ".json"}, {"mapping", (*body)["mapping"]}}.dump();
          FAZHI_TRY(tx.audit(std::move(e)));
          FAZHI_TRY(create_named_mapping(name, text));
          created = true;
          return ok();
        });
        if (!written) {
          if (created) remove_named_mapping(name);
          return error_response(written.error());
        }
        return json_response(201, mapping_json(name, *parsed));
      }));

  // The file's bytes (or, for a .csv, its first lines) → what the import would make of its
  // columns: {"columns": [{"header","how","field"?,"format"?,"samples","more_samples",
  // "unmapped"}], "computed": [field], "missing": [field], "rows_read"}.
  router.post(
      "/api/ledgers/:name/import/columns", with_session(api, [](const HttpRequest& request, const Session& s) {
        auto l = ledger_named(request.path_param("name"));
        if (!l) return error_response(l.error());
        auto allowed = require_write(s.user.context(), **l);
        if (!allowed) return error_response(allowed.error());
        std::optional<ImportMapping> mapping;
        if (auto m = request.query("mapping"); m && !m->empty()) {
          auto loaded = ImportMapping::load_named(std::string(*m));
          if (!loaded) return error_response(loaded.error());
          if (loaded->ledger != (*l)->name)
            return error_response(invalid_input("导入映射 " + std::string(*m), "mapping",
                                                "用于台账「" + loaded->ledger + "」，不能导入「" + (*l)->label + "」"));
          mapping = std::move(loaded).value();
        }
        TempFolder folder;
        if (folder.path.empty()) return error_response(internal_error("导入预览", "无法创建临时文件夹"));
        std::string file_name = safe_file_name(request.query("filename").value_or("upload.csv"));
        std::filesystem::path file = folder.path / file_name;
        {
          std::ofstream out(file, std::ios::binary);
          out.write(request.body().data(), static_cast<std::streamsize>(request.body().size()));
          if (!out) return error_response(internal_error("导入文件 " + file_name, "无法写入临时文件"));
        }
        auto reader = tabular::open_table_reader(file);
        if (!reader) return error_response(reader.error());
        ImportColumnPreview p = preview_import_columns(**reader, **l, mapping ? &*mapping : nullptr);
        nlohmann::json columns = nlohmann::json::array();
        for (const auto& c : p.columns) {
          nlohmann::json col = {{"header", c.header},
                                {"how", c.how},
                                {"samples", c.samples},
                                {"more_samples", c.more_samples},
                                {"unmapped", c.unmapped}};
          if (!c.field.empty()) col["field"] = c.field;
          if (!c.format.empty()) col["format"] = c.format;
          columns.push_back(std::move(col));
        }
        return json_response(
            200, {{"ledger", (*l)->name},
                  {"mapping", mapping ? nlohmann::json(request.query("mapping").value()) : nlohmann::json()},
                  {"columns", columns},
                  {"computed", p.computed},
                  {"missing", p.missing},
                  {"rows_read", p.rows_read}});
      }));
}

}  // namespace fazhi::http
