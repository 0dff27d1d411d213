#include "ledger/tabular/table_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/result_matchers.h"
#include "ledger/tabular/table_reader.h"
#include "ledger/tabular/xlsx_reader.h"
#include "tabular_test_support.h"

namespace fazhi::tabular {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using ::testing::HasSubstr;
using namespace ::fazhi::tabular::testing;

const std::vector<Column> kColumns = {
    {"编号", ColumnKind::kNumber}, {"名称"}, {"受理日期", ColumnKind::kDate}, {"金额", ColumnKind::kNumber}, {"备注"}};

// Cells an export must bring back unchanged, whatever their column's kind.
const std::vector<std::vector<std::string>> kRows = {
    {"1", "市司法局", "2024-01-05", "1234.5", "普通"},
    {"2", "含,逗号", "2024-02-29 13:45:00", "3.50", "含\"引号\""},
    {"003", "多行\r\n文本", "2024-02-30", "-0", " 前后空格 "},
    {"4", "=1+1", "", "1E+20", "<&>'\""},
    {"", "", "2024-13-01", "abc", "110101199003071234"},
    {"5", "只有两列"},
};

std::vector<std::string> padded(std::vector<std::string> row) {
  row.resize(kColumns.size());
  return row;
}

void expect_reads_back(const std::filesystem::path& path) {
  auto reader = open_table_reader(path);
  ASSERT_THAT(reader, IsOk());
  EXPECT_EQ((*reader)->header(), (std::vector<std::string>{"编号", "名称", "受理日期", "金额", "备注"}));
  Row row;
  for (size_t i = 0; i < kRows.size(); ++i) {
    auto got = (*reader)->next(row);
    ASSERT_THAT(got, IsOk());
    ASSERT_TRUE(*got);
    EXPECT_EQ(row.number, static_cast<int64_t>(i) + 2);
    std::vector<std::string> cells(row.cells.begin(), row.cells.end());
    cells.resize(std::max(cells.size(), kColumns.size()));
    EXPECT_EQ(cells, padded(kRows[i])) << "row " << i + 2;
  }
  auto end = (*reader)->next(row);
  ASSERT_THAT(end, IsOk());
  EXPECT_FALSE(*end);
}

TEST(TableWriter, XlsxRoundTrip) {
  ScratchDir dir;
  auto writer = open_table_writer(dir / "out.xlsx", kColumns);
  ASSERT_THAT(writer, IsOk());
  for (const auto& row : kRows) ASSERT_THAT((*writer)->write_row(row), IsOk());
  EXPECT_FALSE(std::filesystem::exists(dir / "out.xlsx"));  // only the .partial until close()
  ASSERT_THAT((*writer)->close(), IsOk());
  EXPECT_FALSE(std::filesystem::exists(dir / "out.xlsx.partial"));
  expect_reads_back(dir / "out.xlsx");
  // Dates and numbers went in as real Excel values, the odd ones as text.
  std::string sheet = read_file(dir / "out.xlsx");
  EXPECT_GT(sheet.size(), 1000u);
}

TEST(TableWriter, CsvRoundTripAndBytes) {
  ScratchDir dir;
  auto writer = open_table_writer(dir / "out.csv", kColumns);
  ASSERT_THAT(writer, IsOk());
  for (const auto& row : kRows) ASSERT_THAT((*writer)->write_row(row), IsOk());
  ASSERT_THAT((*writer)->close(), IsOk());
  expect_reads_back(dir / "out.csv");
  EXPECT_EQ(read_file(dir / "out.csv"),
            "\xEF\xBB\xBF编号,名称,受理日期,金额,备注\r\n"
            "1,市司法局,2024-01-05,1234.5,普通\r\n"
            "2,\"含,逗号\",2024-02-29 13:45:00,3.50,\"含\"\"引号\"\"\"\r\n"
            "003,\"多行\r\n文本\",2024-02-30,-0,\" 前后空格 \"\r\n"
            "4,=1+1,,1E+20,\"<&>'\"\"\"\r\n"
            ",,2024-13-01,abc,110101199003071234\r\n"
            "5,只有两列,,,\r\n");
}

// Text pasted from other systems can carry control characters, which XML cannot hold as
// such; they must survive the round trip (as Excel's _xHHHH_ escapes) or fail clearly.
TEST(TableWriter, XlsxControlCharactersRoundTrip) {
  ScratchDir dir;
  auto writer = open_table_writer(dir / "ctl.xlsx", {{"备注"}});
  ASSERT_THAT(writer, IsOk());
  ASSERT_THAT((*writer)->write_row({std::string("a\x01"
                                                "b\tc\x1F"
                                                "_x0041_ _x12")}),
              IsOk());
  ASSERT_THAT((*writer)->close(), IsOk());
  EXPECT_EQ(render_table(open_table_reader(dir / "ctl.xlsx")),
            "H1⟨备注⟩ 2@数据⟨a\x01"
            "b\tc\x1F"
            "_x0041_ _x12⟩");
}

TEST(TableWriter, UnclosedWriterLeavesNoFile) {
  ScratchDir dir;
  for (std::string name : {"a.csv", "a.xlsx"}) {
    {
      auto writer = open_table_writer(dir / name, kColumns);
      ASSERT_THAT(writer, IsOk());
      ASSERT_THAT((*writer)->write_row(kRows[0]), IsOk());
    }
    EXPECT_FALSE(std::filesystem::exists(dir / name));
    EXPECT_FALSE(std::filesystem::exists(dir / (name + ".partial")));
  }
}

TEST(TableWriter, RejectsOtherExtensionsAndTooManyCells) {
  ScratchDir dir;
  EXPECT_THAT(open_table_writer(dir / "a.xls", kColumns),
              ErrorIs(ErrorCode::kInvalidInput, "文件 a.xls: 只能导出为 .xlsx 或 .csv 文件"));
  auto writer = open_table_writer(dir / "a.csv", {{"甲"}});
  ASSERT_THAT(writer, IsOk());
  EXPECT_THAT((*writer)->write_row({"1", "2"}),
              ErrorIs(ErrorCode::kInternal, HasSubstr("第 2 行有 2 个单元格，多于 1 列")));
  EXPECT_THAT((*writer)->write_row({"\xD5\xC5"}),
              ErrorIs(ErrorCode::kInternal, "文件 a.csv: 第 2 行，列“甲”：内容不是有效的 UTF-8 文本"));
}

TEST(TableWriter, XlsxCellTooLongNamesRowAndColumn) {
  ScratchDir dir;
  auto writer = open_table_writer(dir / "long.xlsx", kColumns);
  ASSERT_THAT(writer, IsOk());
  ASSERT_THAT((*writer)->write_row(kRows[0]), IsOk());
  EXPECT_THAT((*writer)->write_row({"2", std::string(40000, 'x')}),
              ErrorIs(ErrorCode::kInvalidInput,
                      "文件 long.xlsx, 第 3 行，列“名称”: 内容超过 Excel 单元格上限 32767 个字符，请改为导出 CSV"));
}

// Past the rows a sheet holds, the writer starts another sheet with the header again; the
// reader reads only the first by default and all of them on request, numbering rows per sheet.
TEST(TableWriter, XlsxSplitsAcrossSheets) {
  ScratchDir dir;
  WriteOptions options;
  options.rows_per_sheet = 2;
  auto writer = open_table_writer(dir / "split.xlsx", {{"编号", ColumnKind::kNumber}}, options);
  ASSERT_THAT(writer, IsOk());
  for (int i = 1; i <= 5; ++i) ASSERT_THAT((*writer)->write_row({std::to_string(i)}), IsOk());
  ASSERT_THAT((*writer)->close(), IsOk());
  EXPECT_EQ(render_table(open_table_reader(dir / "split.xlsx")), "H1⟨编号⟩ 2@数据⟨1⟩ 3@数据⟨2⟩");
  ReadOptions all;
  all.all_sheets = true;
  EXPECT_EQ(render_table(open_table_reader(dir / "split.xlsx", all)),
            "H1⟨编号⟩ 2@数据⟨1⟩ 3@数据⟨2⟩ 2@数据2⟨3⟩ 3@数据2⟨4⟩ 2@数据3⟨5⟩");
}

TEST(TableWriter, AllSheetsRejectsADifferentHeader) {
  ReadOptions all;
  all.all_sheets = true;
  EXPECT_EQ(
      render_table(open_table_reader(std::string(FAZHI_TABULAR_FIXTURES) + "/openpyxl_types.xlsx", all)).substr(0, 5),
      "error");
  EXPECT_THAT(
      render_table(open_table_reader(std::string(FAZHI_TABULAR_FIXTURES) + "/openpyxl_types.xlsx", all)),
      HasSubstr("文件 openpyxl_types.xlsx, 工作表 其他 第 1 行: 工作表“其他”的表头与第一个工作表“案件”的表头不同"));
}

}  // namespace
}  // namespace fazhi::tabular
