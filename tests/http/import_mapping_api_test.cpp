// POST /api/ledgers/NAME/import?mapping=NAME on both backends: the web import dialog imports a
// city's own 12345 export through a named mapping from the server's mapping folder; a name
// that is a path is refused, an unknown one is not found, and a value outside the mapping is
// rejected (422) naming row, column and value, with nothing imported. GET one mapping; POST a
// new one (coordinators and administrators only, audited, never overwriting); and the column
// preview of a file before importing it, with and without a mapping.
#include <gmock/gmock.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "api_fixture.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

class ImportMappingApiTest : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    std::ofstream(folder_.file("city12345.json")) << R"({"name": "示例市12345", "ledger": "hotline_ticket",
      "columns": {"工单号": "ticket_number", "工单类型": {"field": "kind", "values": {"投诉类": "complaint"}},
                  "来电时间": {"field": "received_at", "format": "%Y/%m/%d %H:%M"}}})";
    setenv("FAZHI_MAPPINGS_DIR", folder_.path().c_str(), 1);
  }
  void TearDown() override {
    unsetenv("FAZHI_MAPPINGS_DIR");
    ApiFixture::TearDown();
  }
  testing::TempDir folder_;
};

TEST_P(ImportMappingApiTest, TheDialogImportsThroughANamedMapping) {
  auto s = login("admin");
  auto ok = call("POST", "/api/ledgers/hotline_ticket/import?filename=x.csv&mapping=city12345", &s,
                 "工单号,工单类型,来电时间\nRX-1,投诉类,2024/09/27 09:30\n", true, "text/csv");
  EXPECT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["rows"], 1);
  auto bad =
      call("POST", "/api/ledgers/hotline_ticket/import?filename=x.csv&mapping=city12345", &s,
           "工单号,工单类型,来电时间\nRX-2,投诉类,2024/09/27 09:30\nRX-3,催办类,2024/09/27 10:00\n", true, "text/csv");
  EXPECT_EQ(bad.status, 422) << bad.raw;
  EXPECT_THAT(bad.raw, HasSubstr("催办类"));
  EXPECT_THAT(bad.raw, HasSubstr("第 3 行"));
  ASSERT_EQ(bad.body["error"]["details"].size(), 1u) << "the one bad cell, for the dialog's table";
  EXPECT_EQ(bad.body["error"]["details"][0]["place"], "第 3 行，列「工单类型」");
  EXPECT_EQ(bad.body["error"]["details"][0]["field"], "kind");
  EXPECT_EQ(call("GET", "/api/ledgers/hotline_ticket", &s).body["total"], 1) << "nothing of the bad file";
  EXPECT_EQ(call("POST", "/api/ledgers/hotline_ticket/import?filename=x.csv&mapping=..%2Fetc", &s, "工单号\n", true,
                 "text/csv")
                .status,
            400);
  auto list = call("GET", "/api/import-mappings", &s);
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.body,
            nlohmann::json::parse(R"([{"name": "city12345", "title": "示例市12345", "ledger": "hotline_ticket"}])"));
  EXPECT_EQ(
      call("POST", "/api/ledgers/hotline_ticket/import?filename=x.csv&mapping=nosuch", &s, "工单号\n", true, "text/csv")
          .status,
      404);
}

TEST_P(ImportMappingApiTest, OneMappingInFull) {
  auto s = login("clerk");
  auto m = call("GET", "/api/import-mappings/city12345", &s);
  ASSERT_EQ(m.status, 200) << m.raw;
  EXPECT_EQ(m.body["title"], "示例市12345");
  EXPECT_EQ(m.body["ledger"], "hotline_ticket");
  ASSERT_EQ(m.body["columns"].size(), 3u);
  EXPECT_EQ(m.body["columns"][0], nlohmann::json::parse(R"({"header": "工单号", "field": "ticket_number"})"));
  EXPECT_EQ(m.body["columns"][1]["values"]["投诉类"], "complaint");
  EXPECT_EQ(m.body["columns"][2]["format"], "%Y/%m/%d %H:%M");
  EXPECT_EQ(call("GET", "/api/import-mappings/nosuch", &s).status, 404);
  EXPECT_EQ(call("GET", "/api/import-mappings/..%2Fetc", &s).status, 400);
  EXPECT_EQ(call("GET", "/api/import-mappings/city12345").status, 401);
}

