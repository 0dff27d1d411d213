#include "ledger/role.h"

namespace fazhi {

const std::vector<Role>& all_roles() {
  static const std::vector<Role> kRoles = {Role::kAdmin, Role::kCoordinator, Role::kClerk, Role::kLeader,
                                           Role::kReader};
  return kRoles;
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kCoordinator:
      return "coordinator";
    case Role::kClerk:
      return "clerk";
    case Role::kLeader:
      return "leader";
    case Role::kReader:
      return "reader";
  }
  return "reader";
}

std::string_view role_label(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "系统管理员";
    case Role::kCoordinator:
      return "协调员";
    case Role::kClerk:
      return "经办人";
    case Role::kLeader:
      return "领导";
    case Role::kReader:
      return "查阅人员";
  }
  return "查阅人员";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : all_roles())
    if (role_name(r) == name || role_label(r) == name) return r;
  return std::nullopt;
}

}  // namespace fazhi
