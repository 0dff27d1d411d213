// `fazhi todo --db DB [--org CODE] [--date YYYY-MM-DD] [--json]`: every running deadline in
// scope on a day (ledger/todo_list.h) — due soon, due today or overdue — and every yearly duty
// not yet met (a leader's 述法, a government's 法治专题讲座), oldest due first.
// Without --org, the whole region (every organisation); with it, what that organisation's
// administrator sees (its subtree, plus the records a ledger makes visible to it). Plain
// output is one item per line, tab-separated: due date, state, ledger, record (title and
// number; for a duty, the ledger it is recorded in and its owner), step, organisation, source.
// --json prints an array of items (todo_item_to_json: ledger, record, step, due, state,
// source, …).
#include <iostream>
#include <memory>
#include <string>

#include "cli/command_registry.h"
#include "cli/open_database.h"
#include "core/clock.h"
#include "ledger/todo_list.h"

namespace fazhi::cli {
namespace {

struct TodoOptions {
  std::string db;
  std::string org;
  std::string date;
  bool json = false;
};

Result<void> run_todo(const TodoOptions& o) {
  const std::string date_text = o.date.empty() ? china_today() : o.date;
  auto today = parse_date(date_text);
  if (!today) return invalid_input("--date " + date_text, "", "不是 YYYY-MM-DD 格式的日期");
  FAZHI_ASSIGN_OR_RETURN(auto store, open_database(o.db, false));
  LedgerService service(*store);
  UserContext user = UserContext::system_context();
  if (!o.org.empty()) {
    FAZHI_ASSIGN_OR_RETURN(auto orgs, service.orgs());
    if (!orgs->find(o.org)) return invalid_input("--org " + o.org, "", "单位不存在（单位代码见单位台账）");
    user = UserContext{"system", Role::kAdmin, o.org, false};
  }
  FAZHI_ASSIGN_OR_RETURN(TodoPage page, list_todo(service, user, {.today = *today, .page_size = 0}));
  if (o.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page.items) items.push_back(todo_item_to_json(item));
    std::cout << items.dump(2) << '\n';
    return ok();
  }
  for (const auto& i : page.items)
    std::cout << i.due.iso() << '\t' << deadline_state_label(i.state) << '\t'
              << (i.duty ? i.duty->ledger->label : i.ledger->label) << '\t' << i.record_title << "（#" << i.record
              << "）\t" << todo_step_label(i) << '\t' << (i.org_name.empty() ? i.org_code : i.org_name) << '\t'
              << todo_source(i) << '\n';
  std::cerr << "共 " << page.total << " 项：已超期 " << page.overdue << "，今日到期 " << page.due_today << "，即将到期 "
            << page.due_soon << "（" << today->iso() << "）\n";
  return ok();
}

const CommandRegistration kTodo("todo", [](CLI::App& app, CommandStatus& status) {
  auto options = std::make_shared<TodoOptions>();
  CLI::App* cmd = app.add_subcommand("todo", "待办：即将到期、今日到期、已超期的法定期限（按到期日排列）");
  cmd->add_option("--db", options->db, "数据库：SQLite 文件路径或 postgresql:// 地址")->required();
  cmd->add_option("--org", options->org, "单位代码：只列该单位职权范围内的事项（默认全辖区）");
  cmd->add_option("--date", options->date, "按哪一天计算，YYYY-MM-DD（默认今天）");
  cmd->add_flag("--json", options->json, "输出 JSON 数组");
  cmd->callback([options, &status] {
    auto r = run_todo(*options);
    status.exit_code = r ? 0 : report_error(r.error());
  });
});

}  // namespace
}  // namespace fazhi::cli
