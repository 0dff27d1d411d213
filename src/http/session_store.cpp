#include "http/session_store.h"

#include <fmt/format.h>
#include <sodium.h>

#include "core/clock.h"
#include "core/sm3.h"

namespace fazhi::http {

std::string random_token(size_t bytes) {
  if (sodium_init() < 0) return {};
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Result<std::pair<std::string, Session>> SessionStore::open(const UserAccount& user) {
  std::string token = random_token();
  if (token.empty()) return internal_error("会话", "随机数生成失败");
  Session s{user, random_token(), utc_timestamp(clock().now() + std::chrono::hours(kSessionHours))};
  std::string digest = sm3_hex(token);
  FAZHI_TRY(store_.write(Actor{user.login, user.org_code}, [&](WriteTransaction& tx) -> Result<void> {
    std::vector<SqlValue> p = {digest, user.id, s.csrf_token, utc_timestamp(), s.expires_at};
    FAZHI_TRY(tx.sql().execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)", p));
    // Expired sessions of this user are cleared as they log in again.
    std::vector<SqlValue> q = {user.id, utc_timestamp()};
    FAZHI_TRY(tx.sql().execute("DELETE FROM sessions WHERE user_id = ? AND expires_at < ?", q));
    return ok();
  }));
  return std::make_pair(token, s);
}

Result<std::optional<Session>> SessionStore::find(const std::string& token) {
  if (token.empty() || token.size() > 100) return std::optional<Session>();
  std::string digest = sm3_hex(token);
  auto now = std::chrono::steady_clock::now();
  std::string now_utc = utc_timestamp();
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(digest);
    if (it != cache_.end() && now - it->second.at < std::chrono::seconds(5)) {
      if (it->second.session && it->second.session->expires_at < now_utc) return std::optional<Session>();
      return it->second.session;
    }
  }
  std::optional<Session> found;
  FAZHI_TRY(store_.read([&](SqlSession& sql) -> Result<void> {
    std::vector<SqlValue> p = {digest};
    FAZHI_ASSIGN_OR_RETURN(auto r,
                           sql.query("SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ?", p));
    if (r.rows.empty() || sql_text(r.rows[0][2]) < now_utc) return ok();
    FAZHI_ASSIGN_OR_RETURN(auto user, find_user_by_id(sql, sql_int(r.rows[0][0]).value_or(0)));
    if (!user || !user->active) return ok();
    found = Session{*user, sql_text(r.rows[0][1]), sql_text(r.rows[0][2])};
    return ok();
  }));
  std::lock_guard lock(mutex_);
  if (cache_.size() > 10000) cache_.clear();
  cache_[digest] = Cached{found, now};
  return found;
}

Result<void> SessionStore::close(const std::string& token) {
  std::string digest = sm3_hex(token);
  FAZHI_ASSIGN_OR_RETURN(auto s, find(token));
  {
    std::lock_guard lock(mutex_);
    cache_.erase(digest);
  }
  if (!s) return ok();
  return store_.write(Actor{s->user.login, s->user.org_code}, [&](WriteTransaction& tx) -> Result<void> {
    std::vector<SqlValue> p = {digest};
    FAZHI_TRY(tx.sql().execute("DELETE FROM sessions WHERE token_hash = ?", p));
    AuditEntry e;
    e.action = "logout";
    e.ledger = "users";
    e.record_id = std::to_string(s->user.id);
    FAZHI_TRY(tx.audit(std::move(e)));
    return ok();
  });
}

}  // namespace fazhi::http
