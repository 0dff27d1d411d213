// fazhi import --db DB --ledger NAME FILE [--dry-run] [--org CODE] [--mapping NAME|FILE]
//   --mapping: a city's own export headers and values mapped onto the ledger (import_mapping.h)
// fazhi export --db DB --ledger NAME --out FILE
#include <iostream>

#include "cli/command_registry.h"
#include "cli/open_database.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_import.h"

namespace fazhi::cli {
namespace {

Result<const LedgerDeclaration*> ledger_named(const std::string& name) {
  const LedgerDeclaration* l = find_ledger(name);
  if (l) return l;
  std::string names;
  for (const auto* d : all_ledgers()) names += (names.empty() ? "" : " ") + d->name;
  return invalid_input("--ledger " + name, "", "没有这个台账；可选：" + names);
}

int run_import(const std::string& db, const std::string& ledger_name, const std::string& file, bool dry_run,
               const std::string& org, const std::string& mapping_name) {
  auto ledger = ledger_named(ledger_name);
  if (!ledger) return report_error(ledger.error());
  std::optional<ImportMapping> mapping;
  if (!mapping_name.empty()) {
    auto m = ImportMapping::load(mapping_name);
    if (!m) return report_error(m.error());
    mapping = std::move(m).value();
  }
  auto store = open_database(db);
  if (!store) return report_error(store.error());
  LedgerService service(**store);
  ImportOptions options;
  options.dry_run = dry_run;
  options.default_org = org;
  // A server holding the database open keeps the import in the WAL (Store::write_alone).
  options.alone = true;
  if (mapping) options.mapping = &*mapping;
  auto outcome = import_ledger_file(service, UserContext::system_context(), **ledger, file, options);
  if (!outcome) return report_error(outcome.error());
  if (outcome->dry_run)
    std::cout << "检查通过：" << outcome->rows << " 行均可导入（--dry-run，未写入）\n";
  else
    std::cout << "已导入 " << outcome->rows << " 行到「" << (*ledger)->label << "」（编号 " << outcome->first_id << "–"
              << outcome->last_id << "）\n";
  return 0;
}

int run_export(const std::string& db, const std::string& ledger_name, const std::string& out) {
  auto ledger = ledger_named(ledger_name);
  if (!ledger) return report_error(ledger.error());
  auto store = open_database(db);
  if (!store) return report_error(store.error());
  LedgerService service(**store);
  ListQuery all;
  auto rows = export_ledger_file(service, UserContext::system_context(), **ledger, all, out);
  if (!rows) return report_error(rows.error());
  std::cout << "已导出 " << *rows << " 行到 " << out << "\n";
  return 0;
}

const CommandRegistration kImport("import", [](CLI::App& app, CommandStatus& status) {
  auto* cmd = app.add_subcommand("import", "从 .csv 或 .xlsx 导入台账 / import a ledger file");
  auto db = std::make_shared<std::string>();
  auto ledger = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto org = std::make_shared<std::string>();
  auto dry = std::make_shared<bool>(false);
  auto mapping = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "数据库")->required();
  cmd->add_option("--ledger", *ledger, "台账名称，例如 reconsideration")->required();
  cmd->add_option("--mapping", *mapping,
                  "导入映射：映射文件（.json）或映射目录中的名称，用于12345、好差评等系统的导出表");
  cmd->add_option("FILE", *file, ".csv（UTF-8 或 GB18030）或 .xlsx 文件")->required();
  cmd->add_option("--org", *org, "未填「所属单位」的行归属的单位编码");
  cmd->add_flag("--dry-run", *dry, "只检查，不写入");
  cmd->callback([=, &status] { status.exit_code = run_import(*db, *ledger, *file, *dry, *org, *mapping); });
});

const CommandRegistration kExport("export", [](CLI::App& app, CommandStatus& status) {
  auto* cmd = app.add_subcommand("export", "导出台账为 .csv 或 .xlsx / export a ledger");
  auto db = std::make_shared<std::string>();
  auto ledger = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("--db", *db, "数据库")->required();
  cmd->add_option("--ledger", *ledger, "台账名称")->required();
  cmd->add_option("--out", *out, "输出文件（.csv 或 .xlsx）")->required();
  cmd->callback([=, &status] { status.exit_code = run_export(*db, *ledger, *out); });
});

}  // namespace
}  // namespace fazhi::cli
