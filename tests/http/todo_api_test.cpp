// GET /api/todo over real HTTP on both backends: a session is needed; each user sees the
// running deadlines of their own organisation's scope, with the rule and its source; the
// parameters are checked and refused with the parameter named.
#include <gmock/gmock.h>

#include "api_fixture.h"
#include "ledger/todo_list.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

class TodoApiTest : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    ASSERT_TRUE(ensure_todo_schema(*store_).has_value());
    // Both received Friday 2024-09-27: 20 working days after the 2024 National Day
    // adjustments end on 2024-10-30 (todo_list_test.cpp counts them).
    for (auto [org, number] : {std::pair{"370102.sfj", "GK-district"}, std::pair{"370100.sfj", "GK-city"}}) {
      auto r = service_->create(
          UserContext::system_context(), *find_ledger("openness_request"),
          {{"org_code", org},
           {"fields", {{"request_number", number}, {"applicant", "申请人"}, {"received_on", "2024-09-27"}}}});
      ASSERT_TRUE(r.has_value()) << r.error().full_message();
    }
    // Both governments held their yearly study of 2023 (on the list until November 2024):
    // only the requests are due here, but for the duty test.
    for (const char* org : {"370100", "370102"})
      for (auto [kind, times] : {std::pair{"lecture", 2}, std::pair{"executive_meeting", 4}})
        for (int k = 0; k < times; ++k) {
          auto r = service_->create(UserContext::system_context(), *find_ledger("law_study_session"),
                                    {{"org_code", org},
                                     {"fields",
                                      {{"topic", "学习民法典"},
                                       {"held_on", "2023-0" + std::to_string(k + 3) + "-10"},
                                       {"session_kind", kind}}}});
          ASSERT_TRUE(r.has_value()) << r.error().full_message();
        }
  }
};

TEST_P(TodoApiTest, NeedsASession) {
  EXPECT_EQ(call("GET", "/api/todo").status, 401);
}

TEST_P(TodoApiTest, EachUserSeesTheirScopeWithTheRule) {
  auto clerk = login("clerk");  // 甲区人民政府 370102
  auto r = call("GET", "/api/todo?date=2024-10-31", &clerk);
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["total"], 1);
  EXPECT_EQ(r.body["page"], 1);
  EXPECT_EQ(r.body["page_size"], 50);
  EXPECT_EQ(r.body["totals"], (nlohmann::json{{"due_soon", 0}, {"due_today", 0}, {"overdue", 1}}));
  const auto& item = r.body["items"][0];
  EXPECT_EQ(item["ledger"], "openness_request");
  EXPECT_EQ(item["ledger_label"], "政府信息公开申请");
  EXPECT_EQ(item["record_title"], "GK-district");
  EXPECT_EQ(item["step"], "reply");
  EXPECT_EQ(item["step_label"], "答复期限");
  EXPECT_EQ(item["due"], "2024-10-30");
  EXPECT_EQ(item["state"], "overdue");
  EXPECT_EQ(item["source"], "政府信息公开条例 第三十三条");
  EXPECT_EQ(item["rule"], "答复期限：自收到申请日期起20个工作日（经批准可延长）");
  EXPECT_EQ(item["org_code"], "370102.sfj");
  EXPECT_EQ(item["org_name"], "甲区司法局");

  auto city_clerk = login("cityclerk");  // 示例市司法局 370100.sfj
  auto c = call("GET", "/api/todo?date=2024-10-30", &city_clerk);
  ASSERT_EQ(c.status, 200) << c.raw;
  ASSERT_EQ(c.body["items"].size(), 1u);
  EXPECT_EQ(c.body["items"][0]["record_title"], "GK-city");
  EXPECT_EQ(c.body["items"][0]["state"], "due_today");

  auto leader = login("leader");
  EXPECT_EQ(call("GET", "/api/todo?date=2024-10-29&state=due_soon", &leader).body["total"], 1);
  EXPECT_EQ(call("GET", "/api/todo?date=2024-10-29&state=overdue", &leader).body["total"], 0);
  EXPECT_EQ(call("GET", "/api/todo?date=2024-10-31&ledger=petition", &leader).body["total"], 0);
  auto second = call("GET", "/api/todo?date=2024-10-31&page=2", &leader);
  EXPECT_EQ(second.body["total"], 1);
  EXPECT_TRUE(second.body["items"].empty());
}

// A principal leader of the district without the 述法 of 2023 (due 2024-03-31): a duty item
// on the district's list, naming the leader as its record.
TEST_P(TodoApiTest, YearlyDutiesAreOnTheList) {
  auto p = service_->create(
      UserContext::system_context(), *find_ledger("people"),
      {{"org_code", "370102"}, {"fields", {{"name", "吴区长"}, {"position", "区长"}, {"principal", true}}}});
  ASSERT_TRUE(p.has_value()) << p.error().full_message();
  auto leader = login("leader");
  auto r = call("GET", "/api/todo?date=2024-10-31&ledger=law_report_by_leaders", &leader);
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_EQ(r.body["total"], 1);
  const auto& item = r.body["items"][0];
  EXPECT_EQ(item["kind"], "duty");
  EXPECT_EQ(item["ledger"], "people");
  EXPECT_EQ(item["record"], p->id);
  EXPECT_EQ(item["record_title"], "吴区长（区长）");
  EXPECT_EQ(item["duty_ledger"], "law_report_by_leaders");
  EXPECT_EQ(item["step"], "law_report");
  EXPECT_EQ(item["step_label"], "2023年度述法");
  EXPECT_EQ(item["due"], "2024-03-31");
  EXPECT_EQ(item["state"], "overdue");
  EXPECT_EQ(item["note"], "2023年度述法尚未记录");
  EXPECT_EQ(item["rule"], "述法：每名主要负责人每年不少于1次，于次年3月31日前");
  EXPECT_EQ(call("GET", "/api/todo?date=2024-10-31", &leader).body["total"], 2) << "the request and the 述法";
  auto city_clerk = login("cityclerk");
  EXPECT_EQ(call("GET", "/api/todo?date=2024-10-31&ledger=law_report_by_leaders", &city_clerk).body["total"], 0)
      << "outside the city bureau's scope";
}

TEST_P(TodoApiTest, RefusesBadParametersNamingThem) {
  auto s = login("coordinator");
  auto bad_state = call("GET", "/api/todo?state=late", &s);
  EXPECT_EQ(bad_state.status, 400);
  EXPECT_THAT(bad_state.body["error"]["message"].get<std::string>(), HasSubstr("state"));
  auto bad_date = call("GET", "/api/todo?date=2024-13-01", &s);
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_THAT(bad_date.body["error"]["message"].get<std::string>(), HasSubstr("date"));
  EXPECT_EQ(call("GET", "/api/todo?page=0", &s).status, 400);
  EXPECT_EQ(call("GET", "/api/todo?org=999999", &s).status, 400);
  EXPECT_EQ(call("GET", "/api/todo?ledger=nope", &s).status, 400);
}

INSTANTIATE_TEST_SUITE_P(Backends, TodoApiTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
