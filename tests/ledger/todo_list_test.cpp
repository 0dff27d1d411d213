// The one to-do list on both backends: deadlines around the 2024 National Day, the 2025
// Spring Festival and a year boundary (answers counted by hand on the State Council's
// notices, stated below); each role and organisation sees only its scope; paging and
// totals; refused parameters; and on the small demo city, for several dates, exactly the
// running deadlines compute_deadlines gives for every record (the property the SQL keeps).
#include "ledger/todo_list.h"

#include <fmt/format.h>
#include <gmock/gmock.h>

#include <map>
#include <set>
#include <tuple>

#include "ledger/demo/demo_city.h"
#include "ledger/ledger_fixture.h"
#include "ledger/ledger_rules.h"
#include "ledger/region_time_limits.h"
#include "ledger/yearly_duties.h"

namespace fazhi {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using ::testing::HasSubstr;

Date day(std::string_view iso) {
  return parse_date(iso).value();
}

class TodoListTest : public testing::LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    ASSERT_THAT(ensure_todo_schema(*store_), IsOk());
    // The fixture's two governments hold their yearly study in the years these tests look
    // at, so that only deadlines are listed here (yearly_duties_test.cpp lists the duties).
    for (const char* org : {"370100", "370102"})
      for (int year : {2023, 2024}) {
        for (int k = 0; k < 2; ++k) study(org, "lecture", fmt::format("{}-0{}-10", year, 3 + k));
        for (int k = 0; k < 4; ++k) study(org, "executive_meeting", fmt::format("{}-0{}-20", year, 2 + 2 * k));
      }
  }
  void study(const std::string& org, const std::string& kind, const std::string& on) {
    add("law_study_session", org, {{"topic", "学习民法典"}, {"held_on", on}, {"session_kind", kind}});
  }

  std::int64_t add(const std::string& ledger, const std::string& org, nlohmann::json fields) {
    auto r = service_->create(UserContext::system_context(), *find_ledger(ledger),
                              {{"org_code", org}, {"fields", std::move(fields)}});
    EXPECT_TRUE(r.has_value()) << r.error().full_message();
    return r ? r->id : 0;
  }
  std::int64_t add_request(const std::string& org, const std::string& number, const std::string& received) {
    return add("openness_request", org,
               {{"request_number", number}, {"applicant", "申请人"}, {"received_on", received}});
  }

  TodoPage todo(const UserContext& user, const std::string& today, TodoQuery q = {}) {
    q.today = day(today);
    auto page = list_todo(*service_, user, q);
    EXPECT_TRUE(page.has_value()) << page.error().full_message();
    return page ? *page : TodoPage{};
  }
  // "ledger/title/step/due/state" of every item.
  static std::vector<std::string> lines(const TodoPage& page) {
    std::vector<std::string> out;
    for (const auto& i : page.items)
      out.push_back(i.ledger->name + "/" + i.record_title + "/" + todo_step(i) + "/" + i.due.iso() + "/" +
                    std::string(deadline_state_name(i.state)));
    return out;
  }
  std::int64_t add_ticket(const std::string& number, const std::string& kind, const std::string& received,
                          const std::string& handler) {
    return add("hotline_ticket", "370100",
               {{"ticket_number", number}, {"kind", kind}, {"received_at", received}, {"handling_org", handler}});
  }
};

// 政府信息公开申请 received Friday 2024-09-27: 20 working days (条例 第三十三条). The 2024
// National Day notice: 10-01…10-07 off, Sunday 09-29 and Saturday 10-12 worked. Working days
// after 09-27: 09-29, 09-30, 10-08…10-12 (7), 10-14…10-18 (12), 10-21…10-25 (17), 10-28,
// 10-29, 10-30 (20): due 2024-10-30.
TEST_P(TodoListTest, WorkingDayLimitAcrossNationalDay2024) {
  add_request("370102.sfj", "GK-1", "2024-09-27");
  auto sys = UserContext::system_context();
  EXPECT_TRUE(todo(sys, "2024-10-26").items.empty()) << "four days before: not yet due soon (3 days)";
  EXPECT_THAT(lines(todo(sys, "2024-10-27")),
              ::testing::ElementsAre("openness_request/GK-1/reply/2024-10-30/due_soon"));
  EXPECT_THAT(lines(todo(sys, "2024-10-30")),
              ::testing::ElementsAre("openness_request/GK-1/reply/2024-10-30/due_today"));
  EXPECT_THAT(lines(todo(sys, "2024-10-31")), ::testing::ElementsAre("openness_request/GK-1/reply/2024-10-30/overdue"));
  TodoPage page = todo(sys, "2024-10-31");
  ASSERT_EQ(page.items.size(), 1u);
  const TodoItem& item = page.items[0];
  EXPECT_EQ(item.limit->source, "政府信息公开条例 第三十三条");
  EXPECT_EQ(item.org_name, "甲区司法局");
  EXPECT_EQ(todo_rule(*item.ledger, *item.limit), "答复期限：自收到申请日期起20个工作日（经批准可延长）");
}

