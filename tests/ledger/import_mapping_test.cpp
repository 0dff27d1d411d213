// A city's own 12345 export imported through a mapping declared as data, on both backends:
// headers renamed, values mapped, its date format read, the due time computed from the
// city's limits by ticket kind on the working-day calendar and on-time closure derived; a
// value the mapping does not know rejects the file naming file, row, column, value and
// reason, with nothing imported.
#include "ledger/import_mapping.h"

#include <gmock/gmock.h>

#include <fstream>

#include "ledger/ledger_fixture.h"
#include "ledger/ledger_import.h"

namespace fazhi {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using ::testing::AllOf;
using ::testing::HasSubstr;

// 示例市's export: its own headers, its own kind names, slashes in its dates.
constexpr const char* kCityMapping = R"({
  "name": "示例市12345工单导出",
  "ledger": "hotline_ticket",
  "columns": {
    "工单号": "ticket_number",
    "工单类型": {"field": "kind", "values": {"咨询类": "consultation", "求助类": "help", "投诉类": "complaint",
                                              "举报类": "report", "建议类": "suggestion", "表扬类": "praise"}},
    "来电时间": {"field": "received_at", "format": "%Y/%m/%d %H:%M"},
    "办结时间": {"field": "closed_at", "format": "%Y/%m/%d %H:%M"},
    "承办部门": {"field": "handling_org", "values": {"甲区司法局": "370102.sfj", "市司法局": "370100.sfj"}},
    "满意度评价": {"field": "satisfaction", "values": {"满意": "satisfied", "基本满意": "basically_satisfied",
                                                       "不满意": "dissatisfied", "": "not_rated", "未评": "not_rated"}}
  },
  "ignore": ["坐席工号"],
  "due": {"field": "due_at", "from": "received_at", "by": "kind",
          "working_days": {"consultation": 1, "help": 5, "complaint": 5, "report": 5, "suggestion": 10}},
  "on_time": {"field": "on_time", "done": "closed_at", "due": "due_at"}
})";

class ImportMappingTest : public testing::LedgerFixture {
 protected:
  std::string write(const std::string& name, const std::string& content) {
    std::string path = dir_.file(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  ImportMapping mapping() {
    auto m = ImportMapping::parse(kCityMapping, "city.json");
    EXPECT_THAT(m, IsOk());
    return *m;
  }
  Result<ImportOutcome> import(const std::string& csv, const ImportMapping& m) {
    ImportOptions options;
    options.default_org = "370100";
    options.mapping = &m;
    return import_ledger_file(*service_, UserContext::system_context(), *find_ledger("hotline_ticket"), csv, options);
  }
  // ticket_number → "kind received_at due_at closed_at on_time handling_org satisfaction".
  std::map<std::string, std::string> tickets() {
    std::map<std::string, std::string> out;
    const LedgerDeclaration& l = *find_ledger("hotline_ticket");
    auto r = service_->for_each(UserContext::system_context(), l, {}, [&](const LedgerRecord& rec) -> Result<void> {
      auto v = [&](const char* f) {
        for (size_t i = 0; i < l.fields.size(); ++i)
          if (l.fields[i].name == f) return sql_text(rec.values[i]);
        return std::string();
      };
      out[v("ticket_number")] = v("kind") + " " + v("received_at") + " " + v("due_at") + " " + v("closed_at") + " " +
                                v("on_time") + " " + v("handling_org") + " " + v("satisfaction");
      return ok();
    });
    EXPECT_THAT(r, IsOk());
    return out;
  }
  testing::TempDir dir_;
};

// Complaint received Friday 2024-09-27: 5 working days (the city's limit) → 09-29 (Sunday,
// worked), 09-30, 10-08, 10-09, 10-10. A consultation: 1 working day → 2024-09-29.
TEST_P(ImportMappingTest, CityHeadersImportThroughTheMapping) {
  std::string csv = write("12345导出.csv",
                          "工单号,工单类型,来电时间,办结时间,承办部门,满意度评价,坐席工号\n"
                          "RX-1,投诉类,2024/09/27 09:30,2024/10/09 16:00,甲区司法局,满意,A017\n"
                          "RX-2,投诉类,2024/09/27 10:00,2024/10/11 09:00,甲区司法局,不满意,A017\n"
                          "RX-3,咨询类,2024/09/27 11:15,,市司法局,,A020\n");
  ImportMapping m = mapping();
  auto outcome = import(csv, m);
  ASSERT_THAT(outcome, IsOk());
  EXPECT_EQ(outcome->rows, 3);
  EXPECT_THAT(tickets(),
              ::testing::ElementsAre(
                  ::testing::Pair("RX-1",
                                  "complaint 2024-09-27T09:30:00 2024-10-10T23:59:59 2024-10-09T16:00:00 1 "
                                  "370102.sfj satisfied"),
                  ::testing::Pair("RX-2",
                                  "complaint 2024-09-27T10:00:00 2024-10-10T23:59:59 2024-10-11T09:00:00 0 "
                                  "370102.sfj dissatisfied"),
                  ::testing::Pair("RX-3", "consultation 2024-09-27T11:15:00 2024-09-29T23:59:59   370100.sfj ")));
}

TEST_P(ImportMappingTest, AnUnknownValueRejectsTheFileNamingRowColumnAndValue) {
  std::string csv = write("12345导出.csv",
                          "工单号,工单类型,来电时间,办结时间,承办部门,满意度评价,坐席工号\n"
                          "RX-1,投诉类,2024/09/27 09:30,2024/10/09 16:00,甲区司法局,满意,A017\n"
                          "RX-2,催办类,2024/09/27 10:00,,甲区司法局,,A017\n");
  ImportMapping m = mapping();
  EXPECT_THAT(import(csv, m), ErrorIs(ErrorCode::kInvalidInput,
                                      AllOf(HasSubstr("12345导出.csv"), HasSubstr("第 3 行"), HasSubstr("工单类型"),
                                            HasSubstr("催办类"), HasSubstr("取值对照"), HasSubstr("未导入任何记录"))));
  EXPECT_TRUE(tickets().empty());
  std::string bad_date = write("12345导出2.csv",
                               "工单号,工单类型,来电时间\n"
                               "RX-9,投诉类,2024/09/27 09:30\n"
                               "RX-10,投诉类,27.09.2024 10:00\n");
  EXPECT_THAT(import(bad_date, m), ErrorIs(ErrorCode::kInvalidInput, AllOf(HasSubstr("第 3 行"), HasSubstr("来电时间"),
                                                                           HasSubstr("27.09.2024 10:00"))));
  EXPECT_TRUE(tickets().empty());
}

TEST_P(ImportMappingTest, AMappingIsCheckedAgainstItsLedger) {
  EXPECT_THAT(ImportMapping::parse(R"({"ledger": "hotline_ticket", "columns": {"类型": {"field": "kind",
              "values": {"咨询类": "chat"}}}})",
                                   "bad.json"),
              ErrorIs(ErrorCode::kInvalidInput, AllOf(HasSubstr("bad.json"), HasSubstr("chat"))));
  EXPECT_THAT(ImportMapping::parse(R"({"ledger": "hotline_ticket", "columns": {"X": "no_field"}})", "bad.json"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("no_field")));
  EXPECT_THAT(ImportMapping::parse(R"({"ledger": "nope", "columns": {}})", "bad.json"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("nope")));
  EXPECT_THAT(ImportMapping::load_named("../etc/passwd"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("名称")));
  ImportMapping ratings = mapping();
  ratings.ledger = "service_rating";
  EXPECT_THAT(import(write("x.csv", "工单号\nRX-1\n"), ratings),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("service_rating")));
}

TEST(ImportMappingParse, RefusedMappingsFromTheTable) {
  std::ifstream in(std::string(FAZHI_TEST_CASES_DIR) + "/import_mapping_errors.txt");
  ASSERT_TRUE(in) << "cases/import_mapping_errors.txt missing";
  auto trim = [](std::string s) {
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  };
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> parts;
    for (size_t start = 0;;) {
      size_t bar = line.find(" | ", start);
      parts.push_back(trim(line.substr(start, bar == std::string::npos ? bar : bar - start)));
      if (bar == std::string::npos) break;
      start = bar + 3;
    }
    ASSERT_EQ(parts.size(), 4u) << line;
    const std::string& id = parts[0];
    Result<ImportMapping> r = ImportMapping::parse(parts[1], "case.json");
    ASSERT_FALSE(r.has_value()) << id << " accepted";
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << id;
    EXPECT_EQ(r.error().place, parts[2]) << id << ": " << r.error().message();
    EXPECT_THAT(r.error().reason, HasSubstr(parts[3])) << id << ": " << r.error().message();
    EXPECT_THAT(r.error().subject, HasSubstr("case.json")) << id;
    ++cases;
  }
  EXPECT_EQ(cases, 19);
}

TEST(ReformatDate, ReadsTheDeclaredPattern) {
  EXPECT_EQ(reformat_date("2024/09/27 09:30", "%Y/%m/%d %H:%M"), "2024-09-27T09:30:00");
  EXPECT_EQ(reformat_date("2024/9/7 9:05", "%Y/%m/%d %H:%M"), "2024-09-07T09:05:00");
  EXPECT_EQ(reformat_date("20240927", "%Y%m%d"), "2024-09-27");
  EXPECT_EQ(reformat_date("2024年9月27日", "%Y年%m月%d日"), "2024-09-27");
  EXPECT_EQ(reformat_date("2024/02/30", "%Y/%m/%d"), "");
  EXPECT_EQ(reformat_date("24/09/27", "%Y/%m/%d"), "");
  EXPECT_EQ(reformat_date("2024/09/27 25:00", "%Y/%m/%d %H:%M"), "");
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportMappingTest, ::testing::ValuesIn(testing::all_backends()));

}  // namespace
}  // namespace fazhi
