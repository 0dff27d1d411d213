#include "ledger/attachment_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <set>

#include "core/clock.h"
#include "core/input_text.h"
#include "core/sm3.h"
#include "ledger/attachment_media_type.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/tabular/text_encoding.h"

namespace fazhi {
namespace {

constexpr const char* kColumns = "id, sm3, file_name, media_type, size, uploaded_at, uploaded_by, org_code";
constexpr size_t kMaxNameLength = 200;     // characters
constexpr size_t kMaxFilesPerField = 200;  // a case file of many scanned pages stays well below

AttachmentInfo info_from_row(const std::vector<SqlValue>& row) {
  AttachmentInfo a;
  a.id = sql_int(row[0]).value_or(0);
  a.sm3 = sql_text(row[1]);
  a.file_name = sql_text(row[2]);
  a.media_type = sql_text(row[3]);
  a.size = sql_int(row[4]).value_or(0);
  a.uploaded_at = sql_text(row[5]);
  a.uploaded_by = sql_text(row[6]);
  a.org_code = sql_text(row[7]);
  return a;
}

Result<std::optional<AttachmentInfo>> load_info(SqlSession& sql, std::int64_t id) {
  std::vector<SqlValue> p = {id};
  FAZHI_ASSIGN_OR_RETURN(auto r, sql.query(fmt::format("SELECT {} FROM attachments WHERE id = ?", kColumns), p));
  if (r.rows.empty()) return std::optional<AttachmentInfo>();
  return std::optional<AttachmentInfo>(info_from_row(r.rows[0]));
}

// The uploaded name without folders; fails for a name a clerk could not read back.
Result<std::string> clean_file_name(std::string_view given) {
  std::string name(trim_ascii_space(given));
  auto slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name = name.substr(slash + 1);
  if (name.empty() || name == "." || name == "..")
    return invalid_input("上传的文件", "文件名", "缺少文件名（请求头 X-File-Name）");
  if (!tabular::is_valid_utf8(name)) return invalid_input("上传的文件", "文件名", "文件名不是 UTF-8 文本");
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7F) return invalid_input("文件「" + name + "」", "文件名", "文件名含有控制字符");
  if (utf8_length(name) > kMaxNameLength)
    return invalid_input("文件「" + name.substr(0, 60) + "…」", "文件名",
                         fmt::format("文件名超过 {} 个字，请改短后上传", kMaxNameLength));
  return name;
}

std::string hex_of(std::string_view bytes) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.resize(bytes.size() * 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kHex[c >> 4];
    out[2 * i + 1] = kHex[c & 15];
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> bytes_of_hex(std::string_view hex) {
  if (hex.size() % 2) return internal_error("附件内容", "数据库返回的十六进制长度不对");
  std::string out(hex.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return internal_error("附件内容", "数据库返回的十六进制含有非法字符");
    out[i] = static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::string describe_size(std::int64_t bytes) {
  if (bytes >= (1 << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20));
  if (bytes >= 1024) return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024);
  return fmt::format("{} 字节", bytes);
}

}  // namespace

Result<std::vector<std::int64_t>> attachment_ids(const SqlValue& value) {
  std::vector<std::int64_t> ids;
  if (is_null(value)) return ids;
  auto j = nlohmann::json::parse(sql_text(value), nullptr, false);
  if (j.is_discarded() || !j.is_array()) return invalid_input("附件", "", "应为附件列表（JSON 数组）");
  for (const auto& item : j) {
    nlohmann::json id = item.is_object() && item.contains("id") ? item["id"] : item;
    std::int64_t n = 0;
    if (id.is_number_integer()) {
      n = id.get<std::int64_t>();
    } else if (id.is_string()) {
      const auto& s = id.get_ref<const std::string&>();
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec != std::errc() || p != s.data() + s.size()) n = 0;
    }
    if (n <= 0) return invalid_input("附件", "", "附件编号「" + id.dump().substr(0, 40) + "」应为正整数");
    if (std::find(ids.begin(), ids.end(), n) == ids.end()) ids.push_back(n);
  }
  return ids;
}

AttachmentLimits attachment_limits_from_environment() {
  AttachmentLimits limits;
  if (const char* mb = std::getenv("FAZHI_ATTACHMENT_MAX_MB")) {
    char* end = nullptr;
    long n = std::strtol(mb, &end, 10);
    if (end && *end == '\0' && n >= 1 && n <= 1024) limits.max_bytes = static_cast<std::int64_t>(n) << 20;
  }
  return limits;
}

std::string canonical_attachment_json(const AttachmentInfo& a) {
  nlohmann::json j = {{"id", a.id},
                      {"sm3", a.sm3},
                      {"file_name", a.file_name},
                      {"media_type", a.media_type},
                      {"size", a.size},
                      {"uploaded_at", a.uploaded_at},
                      {"uploaded_by", a.uploaded_by},
                      {"org_code", a.org_code}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json attachment_to_json(const AttachmentInfo& a) {
  return {{"id", a.id},
          {"name", a.file_name},
          {"size", a.size},
          {"media_type", a.media_type},
          {"sm3", a.sm3},
          {"uploaded_at", a.uploaded_at},
          {"uploaded_by", a.uploaded_by}};
}

bool has_attachment_fields(const LedgerDeclaration& ledger) {
  return std::any_of(ledger.fields.begin(), ledger.fields.end(),
                     [](const FieldDeclaration& f) { return f.type == FieldType::kAttachment; });
}

Result<AttachmentInfo> AttachmentStore::upload(const UserContext& user, std::string_view file_name,
                                               std::string_view bytes) {
  bool may_attach = user.system;
  for (const LedgerDeclaration* l : all_ledgers())
    if (!may_attach && has_attachment_fields(*l) && require_write(user, *l)) may_attach = true;
  if (!may_attach)
    return forbidden("上传附件", fmt::format("角色「{}」不能修改任何带附件的台账", role_label(user.role)));
  FAZHI_ASSIGN_OR_RETURN(std::string name, clean_file_name(file_name));
  if (bytes.empty()) return invalid_input("文件「" + name + "」", "", "文件是空的（0 字节），请检查后重新上传");
  if (static_cast<std::int64_t>(bytes.size()) > limits_.max_bytes)
    return invalid_input(
        "文件「" + name + "」", "",
        fmt::format("文件大小 {} 超过上限 {}，请压缩或拆分后上传",
                    describe_size(static_cast<std::int64_t>(bytes.size())), describe_size(limits_.max_bytes)));
  FAZHI_ASSIGN_OR_RETURN(AttachmentMediaType type, sniff_attachment_media_type(name, bytes));

  AttachmentInfo info;
  info.sm3 = sm3_hex(bytes);
  info.file_name = name;
  info.media_type = type.media_type;
  info.size = static_cast<std::int64_t>(bytes.size());
  info.uploaded_at = utc_timestamp();
  info.uploaded_by = user.login;
  info.org_code = user.org_code;
  Store& store = ledgers_.store();
  FAZHI_TRY(store.write(user.actor(), [&](WriteTransaction& tx) -> Result<void> {
    if (tx.dialect() == SqlDialect::kPostgres) {
      std::vector<SqlValue> p = {info.sm3, info.size, hex_of(bytes)};
      FAZHI_TRY(
          tx.sql().execute("INSERT INTO attachment_contents (sm3, size, bytes) VALUES (?, ?, decode(?, 'hex')) "
                           "ON CONFLICT (sm3) DO NOTHING",
                           p));
    } else {
      // Bound as text without a copy, stored as a BLOB by the cast.
      std::vector<SqlValue> p = {info.sm3, info.size, std::string(bytes)};
      FAZHI_TRY(
          tx.sql().execute("INSERT INTO attachment_contents (sm3, size, bytes) VALUES (?, ?, CAST(? AS BLOB)) "
                           "ON CONFLICT (sm3) DO NOTHING",
                           p));
    }
    std::vector<SqlValue> p = {info.sm3,         info.file_name,   info.media_type, info.size,
                               info.uploaded_at, info.uploaded_by, info.org_code};
    FAZHI_ASSIGN_OR_RETURN(
        auto r, tx.sql().query("INSERT INTO attachments (sm3, file_name, media_type, size, uploaded_at, uploaded_by, "
                               "org_code) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                               p));
    if (r.rows.empty()) return internal_error("文件「" + name + "」", "保存后没有得到附件编号");
    info.id = sql_int(r.rows[0][0]).value_or(0);
    AuditEntry e;
    e.action = "upload";
    e.ledger = "attachments";
    e.record_id = std::to_string(info.id);
    e.after = canonical_attachment_json(info);
    FAZHI_TRY(tx.audit(std::move(e)));
    return ok();
  }));
  return info;
}

Result<bool> AttachmentStore::referenced_for(const UserContext& user, std::int64_t id) {
  for (const LedgerDeclaration* l : all_ledgers()) {
    if (!has_attachment_fields(*l) || !require_read(user, *l)) continue;
    for (const FieldDeclaration& f : l->fields) {
      if (f.type != FieldType::kAttachment) continue;
      ListQuery q;
      // Stored items are canonical JSON objects with "id" first (keys sorted).
      q.filters.push_back({f.name, "like", fmt::format("{{\"id\":{},", id)});
      q.page_size = 1;
      FAZHI_ASSIGN_OR_RETURN(ListPage page, ledgers_.list(user, *l, q));
      if (page.total > 0) return true;
    }
  }
  return false;
}

Result<AttachmentInfo> AttachmentStore::find(const UserContext& user, std::int64_t id) {
  std::optional<AttachmentInfo> info;
  FAZHI_TRY(ledgers_.store().read([&](SqlSession& sql) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(info, load_info(sql, id));
    return ok();
  }));
  Error hidden = not_found(fmt::format("附件（编号 {}）", id), "不存在或无权查看");
  if (!info) return hidden;
  if (user.system) return *info;
  FAZHI_ASSIGN_OR_RETURN(bool readable, referenced_for(user, id));
  if (readable) return *info;
  if (info->uploaded_by == user.login) {
    FAZHI_ASSIGN_OR_RETURN(bool attached, referenced_for(UserContext::system_context(), id));
    if (!attached) return *info;
  }
  return hidden;
}

Result<std::string> AttachmentStore::content(const UserContext& user, std::int64_t id, AttachmentInfo& info) {
  FAZHI_ASSIGN_OR_RETURN(info, find(user, id));
  std::string bytes;
  bool found = false;
  FAZHI_TRY(ledgers_.store().read([&](SqlSession& sql) -> Result<void> {
    std::vector<SqlValue> p = {info.sm3};
    bool pg = sql.dialect() == SqlDialect::kPostgres;
    FAZHI_ASSIGN_OR_RETURN(auto r, sql.query(pg ? "SELECT encode(bytes, 'hex') FROM attachment_contents WHERE sm3 = ?"
                                                : "SELECT bytes FROM attachment_contents WHERE sm3 = ?",
                                             p));
    if (r.rows.empty()) return ok();
    found = true;
    if (pg) {
      FAZHI_ASSIGN_OR_RETURN(bytes, bytes_of_hex(sql_text(r.rows[0][0])));
    } else {
      bytes = sql_text(r.rows[0][0]);
    }
    return ok();
  }));
  if (!found) return internal_error(fmt::format("附件「{}」（编号 {}）", info.file_name, id), "文件内容缺失");
  if (sm3_hex(bytes) != info.sm3)
    return internal_error(fmt::format("附件「{}」（编号 {}）", info.file_name, id),
                          "文件内容与上传时的 SM3 摘要不符（在系统之外被修改）");
  return bytes;
}

Result<SqlValue> resolve_attachment_references(SqlSession& sql, const UserContext& user, const SqlValue* before,
                                               const SqlValue& value) {
  FAZHI_ASSIGN_OR_RETURN(std::vector<std::int64_t> ids, attachment_ids(value));
  if (ids.empty()) return SqlValue(nullptr);
  if (ids.size() > kMaxFilesPerField)
    return invalid_input("附件", "", fmt::format("最多 {} 个文件，请打包为 ZIP 后上传", kMaxFilesPerField));
  std::vector<std::int64_t> kept;
  if (before) {
    auto b = attachment_ids(*before);
    if (b) kept = *b;
  }
  nlohmann::json out = nlohmann::json::array();
  for (std::int64_t id : ids) {
    FAZHI_ASSIGN_OR_RETURN(auto info, load_info(sql, id));
    if (!info) return invalid_input("附件", "", fmt::format("附件编号 {} 不存在，请重新上传", id));
    bool already = std::find(kept.begin(), kept.end(), id) != kept.end();
    if (!already && !user.system && info->uploaded_by != user.login)
      return invalid_input(
          "附件", "",
          fmt::format("附件「{}」（编号 {}）不是您上传的，不能引用，请自行上传该文件", info->file_name, id));
    out.push_back(
        {{"id", info->id}, {"media_type", info->media_type}, {"name", info->file_name}, {"size", info->size}});
  }
  return SqlValue(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Result<void> for_each_attachment(SqlSession& sql, const std::function<void(const AttachmentInfo&)>& visit) {
  std::int64_t after = 0;
  for (;;) {
    std::vector<SqlValue> p = {after};
    FAZHI_ASSIGN_OR_RETURN(
        auto r, sql.query(fmt::format("SELECT {} FROM attachments WHERE id > ? ORDER BY id LIMIT 5000", kColumns), p));
    if (r.rows.empty()) return ok();
    for (const auto& row : r.rows) {
      AttachmentInfo a = info_from_row(row);
      after = a.id;
      visit(a);
    }
  }
}

}  // namespace fazhi
