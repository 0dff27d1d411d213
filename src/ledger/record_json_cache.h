// The JSON of single records as users see them (append_record_json), kept in memory while
// the database's content version (store/content_version.h) and the organisation directory
// stay what they were when it was built. A kept answer is byte for byte what building it
// afresh would give: any audited write, by this process or another one sharing the
// database, makes every kept answer a miss. Bounded in bytes (least recently used go
// first); thread-safe. The API's GET of one record reads through it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/date.h"
#include "core/result.h"
#include "ledger/ledger_service.h"

namespace fazhi {

class RecordJsonCache {
 public:
  // Reads through `ledgers` (which must outlive the cache); keeps at most `max_bytes` of
  // answers and their keys.
  explicit RecordJsonCache(LedgerService& ledgers, std::size_t max_bytes = 32u << 20);

  // The JSON of record `id` of `ledger` as `user` sees it, with deadlines as of `today`:
  // what append_record_json writes for LedgerService::get's record. Fails as
  // LedgerService::get does (a record out of the user's scope is not found); failures are
  // not kept.
  Result<std::string> get(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id,
                          const std::optional<Date>& today);

  // Answers kept now and the bytes they take (for tests and metrics).
  std::size_t size() const;
  std::size_t bytes() const;

 private:
  struct Entry {
    std::string key;
    std::string json;
  };
  // The key of an answer: everything besides the database it depends on.
  static std::string key_of(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id,
                            const std::optional<Date>& today);
  // Forgets every answer when the version or the directory is not the one they were built
  // with, and takes those as current. Call with mutex_ held.
  void start_over_unless(std::int64_t version, const std::shared_ptr<const OrgDirectory>& orgs);
  void keep(std::string key, const std::string& json);

  LedgerService& ledgers_;
  std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::int64_t version_ = -1;
  std::shared_ptr<const OrgDirectory> orgs_;                                // held, so that its address names it
  std::list<Entry> entries_;                                                // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // views of Entry::key
  std::size_t bytes_ = 0;
};

}  // namespace fazhi
