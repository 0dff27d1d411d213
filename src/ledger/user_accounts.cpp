#include "ledger/user_accounts.h"

#include <fmt/format.h>
#include <sodium.h>

#include <chrono>

#include "core/clock.h"
#include "core/sm3.h"

namespace fazhi {
namespace {

bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

std::string lock_expiry() {
  return utc_timestamp(clock().now() + std::chrono::minutes(kLockoutMinutes));
}

}  // namespace

Result<void> check_password_strength(const std::string& password) {
  bool letter = false, digit = false;
  for (unsigned char c : password) {
    if (std::isalpha(c)) letter = true;
    if (std::isdigit(c)) digit = true;
  }
  if (password.size() < 8 || !letter || !digit) return invalid_input("密码", "", "至少 8 位，且须同时包含字母和数字");
  return ok();
}

Result<std::string> hash_password(const std::string& password) {
  if (!sodium_ready()) return internal_error("密码", "libsodium 初始化失败");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return internal_error("密码", "计算密码摘要时内存不足");
  return std::string(out);
}

bool password_matches(const std::string& hash, const std::string& password) {
  if (!sodium_ready() || hash.empty()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size()) == 0;
}

const char* user_columns() {
  return "id, login, name, role, org_code, password_hash, failed_logins, locked_until, active, created_at";
}

UserAccount user_from_row(const std::vector<SqlValue>& row) {
  UserAccount u;
  u.id = sql_int(row[0]).value_or(0);
  u.login = sql_text(row[1]);
  u.name = sql_text(row[2]);
  u.role = parse_role(sql_text(row[3])).value_or(Role::kReader);
  u.org_code = sql_text(row[4]);
  u.password_hash = sql_text(row[5]);
  u.failed_logins = sql_int(row[6]).value_or(0);
  u.locked_until = sql_text(row[7]);
  u.active = sql_int(row[8]).value_or(0) != 0;
  u.created_at = sql_text(row[9]);
  return u;
}

std::string canonical_user_json(const UserAccount& u) {
  nlohmann::json j = {
      {"id", u.id},
      {"login", u.login},
      {"name", u.name},
      {"role", role_name(u.role)},
      {"org_code", u.org_code},
      {"password_digest", sm3_hex(u.password_hash)},
      {"failed_logins", u.failed_logins},
      {"locked_until", u.locked_until.empty() ? nlohmann::json(nullptr) : nlohmann::json(u.locked_until)},
      {"active", u.active ? 1 : 0},
      {"created_at", u.created_at}};
  return j.dump();
}

Result<std::optional<UserAccount>> find_user(SqlSession& sql, const std::string& login) {
  std::vector<SqlValue> p = {login};
  FAZHI_ASSIGN_OR_RETURN(auto r, sql.query(fmt::format("SELECT {} FROM users WHERE login = ?", user_columns()), p));
  if (r.rows.empty()) return std::optional<UserAccount>();
  return std::optional<UserAccount>(user_from_row(r.rows[0]));
}

Result<std::optional<UserAccount>> find_user_by_id(SqlSession& sql, std::int64_t id) {
  std::vector<SqlValue> p = {id};
  FAZHI_ASSIGN_OR_RETURN(auto r, sql.query(fmt::format("SELECT {} FROM users WHERE id = ?", user_columns()), p));
  if (r.rows.empty()) return std::optional<UserAccount>();
  return std::optional<UserAccount>(user_from_row(r.rows[0]));
}

Result<UserAccount> create_user(Store& store, const UserContext& actor, const std::string& login,
                                const std::string& name, Role role, const std::string& org_code,
                                const std::string& password) {
  if (!actor.system && actor.role != Role::kAdmin) return forbidden("用户账号", "只有系统管理员可以创建用户");
  if (login.empty() || login.size() > 40) return invalid_input("用户名", "", "应为 1–40 个字符");
  for (unsigned char c : login)
    if (!std::isalnum(c) && c != '.' && c != '_' && c != '-')
      return invalid_input("用户名「" + login + "」", "", "只能包含字母、数字、点、下划线或短横线");
  FAZHI_TRY(check_password_strength(password));
  FAZHI_ASSIGN_OR_RETURN(std::string hash, hash_password(password));
  UserAccount u;
  FAZHI_TRY(store.write(actor.actor(), [&](WriteTransaction& tx) -> Result<void> {
    std::vector<SqlValue> p = {org_code};
    FAZHI_ASSIGN_OR_RETURN(auto org, tx.sql().query("SELECT code FROM organizations WHERE code = ?", p));
    if (org.rows.empty()) return invalid_input("单位「" + org_code + "」", "", "不存在（先在单位台账中建立）");
    FAZHI_ASSIGN_OR_RETURN(auto existing, find_user(tx.sql(), login));
    if (existing) return conflict("用户名「" + login + "」", "已被使用");
    FAZHI_ASSIGN_OR_RETURN(auto max, tx.sql().query("SELECT MAX(id) FROM users"));
    u.id = sql_int(max.rows[0][0]).value_or(0) + 1;
    u.login = login;
    u.name = name.empty() ? login : name;
    u.role = role;
    u.org_code = org_code;
    u.password_hash = hash;
    u.created_at = utc_timestamp();
    std::vector<SqlValue> row = {u.id,
                                 u.login,
                                 u.name,
                                 std::string(role_name(role)),
                                 u.org_code,
                                 u.password_hash,
                                 std::int64_t{0},
                                 nullptr,
                                 std::int64_t{1},
                                 u.created_at};
    FAZHI_TRY(tx.sql().execute(
        fmt::format("INSERT INTO users ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", user_columns()), row));
    AuditEntry e;
    e.action = "create";
    e.ledger = "users";
    e.record_id = std::to_string(u.id);
    e.after = canonical_user_json(u);
    FAZHI_TRY(tx.audit(std::move(e)));
    return ok();
  }));
  return u;
}

Result<UserAccount> authenticate(Store& store, const std::string& login, const std::string& password,
                                 const std::string& client) {
  const Error refused{ErrorCode::kUnauthenticated, "登录", "", "用户名或密码不正确", {}, {}};
  std::optional<UserAccount> found;
  FAZHI_TRY(store.read([&](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(found, find_user(s, login));
    return ok();
  }));
  if (!found || !found->active) {
    // Verify against a real hash anyway, so that a missing login takes as long as a wrong
    // password and login names cannot be probed by timing.
    static const std::string kDummyHash = hash_password("fazhi-no-such-user-0").value_or(std::string());
    password_matches(kDummyHash, password);
    return refused;
  }
  std::string now = utc_timestamp();
  if (!found->locked_until.empty() && found->locked_until > now)
    return Error{ErrorCode::kUnauthenticated,
                 "登录",
                 "",
                 fmt::format("连续 {} 次密码错误，账号已锁定至 {}（UTC），请稍后再试或联系管理员", kMaxFailedLogins,
                             found->locked_until.substr(0, 19)),
                 {},
                 {}};
  bool good = password_matches(found->password_hash, password);
  UserAccount before = *found;
  UserAccount after = before;
  if (good) {
    after.failed_logins = 0;
    after.locked_until.clear();
  } else {
    after.failed_logins = before.failed_logins + 1;
    if (after.failed_logins >= kMaxFailedLogins) after.locked_until = lock_expiry();
  }
  Actor actor{login, found->org_code};
  FAZHI_TRY(store.write(actor, [&](WriteTransaction& tx) -> Result<void> {
    nlohmann::json detail = {{"client", client}};
    AuditEntry e;
    e.action = good ? "login" : "login_failed";
    e.ledger = "users";
    e.record_id = std::to_string(before.id);
    if (after.failed_logins != before.failed_logins || after.locked_until != before.locked_until) {
      std::vector<SqlValue> p = {
          after.failed_logins, after.locked_until.empty() ? SqlValue(nullptr) : SqlValue(after.locked_until), after.id};
      FAZHI_TRY(tx.sql().execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?", p));
      e.before = canonical_user_json(before);
      e.after = canonical_user_json(after);
    }
    e.detail = detail.dump();
    FAZHI_TRY(tx.audit(std::move(e)));
    return ok();
  }));
  if (!good) {
    if (after.failed_logins >= kMaxFailedLogins)
      return Error{ErrorCode::kUnauthenticated,
                   "登录",
                   "",
                   fmt::format("连续 {} 次密码错误，账号已锁定 {} 分钟", kMaxFailedLogins, kLockoutMinutes),
                   {},
                   {}};
    return refused;
  }
  return after;
}

}  // namespace fazhi
