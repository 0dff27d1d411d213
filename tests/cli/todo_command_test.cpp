// `fazhi todo` on the small demo city, both backends: the JSON items are the to-do list of
// the whole region (or of one organisation) on the given day, each with ledger, record, step,
// ISO due date, state and source (yearly duties too); plain output is one line per item; bad
// dates and unknown organisations are refused with exit 2.
#include <gmock/gmock.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "harness/result_matchers.h"
#include "harness/temp_database.h"
#include "ledger/region_time_limits.h"
#include "ledger/todo_list.h"
#include "run_fazhi.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

std::pair<int, std::string> run(const std::string& args, bool with_stderr = true) {
  return testing::run_fazhi(args, with_stderr);
}

class TodoCommandTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TempDatabase>(GetParam());
    auto [status, out] = run("init --db '" + db_->location() + "' --demo --scale small");
    ASSERT_EQ(status, 0) << out;
  }
  std::string db() { return "'" + db_->location() + "'"; }
  // The library's list for `user` on `day`, every item.
  TodoPage expected(const UserContext& user, const std::string& day) {
    auto store = Store::open(db_->location());
    EXPECT_TRUE(store.has_value());
    // The demo city sets some periods of its own, as the program reads them.
    EXPECT_TRUE(reload_region_time_limits(**store).has_value());
    LedgerService service(**store);
    auto page = list_todo(service, user, {.today = parse_date(day).value(), .page_size = 0});
    EXPECT_TRUE(page.has_value()) << page.error().full_message();
    return page ? *page : TodoPage{};
  }
  std::unique_ptr<testing::TempDatabase> db_;
};

TEST_P(TodoCommandTest, JsonItemsAreTheRegionsList) {
  auto [status, out] = run("todo --db " + db() + " --date 2025-12-31 --json", false);
  ASSERT_EQ(status, 0) << out;
  auto items = nlohmann::json::parse(out);
  ASSERT_TRUE(items.is_array());
  TodoPage want = expected(UserContext::system_context(), "2025-12-31");
  ASSERT_GT(want.total, 0) << "the demo city has open deadlines at its end";
  // and yearly duties the demo leaves unmet: study minimums of 2025 due that day, and a
  // principal leader's 述法 of 2024, overdue since 2025-03-31.
  std::size_t study = 0, law_reports = 0;
  for (const auto& i : want.items) {
    if (!i.duty) continue;
    if (i.duty->duty->name == "law_report") {
      ++law_reports;
      EXPECT_EQ(i.state, DeadlineState::kOverdue);
      EXPECT_EQ(i.due.iso(), "2025-03-31");
    } else {
      ++study;
      EXPECT_EQ(i.state, DeadlineState::kDueToday);
      EXPECT_EQ(i.due.iso(), "2025-12-31");
    }
  }
  EXPECT_GE(study, 2u);
  EXPECT_GE(law_reports, 1u);
  ASSERT_EQ(items.size(), want.items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i]["ledger"], want.items[i].ledger->name);
    EXPECT_EQ(items[i]["record"], want.items[i].record);
    EXPECT_EQ(items[i]["step"], todo_step(want.items[i]));
    EXPECT_EQ(items[i]["due"], want.items[i].due.iso());
    EXPECT_EQ(items[i]["source"], todo_source(want.items[i]));
    EXPECT_EQ(items[i]["kind"], want.items[i].duty ? "duty" : "deadline");
    EXPECT_THAT(items[i]["state"].get<std::string>(), ::testing::AnyOf("due_soon", "due_today", "overdue"));
  }
  // Plain: one tab-separated line per item, due date first.
  auto [plain_status, plain] = run("todo --db " + db() + " --date 2025-12-31", false);
  EXPECT_EQ(plain_status, 0);
  std::istringstream lines(plain);
  std::string line;
  size_t n = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(line.substr(0, 10), want.items[n].due.iso()) << line;
    ++n;
  }
  EXPECT_EQ(n, want.items.size());
}

TEST_P(TodoCommandTest, OrgNarrowsToWhatThatOrganisationSees) {
  auto store = Store::open(db_->location());
  ASSERT_TRUE(store.has_value());
  LedgerService service(**store);
  auto orgs = service.orgs();
  ASSERT_TRUE(orgs.has_value());
  // The first county or district government under the city (379900).
  std::string county = (*orgs)->children("379900").at(0)->code;
  for (const OrgNode* child : (*orgs)->children("379900"))
    if (child->kind == "government") {
      county = child->code;
      break;
    }
  store->reset();
  auto [status, out] = run("todo --db " + db() + " --date 2025-12-31 --json --org " + county, false);
  ASSERT_EQ(status, 0) << out;
  TodoPage want = expected(UserContext{"system", Role::kAdmin, county, false}, "2025-12-31");
  EXPECT_EQ(nlohmann::json::parse(out).size(), want.items.size());
  EXPECT_LT(want.total, expected(UserContext::system_context(), "2025-12-31").total);
}

TEST_P(TodoCommandTest, RefusesBadDateAndUnknownOrganisation) {
  auto [bad_date, date_out] = run("todo --db " + db() + " --date 2025-02-30");
  EXPECT_EQ(bad_date, 2);
  EXPECT_THAT(date_out, HasSubstr("2025-02-30"));
  auto [bad_org, org_out] = run("todo --db " + db() + " --org nowhere");
  EXPECT_EQ(bad_org, 2);
  EXPECT_THAT(org_out, HasSubstr("nowhere"));
}

INSTANTIATE_TEST_SUITE_P(Backends, TodoCommandTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