// An approved extension of 5 working days moves the same request to 2024-11-06
// (10-31, 11-01, 11-04, 11-05, 11-06).
TEST_P(TodoListTest, ExtensionDaysMoveTheDueDate) {
  auto id = add_request("370102.sfj", "GK-2", "2024-09-27");
  auto rec = service_->update(UserContext::system_context(), *find_ledger("openness_request"), id,
                              {{"version", 1}, {"fields", {{"extension_days", 5}}}});
  ASSERT_THAT(rec, IsOk());
  EXPECT_THAT(lines(todo(UserContext::system_context(), "2024-11-06")),
              ::testing::ElementsAre("openness_request/GK-2/reply/2024-11-06/due_today"));
}

// 信访事项 received 2025-01-19: told of acceptance within 15 days (信访工作条例 第三十一条).
// Day 15 is 2025-02-03, inside the Spring Festival days off (01-28…02-04), so the period
// ends on the first working day after: Wednesday 2025-02-05.
TEST_P(TodoListTest, CalendarDayLimitRollsPastSpringFestival2025) {
  add("petition", "370100.sfj", {{"petition_number", "XF-1"}, {"petitioner", "信访人"}, {"received_on", "2025-01-19"}});
  auto sys = UserContext::system_context();
  EXPECT_THAT(lines(todo(sys, "2025-02-03")),
              ::testing::ElementsAre("petition/XF-1/acceptance_notice/2025-02-05/due_soon"));
  EXPECT_THAT(lines(todo(sys, "2025-02-05")),
              ::testing::ElementsAre("petition/XF-1/acceptance_notice/2025-02-05/due_today"));
  EXPECT_THAT(lines(todo(sys, "2025-02-06")),
              ::testing::ElementsAre("petition/XF-1/acceptance_notice/2025-02-05/overdue"));
}

// Received Friday 2024-12-20, 20 working days across the year: 12-23…12-27 (5), 12-30, 12-31
// (7), 2025-01-01 off, 01-02, 01-03 (9), 01-06…01-10 (14), 01-13…01-17 (19), 01-20 (20).
TEST_P(TodoListTest, WorkingDayLimitAcrossYearBoundary) {
  add_request("370100.sfj", "GK-3", "2024-12-20");
  auto sys = UserContext::system_context();
  EXPECT_THAT(lines(todo(sys, "2025-01-17")),
              ::testing::ElementsAre("openness_request/GK-3/reply/2025-01-20/due_soon"));
  EXPECT_THAT(lines(todo(sys, "2025-01-21")), ::testing::ElementsAre("openness_request/GK-3/reply/2025-01-20/overdue"));
}

// A met or stopped deadline leaves the list: replied on time, the request is done.
TEST_P(TodoListTest, MetDeadlinesLeaveTheList) {
  auto id = add_request("370100.sfj", "GK-4", "2024-12-20");
  auto r =
      service_->transition(UserContext::system_context(), *find_ledger("openness_request"), id, "reply",
                           {{"version", 1}, {"fields", {{"replied_on", "2025-01-10"}, {"reply_kind", "disclosed"}}}});
  ASSERT_THAT(r, IsOk());
  EXPECT_TRUE(todo(UserContext::system_context(), "2025-01-21").items.empty());
}

