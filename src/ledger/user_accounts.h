// User accounts: login, name, role, organisation, and an Argon2id password hash (libsodium).
// Logins lock for 15 minutes after 5 failures in a row. Every change to an account, failed
// logins included, goes through the audited write path; the audit records a digest of the
// password hash, never the hash or the password.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/role.h"
#include "ledger/user_context.h"
#include "store/store.h"

namespace fazhi {

struct UserAccount {
  std::int64_t id = 0;
  std::string login;
  std::string name;
  Role role = Role::kReader;
  std::string org_code;
  std::string password_hash;
  std::int64_t failed_logins = 0;
  std::string locked_until;  // UTC timestamp, empty when not locked
  bool active = true;
  std::string created_at;

  UserContext context() const { return UserContext{login, role, org_code, false}; }
};

constexpr int kMaxFailedLogins = 5;
constexpr int kLockoutMinutes = 15;

// Argon2id hash of `password` in libsodium's string form ($argon2id$v=19$…).
Result<std::string> hash_password(const std::string& password);
bool password_matches(const std::string& hash, const std::string& password);

// The canonical JSON of an account row, as audited and verified.
std::string canonical_user_json(const UserAccount& user);
// All columns of the users table, in the order user_from_row() expects.
const char* user_columns();
UserAccount user_from_row(const std::vector<SqlValue>& row);

// Creates an account; the password must have at least 8 characters and both letters and
// digits. Fails with kConflict when the login exists, kInvalidInput for a bad role or
// organisation (which must exist).
Result<UserAccount> create_user(Store& store, const UserContext& actor, const std::string& login,
                                const std::string& name, Role role, const std::string& org_code,
                                const std::string& password);

// Checks a login attempt and records it (failures count towards the lockout; success resets
// them). Fails with kUnauthenticated naming no detail about which part was wrong.
Result<UserAccount> authenticate(Store& store, const std::string& login, const std::string& password,
                                 const std::string& client);

Result<std::optional<UserAccount>> find_user(SqlSession& sql, const std::string& login);
Result<std::optional<UserAccount>> find_user_by_id(SqlSession& sql, std::int64_t id);

// Checks that a password is acceptable; the reason says what is missing.
Result<void> check_password_strength(const std::string& password);

}  // namespace fazhi
