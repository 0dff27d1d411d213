// Yearly duties on the to-do list, both backends: each principal leader's 述法 of a year by
// 31 March after it, each government's 法治专题讲座 (two a year) and 常务会议会前学法 (four by
// default, the region's own number where it sets one) — due soon, due today, overdue, gone a
// year later; each user sees the duties of their own scope; the items' JSON. And every
// declared duty names fields its ledger has.
#include "ledger/yearly_duties.h"

#include <gmock/gmock.h>

#include "harness/result_matchers.h"
#include "ledger/todo_list.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::IsOk;

Date day(std::string_view iso) {
  return parse_date(iso).value();
}

TEST(YearlyDutyDeclarations, NameFieldsTheirLedgersHave) {
  auto duties = declared_yearly_duties();
  ASSERT_EQ(duties.size(), 3u);
  for (const DutyInForce& d : duties) {
    SCOPED_TRACE(d.duty->name);
    const LedgerDeclaration& l = *d.ledger;
    EXPECT_GE(d.duty->minimum, 1);
    EXPECT_FALSE(d.duty->source.empty());
    EXPECT_FALSE(d.duty->org_kinds.empty());
    EXPECT_NE(d.duty->year_field.empty(), d.duty->date_field.empty()) << "a year or a date field";
    for (const std::string& f :
         {d.duty->year_field, d.duty->date_field, d.duty->person_field, d.duty->done_field, d.duty->kind_field})
      if (!f.empty()) {
        EXPECT_NE(l.field(f), nullptr) << f;
      }
    if (d.duty->owner == DutyOwner::kPrincipalLeader) {
      EXPECT_EQ(l.field(d.duty->person_field)->type, FieldType::kPersonRef);
    }
    if (!d.duty->kind_field.empty())
      for (const auto& v : d.duty->kind_values) {
        bool found = false;
        for (const auto& o : l.field(d.duty->kind_field)->options) found = found || o.value == v;
        EXPECT_TRUE(found) << v;
      }
  }
  EXPECT_EQ(duty_due(*duties[0].duty, 2024).iso(), "2024-12-31");  // law_lectures
  EXPECT_EQ(duty_due(*duties[2].duty, 2024).iso(), "2025-03-31");  // law_report
  // 述法 of 2024 shows from 30 days before 2025-03-31 until 2025's takes its place.
  EXPECT_EQ(duty_year_on(*duties[2].duty, day("2025-02-28")), 2023);
  EXPECT_EQ(duty_year_on(*duties[2].duty, day("2025-03-01")), 2024);
  EXPECT_EQ(duty_year_on(*duties[2].duty, day("2026-02-28")), 2024);
  EXPECT_EQ(duty_year_on(*duties[2].duty, day("2026-03-01")), 2025);
  EXPECT_EQ(duty_year_on(*duties[0].duty, day("2024-10-31")), 2023);
  EXPECT_EQ(duty_year_on(*duties[0].duty, day("2024-11-01")), 2024);
  EXPECT_EQ(yearly_duty_rule(duties[0]), "法治专题讲座：每年不少于2期，于当年12月31日前");
  EXPECT_EQ(yearly_duty_rule(duties[2]), "述法：每名主要负责人每年不少于1次，于次年3月31日前");
}

class YearlyDutyTodoTest : public testing::LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    ASSERT_THAT(ensure_todo_schema(*store_), IsOk());
    mayor_ = person("370100", "李市长", "市长", true);
    director_ = person("370100.sfj", "周局长", "局长", true);
    district_ = person("370102", "吴区长", "区长", true);
    person("370100", "郑副市长", "副市长", false);  // a deputy owes none
    person("370102.sfj", "钱科员", "科员", false, false);
  }

  std::int64_t add(const std::string& ledger, const std::string& org, nlohmann::json fields) {
    auto r = service_->create(UserContext::system_context(), *find_ledger(ledger),
                              {{"org_code", org}, {"fields", std::move(fields)}});
    EXPECT_TRUE(r.has_value()) << r.error().full_message();
    return r ? r->id : 0;
  }
  std::int64_t person(const std::string& org, const std::string& name, const std::string& post, bool principal,
                      bool leader = true) {
    return add("people", org, {{"name", name}, {"position", post}, {"is_leader", leader}, {"principal", principal}});
  }
  void law_report(std::int64_t who, int year, const std::string& on, const std::string& org) {
    add("law_report_by_leaders", org, {{"person", who}, {"year", year}, {"reported_on", on}});
  }
  void session(const std::string& org, const std::string& kind, const std::string& on) {
    add("law_study_session", org, {{"topic", "学习民法典"}, {"held_on", on}, {"session_kind", kind}});
  }

  TodoPage todo(const UserContext& user, const std::string& today, TodoQuery q = {}) {
    q.today = day(today);
    q.page_size = 0;
    auto page = list_todo(*service_, user, q);
    EXPECT_TRUE(page.has_value()) << page.error().full_message();
    return page ? *page : TodoPage{};
  }
  // "step/owner/due/state/note" of every duty item.
  static std::vector<std::string> duties(const TodoPage& page) {
    std::vector<std::string> out;
    for (const auto& i : page.items)
      if (i.duty)
        out.push_back(todo_step_label(i) + "/" + i.record_title + "/" + i.due.iso() + "/" +
                      std::string(deadline_state_name(i.state)) + "/" +
                      todo_item_to_json(i)["note"].get<std::string>());
    return out;
  }

  std::int64_t mayor_ = 0, director_ = 0, district_ = 0;
};