// Scope: a clerk of 甲区司法局 sees its own request and the bad rating naming it as the rated
// unit (owned by the city); the city's 司法局 sees only its own; the city coordinator sees all.
TEST_P(TodoListTest, EachRoleAndOrganisationSeesItsScope) {
  add_request("370102.sfj", "GK-district", "2024-09-27");
  add_request("370100.sfj", "GK-city", "2024-09-27");
  add("service_rating", "370100",
      {{"rating_number", "PJ-bad"}, {"rated_org", "370102.sfj"}, {"rated_at", "2024-09-27T10:00:00"}, {"stars", 1}});
  add("service_rating", "370100",
      {{"rating_number", "PJ-good"}, {"rated_org", "370102.sfj"}, {"rated_at", "2024-09-27T10:00:00"}, {"stars", 5}});
  const std::string on = "2024-10-31";
  // 15 working days after 2024-09-27: 09-29, 09-30, 10-08…10-12 (7), 10-14…10-18 (12),
  // 10-21, 10-22, 10-23 (15): due 10-23.
  EXPECT_THAT(lines(todo(user(Role::kClerk, "370102.sfj"), on)),
              ::testing::ElementsAre("service_rating/PJ-bad/bad_rating_followup/2024-10-23/overdue",
                                     "openness_request/GK-district/reply/2024-10-30/overdue"));
  EXPECT_THAT(lines(todo(user(Role::kClerk, "370100.sfj"), on)),
              ::testing::ElementsAre("openness_request/GK-city/reply/2024-10-30/overdue"));
  EXPECT_THAT(lines(todo(user(Role::kLeader, "370102"), on)),
              ::testing::ElementsAre("service_rating/PJ-bad/bad_rating_followup/2024-10-23/overdue",
                                     "openness_request/GK-district/reply/2024-10-30/overdue"));
  EXPECT_EQ(todo(user(Role::kCoordinator, "370100"), on).total, 3);
  TodoQuery only_district;
  only_district.org = "370102";
  EXPECT_EQ(todo(user(Role::kCoordinator, "370100"), on, only_district).total, 1) << "by owner: the request";
  EXPECT_EQ(todo(user(Role::kClerk, "nowhere"), on).total, 0);
}

TEST_P(TodoListTest, PagesOfFiftyWithTotalsPerState) {
  for (int i = 0; i < 55; ++i) add_request("370100.sfj", fmt::format("OLD-{:02}", i), "2024-09-27");  // due 10-30
  for (int i = 0; i < 3; ++i) add_request("370100.sfj", fmt::format("TODAY-{}", i), "2024-10-09");    // due 11-05
  add_request("370100.sfj", "SOON", "2024-10-10");                                                    // due 11-06
  auto coordinator = user(Role::kCoordinator, "370100");
  TodoPage first = todo(coordinator, "2024-11-05");
  EXPECT_EQ(first.total, 59);
  EXPECT_EQ(first.overdue, 55);
  EXPECT_EQ(first.due_today, 3);
  EXPECT_EQ(first.due_soon, 1);
  ASSERT_EQ(first.items.size(), 50u);
  EXPECT_EQ(first.items[0].record_title, "OLD-00");
  TodoQuery second;
  second.page = 2;
  EXPECT_THAT(
      lines(todo(coordinator, "2024-11-05", second)),
      ::testing::ElementsAre(
          "openness_request/OLD-50/reply/2024-10-30/overdue", "openness_request/OLD-51/reply/2024-10-30/overdue",
          "openness_request/OLD-52/reply/2024-10-30/overdue", "openness_request/OLD-53/reply/2024-10-30/overdue",
          "openness_request/OLD-54/reply/2024-10-30/overdue", "openness_request/TODAY-0/reply/2024-11-05/due_today",
          "openness_request/TODAY-1/reply/2024-11-05/due_today", "openness_request/TODAY-2/reply/2024-11-05/due_today",
          "openness_request/SOON/reply/2024-11-06/due_soon"));
  TodoQuery today_only;
  today_only.state = "due_today";
  TodoPage today = todo(coordinator, "2024-11-05", today_only);
  EXPECT_EQ(today.total, 3);
  EXPECT_EQ(today.overdue, 55) << "totals ignore the state filter";
  EXPECT_EQ(today.items.size(), 3u);
  nlohmann::json j = todo_page_to_json(today);
  EXPECT_EQ(j["totals"]["due_today"], 3);
  EXPECT_EQ(j["items"][0]["state"], "due_today");
  EXPECT_EQ(j["items"][0]["due"], "2024-11-05");
  EXPECT_EQ(j["items"][0]["ledger_label"], "政府信息公开申请");
}

