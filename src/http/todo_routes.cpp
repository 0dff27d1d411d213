// GET /api/todo: the caller's to-do list (ledger/todo_list.h), 50 items a page, with the
// totals of each state. Scope and roles are the ledgers' own, applied by the ledger layer.
#include <fmt/format.h>

#include "core/clock.h"
#include "http/api_context.h"
#include "ledger/todo_list.h"

namespace fazhi::http {
namespace {

// state=, org=, ledger=, page=, page_size= (1–500, default 50) and date= (YYYY-MM-DD, the day
// the states are reckoned on; default today in China). Fails naming the parameter.
Result<TodoQuery> parse_todo_query(const HttpRequest& request) {
  TodoQuery q;
  std::string today = china_today();
  for (const auto& [key, value] : query_pairs(request)) {
    if (key == "state") {
      q.state = value;
    } else if (key == "org") {
      q.org = value;
    } else if (key == "ledger") {
      q.ledger = value;
    } else if (key == "date") {
      today = value;
    } else if (key == "page" || key == "page_size") {
      int n = std::atoi(value.c_str());
      if (n < 1 || (key == "page_size" && n > 500) || std::to_string(n) != value)
        return invalid_input("查询参数 " + key, "",
                             fmt::format("「{}」应为 {} 的整数", value, key == "page" ? "1 以上" : "1–500"));
      (key == "page" ? q.page : q.page_size) = n;
    }
  }
  auto date = parse_date(today);
  if (!date) return invalid_input("查询参数 date", "", "「" + today + "」不是 YYYY-MM-DD 格式的日期");
  q.today = *date;
  return q;
}

}  // namespace

void add_todo_routes(Router& router, ApiContext& api) {
  router.get("/api/todo", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               auto q = parse_todo_query(request);
               if (!q) return error_response(q.error());
               auto page = list_todo(api.ledgers, s.user.context(), *q);
               if (!page) return error_response(page.error());
               return json_response(200, todo_page_to_json(*page));
             }));
}

}  // namespace fazhi::http
