#include "ledger/org_directory.h"

#include <algorithm>

namespace fazhi {

std::string scope_path_end(std::string_view scope_path) {
  std::string end(scope_path);
  if (!end.empty()) end.back() = static_cast<char>(end.back() + 1);
  return end;
}

Result<OrgDirectory> OrgDirectory::load(SqlSession& sql) {
  OrgDirectory d;
  FAZHI_ASSIGN_OR_RETURN(
      auto r, sql.query("SELECT id, code, name, kind, parent_code, region_code FROM organizations ORDER BY code"));
  d.nodes_.reserve(r.rows.size());
  for (auto& row : r.rows) {
    OrgNode n;
    n.id = sql_int(row[0]).value_or(0);
    n.code = sql_text(row[1]);
    n.name = sql_text(row[2]);
    n.kind = sql_text(row[3]);
    n.parent_code = sql_text(row[4]);
    n.region_code = sql_text(row[5]);
    d.by_code_[n.code] = d.nodes_.size();
    d.nodes_.push_back(std::move(n));
  }
  for (auto& n : d.nodes_) {
    std::vector<std::string> chain;
    const OrgNode* cur = &n;
    while (cur) {
      chain.push_back(cur->code);
      if (chain.size() > 64) return internal_error("单位 " + n.code, "上级单位关系形成循环");
      if (cur->parent_code.empty()) break;
      auto it = d.by_code_.find(cur->parent_code);
      if (it == d.by_code_.end())
        return internal_error("单位 " + cur->code, "上级单位 " + cur->parent_code + " 不存在");
      cur = &d.nodes_[it->second];
    }
    std::string path = "/";
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) path += *it + "/";
    n.path = std::move(path);
  }
  return d;
}

const OrgNode* OrgDirectory::find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &nodes_[it->second];
}

std::string OrgDirectory::path_of(std::string_view code) const {
  const OrgNode* n = find(code);
  return n ? n->path : std::string();
}

std::vector<const OrgNode*> OrgDirectory::roots() const {
  std::vector<const OrgNode*> out;
  for (const auto& n : nodes_)
    if (n.parent_code.empty()) out.push_back(&n);
  return out;
}

std::vector<const OrgNode*> OrgDirectory::subtree(std::string_view code) const {
  std::vector<const OrgNode*> out;
  std::string p = path_of(code);
  if (p.empty()) return out;
  for (const auto& n : nodes_)
    if (path_in_scope(p, n.path)) out.push_back(&n);
  return out;
}

std::vector<const OrgNode*> OrgDirectory::children(std::string_view code) const {
  std::vector<const OrgNode*> out;
  for (const auto& n : nodes_)
    if (n.parent_code == code) out.push_back(&n);
  return out;
}

Result<std::shared_ptr<const OrgDirectory>> OrgDirectoryCache::get() {
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (current_ && now - loaded_at_ < std::chrono::seconds(5)) return current_;
  std::shared_ptr<const OrgDirectory> fresh;
  FAZHI_TRY(store_.read([&](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto d, OrgDirectory::load(s));
    fresh = std::make_shared<const OrgDirectory>(std::move(d));
    return ok();
  }));
  current_ = fresh;
  loaded_at_ = now;
  return current_;
}

void OrgDirectoryCache::invalidate() {
  std::lock_guard lock(mutex_);
  current_.reset();
}

}  // namespace fazhi
