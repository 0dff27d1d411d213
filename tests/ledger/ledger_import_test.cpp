// Import loses nothing: a bad file is refused whole with one message per bad cell, on both
// backends; good files (UTF-8, GB18030, xlsx) import; an export imports back unchanged.
#include "ledger/ledger_import.h"

#include <gmock/gmock.h>
#include <iconv.h>

#include <fstream>

#include "ledger/tabular/table_reader.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using ::testing::AllOf;
using ::testing::HasSubstr;

std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t inleft = utf8.size(), outleft = out.size();
  char* o = out.data();
  iconv(cd, &in, &inleft, &o, &outleft);
  iconv_close(cd);
  out.resize(out.size() - outleft);
  return out;
}

class LedgerImportTest : public testing::LedgerFixture {
 protected:
  std::string write(const std::string& name, const std::string& content) {
    std::string path = dir_.file(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::int64_t people_count() {
    auto page = service_->list(UserContext::system_context(), people(), ListQuery{});
    return page ? page->total : -1;
  }
  Result<ImportOutcome> import(const std::string& path, bool dry_run = false) {
    return import_ledger_file(*service_, user(Role::kClerk, "370102.sfj"), people(), path,
                              ImportOptions{.dry_run = dry_run});
  }
  testing::TempDir dir_;
};

TEST_P(LedgerImportTest, GoodCsvImportsEveryRowWithOneAuditEntry) {
  auto r = import(write("p.csv", "姓名,性别,入职日期,是否领导干部\n张三,男,2024/3/5,否\n李四,女,2024年3月6日,是\n"));
  ASSERT_THAT(r, IsOk());
  EXPECT_EQ(r->rows, 2);
  EXPECT_EQ(r->first_id, 1);
  EXPECT_EQ(r->last_id, 2);
  auto rec = service_->get(UserContext::system_context(), people(), 1);
  ASSERT_THAT(rec, IsOk());
  EXPECT_EQ(sql_text(rec->values[people().field("entered_on") - people().fields.data()]), "2024-03-05");
  EXPECT_EQ(rec->org_code, "370102.sfj");
}

TEST_P(LedgerImportTest, BadCellsAreEachNamedAndNothingIsImported) {
  auto r = import(write("bad.csv",
                        "姓名,性别,入职日期,公民身份号码\n"
                        "张三,男,2024-02-30,\n"
                        "李四,未知,2024-03-01,\n"
                        "王五,女,2024-03-02,110105194912310021\n"
                        "赵六,女,2024-03-03,\n"));
  EXPECT_THAT(r, ErrorIs(ErrorCode::kInvalidInput,
                         AllOf(HasSubstr("有 3 处错误，未导入任何记录"), HasSubstr("第 2 行，列「入职日期」"),
                               HasSubstr("2024-02-30"), HasSubstr("第 3 行，列「性别」"), HasSubstr("未知"),
                               HasSubstr("第 4 行，列「公民身份号码」"), HasSubstr("校验"))));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().details.size(), 3u);
  EXPECT_EQ(people_count(), 0);
}

TEST_P(LedgerImportTest, WrongHeaderIsRefusedBeforeAnyRow) {
  auto r = import(write("h.csv", "姓名,星座\n张三,白羊\n"));
  EXPECT_THAT(r, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("表头「星座」不是「人员」的字段")));
  auto missing = import(write("m.csv", "性别\n男\n"));
  EXPECT_THAT(missing, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("缺少必填列「姓名」")));
  EXPECT_EQ(people_count(), 0);
}

TEST_P(LedgerImportTest, UnknownOrganisationIsACellError) {
  auto r = import(write("o.csv", "所属单位,姓名\n不存在的单位,张三\n"));
  EXPECT_THAT(r, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("单位「不存在的单位」不存在")));
  auto other = import(write("o2.csv", "所属单位,姓名\n示例市司法局,张三\n"));  // outside the clerk's scope
  EXPECT_THAT(other, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不在您的管理范围内")));
  EXPECT_EQ(people_count(), 0);
}