// 述法 of 2024: the mayor reported in January, the district head in December; the director
// has not. Due 2025-03-31; on the list from 30 days before until 2025's takes its place. A
// director who came in 2025 owes 2025's, not 2024's.
TEST_P(YearlyDutyTodoTest, LawReportOfEachPrincipalLeader) {
  for (int year : {2022, 2023})
    for (auto who : {mayor_, director_, district_}) law_report(who, year, std::to_string(year) + "-12-20", "370100");
  add("people", "370102.sfj",
      {{"name", "冯局长"}, {"position", "局长"}, {"principal", true}, {"entered_on", "2025-02-01"}});
  law_report(mayor_, 2024, "2025-01-10", "370100");
  law_report(district_, 2024, "2024-12-20", "370102");
  auto sys = UserContext::system_context();
  TodoQuery only;
  only.ledger = "law_report_by_leaders";
  EXPECT_THAT(duties(todo(sys, "2025-02-28", only)), IsEmpty()) << "2023's all made";
  EXPECT_THAT(duties(todo(sys, "2025-03-01", only)),
              ElementsAre("2024年度述法/周局长（局长）/2025-03-31/due_soon/2024年度述法尚未记录"));
  EXPECT_THAT(duties(todo(sys, "2025-03-31", only)),
              ElementsAre("2024年度述法/周局长（局长）/2025-03-31/due_today/2024年度述法尚未记录"));
  EXPECT_THAT(duties(todo(sys, "2025-04-01", only)),
              ElementsAre("2024年度述法/周局长（局长）/2025-03-31/overdue/2024年度述法尚未记录"));
  EXPECT_EQ(duties(todo(sys, "2026-02-28", only)).size(), 1u) << "still overdue";
  // 2025's takes its place: all four leaders in post in 2025 owe it.
  EXPECT_THAT(duties(todo(sys, "2026-03-31", only)),
              ElementsAre("2025年度述法/李市长（市长）/2026-03-31/due_today/2025年度述法尚未记录",
                          "2025年度述法/周局长（局长）/2026-03-31/due_today/2025年度述法尚未记录",
                          "2025年度述法/吴区长（区长）/2026-03-31/due_today/2025年度述法尚未记录",
                          "2025年度述法/冯局长（局长）/2026-03-31/due_today/2025年度述法尚未记录"));
  // Recorded in time, it leaves the list; a 述法 without its date does not count.
  law_report(director_, 2024, "2025-03-28", "370100.sfj");
  EXPECT_THAT(duties(todo(sys, "2025-04-01", only)), IsEmpty());
  add("law_report_by_leaders", "370100", {{"person", mayor_}, {"year", 2025}});
  EXPECT_EQ(duties(todo(sys, "2026-04-01", only)).size(), 4u);
}

// 法治专题讲座 (2 a year) and 常务会议会前学法 (4 by default) of each government.
TEST_P(YearlyDutyTodoTest, StudyMinimumsOfEachGovernment) {
  session("370100", "lecture", "2024-03-01");
  session("370100", "lecture", "2024-09-01");
  session("370102", "lecture", "2024-05-10");
  session("370102", "theory_group", "2024-05-11");  // not a lecture
  session("370102", "lecture", "2023-05-10");       // another year
  for (const char* on : {"2024-01-10", "2024-04-10", "2024-07-10", "2024-10-10"})
    session("370100", "executive_meeting", on);
  session("370102", "executive_meeting", "2024-02-02");
  auto sys = UserContext::system_context();
  TodoQuery only;
  only.ledger = "law_study_session";
  // Until 61 days before the end of 2024, 2023's: the city held nothing, the district one
  // lecture; the national minimum of four 会前学法.
  TodoPage before = todo(sys, "2024-10-31", only);
  EXPECT_THAT(duties(before),
              ElementsAre("2023年度法治专题讲座/示例市人民政府/2023-12-31/overdue/2023年度已记录0期，应不少于2期",
                          "2023年度法治专题讲座/示例市甲区人民政府/2023-12-31/overdue/"
                          "2023年度已记录1期，应不少于2期",
                          "2023年度常务会议会前学法/示例市人民政府/2023-12-31/overdue/"
                          "2023年度已记录0次，应不少于4次",
                          "2023年度常务会议会前学法/示例市甲区人民政府/2023-12-31/overdue/"
                          "2023年度已记录0次，应不少于4次"));
  EXPECT_THAT(duties(todo(sys, "2024-11-01", only)),
              ElementsAre("2024年度法治专题讲座/示例市甲区人民政府/2024-12-31/due_soon/"
                          "2024年度已记录1期，应不少于2期",
                          "2024年度常务会议会前学法/示例市甲区人民政府/2024-12-31/due_soon/"
                          "2024年度已记录1次，应不少于4次"));
  // The region requires six 会前学法: the city falls short too, and the source says so.
  add("region_yearly_duty", "370100",
      {{"ledger_name", "law_study_session"},
       {"duty_name", "executive_meeting_study"},
       {"minimum", 6},
       {"basis", "示例省会前学法规定 第三条"},
       {"effective_from", "2024-01-01"},
       {"in_force", true}});
  TodoPage page = todo(sys, "2025-01-02", only);
  EXPECT_THAT(duties(page), ElementsAre("2024年度法治专题讲座/示例市甲区人民政府/2024-12-31/"
                                        "overdue/2024年度已记录1期，应不少于2期",
                                        "2024年度常务会议会前学法/示例市人民政府/2024-12-31/"
                                        "overdue/2024年度已记录4次，应不少于6次",
                                        "2024年度常务会议会前学法/示例市甲区人民政府/2024-12-31/"
                                        "overdue/2024年度已记录1次，应不少于6次"));
  ASSERT_EQ(page.items.size(), 3u);
  nlohmann::json j = todo_item_to_json(page.items[1]);
  EXPECT_EQ(j["kind"], "duty");
  EXPECT_EQ(j["ledger"], "organizations");
  EXPECT_EQ(j["ledger_label"], "单位");
  EXPECT_EQ(j["duty_ledger"], "law_study_session");
  EXPECT_EQ(j["duty_ledger_label"], "学法活动");
  EXPECT_EQ(j["step"], "executive_meeting_study");
  EXPECT_EQ(j["year"], 2024);
  EXPECT_EQ(j["minimum"], 6);
  EXPECT_EQ(j["done"], 4);
  EXPECT_EQ(j["org_code"], "370100");
  EXPECT_EQ(j["rule"], "常务会议会前学法：每年不少于6次，于当年12月31日前");
  EXPECT_THAT(j["source"].get<std::string>(),
              ::testing::StartsWith("示例省会前学法规定 第三条（本地区设定；全国默认："));
  EXPECT_EQ(page.overdue, 3);
  // Not yet in force on an earlier day: the national four.
  TodoPage earlier = todo(sys, "2023-12-31", only);
  ASSERT_EQ(earlier.items.size(), 4u);
  EXPECT_EQ(earlier.due_today, 4);
  EXPECT_EQ(todo_item_to_json(earlier.items[2])["minimum"], 4);
}

// Each user sees the duties of their own scope; a department owes no study minimum.
TEST_P(YearlyDutyTodoTest, EachUserSeesTheDutiesOfTheirScope) {
  const std::string on = "2025-04-01";
  auto count = [&](const UserContext& u) { return todo(u, on).total; };
  // Overdue on 2025-04-01: 述法 2024 of three leaders; 2024's lectures and 会前学法 of both
  // governments (none recorded).
  EXPECT_EQ(count(UserContext::system_context()), 7);
  EXPECT_EQ(count(user(Role::kCoordinator, "370100")), 7);
  EXPECT_EQ(count(user(Role::kLeader, "370102")), 3) << "the district's head and two minimums";
  EXPECT_EQ(count(user(Role::kClerk, "370100.sfj")), 1) << "its director's 述法";
  EXPECT_EQ(count(user(Role::kClerk, "370102.sfj")), 0) << "no principal leader recorded";
  TodoQuery district;
  district.org = "370102";
  EXPECT_EQ(todo(user(Role::kCoordinator, "370100"), on, district).total, 3);
  TodoPage page = todo(user(Role::kReader, "370100"), on);
  EXPECT_EQ(page.overdue, 7);
  for (const auto& i : page.items) EXPECT_EQ(i.state, DeadlineState::kOverdue);
  // Pages of two are the whole list cut in order.
  TodoQuery paged;
  std::vector<std::string> whole, cut;
  for (const auto& i : page.items) whole.push_back(todo_step(i) + "#" + std::to_string(i.record));
  for (int n = 1; n <= 4; ++n) {
    paged.page = n;
    paged.page_size = 2;
    paged.today = day(on);
    auto p = list_todo(*service_, user(Role::kReader, "370100"), paged);
    ASSERT_THAT(p, IsOk());
    for (const auto& i : p->items) cut.push_back(todo_step(i) + "#" + std::to_string(i.record));
  }
  EXPECT_EQ(cut, whole);
}

INSTANTIATE_TEST_SUITE_P(Backends, YearlyDutyTodoTest, ::testing::ValuesIn(testing::all_backends()));

}  // namespace
}  // namespace fazhi
