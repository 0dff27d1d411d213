// fazhi backup --db DB --out FILE
#include <iostream>

#include "cli/command_registry.h"
#include "cli/open_database.h"

namespace fazhi::cli {
namespace {

int run_backup(const std::string& db, const std::string& out) {
  auto store = open_database(db);
  if (!store) return report_error(store.error());
  auto r = (*store)->backup(out);
  if (!r) return report_error(r.error());
  std::cout << "已备份到 " << out << ((*store)->is_postgres() ? "（pg_dump SQL 文件）" : "（SQLite 数据库文件）")
            << "\n";
  return 0;
}

const CommandRegistration kBackup("backup", [](CLI::App& app, CommandStatus& status) {
  auto* cmd = app.add_subcommand("backup", "在线备份数据库 / consistent copy of a live database");
  auto db = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "数据库")->required();
  cmd->add_option("--out", *out, "备份文件")->required();
  cmd->callback([=, &status] { status.exit_code = run_backup(*db, *out); });
});

}  // namespace
}  // namespace fazhi::cli
