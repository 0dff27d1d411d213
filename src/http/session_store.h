// Browser sessions: a random 256-bit token in an HttpOnly cookie, stored only as its SM3
// digest (a copied sessions table opens no session), with a CSRF token that every changing
// request must echo in X-CSRF-Token. Sessions live 8 hours from login. Lookups are cached
// for a few seconds per server; logout removes the row, so other servers sharing the
// database stop honouring it within that time. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "ledger/user_accounts.h"
#include "store/store.h"

namespace fazhi::http {

constexpr const char* kSessionCookie = "fazhi_session";
constexpr int kSessionHours = 8;

struct Session {
  UserAccount user;
  std::string csrf_token;
  std::string expires_at;  // UTC timestamp
};

class SessionStore {
 public:
  explicit SessionStore(Store& store) : store_(store) {}

  // Opens a session for `user`; returns the cookie token and the session.
  Result<std::pair<std::string, Session>> open(const UserAccount& user);
  // The live session of `token`, or nullopt when unknown or expired.
  Result<std::optional<Session>> find(const std::string& token);
  // Ends the session of `token` (audited as a logout).
  Result<void> close(const std::string& token);

 private:
  struct Cached {
    std::optional<Session> session;
    std::chrono::steady_clock::time_point at;
  };
  Store& store_;
  std::mutex mutex_;
  std::unordered_map<std::string, Cached> cache_;  // by token digest
};

// A random token of `bytes` bytes, base64url without padding.
std::string random_token(size_t bytes = 32);

}  // namespace fazhi::http
