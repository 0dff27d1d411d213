#include "ledger/audit_verification.h"

#include <fmt/format.h>

#include <map>
#include <unordered_map>

#include "core/sm3.h"
#include "core/sm3_lanes.h"
#include "ledger/attachment_store.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_table.h"
#include "ledger/user_accounts.h"

namespace fazhi {

class ImportDigest::Impl {
 public:
  Sm3 sm3;
};

void ImportDigest::add_row(const std::string& canonical_json) {
  if (!impl_) impl_ = std::make_shared<Impl>();
  Sm3Digest d = sm3(canonical_json);
  impl_->sm3.update(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

void ImportDigest::add_rows(std::span<const std::string_view> canonical_jsons) {
  if (!impl_) impl_ = std::make_shared<Impl>();
  std::vector<Sm3Digest> digests(canonical_jsons.size());
  sm3_each(canonical_jsons, digests);
  impl_->sm3.update(
      std::string_view(reinterpret_cast<const char*>(digests.data()), digests.size() * sizeof(Sm3Digest)));
}

std::string ImportDigest::hex() {
  if (!impl_) impl_ = std::make_shared<Impl>();
  return to_hex(impl_->sm3.finish());
}

namespace {

struct Expected {
  Sm3Digest digest{};
  std::int64_t import_seq = 0;  // non-zero: written by this import, digest not yet known
};

struct ImportCheck {
  std::int64_t seq = 0;
  std::string ledger;
  std::int64_t first_id = 0;
  std::string digest;
  std::vector<Sm3Digest> rows;
  std::vector<bool> known;
};

std::string entry_name(std::int64_t seq, const std::string& at, const std::string& actor) {
  return fmt::format("第 {} 条审计记录（{}，{}）", seq, at, actor);
}

}  // namespace

Result<AuditVerification> verify_audit(Store& store) {
  AuditVerification out;
  auto problem = [&](std::string text) {
    out.intact = false;
    if (out.problems.size() < 200) out.problems.push_back(std::move(text));
  };
  std::unordered_map<std::string, Expected> expected;
  std::map<std::int64_t, ImportCheck> imports;
  auto key = [](const std::string& ledger, const std::string& id) { return ledger + "#" + id; };

  FAZHI_TRY(store.read([&](SqlSession& s) -> Result<void> {
    std::int64_t last_seq = 0;
    std::string last_hash = audit_genesis_hash();
    for (;;) {
      std::vector<SqlValue> p = {last_seq};
      FAZHI_ASSIGN_OR_RETURN(
          auto page, s.query("SELECT seq, at, actor, actor_org, action, ledger, record_id, before_json, after_json, "
                             "detail_json, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 5000",
                             p));
      if (page.rows.empty()) break;
      for (auto& row : page.rows) {
        AuditEntry e;
        e.seq = sql_int(row[0]).value_or(0);
        e.at = sql_text(row[1]);
        e.actor = sql_text(row[2]);
        e.actor_org = sql_text(row[3]);
        e.action = sql_text(row[4]);
        e.ledger = sql_text(row[5]);
        e.record_id = sql_text(row[6]);
        if (!is_null(row[7])) e.before = sql_text(row[7]);
        if (!is_null(row[8])) e.after = sql_text(row[8]);
        if (!is_null(row[9])) e.detail = sql_text(row[9]);
        e.prev_hash = sql_text(row[10]);
        e.hash = sql_text(row[11]);
        std::string name = entry_name(e.seq, e.at, e.actor);
        if (e.seq != last_seq + 1)
          problem(fmt::format("第 {} 条之后缺少审计记录，下一条是第 {} 条（记录被删除或顺序被改变）", last_seq, e.seq));
        if (e.prev_hash != last_hash) problem(name + " 的前一哈希与上一条记录不符（记录被删除、插入或重排）");
        if (audit_entry_hash(e) != e.hash) problem(name + " 的内容与其哈希不符（记录被修改）");
        last_seq = e.seq;
        last_hash = e.hash;
        ++out.entries;

        // Replay what the entry says about rows.
        std::string k = key(e.ledger, e.record_id);
        if (e.action == "import" && e.detail) {
          auto d = nlohmann::json::parse(*e.detail, nullptr, false);
          if (d.is_discarded() || !d.contains("first_id")) {
            problem(name + " 的导入摘要无法读取");
            continue;
          }
          ImportCheck ic;
          ic.seq = e.seq;
          ic.ledger = e.ledger;
          ic.first_id = d.value("first_id", std::int64_t{0});
          std::int64_t last_id = d.value("last_id", std::int64_t{-1});
          ic.digest = d.value("rows_digest", std::string());
          if (last_id >= ic.first_id) {
            ic.rows.resize(static_cast<size_t>(last_id - ic.first_id + 1));
            ic.known.assign(ic.rows.size(), false);
            for (std::int64_t id = ic.first_id; id <= last_id; ++id)
              expected[key(e.ledger, std::to_string(id))] = Expected{{}, e.seq};
          }
          imports.emplace(e.seq, std::move(ic));
          continue;
        }
        if (e.before) {
          auto it = expected.find(k);
          Sm3Digest b = sm3(*e.before);
          if (it == expected.end()) {
            problem(name + " 修改的记录 " + e.ledger + " 编号 " + e.record_id + " 此前没有审计记录");
          } else if (it->second.import_seq) {
            auto& ic = imports[it->second.import_seq];
            size_t idx = static_cast<size_t>(std::stoll(e.record_id) - ic.first_id);
            if (idx < ic.rows.size() && !ic.known[idx]) {
              ic.rows[idx] = b;
              ic.known[idx] = true;
            }
          } else if (it->second.digest != b) {
            problem(name + " 记录的修改前内容与上一次审计的结果不符：" + e.ledger + " 编号 " + e.record_id +
                    " 曾在审计之外被修改");
          }
        }
        if (e.after)
          expected[k] = Expected{sm3(*e.after), 0};
        else if (e.before && e.action == "delete")
          expected.erase(k);
      }
    }
    out.head_hash = last_hash;
    FAZHI_ASSIGN_OR_RETURN(auto head, s.query("SELECT seq, hash FROM audit_head WHERE id = 1"));
    if (head.rows.empty() || sql_int(head.rows[0][0]).value_or(-1) != last_seq ||
        sql_text(head.rows[0][1]) != last_hash)
      problem(fmt::format("审计链头（第 {} 条）与日志最后一条（第 {} 条）不符：日志末尾的记录被删除",
                          head.rows.empty() ? 0 : sql_int(head.rows[0][0]).value_or(0), last_seq));

    // Every row now must be what the log says.
    auto check_row = [&](const std::string& ledger, const std::string& label, std::int64_t id,
                         const std::string& canonical) {
      ++out.rows;
      std::string k = key(ledger, std::to_string(id));
      auto it = expected.find(k);
      Sm3Digest now = sm3(canonical);
      if (it == expected.end()) {
        problem(fmt::format("{}编号 {} 的记录没有审计记录（在审计之外被新增）", label, id));
        return;
      }
      if (it->second.import_seq) {
        auto& ic = imports[it->second.import_seq];
        size_t idx = static_cast<size_t>(id - ic.first_id);
        if (idx < ic.rows.size() && !ic.known[idx]) {
          ic.rows[idx] = now;
          ic.known[idx] = true;
        }
      } else if (it->second.digest != now) {
        problem(fmt::format("{}编号 {} 的记录与审计日志不符（在审计之外被修改）", label, id));
      }
      expected.erase(it);
    };
    for (const LedgerDeclaration* ledger : all_ledgers()) {
      std::int64_t after = 0;
      for (;;) {
        std::vector<SqlValue> p = {after};
        FAZHI_ASSIGN_OR_RETURN(auto rows,
                               s.query(fmt::format("SELECT {} FROM {} WHERE id > ? ORDER BY id LIMIT 5000",
                                                   ledger_column_list(*ledger), quote_identifier(ledger->name)),
                                       p));
        if (rows.rows.empty()) break;
        for (auto& row : rows.rows) {
          LedgerRecord r = record_from_row(*ledger, row);
          after = r.id;
          check_row(ledger->name, ledger->label, r.id, canonical_row_json(*ledger, r));
        }
      }
    }
    FAZHI_TRY(for_each_attachment(
        s, [&](const AttachmentInfo& a) { check_row("attachments", "附件", a.id, canonical_attachment_json(a)); }));
    FAZHI_ASSIGN_OR_RETURN(auto users, s.query(fmt::format("SELECT {} FROM users ORDER BY id", user_columns())));
    for (auto& row : users.rows) {
      UserAccount u = user_from_row(row);
      check_row("users", "用户账号", u.id, canonical_user_json(u));
    }
    return ok();
  }));

  for (auto& [k, e] : expected) {
    if (e.import_seq) {
      // An imported row that is gone: its digest can no longer be recomputed.
      auto& ic = imports[e.import_seq];
      problem(fmt::format("第 {} 条审计记录导入的 {} 记录 {} 已不存在（在审计之外被删除）", ic.seq, ic.ledger,
                          k.substr(k.find('#') + 1)));
      ic.digest.clear();
      continue;
    }
    auto hash = k.find('#');
    problem(fmt::format("{} 编号 {} 的记录在审计日志中存在，但已从表中消失（在审计之外被删除）", k.substr(0, hash),
                        k.substr(hash + 1)));
  }
  for (auto& [seq, ic] : imports) {
    if (ic.digest.empty()) continue;
    Sm3 h;
    for (const auto& d : ic.rows) h.update(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
    if (to_hex(h.finish()) != ic.digest)
      problem(
          fmt::format("第 {} 条审计记录（导入 {}）的行摘要与导入时不符：导入的记录在审计之外被修改", seq, ic.ledger));
  }
  return out;
}

}  // namespace fazhi