TEST_P(TodoListTest, RefusesUnknownParameters) {
  auto coordinator = user(Role::kCoordinator, "370100");
  TodoQuery q;
  q.today = day("2024-11-05");
  q.state = "late";
  EXPECT_THAT(list_todo(*service_, coordinator, q), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("state")));
  q.state = "";
  q.ledger = "no_such_ledger";
  EXPECT_THAT(list_todo(*service_, coordinator, q), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("no_such_ledger")));
  q.ledger = "";
  q.org = "999999";
  EXPECT_THAT(list_todo(*service_, coordinator, q), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("999999")));
}

// 12345 tickets received Friday 2024-09-27 (the 12345 centre, 370100, owns them; 甲区司法局
// handles them). Working days after it: Sunday 09-29 (worked), 09-30, then 10-08, 10-09,
// 10-10 … (10-01–10-07 off). A consultation (1 working day) is due 09-29, a complaint (5)
// 10-10; each is flagged the day before. A closed ticket leaves the list.
TEST_P(TodoListTest, HotlineTicketsByKindForTheHandlingUnit) {
  add_ticket("12345-1", "consultation", "2024-09-27T10:15:00", "370102.sfj");
  auto complaint = add_ticket("12345-2", "complaint", "2024-09-27T16:40:00", "370102.sfj");
  add_ticket("12345-3", "complaint", "2024-09-27T09:00:00", "370100.sfj");
  add("hotline_ticket", "370100",
      {{"ticket_number", "12345-4"},
       {"kind", "complaint"},
       {"received_at", "2024-09-27T09:30:00"},
       {"handling_org", "370102.sfj"},
       {"closed_at", "2024-10-08T11:00:00"}});
  TodoQuery tickets;
  tickets.ledger = "hotline_ticket";
  auto handler = user(Role::kClerk, "370102.sfj");
  EXPECT_THAT(lines(todo(handler, "2024-09-28", tickets)),
              ::testing::ElementsAre("hotline_ticket/12345-1/handling_consultation/2024-09-29/due_soon"));
  EXPECT_THAT(lines(todo(handler, "2024-10-09", tickets)),
              ::testing::ElementsAre("hotline_ticket/12345-1/handling_consultation/2024-09-29/overdue",
                                     "hotline_ticket/12345-2/handling_complaint/2024-10-10/due_soon"));
  EXPECT_THAT(lines(todo(handler, "2024-10-10", tickets)),
              ::testing::ElementsAre("hotline_ticket/12345-1/handling_consultation/2024-09-29/overdue",
                                     "hotline_ticket/12345-2/handling_complaint/2024-10-10/due_today"));
  EXPECT_EQ(todo(user(Role::kClerk, "370100.sfj"), "2024-10-10", tickets).total, 1) << "the city bureau handles one";
  EXPECT_EQ(todo(user(Role::kCoordinator, "370100"), "2024-10-10", tickets).total, 3)
      << "the coordinator sees every open ticket";
  TodoPage page = todo(handler, "2024-10-11", tickets);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(todo_rule(*page.items[1].ledger, *page.items[1].limit), "投诉工单办理时限：自受理时间起5个工作日");
  EXPECT_THAT(page.items[1].limit->source, HasSubstr("国办发〔2020〕53号"));
  EXPECT_EQ(page.items[1].org_code, "370100");
  // Closed: it leaves the list.
  ASSERT_THAT(service_->update(UserContext::system_context(), *find_ledger("hotline_ticket"), complaint,
                               {{"fields", {{"closed_at", "2024-10-11T09:00:00"}}}}),
              IsOk());
  EXPECT_EQ(todo(handler, "2024-10-11", tickets).total, 1);
}

