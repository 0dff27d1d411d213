// fazhi audit verify --db DB
#include <iostream>

#include "cli/command_registry.h"
#include "cli/open_database.h"
#include "ledger/audit_verification.h"

namespace fazhi::cli {
namespace {

int run_verify(const std::string& db) {
  auto store = open_database(db);
  if (!store) return report_error(store.error());
  auto v = verify_audit(**store);
  if (!v) return report_error(v.error());
  if (v->intact) {
    std::cout << "审计日志完整：" << v->entries << " 条记录，核对 " << v->rows << " 行台账数据\n"
              << "链头哈希（SM3）：" << v->head_hash << "\n";
    return 0;
  }
  std::cerr << "审计日志校验失败（共发现 " << v->problems.size() << " 处问题）：\n";
  for (const auto& p : v->problems) std::cerr << "  " << p << "\n";
  return 1;
}

const CommandRegistration kAudit("audit", [](CLI::App& app, CommandStatus& status) {
  auto* cmd = app.add_subcommand("audit", "审计日志 / audit log");
  cmd->require_subcommand(1);
  auto* verify = cmd->add_subcommand("verify", "校验审计链与台账数据 / verify the chain and the ledgers");
  auto db = std::make_shared<std::string>();
  verify->add_option("--db", *db, "数据库")->required();
  verify->callback([=, &status] { status.exit_code = run_verify(*db); });
});

}  // namespace
}  // namespace fazhi::cli
