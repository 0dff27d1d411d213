// Import loses nothing: a bad file is refused whole with one message per bad cell, on both
// backends; good files (UTF-8, GB18030, xlsx) import; an export imports back unchanged; a
// duplicate of a unique field, within the file or of a record already there, is named by row,
// column and value however many rows are written before it is found.
#include "ledger/ledger_import.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <iconv.h>

#include <fstream>
#include <map>

#include "core/resident_id.h"
#include "ledger/tabular/table_reader.h"
#include "ledger/unique_constraint.h"
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

// A valid 公民身份号码, different for each n below 1000.
std::string citizen_id(int n) {
  std::string first17 = fmt::format("11010519800101{:03d}", n);
  return first17 + resident_id_check_character(first17).value();
}

// A people file of `rows` rows, the k-th (from 1, on line k + 1) with citizen_id(k) unless
// `ids` says otherwise.
std::string people_csv(int rows, const std::map<int, std::string>& ids = {}) {
  std::string csv = "姓名,公民身份号码,入职日期\n";
  for (int k = 1; k <= rows; ++k) {
    auto it = ids.find(k);
    csv += fmt::format("人员{},{},2024-03-05\n", k, it == ids.end() ? citizen_id(k) : it->second);
  }
  return csv;
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
  ASSERT_THAT(
      import(
          write("p.csv", "姓名,性别,入职日期,是否领导干部,职务\n张三,男,2024-03-05,否,\"科员, 兼职\"\n李四,女,,是,\n")),
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
    ASSERT_THAT(export_ledger_file(other_service, UserContext::system_context(), people(), ListQuery{}, second),
                IsOk());
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
      for (size_t c = 0; c + 2 < (*a)->header().size(); ++c)
        EXPECT_EQ(ra.cells[c], rb.cells[c]) << ext << " column " << c;
      ++rows;
    }
    EXPECT_EQ(rows, 2u);
  }
}

TEST_P(LedgerImportTest, DuplicateInTheFileIsNamedAndNothingIsImported) {
  // Rows are written in batches: the copy comes two batches after the row it repeats.
  auto r = import(write("dup.csv", people_csv(200, {{150, citizen_id(3)}})));
  EXPECT_THAT(r, ErrorIs(ErrorCode::kInvalidInput,
                         AllOf(HasSubstr("有 1 处错误，未导入任何记录"), HasSubstr("第 151 行，列「公民身份号码」"),
                               HasSubstr("「" + citizen_id(3) + "」已被编号 3 的记录使用"))));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().details.size(), 1u);
  EXPECT_EQ(people_count(), 0);
  // The same file checked only, and then without the copy, imports.
  EXPECT_THAT(import(write("dup.csv", people_csv(200, {{150, citizen_id(3)}})), true),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("第 151 行，列「公民身份号码」")));
  ASSERT_THAT(import(write("ok.csv", people_csv(200))), IsOk());
  EXPECT_EQ(people_count(), 200);
}

TEST_P(LedgerImportTest, DuplicateOfARecordAlreadyThereIsNamed) {
  ASSERT_THAT(import(write("one.csv", people_csv(1, {{1, citizen_id(7)}}))), IsOk());
  auto r = import(write("more.csv", people_csv(100)));
  EXPECT_THAT(
      r, ErrorIs(ErrorCode::kInvalidInput, AllOf(HasSubstr("有 1 处错误"), HasSubstr("第 8 行，列「公民身份号码」"),
                                                 HasSubstr("「" + citizen_id(7) + "」已被编号 1 的记录使用"))));
  EXPECT_EQ(people_count(), 1);
}

TEST_P(LedgerImportTest, DuplicateAndBadCellsAreAllNamed) {
  // The copy is written before the bad cell stops the writing; both are reported, as is a
  // copy after it.
  std::string csv = people_csv(100, {{2, citizen_id(1)}, {90, citizen_id(1)}});
  const std::string row80 = fmt::format("人员80,{},2024-03-05", citizen_id(80));
  csv.replace(csv.find(row80), row80.size(), fmt::format("人员80,{},2024-02-30", citizen_id(80)));
  auto r = import(write("mixed.csv", csv));
  EXPECT_THAT(r, ErrorIs(ErrorCode::kInvalidInput,
                         AllOf(HasSubstr("有 3 处错误"), HasSubstr("第 3 行，列「公民身份号码」"),
                               HasSubstr("第 81 行，列「入职日期」"), HasSubstr("第 91 行，列「公民身份号码」"))));
  EXPECT_EQ(people_count(), 0);
}

TEST_P(LedgerImportTest, TheDatabaseKeepsTheDeclaredUniqueFieldsUnique) {
  // A table made from the declaration has the constraint; one without it (a column added to
  // an older table) or with a partial index only does not.
  LedgerDeclaration plain = people();
  plain.name = "people_plain";
  auto keeps = [&](const LedgerDeclaration& ledger) {
    Result<bool> out = false;
    EXPECT_THAT(store_->read([&](SqlSession& s) -> Result<void> {
      out = database_keeps_unique_fields(s, ledger);
      return ok();
    }),
                IsOk());
    return out;
  };
  EXPECT_THAT(keeps(people()), IsOk());
  EXPECT_TRUE(*keeps(people()));
  ASSERT_THAT(store_->write(UserContext::system_context().actor(),
                            [](WriteTransaction& tx) {
                              return tx.sql().execute_script(
                                  "CREATE TABLE people_plain (id INTEGER PRIMARY KEY, citizen_id TEXT);"
                                  "CREATE UNIQUE INDEX people_plain_some ON people_plain (citizen_id) WHERE id > 10");
                            }),
              IsOk());
  EXPECT_FALSE(*keeps(plain));
  ASSERT_THAT(store_->write(UserContext::system_context().actor(),
                            [](WriteTransaction& tx) {
                              return tx.sql().execute_script(
                                  "CREATE UNIQUE INDEX people_plain_all ON people_plain (citizen_id)");
                            }),
              IsOk());
  EXPECT_TRUE(*keeps(plain));
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerImportTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi
