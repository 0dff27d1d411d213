// POST /api/ledgers/NAME/import?mapping=NAME on both backends: the web import dialog imports a
// city's own 12345 export through a named mapping from the server's mapping folder; a name
// that is a path is refused, an unknown one is not found, and a value outside the mapping is
// rejected (422) naming row, column and value, with nothing imported.
#include <gmock/gmock.h>

#include <cstdlib>
#include <fstream>

#include "api_fixture.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

class ImportMappingApiTest : public testing::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    std::ofstream(folder_.file("city12345.json"))
        << R"({"name": "示例市12345", "ledger": "hotline_ticket",
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
           "工单号,工单类型,来电时间\nRX-2,投诉类,2024/09/27 09:30\nRX-3,催办类,2024/09/27 10:00\n",
           true, "text/csv");
  EXPECT_EQ(bad.status, 422) << bad.raw;
  EXPECT_THAT(bad.raw, HasSubstr("催办类"));
  EXPECT_THAT(bad.raw, HasSubstr("第 3 行"));
  EXPECT_EQ(call("GET", "/api/ledgers/hotline_ticket", &s).body["total"], 1)
      << "nothing of the bad file";
  EXPECT_EQ(call("POST", "/api/ledgers/hotline_ticket/import?filename=x.csv&mapping=..%2Fetc", &s,
                 "工单号\n", true, "text/csv")
                .status,
            400);
  auto list = call("GET", "/api/import-mappings", &s);
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.body,
            nlohmann::json::parse(
                R"([{"name": "city12345", "title": "示例市12345", "ledger": "hotline_ticket"}])"));
  EXPECT_EQ(call("POST", "/api/ledgers/hotline_ticket/import?filename=x.csv&mapping=nosuch", &s,
                 "工单号\n", true, "text/csv")
                .status,
            404);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportMappingApiTest,
                         ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
