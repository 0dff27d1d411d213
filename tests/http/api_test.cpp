// The JSON API over real HTTP on loopback, on both backends: sessions, CSRF, errors with
// field names, transitions refused with a reason, import, export, and the authorisation
// matrix (every role × every endpoint × own and other organisation).
#include <gmock/gmock.h>

#include "api_fixture.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

class ApiTest : public testing::ApiFixture {};

TEST_P(ApiTest, HealthNeedsNoSessionButEverythingElseDoes) {
  EXPECT_EQ(call("GET", "/api/health").status, 200);
  EXPECT_EQ(call("GET", "/api/health").body["status"], "ok");
  for (const char* path : {"/api/me", "/api/schema", "/api/orgs", "/api/ledgers/people", "/api/ledgers/people/1",
                           "/api/audit", "/api/ledgers/people/export"}) {
    auto r = call("GET", path);
    EXPECT_EQ(r.status, 401) << path;
    EXPECT_EQ(r.body["error"]["code"], "unauthenticated") << path;
  }
}

TEST_P(ApiTest, LoginSetsAnHttpOnlySessionAndLogoutEndsIt) {
  auto bad = call("POST", "/api/login", nullptr, R"({"login":"clerk","password":"wrong"})");
  EXPECT_EQ(bad.status, 401);
  EXPECT_THAT(bad.body["error"]["message"].get<std::string>(), HasSubstr("用户名或密码不正确"));
  auto s = login("clerk");
  ASSERT_FALSE(s.cookie.empty());
  auto me = call("GET", "/api/me", &s);
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.body["user"]["role"], "clerk");
  EXPECT_EQ(me.body["user"]["org_name"], "示例市甲区人民政府");
  EXPECT_EQ(call("POST", "/api/logout", &s).status, 204);
  EXPECT_EQ(call("GET", "/api/me", &s).status, 401);
}

TEST_P(ApiTest, FiveWrongPasswordsLockTheAccount) {
  for (int i = 0; i < 5; ++i) call("POST", "/api/login", nullptr, R"({"login":"reader","password":"nope"})");
  auto r =
      call("POST", "/api/login", nullptr, nlohmann::json{{"login", "reader"}, {"password", testing::kPassword}}.dump());
  EXPECT_EQ(r.status, 401);
  EXPECT_THAT(r.body["error"]["message"].get<std::string>(), HasSubstr("已锁定"));
}