// A coordinator saves the city's 好差评 export layout; it is listed, imports, and is audited
// (the chain stays intact: a mapping is a file, not a ledger row).
TEST_P(ImportMappingApiTest, ACoordinatorSavesANewMapping) {
  auto s = login("coordinator");
  const std::string body = R"({"name": "city-ratings", "mapping": {"name": "示例市好差评导出",
    "ledger": "service_rating",
    "columns": {"评价编号": "rating_number",
                "评价时间": {"field": "rated_at", "format": "%Y年%m月%d日 %H:%M"},
                "评价结果": {"field": "stars", "values": {"非常满意": "5", "不满意": "2"}}},
    "ignore": ["序号"]}})";
  auto saved = call("POST", "/api/import-mappings", &s, body);
  ASSERT_EQ(saved.status, 201) << saved.raw;
  EXPECT_EQ(saved.body["name"], "city-ratings");
  EXPECT_EQ(saved.body["ignore"], nlohmann::json::parse(R"(["序号"])"));
  EXPECT_TRUE(std::filesystem::exists(folder_.file("city-ratings.json")));

  auto list = call("GET", "/api/import-mappings", &s);
  ASSERT_EQ(list.body.size(), 2u) << list.raw;
  EXPECT_EQ(list.body[0]["name"], "city-ratings");
  EXPECT_EQ(list.body[0]["ledger"], "service_rating");

  auto imported = call("POST", "/api/ledgers/service_rating/import?filename=r.csv&mapping=city-ratings", &s,
                       "序号,评价编号,评价时间,评价结果\n1,PJ-1,2024年03月01日 10:05,非常满意\n"
                       "2,PJ-2,2024年03月02日 16:40,不满意\n",
                       true, "text/csv");
  EXPECT_EQ(imported.status, 200) << imported.raw;
  EXPECT_EQ(imported.body["rows"], 2);

  auto admin = login("admin");
  auto log = call("GET", "/api/audit?ledger=import_mappings&page_size=5", &admin);
  ASSERT_EQ(log.status, 200) << log.raw;
  ASSERT_GE(log.body["entries"].size(), 1u) << log.raw;
  EXPECT_EQ(log.body["entries"][0]["action"], "create");
  EXPECT_EQ(log.body["entries"][0]["actor"], "coordinator");
  EXPECT_EQ(log.body["entries"][0]["record_id"], "city-ratings");
  EXPECT_THAT(log.raw, HasSubstr("示例市好差评导出"));
  EXPECT_EQ(call("GET", "/api/audit/verify", &admin).body["intact"], true);

  // The name is taken: the saved file stays as it was.
  auto again = call("POST", "/api/import-mappings", &s,
                    R"({"name": "city-ratings", "mapping": {"ledger": "service_rating", "columns": {}}})");
  EXPECT_EQ(again.status, 409) << again.raw;
  EXPECT_EQ(call("GET", "/api/import-mappings/city-ratings", &s).body["columns"].size(), 3u);
}