// The city sets complaints to 10 working days: 10-11, 10-12 (Saturday, worked), 10-14, 10-15,
// 10-16 after 10-10.
TEST_P(TodoListTest, TheCitySetsItsOwnTicketPeriods) {
  add_ticket("12345-9", "complaint", "2024-09-27T16:40:00", "370102.sfj");
  auto setting = service_->create(user(Role::kCoordinator, "370100"), *find_ledger("region_time_limit"),
                                  {{"fields",
                                    {{"ledger_name", "hotline_ticket"},
                                     {"limit_name", "handling_complaint"},
                                     {"days", 10},
                                     {"day_count", "working_days"},
                                     {"basis", "示例市12345热线工单办理规范"},
                                     {"in_force", true}}}});
  ASSERT_THAT(setting, IsOk());
  TodoPage page = todo(UserContext::system_context(), "2024-10-16");
  install_region_time_limits(nullptr);
  EXPECT_THAT(lines(page), ::testing::ElementsAre("hotline_ticket/12345-9/handling_complaint/2024-10-16/due_today"));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_THAT(page.items[0].limit->source, HasSubstr("示例市12345热线工单办理规范（本地区设定"));
}

INSTANTIATE_TEST_SUITE_P(Backends, TodoListTest, ::testing::ValuesIn(testing::all_backends()));

// The yearly duties owed on `today`, counted record by record here (not in SQL): for each
// duty, its year on `today` and the owners short of the region's minimum, keyed as the
// property test keys items (owner ledger, owner id, duty, due, state).
using DutyKey = std::tuple<std::string, std::int64_t, std::string, std::string, std::string>;
std::set<DutyKey> duties_owed(LedgerService& service, Store& store, Date today) {
  std::vector<DutyInForce> duties;
  EXPECT_THAT(store.read([&](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(duties, load_yearly_duties(s, today));
    return ok();
  }),
              IsOk());
  auto sys = UserContext::system_context();
  auto text = [](const LedgerDeclaration& l, const LedgerRecord& r, const std::string& f) {
    return f.empty() ? std::string() : sql_text(field_of(l, r, f));
  };
  std::map<std::string, std::string> kind_of;  // organisation code → kind
  const LedgerDeclaration& orgs = *find_ledger("organizations");
  EXPECT_THAT(service.for_each(sys, orgs, {},
                               [&](const LedgerRecord& r) -> Result<void> {
                                 kind_of[r.org_code] = text(orgs, r, "kind");
                                 return ok();
                               }),
              IsOk());
  std::set<DutyKey> out;
  for (const DutyInForce& d : duties) {
    const YearlyDutyDeclaration& duty = *d.duty;
    const int year = duty_year_on(duty, today);
    const Date due = duty_due(duty, year);
    const std::string state = due < today ? "overdue" : due == today ? "due_today" : "due_soon";
    std::map<std::string, int> done;  // owner (org code or person id) → records counted
    EXPECT_THAT(
        service.for_each(
            sys, *d.ledger, {},
            [&](const LedgerRecord& r) -> Result<void> {
              const std::string y = duty.year_field.empty() ? text(*d.ledger, r, duty.date_field).substr(0, 4)
                                                            : text(*d.ledger, r, duty.year_field);
              if (y != std::to_string(year)) return ok();
              if (!duty.done_field.empty() && text(*d.ledger, r, duty.done_field).empty()) return ok();
              if (!duty.kind_field.empty() && std::find(duty.kind_values.begin(), duty.kind_values.end(),
                                                        text(*d.ledger, r, duty.kind_field)) == duty.kind_values.end())
                return ok();
              ++done[duty.owner == DutyOwner::kPrincipalLeader ? text(*d.ledger, r, duty.person_field) : r.org_code];
              return ok();
            }),
        IsOk());
    const LedgerDeclaration& owner = duty_owner_ledger(duty);
    auto owes = [&](const std::string& org) {
      return std::find(duty.org_kinds.begin(), duty.org_kinds.end(), kind_of[org]) != duty.org_kinds.end();
    };
    EXPECT_THAT(service.for_each(sys, owner, {},
                                 [&](const LedgerRecord& r) -> Result<void> {
                                   std::string key = r.org_code;
                                   if (duty.owner == DutyOwner::kPrincipalLeader) {
                                     if (text(owner, r, "principal") != "1") return ok();
                                     std::string entered = text(owner, r, "entered_on");
                                     if (!entered.empty() && entered > std::to_string(year) + "-12-31") return ok();
                                     key = std::to_string(r.id);
                                   }
                                   if (owes(r.org_code) && done[key] < d.minimum)
                                     out.insert({owner.name, r.id, duty.name, due.iso(), state});
                                   return ok();
                                 }),
                IsOk());
  }
  return out;
}

