// The report API over a real server on both backends (http/report_routes.cpp, docs/api.md
// "Report rounds"): a round opened through the ledger API, its status in and out of scope,
// publication refused to a reader and granted to the coordinator, the portal's public list
// and files without a session, and the report file for the user's own organisation.
#include <gmock/gmock.h>

#include "api_fixture.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

class ReportApiTest : public testing::ApiFixture {};

TEST_P(ReportApiTest, RoundIsOpenedFollowedPublishedAndListedOnThePortal) {
  auto none = call("GET", "/api/public/reports");
  ASSERT_EQ(none.status, 200) << none.raw;
  EXPECT_TRUE(none.body["reports"].empty());

  auto coordinator = login("coordinator");
  auto opened = call("POST", "/api/ledgers/report_round", &coordinator, R"({"fields": {"year": 2024}})");
  ASSERT_EQ(opened.status, 201) << opened.raw;
  std::string id = std::to_string(opened.body["id"].get<std::int64_t>());
  EXPECT_EQ(opened.body["fields"]["deadline"], "2025-04-01");

  auto status = call("GET", "/api/report-rounds/" + id + "/status", &coordinator);
  ASSERT_EQ(status.status, 200) << status.raw;
  EXPECT_EQ(status.body["org_code"], "370102");
  EXPECT_EQ(status.body["state"], "open");

  // The county's clerk finds the round to write a part for; the city's clerk does not see it.
  auto clerk = login("clerk");
  auto mine = call("GET", "/api/report-rounds/mine", &clerk);
  ASSERT_EQ(mine.status, 200) << mine.raw;
  ASSERT_EQ(mine.body["rounds"].size(), 1u);
  EXPECT_EQ(mine.body["rounds"][0]["round_id"], opened.body["id"]);
  EXPECT_TRUE(mine.body["rounds"][0]["part_id"].is_null());
  auto cityclerk = login("cityclerk");
  EXPECT_EQ(call("GET", "/api/report-rounds/" + id + "/status", &cityclerk).status, 404);

  auto composed =
      call("POST", "/api/ledgers/report_round/" + id + "/transitions/compose", &coordinator,
           nlohmann::json{{"version", opened.body["version"]}, {"fields", nlohmann::json::object()}}.dump());
  ASSERT_EQ(composed.status, 200) << composed.raw;
  auto reader = login("reader");
  EXPECT_EQ(call("POST", "/api/report-rounds/" + id + "/publish", &reader, "{}").status, 403);
  auto check = call("GET", "/api/report-rounds/" + id + "/check", &coordinator);
  ASSERT_EQ(check.status, 200) << check.raw;
  EXPECT_TRUE(check.body["publishable"].get<bool>()) << check.raw;
  auto published =
      call("POST", "/api/report-rounds/" + id + "/publish", &coordinator, R"({"published_on": "2025-03-28"})");
  ASSERT_EQ(published.status, 200) << published.raw;
  EXPECT_TRUE(published.body["published"].get<bool>());
  EXPECT_EQ(published.body["record"]["state"], "published");

  auto list = call("GET", "/api/public/reports");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["reports"].size(), 1u);
  EXPECT_EQ(list.body["reports"][0]["title"], "示例市甲区人民政府关于2024年度法治政府建设情况的报告");
  EXPECT_EQ(list.body["reports"][0]["published_on"], "2025-03-28");
  auto file = call("GET", "/api/public/reports/" + id + "/md");
  ASSERT_EQ(file.status, 200);
  EXPECT_THAT(file.raw, HasSubstr("# 示例市甲区人民政府关于2024年度法治政府建设情况的报告"));
  EXPECT_THAT(file.raw, HasSubstr("2025年3月28日"));
  EXPECT_EQ(call("GET", "/api/public/reports/" + id + "/exe").status, 400);
  EXPECT_EQ(call("GET", "/api/public/reports/999/md").status, 404);

  // The portal serves the report as published: a record of the year added afterwards changes
  // the report composed now, not the published one, whose files were kept with the round.
  auto kept = call("GET", "/api/public/reports/" + id + "/json");
  ASSERT_EQ(kept.status, 200) << kept.raw;
  EXPECT_EQ(kept.body["round"]["state"], "published");
  EXPECT_EQ(kept.body["date"], "2025年3月28日");
  EXPECT_EQ(call("GET", "/api/reports/2024?format=json", &coordinator).body["figures"], kept.body["figures"]);
  auto added =
      call("POST", "/api/ledgers/law_study_session", &coordinator,
           R"({"fields": {"topic": "学习行政复议法", "held_on": "2024-06-01", "session_kind": "executive_meeting"}})");
  ASSERT_EQ(added.status, 201) << added.raw;
  auto live = call("GET", "/api/reports/2024?format=json", &coordinator);
  ASSERT_EQ(live.status, 200) << live.raw;
  auto still = call("GET", "/api/public/reports/" + id + "/json");
  ASSERT_EQ(still.status, 200) << still.raw;
  EXPECT_EQ(still.body["figures"], kept.body["figures"]);
  EXPECT_NE(live.body["figures"], kept.body["figures"]);
  auto pdf = call("GET", "/api/public/reports/" + id + "/pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.raw.substr(0, 5), "%PDF-");
  auto docx = call("GET", "/api/public/reports/" + id + "/docx");
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.raw.substr(0, 2), "PK");
  // The package is the round's attachment, there for the coordinator to download.
  auto round = call("GET", "/api/ledgers/report_round/" + id, &coordinator);
  ASSERT_EQ(round.status, 200) << round.raw;
  ASSERT_EQ(round.body["fields"]["published_package"].size(), 1u) << round.raw;
  EXPECT_EQ(round.body["fields"]["published_package"][0]["media_type"], "application/zip");
}

TEST_P(ReportApiTest, ReportOfTheUsersOwnOrganisationAndNoOther) {
  auto clerk = login("clerk");
  auto own = call("GET", "/api/reports/2024?format=json", &clerk);
  ASSERT_EQ(own.status, 200) << own.raw;
  EXPECT_EQ(own.body["organisation"]["code"], "370102");
  EXPECT_EQ(own.body["period"]["from"], "2024-01-01");
  EXPECT_FALSE(own.body["figures"].empty());
  EXPECT_TRUE(own.body["figures"][0].contains("query"));
  EXPECT_EQ(call("GET", "/api/reports/2024?format=json&org=370100", &clerk).status, 403);
  EXPECT_EQ(call("GET", "/api/reports/2024?format=json").status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportApiTest, ::testing::ValuesIn(testing::all_backends()));

}  // namespace
}  // namespace fazhi
