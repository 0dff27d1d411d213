// The tree of organisations, read from the organizations ledger and held in memory: each
// organisation's path from the root ("/370100/370100.sfj/"), which is what organisation scope
// compares. A snapshot is immutable and safe to share between threads; OrgDirectoryCache
// hands out the current one and reloads after a change.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace fazhi {

struct OrgNode {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string kind;
  std::string parent_code;
  std::string region_code;
  std::string path;  // "/root/…/code/"
};

class OrgDirectory {
 public:
  // Reads the organizations table; fails on a cycle or a parent that does not exist.
  static Result<OrgDirectory> load(SqlSession& sql);

  const OrgNode* find(std::string_view code) const;
  // The path of `code`, or empty when unknown.
  std::string path_of(std::string_view code) const;
  // The root organisations (no parent), in code order.
  std::vector<const OrgNode*> roots() const;
  // `code` and every organisation below it.
  std::vector<const OrgNode*> subtree(std::string_view code) const;
  // Direct children of `code`, in code order.
  std::vector<const OrgNode*> children(std::string_view code) const;
  const std::vector<OrgNode>& all() const { return nodes_; }

 private:
  std::vector<OrgNode> nodes_;
  std::unordered_map<std::string, size_t> by_code_;
};

// Whether a record at `record_path` lies within the scope rooted at `scope_path`.
inline bool path_in_scope(std::string_view scope_path, std::string_view record_path) {
  return !scope_path.empty() && record_path.substr(0, scope_path.size()) == scope_path;
}
// The exclusive upper bound of paths under `scope_path` ("/a/" → "/a0"), for range queries.
std::string scope_path_end(std::string_view scope_path);

// The current directory of a store, reloaded when invalidated or older than a few seconds
// (so that several servers sharing a database converge). Thread-safe.
class OrgDirectoryCache {
 public:
  explicit OrgDirectoryCache(Store& store) : store_(store) {}
  Result<std::shared_ptr<const OrgDirectory>> get();
  void invalidate();

 private:
  Store& store_;
  std::mutex mutex_;
  std::shared_ptr<const OrgDirectory> current_;
  std::chrono::steady_clock::time_point loaded_at_;
};

}  // namespace fazhi
