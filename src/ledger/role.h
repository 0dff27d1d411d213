// The roles a user can hold (VISION.md "Who uses it"). A role says what kind of work a user
// may do; the organisation scope (scope.h) says on which records.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

enum class Role {
  kAdmin,        // 系统管理员: users, organisations, audit log, everything in scope
  kCoordinator,  // 法治工作协调员 (依法治市办/司法局): reads and writes every ledger in scope
  kClerk,        // 业务经办人 (a department's staff): writes the ledgers open to clerks, in scope
  kLeader,       // 领导: dashboards and read access for the scope
  kReader,       // 查阅人员: read access only
};

const std::vector<Role>& all_roles();
// "admin", "coordinator", "clerk", "leader", "reader".
std::string_view role_name(Role role);
// 系统管理员, 协调员, 经办人, 领导, 查阅人员.
std::string_view role_label(Role role);
// The role named `name` (code name or Chinese label), if any.
std::optional<Role> parse_role(std::string_view name);

}  // namespace fazhi
