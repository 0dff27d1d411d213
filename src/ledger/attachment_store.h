// Attachments (附件): the files behind a ledger's attachment fields — a case's materials, an
// enforcement case's full-process record, a rectification's evidence. Files live in the
// database (tables attachments and attachment_contents, migration 0002_attachments), so that
// several servers sharing one PostgreSQL see the same files and a backup holds them; the
// bytes are kept once per SM3 digest however often they are uploaded.
//
// An attachment field stores a JSON array of the files it references, each as
// {"id","media_type","name","size"}, so a record's JSON shows names and sizes without a
// lookup. Who may read a file: anyone who may read a record that references it; before it
// is referenced anywhere, only its uploader. Every upload is one audited write.
// Thread-safe (state lives in the store).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.h"
#include "ledger/ledger_declaration.h"
#include "ledger/ledger_service.h"
#include "ledger/user_context.h"
#include "store/sql_session.h"

namespace fazhi {

// Limits on what may be uploaded.
struct AttachmentLimits {
  std::int64_t max_bytes = std::int64_t{50} << 20;  // 50 MiB
};

// The limits of this process: 50 MiB unless FAZHI_ATTACHMENT_MAX_MB names another whole
// number of MiB (1–1024). The HTTP server's body limit (64 MiB) caps uploads as well.
AttachmentLimits attachment_limits_from_environment();

// One stored file's facts (its bytes are fetched separately).
struct AttachmentInfo {
  std::int64_t id = 0;
  std::string sm3;         // lower-case hex SM3 of the content
  std::string file_name;   // as uploaded, without folders
  std::string media_type;  // from the content, see attachment_media_type.h
  std::int64_t size = 0;   // bytes
  std::string uploaded_at;
  std::string uploaded_by;  // login
  std::string org_code;     // the uploader's organisation
};

// The canonical JSON of an attachment's row, as the audit log records it.
std::string canonical_attachment_json(const AttachmentInfo& info);
// {"id","name","size","media_type","sm3","uploaded_at","uploaded_by"} for the API.
nlohmann::json attachment_to_json(const AttachmentInfo& info);

class AttachmentStore {
 public:
  explicit AttachmentStore(LedgerService& ledgers, AttachmentLimits limits = {}) : ledgers_(ledgers), limits_(limits) {}

  // Stores `bytes` as `file_name` uploaded by `user` and audits it. Fails with
  // kInvalidInput for an empty or oversized file, a bad name, or content that is not an
  // accepted kind or disagrees with the name's extension; kForbidden for a role that may
  // write no ledger with attachment fields.
  Result<AttachmentInfo> upload(const UserContext& user, std::string_view file_name, std::string_view bytes);
  // The facts of file `id` if `user` may read it; kNotFound otherwise (also when it exists
  // but is out of the user's reach, so ids reveal nothing).
  Result<AttachmentInfo> find(const UserContext& user, std::int64_t id);
  // The content of file `id`, checked as find().
  Result<std::string> content(const UserContext& user, std::int64_t id, AttachmentInfo& info);

 private:
  // Whether some record `user` may read references file `id`.
  Result<bool> referenced_for(const UserContext& user, std::int64_t id);

  LedgerService& ledgers_;
  AttachmentLimits limits_;
};

// Checks an attachment field's new value inside a write transaction and returns it in the
// stored form. `value` is a JSON array (as text) whose items are file ids or objects with an
// "id"; every file must exist, and a file not referenced by `before` must have been uploaded
// by `user` (or the user is the system). An empty array gives null. Fails with a reason a
// clerk can act on, naming the file.
Result<SqlValue> resolve_attachment_references(SqlSession& sql, const UserContext& user, const SqlValue* before,
                                               const SqlValue& value);

// Visits every attachment row in id order (audit verification).
Result<void> for_each_attachment(SqlSession& sql, const std::function<void(const AttachmentInfo&)>& visit);

// The file ids of an attachment field's stored or submitted value, in order, without repeats;
// none for null. Fails for a value that is no JSON array of ids or {"id": …} objects.
Result<std::vector<std::int64_t>> attachment_ids(const SqlValue& value);

// Whether `ledger` has at least one attachment field.
bool has_attachment_fields(const LedgerDeclaration& ledger);

}  // namespace fazhi
