// /api/attachments: upload a file (the raw body, its name in X-File-Name) and download one
// (Content-Disposition with the Chinese name, RFC 6266 and RFC 5987). Who may download is
// the attachment store's rule: readers of a record that references the file, or its
// uploader before it is attached anywhere.
#include "http/api_context.h"
#include "ledger/attachment_store.h"

namespace fazhi::http {
namespace {

Result<std::int64_t> attachment_id(std::string_view text) {
  auto id = sql_int(SqlValue(std::string(text)));
  if (!id || *id <= 0) return invalid_input("附件编号「" + std::string(text) + "」", "", "应为正整数");
  return *id;
}

// An ASCII name for clients that ignore filename*: "attachment-12.pdf".
std::string ascii_fallback_name(const AttachmentInfo& info) {
  std::string ext;
  auto dot = info.file_name.find_last_of('.');
  if (dot != std::string::npos) {
    for (char c : info.file_name.substr(dot + 1))
      if (std::isalnum(static_cast<unsigned char>(c))) ext.push_back(c);
  }
  return "attachment-" + std::to_string(info.id) + (ext.empty() ? "" : "." + ext);
}

std::string attachment_content_disposition(const AttachmentInfo& info) {
  return "attachment; filename=\"" + ascii_fallback_name(info) + "\"; filename*=UTF-8''" +
         percent_encode(info.file_name);
}

}  // namespace

void add_attachment_routes(Router& router, ApiContext& api) {
  auto limits = std::make_shared<AttachmentLimits>(attachment_limits_from_environment());

  router.post("/api/attachments", with_session(api, [&api, limits](const HttpRequest& request, const Session& s) {
                // The name comes percent-encoded (UTF-8), since header values are ASCII by
                // convention.
                std::string name = percent_decode(request.header("X-File-Name"));
                if (name.empty()) name = std::string(request.query("filename").value_or(""));
                AttachmentStore files(api.ledgers, *limits);
                auto info = files.upload(s.user.context(), name, request.body());
                if (!info) return error_response(info.error());
                return json_response(201, attachment_to_json(*info));
              }));

  router.get("/api/attachments/:id", with_session(api, [&api, limits](const HttpRequest& request, const Session& s) {
               auto id = attachment_id(request.path_param("id"));
               if (!id) return error_response(id.error());
               AttachmentStore files(api.ledgers, *limits);
               AttachmentInfo info;
               auto bytes = files.content(s.user.context(), *id, info);
               if (!bytes) return error_response(bytes.error());
               HttpResponse r(200);
               r.set_body(std::move(bytes).value());
               r.set_header("Content-Type", info.media_type);
               r.set_header("Content-Disposition", attachment_content_disposition(info));
               r.set_header("X-Content-Type-Options", "nosniff");
               r.set_header("Cache-Control", "private, no-store");
               r.set_header("X-Fazhi-SM3", info.sm3);
               return r;
             }));

  router.get("/api/attachments/:id/info",
             with_session(api, [&api, limits](const HttpRequest& request, const Session& s) {
               auto id = attachment_id(request.path_param("id"));
               if (!id) return error_response(id.error());
               AttachmentStore files(api.ledgers, *limits);
               auto info = files.find(s.user.context(), *id);
               if (!info) return error_response(info.error());
               return json_response(200, attachment_to_json(*info));
             }));
}

}  // namespace fazhi::http
