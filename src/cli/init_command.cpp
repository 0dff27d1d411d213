// fazhi init --db DB [--demo] [--seed N] [--scale small|city|large]
#include <iostream>

#include "cli/command_registry.h"
#include "cli/open_database.h"
#include "ledger/demo/demo_city.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_service.h"

namespace fazhi::cli {
namespace {

Result<bool> database_is_empty(Store& store) {
  bool empty = true;
  FAZHI_TRY(store.read([&](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto r, s.query("SELECT COUNT(*) FROM audit_log"));
    empty = sql_int(r.rows[0][0]).value_or(0) == 0;
    return ok();
  }));
  return empty;
}

int run_init(const std::string& db, bool demo, std::uint64_t seed, const std::string& scale_text) {
  DemoOptions options;
  options.seed = seed;
  if (scale_text == "small")
    options.scale = DemoScale::kSmall;
  else if (scale_text == "city")
    options.scale = DemoScale::kCity;
  else if (scale_text == "large")
    options.scale = DemoScale::kLarge;
  else
    return report_error(invalid_input("--scale " + scale_text, "", "应为 small、city 或 large"));
  auto store = open_database(db, true);
  if (!store) return report_error(store.error());
  auto empty = database_is_empty(**store);
  if (!empty) return report_error(empty.error());
  if (!demo) {
    std::cout << "已建立数据库 " << db << "（" << all_ledgers().size() << " 个台账）。\n"
              << "下一步：用 fazhi import --ledger organizations 导入单位，再用 fazhi user add 建立管理员。\n";
    return 0;
  }
  if (!*empty) return report_error(conflict("数据库 " + db, "已有数据，示例数据只能写入新数据库"));
  LedgerService service(**store);
  std::cout << "正在生成示例市数据（规模 " << scale_text << "，种子 " << seed << "）…" << std::endl;
  auto logins = build_demo_city(service, options);
  if (!logins) return report_error(logins.error());
  std::cout << "示例市已生成。演示账号：\n";
  for (const auto& l : *logins)
    std::cout << "  " << l.login << " / " << l.password << "  （" << l.role << "，" << l.org_name << "）\n";
  return 0;
}

const CommandRegistration kInit("init", [](CLI::App& app, CommandStatus& status) {
  auto* cmd = app.add_subcommand("init", "建立数据库，可选生成示例市 / create a database, optionally the demo city");
  auto db = std::make_shared<std::string>();
  auto demo = std::make_shared<bool>(false);
  auto seed = std::make_shared<std::uint64_t>(1);
  auto scale = std::make_shared<std::string>("city");
  cmd->add_option("--db", *db, "数据库：文件路径或 postgresql:// 地址")->required();
  cmd->add_flag("--demo", *demo, "生成示例市数据");
  cmd->add_option("--seed", *seed, "示例数据的随机种子（相同种子、相同规模，数据相同）");
  cmd->add_option("--scale", *scale, "示例规模：small（测试）、city（默认）、large（基准测试）");
  cmd->callback([=, &status] { status.exit_code = run_init(*db, *demo, *seed, *scale); });
});

}  // namespace
}  // namespace fazhi::cli
