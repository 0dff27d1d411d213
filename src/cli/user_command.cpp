// fazhi user add --db DB --login NAME --role ROLE --org CODE [--name 姓名]   (password on stdin)
#include <iostream>

#include "cli/command_registry.h"
#include "cli/open_database.h"
#include "ledger/user_accounts.h"

namespace fazhi::cli {
namespace {

int run_user_add(const std::string& db, const std::string& login, const std::string& role_text, const std::string& org,
                 const std::string& name) {
  auto role = parse_role(role_text);
  if (!role)
    return report_error(invalid_input("--role " + role_text, "", "应为 admin、coordinator、clerk、leader 或 reader"));
  std::string password;
  if (!std::getline(std::cin, password) || password.empty())
    return report_error(invalid_input("密码", "标准输入", "请从标准输入提供密码（一行）"));
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto store = open_database(db);
  if (!store) return report_error(store.error());
  auto user = create_user(**store, UserContext::system_context(), login, name, *role, org, password);
  if (!user) return report_error(user.error());
  std::cout << "已创建用户 " << user->login << "（" << role_label(user->role) << "，" << user->org_code << "）\n";
  return 0;
}

const CommandRegistration kUser("user", [](CLI::App& app, CommandStatus& status) {
  auto* cmd = app.add_subcommand("user", "用户账号 / user accounts");
  cmd->require_subcommand(1);
  auto* add = cmd->add_subcommand("add", "新建用户，密码从标准输入读取 / add a user, password on stdin");
  auto db = std::make_shared<std::string>();
  auto login = std::make_shared<std::string>();
  auto role = std::make_shared<std::string>();
  auto org = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  add->add_option("--db", *db, "数据库")->required();
  add->add_option("--login", *login, "用户名")->required();
  add->add_option("--role", *role, "角色：admin coordinator clerk leader reader")->required();
  add->add_option("--org", *org, "所属单位编码")->required();
  add->add_option("--name", *name, "姓名");
  add->callback([=, &status] { status.exit_code = run_user_add(*db, *login, *role, *org, *name); });
});

}  // namespace
}  // namespace fazhi::cli