TEST_P(LedgerImportTest, Gb18030FileImports) {
  auto r = import(write("gb.csv", to_gb18030("姓名,职务\n欧阳修,科员\n")));
  ASSERT_THAT(r, IsOk());
  auto rec = service_->get(UserContext::system_context(), people(), 1);
  EXPECT_EQ(sql_text(rec->values[0]), "欧阳修");
}

TEST_P(LedgerImportTest, TruncatedXlsxIsRefused) {
  ASSERT_THAT(import(write("p.csv", "姓名\n张三\n李四\n")), IsOk());
  std::string xlsx = dir_.file("all.xlsx");
  ASSERT_THAT(export_ledger_file(*service_, UserContext::system_context(), people(), ListQuery{}, xlsx), IsOk());
  std::ifstream in(xlsx, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  auto r = import(write("cut.xlsx", bytes.substr(0, bytes.size() / 2)));
  EXPECT_THAT(r, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不是有效的 Excel 文件")));
  EXPECT_EQ(people_count(), 2);
}

TEST_P(LedgerImportTest, DryRunWritesNothing) {
  auto r = import(write("p.csv", "姓名\n张三\n"), true);
  ASSERT_THAT(r, IsOk());
  EXPECT_TRUE(r->dry_run);
  EXPECT_EQ(r->rows, 1);
  EXPECT_EQ(people_count(), 0);
}

TEST_P(LedgerImportTest, ExportImportsBackUnchanged) {
  ASSERT_THAT(import(write("p.csv", "姓名,性别,入职日期,是否领导干部,职务\n张三,男,2024-03-05,否,\"科员, 兼职\"\n李四,女,,是,\n")),
              IsOk());
  for (const char* ext : {"csv", "xlsx"}) {
    std::string first = dir_.file(std::string("first.") + ext);
    ASSERT_THAT(export_ledger_file(*service_, UserContext::system_context(), people(), ListQuery{}, first), IsOk());
    // Into a second database, then out again: the field columns read the same.
    testing::TempDatabase other_db(GetParam());
    auto other = Store::open(other_db.location(), {.create = true});
    ASSERT_THAT(other, IsOk());
    ASSERT_THAT(ensure_ledger_tables(**other), IsOk());
    LedgerService other_service(**other);
    for (auto* org : {"370100", "370102", "370102.sfj"}) {
      auto rec = service_->list(UserContext::system_context(), organizations(),
                                *parse_list_query(organizations(), {{"f.code", org}}));
      nlohmann::json fields = service_->to_json(UserContext::system_context(), organizations(), rec->records[0],
                                                **service_->orgs())["fields"];
      ASSERT_THAT(other_service.create(UserContext::system_context(), organizations(), {{"fields", fields}}), IsOk());
    }
    ASSERT_THAT(import_ledger_file(other_service, UserContext::system_context(), people(), first), IsOk());
    std::string second = dir_.file(std::string("second.") + ext);
    ASSERT_THAT(export_ledger_file(other_service, UserContext::system_context(), people(), ListQuery{}, second), IsOk());
    auto a = tabular::open_table_reader(first);
    auto b = tabular::open_table_reader(second);
    ASSERT_THAT(a, IsOk());
    ASSERT_THAT(b, IsOk());
    EXPECT_EQ((*a)->header(), (*b)->header());
    tabular::Row ra, rb;
    size_t rows = 0;
    while (*(*a)->next(ra)) {
      ASSERT_TRUE(*(*b)->next(rb));
      // Every column but the timestamps at the end is the same.
      for (size_t c = 0; c + 2 < (*a)->header().size(); ++c) EXPECT_EQ(ra.cells[c], rb.cells[c]) << ext << " column " << c;
      ++rows;
    }
    EXPECT_EQ(rows, 2u);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerImportTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