TEST_P(ApiTest, WritesNeedTheCsrfToken) {
  auto s = login("clerk");
  auto r = call("POST", "/api/ledgers/people", &s, R"({"fields":{"name":"张三"}})", /*send_csrf=*/false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(call("POST", "/api/ledgers/people", &s, R"({"fields":{"name":"张三"}})").status, 201);
}

TEST_P(ApiTest, FieldErrorsCarryTheFieldName) {
  auto s = login("clerk");
  auto r = call("POST", "/api/ledgers/people", &s, R"({"fields":{"name":"张三","entered_on":"2024-13-01"}})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["error"]["field"], "entered_on");
  EXPECT_THAT(r.body["error"]["message"].get<std::string>(), HasSubstr("入职日期"));
}

TEST_P(ApiTest, TransitionOutOfOrderIsRefusedWithTheReason) {
  auto s = login("clerk");
  auto c = call(
      "POST", "/api/ledgers/reconsideration", &s,
      R"({"org_code":"370102.sfj","fields":{"applicant":"某公司","respondent_org":"370102","act_description":"罚款决定","received_on":"2024-09-27"}})");
  ASSERT_EQ(c.status, 201) << c.raw;
  EXPECT_EQ(c.body["state"], "received");
  // The examination limit: 5 working days after Fri 2024-09-27 is Thu 2024-10-10 (RULES.md W1).
  bool found = false;
  for (auto& d : c.body["deadlines"])
    if (d["name"] == "examination") {
      EXPECT_EQ(d["due"], "2024-10-10");
      found = true;
    }
  EXPECT_TRUE(found) << c.raw;
  std::string id = std::to_string(c.body["id"].get<int>());
  auto r = call("POST", "/api/ledgers/reconsideration/" + id + "/transitions/conclude", &s,
                R"({"fields":{"decision_kind":"maintained","concluded_on":"2024-10-08"}})");
  EXPECT_EQ(r.status, 409);
  EXPECT_THAT(r.body["error"]["message"].get<std::string>(), HasSubstr("不能办理"));
}

TEST_P(ApiTest, ImportRejectsABadCellWith422AndImportsNothing) {
  auto s = login("clerk");
  auto r = call("POST", "/api/ledgers/people/import?filename=people.csv", &s, "姓名,入职日期\n张三,2024-02-30\n", true,
                "text/csv");
  EXPECT_EQ(r.status, 422);
  ASSERT_EQ(r.body["error"]["details"].size(), 1u);
  EXPECT_EQ(r.body["error"]["details"][0]["place"], "第 2 行，列「入职日期」");
  EXPECT_EQ(call("GET", "/api/ledgers/people", &s).body["total"], 0);
  auto good = call("POST", "/api/ledgers/people/import?filename=people.csv", &s, "姓名,入职日期\n张三,2024-02-28\n",
                   true, "text/csv");
  EXPECT_EQ(good.status, 200);
  EXPECT_EQ(good.body["rows"], 1);
  auto csv = call("GET", "/api/ledgers/people/export?format=csv", &s);
  EXPECT_EQ(csv.status, 200);
  EXPECT_THAT(csv.raw, HasSubstr("张三"));
  EXPECT_THAT(csv.raw, HasSubstr("2024-02-28"));
}

// The matrix. Every role's user sits at the county government 370102; "own" is a record of
// its 司法局 (below it), "other" one of the city's 司法局 (a sibling branch).
struct Expectation {
  const char* role;
  int list, get_own, get_other, create_own, create_other, update_own, update_other, delete_other, delete_own, import,
      export_, audit, verify, schema, orgs;
};

TEST_P(ApiTest, AuthorisationMatrix) {
  const Expectation kMatrix[] = {
      // role          list get_o get_x cr_o cr_x up_o up_x del_x del_o imp  exp  aud  ver  sch  org
      {"admin", 200, 200, 404, 201, 403, 200, 404, 404, 204, 200, 200, 200, 200, 200, 200},
      {"coordinator", 200, 200, 404, 201, 403, 200, 404, 404, 204, 200, 200, 403, 403, 200, 200},
      {"clerk", 200, 200, 404, 201, 403, 200, 404, 404, 204, 200, 200, 403, 403, 200, 200},
      {"leader", 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 200},
      {"reader", 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 200},
  };
  for (const Expectation& e : kMatrix) {
    SCOPED_TRACE(e.role);
    auto sys = UserContext::system_context();
    auto own = service_->create(sys, people(), {{"org_code", "370102.sfj"}, {"fields", {{"name", "区局人员"}}}});
    auto other = service_->create(sys, people(), {{"org_code", "370100.sfj"}, {"fields", {{"name", "市局人员"}}}});
    ASSERT_TRUE(own && other);
    std::string own_path = "/api/ledgers/people/" + std::to_string(own->id);
    std::string other_path = "/api/ledgers/people/" + std::to_string(other->id);
    auto s = login(e.role);
    ASSERT_FALSE(s.cookie.empty());
    auto list = call("GET", "/api/ledgers/people?page_size=500", &s);
    EXPECT_EQ(list.status, e.list);
    for (auto& r : list.body["records"]) EXPECT_NE(r["org_code"], "370100.sfj") << "saw a record outside the scope";
    EXPECT_EQ(call("GET", own_path, &s).status, e.get_own);
    EXPECT_EQ(call("GET", other_path, &s).status, e.get_other);
    EXPECT_EQ(call("POST", "/api/ledgers/people", &s, R"({"org_code":"370102.sfj","fields":{"name":"新"}})").status,
              e.create_own);
    EXPECT_EQ(call("POST", "/api/ledgers/people", &s, R"({"org_code":"370100.sfj","fields":{"name":"新"}})").status,
              e.create_other);
    EXPECT_EQ(call("PATCH", own_path, &s, R"({"fields":{"position":"科员"}})").status, e.update_own);
    EXPECT_EQ(call("PATCH", other_path, &s, R"({"fields":{"position":"科员"}})").status, e.update_other);
    EXPECT_EQ(call("DELETE", other_path, &s).status, e.delete_other);
    EXPECT_EQ(call("DELETE", own_path, &s).status, e.delete_own);
    EXPECT_EQ(call("POST", "/api/ledgers/people/import?filename=p.csv", &s, "姓名\n导入\n", true, "text/csv").status,
              e.import);
    EXPECT_EQ(call("GET", "/api/ledgers/people/export?format=csv", &s).status, e.export_);
    EXPECT_EQ(call("GET", "/api/audit", &s).status, e.audit);
    EXPECT_EQ(call("GET", "/api/audit/verify", &s).status, e.verify);
    EXPECT_EQ(call("GET", "/api/schema", &s).status, e.schema);
    auto orgs = call("GET", "/api/orgs", &s);
    EXPECT_EQ(orgs.status, e.orgs);
    for (auto& o : orgs.body["orgs"]) EXPECT_NE(o["code"], "370100.sfj");
    auto r = call("GET", "/api/ledgers/people/export?format=csv", &s);
    EXPECT_THAT(r.raw, ::testing::Not(HasSubstr("市局人员")));
  }
  // The city clerk, for symmetry: sees the city bureau's records, not the county's.
  auto s = login("cityclerk");
  auto list = call("GET", "/api/ledgers/people?page_size=500", &s);
  for (auto& r : list.body["records"]) EXPECT_EQ(r["org_code"], "370100.sfj");
}

TEST_P(ApiTest, AuditVerifyReportsAnIntactChain) {
  auto s = login("admin");
  call("POST", "/api/ledgers/people", &s, R"({"org_code":"370102.sfj","fields":{"name":"张三"}})");
  auto v = call("GET", "/api/audit/verify", &s);
  EXPECT_EQ(v.status, 200);
  EXPECT_EQ(v.body["intact"], true) << v.raw;
  auto log = call("GET", "/api/audit?page_size=5", &s);
  EXPECT_EQ(log.body["entries"][0]["action"], "create");
  EXPECT_EQ(log.body["entries"][0]["ledger"], "people");
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
