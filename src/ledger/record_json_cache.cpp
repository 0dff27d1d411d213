#include "ledger/record_json_cache.h"

#include "ledger/record_json.h"
#include "store/content_version.h"

namespace fazhi {
namespace {

// Bookkeeping of one kept answer beside its key and text (list node, index slot).
constexpr std::size_t kEntryOverhead = 96;

}  // namespace

RecordJsonCache::RecordJsonCache(LedgerService& ledgers, std::size_t max_bytes)
    : ledgers_(ledgers), max_bytes_(max_bytes) {}

std::string RecordJsonCache::key_of(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id,
                                    const std::optional<Date>& today) {
  // Every part of the user goes in, not only what today's rules look at, so that a rule
  // that reads more of the user later cannot be answered from another user's text.
  std::string key = ledger.name;
  key += '\x1f';
  key += std::to_string(id);
  key += '\x1f';
  key += std::to_string(static_cast<int>(user.role));
  key += user.system ? "s" : "u";
  key += '\x1f';
  key += user.org_code;
  key += '\x1f';
  key += user.login;
  key += '\x1f';
  if (today) key += std::to_string(today->days_since_epoch());
  return key;
}

void RecordJsonCache::start_over_unless(std::int64_t version, const std::shared_ptr<const OrgDirectory>& orgs) {
  if (version == version_ && orgs == orgs_) return;
  index_.clear();
  entries_.clear();
  bytes_ = 0;
  version_ = version;
  orgs_ = orgs;
}

Result<std::string> RecordJsonCache::get(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id,
                                         const std::optional<Date>& today) {
  // The version is read before the record, so the record is at least that new: an answer
  // kept under a version never shows content older than it.
  FAZHI_ASSIGN_OR_RETURN(std::int64_t version, content_version(ledgers_.store()));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, ledgers_.orgs());
  std::string key = key_of(user, ledger, id, today);
  {
    std::lock_guard lock(mutex_);
    // A caller that read an older version than another one already did only reads through.
    if (version >= version_) {
      start_over_unless(version, orgs);
      if (auto it = index_.find(key); it != index_.end()) {
        entries_.splice(entries_.begin(), entries_, it->second);
        return it->second->json;
      }
    }
  }
  FAZHI_ASSIGN_OR_RETURN(LedgerRecord record, ledgers_.get(user, ledger, id));
  std::string json;
  json.reserve(4096);
  append_record_json(json, ledgers_, user, ledger, record, *orgs, today);
  std::lock_guard lock(mutex_);
  // Kept only while the cache still stands where this answer was built.
  if (version == version_ && orgs == orgs_) keep(std::move(key), json);
  return json;
}

void RecordJsonCache::keep(std::string key, const std::string& json) {
  std::size_t size = key.size() + json.size() + kEntryOverhead;
  if (size > max_bytes_ || index_.count(key)) return;
  while (bytes_ + size > max_bytes_ && !entries_.empty()) {
    const Entry& last = entries_.back();
    bytes_ -= last.key.size() + last.json.size() + kEntryOverhead;
    index_.erase(last.key);
    entries_.pop_back();
  }
  entries_.push_front(Entry{std::move(key), json});
  index_.emplace(entries_.front().key, entries_.begin());
  bytes_ += size;
}

std::size_t RecordJsonCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::size_t RecordJsonCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace fazhi