// On the small demo city, for dates around the holidays and at the data's end, the list is
// exactly the due-soon, due-today and overdue deadlines compute_deadlines gives, record by
// record, and the yearly duties counted record by record.
class TodoDemoPropertyTest : public ::testing::TestWithParam<std::string> {};

TEST_P(TodoDemoPropertyTest, EqualsComputeDeadlinesOnTheDemoCity) {
  testing::TempDatabase db(GetParam());
  auto store = Store::open(db.location(), {.create = true});
  ASSERT_THAT(store, IsOk());
  ASSERT_THAT(ensure_ledger_tables(**store), IsOk());
  ASSERT_THAT(ensure_todo_schema(**store), IsOk());
  LedgerService service(**store);
  ASSERT_THAT(build_demo_city(service, {.seed = 3, .scale = DemoScale::kSmall}), IsOk());
  using Key = std::tuple<std::string, std::int64_t, std::string, std::string, std::string>;
  std::size_t seen = 0, seen_duties = 0;
  for (const char* on : {"2023-12-29", "2024-10-08", "2025-01-27", "2025-02-05", "2025-03-31", "2025-12-31"}) {
    const Date today = day(on);
    std::set<Key> expected;
    for (const LedgerDeclaration* l : all_ledgers()) {
      if (l->time_limits.empty()) continue;
      auto r = service.for_each(UserContext::system_context(), *l, {}, [&](const LedgerRecord& rec) -> Result<void> {
        for (const Deadline& d : compute_deadlines(*l, rec, today))
          if (d.state == DeadlineState::kDueSoon || d.state == DeadlineState::kDueToday ||
              d.state == DeadlineState::kOverdue)
            expected.insert({l->name, rec.id, d.limit->name, d.due->iso(), std::string(deadline_state_name(d.state))});
        return ok();
      });
      ASSERT_THAT(r, IsOk());
    }
    std::set<Key> expected_duties = duties_owed(service, **store, today);
    auto page = list_todo(service, UserContext::system_context(), {.today = today, .page_size = 0});
    ASSERT_THAT(page, IsOk());
    std::set<Key> got, got_duties;
    for (const auto& i : page->items)
      (i.duty ? got_duties : got)
          .insert({i.ledger->name, i.record, todo_step(i), i.due.iso(), std::string(deadline_state_name(i.state))});
    EXPECT_EQ(got.size() + got_duties.size(), page->items.size()) << on << ": an item listed twice";
    EXPECT_EQ(got, expected) << on;
    EXPECT_EQ(got_duties, expected_duties) << on;
    EXPECT_EQ(page->total, static_cast<std::int64_t>(expected.size() + expected_duties.size())) << on;
    seen += expected.size();
    seen_duties += expected_duties.size();
    // Pages of 7 (state by state, too) are the full list cut in order.
    for (const char* state : {"", "overdue", "due_today", "due_soon"}) {
      std::vector<std::string> whole, paged;
      for (const auto& i : page->items)
        if (*state == '\0' || deadline_state_name(i.state) == state)
          whole.push_back(i.ledger->name + "#" + std::to_string(i.record) + "/" + todo_step(i));
      for (int n = 1;; ++n) {
        auto p = list_todo(service, UserContext::system_context(),
                           {.today = today, .state = state, .page = n, .page_size = 7});
        ASSERT_THAT(p, IsOk());
        if (p->items.empty()) break;
        for (const auto& i : p->items)
          paged.push_back(i.ledger->name + "#" + std::to_string(i.record) + "/" + todo_step(i));
      }
      EXPECT_EQ(paged, whole) << on << " " << state;
    }
  }
  EXPECT_GT(seen, 0u) << "the demo city has running deadlines";
  EXPECT_GT(seen_duties, 0u) << "and leaders short of their yearly duties";
}

INSTANTIATE_TEST_SUITE_P(Backends, TodoDemoPropertyTest, ::testing::ValuesIn(testing::all_backends()));

}  // namespace
}  // namespace fazhi
