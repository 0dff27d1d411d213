#include "ledger/tabular/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <random>

#include "harness/result_matchers.h"
#include "ledger/tabular/table_reader.h"
#include "ledger/tabular/table_writer.h"
#include "ledger/tabular/xlsx_xml.h"
#include "tabular_test_support.h"

namespace fazhi::tabular {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace ::fazhi::tabular::testing;

std::string fixture(const std::string& name) {
  return std::string(FAZHI_TABULAR_FIXTURES) + "/" + name;
}

// Written by openpyxl (see fixtures/make_fixtures.py): dates in custom, built-in and Chinese
// formats, a time, booleans, a blank row 4, a sparse row 5, and the second sheet not read.
TEST(XlsxReader, ReadsOpenpyxlTypes) {
  EXPECT_EQ(render_table(open_table_reader(fixture("openpyxl_types.xlsx"))),
            "H1⟨编号⟩⟨申请人⟩⟨受理日期⟩⟨决定时间⟩⟨金额⟩⟨是否公开⟩⟨备注⟩"
            " 2@案件⟨1⟩⟨张三⟩⟨2024-01-05⟩⟨2024-01-05 13:45:00⟩⟨1234⟩⟨TRUE⟩⟨共享⟩"
            " 3@案件⟨2⟩⟨李四⟩⟨2025-02-28⟩⟨2025-03-01 00:00:00⟩⟨0.3⟩⟨FALSE⟩⟨⟩"
            " 5@案件⟨3⟩⟨⟩⟨⟩⟨⟩⟨1E+20⟩⟨⟩⟨共享⟩"
            " 6@案件⟨4⟩⟨王五⟩⟨2020-02-29⟩⟨⟩⟨-42⟩⟨⟩⟨0012⟩"
            " 7@案件⟨5⟩⟨赵六⟩⟨2023-12-31⟩⟨08:30:00⟩⟨3.5⟩⟨⟩⟨123456789012345⟩"
            " 8@案件⟨6⟩⟨钱七⟩⟨2024-01-05 18:00:00⟩⟨⟩⟨2.5E-07⟩⟨⟩⟨⟩");
}

TEST(XlsxReader, Reads1904DateSystem) {
  EXPECT_EQ(render_table(open_table_reader(fixture("openpyxl_1904.xlsx"))),
            "H1⟨日期⟩ 2@Sheet⟨2024-01-05⟩ 3@Sheet⟨1904-01-01 12:00:00⟩");
}

// Hand-written XML: prefixed names, rows and cells without r="", shared rich text with a
// phonetic run, _xHHHH_ escapes, inline rich text, a formula string, #N/A, t="d", a chart
// sheet and a hidden sheet listed first, an empty trailing row.
TEST(XlsxReader, ReadsHandmadeParts) {
  EXPECT_EQ(render_table(open_table_reader(fixture("handmade.xlsx"))),
            "H1⟨名称⟩⟨说明⟩⟨日期⟩⟨比例⟩"
            " 2@数据⟨复议 机关⟩⟨第一行\\r\\n第二行_x0041_⟩⟨2024-01-05⟩⟨0.25⟩"
            " 4@数据⟨⟩⟨富文本⟩⟨2024-01-06⟩⟨⟩"
            " 5@数据⟨名称x⟩⟨#N/A⟩⟨2024-01-05⟩⟨TRUE⟩"
            " 6@数据⟨⟩⟨⟩⟨⟩⟨2024-01-05 08:30:00⟩");
}

// libxlsxwriter's default mode writes a shared string table, as Excel does.
TEST(XlsxReader, ReadsSharedStringsFromLibxlsxwriter) {
  ScratchDir dir;
  std::string path = (dir / "shared.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "台账");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy/m/d");
  worksheet_write_string(ws, 0, 0, "单位", nullptr);
  worksheet_write_string(ws, 0, 1, "日期", nullptr);
  worksheet_write_string(ws, 0, 2, "数量", nullptr);
  worksheet_write_blank(ws, 0, 3, date);  // a formatted empty cell is not a column
  for (int r = 1; r <= 3; ++r) {
    worksheet_write_string(ws, r, 0, r == 2 ? "司法局" : "市场监管局", nullptr);
    worksheet_write_number(ws, r, 1, 45658 + r, date);
    worksheet_write_number(ws, r, 2, r * 1.5, nullptr);
  }
  worksheet_write_boolean(ws, 5, 1, 0, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  EXPECT_EQ(render_table(open_table_reader(dir / "shared.xlsx")),
            "H1⟨单位⟩⟨日期⟩⟨数量⟩ 2@台账⟨市场监管局⟩⟨2025-01-02⟩⟨1.5⟩ 3@台账⟨司法局⟩⟨2025-01-03⟩⟨3⟩"
            " 4@台账⟨市场监管局⟩⟨2025-01-04⟩⟨4.5⟩ 6@台账⟨⟩⟨FALSE⟩⟨⟩");
}

std::string round_trip_file(const ScratchDir& dir) {
  auto path = dir / "rt.xlsx";
  auto writer = open_table_writer(path, {{"编号", ColumnKind::kNumber}, {"名称"}, {"受理日期", ColumnKind::kDate}});
  EXPECT_THAT(writer, IsOk());
  for (int i = 0; i < 2000; ++i) {
    std::string n = std::to_string(i);
    EXPECT_THAT((*writer)->write_row({n, "第" + n + "号案件", "2024-01-05"}), IsOk());
  }
  EXPECT_THAT((*writer)->close(), IsOk());
  return read_file(path);
}

TEST(XlsxReader, TruncatedFileFailsCleanly) {
  ScratchDir dir;
  std::string whole = round_trip_file(dir);
  ASSERT_GT(whole.size(), 1000u);
  for (size_t cut : {whole.size() / 2, whole.size() / 10, whole.size() - 1, whole.size() - 30, size_t{4}}) {
    SCOPED_TRACE(cut);
    write_file(dir / "cut.xlsx", whole.substr(0, cut));
    std::string rendered = render_table(open_table_reader(dir / "cut.xlsx"));
    EXPECT_THAT(rendered, StartsWith("error: 文件 cut.xlsx: 不是有效的 Excel 文件："));
  }
  write_file(dir / "empty.xlsx", "");
  EXPECT_THAT(render_table(open_table_reader(dir / "empty.xlsx")),
              StartsWith("error: 文件 empty.xlsx: 不是有效的 Excel 文件："));
}

TEST(XlsxReader, GarbageFailsCleanly) {
  ScratchDir dir;
  std::mt19937 rng(7);
  std::string garbage(5000, '\0');
  for (char& c : garbage) c = static_cast<char>(rng());
  write_file(dir / "garbage.xlsx", garbage);
  EXPECT_THAT(
      open_table_reader(dir / "garbage.xlsx"),
      ErrorIs(ErrorCode::kInvalidInput,
              StartsWith("文件 garbage.xlsx: 不是有效的 Excel 文件：文件不是完整的 xlsx 压缩包，可能已损坏、被截断")));
  write_file(dir / "text.xlsx", "编号,名称\n1,甲\n");
  EXPECT_THAT(open_table_reader(dir / "text.xlsx"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不是有效的 Excel 文件")));
  write_file(dir / "old.xlsx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
  EXPECT_THAT(open_table_reader(dir / "old.xlsx"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("这是旧版 Excel 97-2003（.xls）文件或加密的工作簿")));
}

// Damage inside the compressed sheet: every single-byte change either still reads (a byte
// of metadata nobody checks) or fails with the clean message; none crashes or half-succeeds
// silently (CRC checks catch data changes).
TEST(XlsxReader, CorruptBytesFailCleanly) {
  ScratchDir dir;
  std::string whole = round_trip_file(dir);
  int failures = 0;
  for (size_t at = 0; at < whole.size(); at += whole.size() / 97 + 1) {
    std::string damaged = whole;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    std::string rendered = render_table(open_xlsx_reader_from_memory(damaged, "d.xlsx"));
    if (rendered.starts_with("error: ")) {
      ++failures;
      EXPECT_THAT(rendered, StartsWith("error: 文件 d.xlsx: 不是有效的 Excel 文件：")) << "at " << at;
    } else {
      EXPECT_EQ(rendered, render_table(open_xlsx_reader_from_memory(whole, "d.xlsx"))) << "at " << at;
    }
  }
  EXPECT_GT(failures, 50);
}

TEST(XlsxReader, UnescapesExcelEscapes) {
  std::string s = "前缀_x4E2D__x000D__x005F_x0041_ _xD800_ _x12_";
  xlsx::unescape_ooxml(s, 6);
  EXPECT_EQ(s, "前缀中\r_x0041_ \uFFFD _x12_");
}

TEST(XlsxReader, ZipWithoutWorkbookSaysSo) {
  ScratchDir dir;
  auto path = (dir / "doc.xlsx").string();
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  static const char kText[] = "<w:document/>";
  zip_source_t* s = zip_source_buffer(z, kText, sizeof kText - 1, 0);
  zip_file_add(z, "word/document.xml", s, 0);
  ASSERT_EQ(zip_close(z), 0);
  EXPECT_THAT(open_table_reader(dir / "doc.xlsx"),
              ErrorIs(ErrorCode::kInvalidInput,
                      "文件 doc.xlsx: 不是有效的 Excel 文件：缺少 xl/workbook.xml，这不是 Excel 工作簿（可能是其他 "
                      "Office 文件改了扩展名）"));
}

}  // namespace
}  // namespace fazhi::tabular