TEST_P(ImportMappingApiTest, SavingIsRefusedToOtherRolesAndBadMappings) {
  const std::string good =
      R"({"name": "m1", "mapping": {"ledger": "hotline_ticket", "columns": {"单号": "ticket_number"}}})";
  for (const char* role : {"clerk", "leader", "reader"}) {
    auto s = login(role);
    EXPECT_EQ(call("POST", "/api/import-mappings", &s, good).status, 403) << role;
  }
  auto s = login("coordinator");
  EXPECT_EQ(call("POST", "/api/import-mappings", &s, good, false).status, 403) << "no CSRF token";
  auto bad_field = call("POST", "/api/import-mappings", &s,
                        R"({"name": "m2", "mapping": {"ledger": "hotline_ticket", "columns": {"单号": "nosuch"}}})");
  EXPECT_EQ(bad_field.status, 400);
  EXPECT_THAT(bad_field.raw, HasSubstr("nosuch"));
  auto bad_value = call("POST", "/api/import-mappings", &s,
                        R"({"name": "m3", "mapping": {"ledger": "hotline_ticket",
                            "columns": {"类型": {"field": "kind", "values": {"催办": "urge"}}}}})");
  EXPECT_EQ(bad_value.status, 400);
  EXPECT_THAT(bad_value.raw, HasSubstr("urge"));
  EXPECT_EQ(call("POST", "/api/import-mappings", &s,
                 R"({"name": "../x", "mapping": {"ledger": "hotline_ticket", "columns": {}}})")
                .status,
            400);
  EXPECT_EQ(call("POST", "/api/import-mappings", &s, R"({"name": "m4", "mapping": "x"})").status, 400);
  EXPECT_EQ(call("POST", "/api/import-mappings", &s,
                 R"({"name": "m5", "mapping": {"name": 5, "ledger": "hotline_ticket", "columns": {}}})")
                .status,
            400);
  EXPECT_EQ(call("GET", "/api/import-mappings", &s).body.size(), 1u) << "nothing saved";
}

// What an import would make of a file's columns: through the mapping, by the ledger's own
// labels, or not at all; with the file's values and those the mapping does not know.
TEST_P(ImportMappingApiTest, ThePreviewShowsWhereEachHeaderGoes) {
  auto s = login("clerk");
  const std::string csv =
      "工单号,工单类型,来电时间,诉求内容,坐席\nRX-1,投诉类,2024/09/27 09:30,噪音,A1\n"
      "RX-2,催办类,2024/09/27 10:00,噪音,A2\nRX-3,投诉类,2024/09/28 11:00,漏水,A1\n";
  auto p = call("POST", "/api/ledgers/hotline_ticket/import/columns?filename=x.csv&mapping=city12345", &s, csv, true,
                "text/csv");
  ASSERT_EQ(p.status, 200) << p.raw;
  const auto& c = p.body["columns"];
  ASSERT_EQ(c.size(), 5u) << p.raw;
  EXPECT_EQ(c[0]["how"], "mapping");
  EXPECT_EQ(c[0]["field"], "ticket_number");
  EXPECT_EQ(c[1]["field"], "kind");
  EXPECT_EQ(c[1]["samples"], nlohmann::json::parse(R"(["投诉类", "催办类"])"));
  EXPECT_EQ(c[1]["unmapped"], nlohmann::json::parse(R"(["催办类"])"));
  EXPECT_EQ(c[2]["format"], "%Y/%m/%d %H:%M");
  EXPECT_EQ(c[3]["how"], "label");
  EXPECT_EQ(c[3]["field"], "content");
  EXPECT_EQ(c[4]["how"], "unknown");
  EXPECT_EQ(p.body["missing"], nlohmann::json::array());
  EXPECT_EQ(p.body["rows_read"], 3);

  auto plain = call("POST", "/api/ledgers/hotline_ticket/import/columns?filename=x.csv", &s, csv, true, "text/csv");
  ASSERT_EQ(plain.status, 200) << plain.raw;
  EXPECT_EQ(plain.body["columns"][0]["how"], "unknown");
  EXPECT_EQ(plain.body["missing"], nlohmann::json::parse(R"(["ticket_number", "kind", "received_at"])"));

  // Only the start of a large .csv: a row cut short ends the sampling, not the preview.
  auto cut = call("POST", "/api/ledgers/hotline_ticket/import/columns?filename=x.csv&mapping=city12345", &s,
                  "工单号,工单类型\nRX-1,投诉类\n\"RX-2,投", true, "text/csv");
  EXPECT_EQ(cut.status, 200) << cut.raw;

  EXPECT_EQ(call("POST", "/api/ledgers/service_rating/import/columns?filename=x.csv&mapping=city12345", &s, csv, true,
                 "text/csv")
                .status,
            400);
  auto reader = login("reader");
  EXPECT_EQ(
      call("POST", "/api/ledgers/hotline_ticket/import/columns?filename=x.csv", &reader, csv, true, "text/csv").status,
      403);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportMappingApiTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
