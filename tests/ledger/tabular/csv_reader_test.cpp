#include "ledger/tabular/csv_reader.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <iconv.h>

#include <fstream>

#include "harness/result_matchers.h"
#include "ledger/tabular/table_reader.h"
#include "tabular_test_support.h"

namespace fazhi::tabular {
namespace {

using ::fazhi::testing::ErrorIs;
using ::testing::HasSubstr;
using namespace ::fazhi::tabular::testing;

std::string trim(std::string s) {
  size_t a = s.find_first_not_of(' ');
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(' ') - a + 1);
}

// Splits a case line on bars not preceded by a backslash.
std::vector<std::string> split_columns(const std::string& line) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      out.back() += line[i];
      out.back() += line[++i];
    } else if (line[i] == '|' && out.size() < 3) {
      out.emplace_back();
    } else {
      out.back() += line[i];
    }
  }
  for (auto& c : out) c = trim(c);
  return out;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'x':
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
        break;
      default:
        out += c;
        break;
    }
  }
  return out;
}

TEST(CsvReader, Cases) {
  std::ifstream in(std::string(FAZHI_TABULAR_CASES) + "/csv_reader.txt");
  ASSERT_TRUE(in);
  std::string line;
  int number = 0, cases = 0;
  while (std::getline(in, line)) {
    ++number;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::vector<std::string> cols = split_columns(line);
    ASSERT_EQ(cols.size(), 3u) << "csv_reader.txt:" << number;
    SCOPED_TRACE("csv_reader.txt:" + std::to_string(number) + " (" + cols[0] + ")");
    std::string actual = render_table(open_csv_reader_from_memory(unescape(cols[1]), "t.csv"));
    if (cols[2].starts_with("error:")) {
      EXPECT_THAT(actual, ::testing::StartsWith("error: "));
      EXPECT_THAT(actual, HasSubstr(trim(cols[2].substr(6))));
    } else {
      EXPECT_EQ(actual, cols[2]);
    }
    ++cases;
  }
  EXPECT_GT(cases, 30);
}

std::string to_gb18030(std::string utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string gb(utf8.size() * 2, '\0');
  char* in = utf8.data();
  size_t inleft = utf8.size();
  char* out = gb.data();
  size_t outleft = gb.size();
  size_t rc = iconv(cd, &in, &inleft, &out, &outleft);
  iconv_close(cd);
  EXPECT_NE(rc, static_cast<size_t>(-1));
  gb.resize(gb.size() - outleft);
  return gb;
}

// Records, quoted line breaks and multi-byte characters that straddle the 1 MiB chunks the
// reader works in, in both encodings: every row must come back whole and correctly numbered.
std::string big_table(int rows) {
  std::string out = "编号,内容,备注\r\n";
  for (int i = 0; i < rows; ++i) {
    out += std::to_string(i) + ",\"行政复议第" + std::to_string(i) + "号\r\n\"\"决定\"\"\",";
    out += (i % 7 == 0 ? std::string("") : std::string("备注") + std::string(i % 13, 'x')) + "\r\n";
  }
  return out;
}

void expect_big_table(TableReader& reader, int rows) {
  ASSERT_EQ(reader.header(), (std::vector<std::string>{"编号", "内容", "备注"}));
  Row row;
  for (int i = 0; i < rows; ++i) {
    Result<bool> got = reader.next(row);
    ASSERT_TRUE(got.has_value()) << got.error().full_message();
    ASSERT_TRUE(*got) << "row " << i;
    ASSERT_EQ(row.number, i + 2);
    ASSERT_EQ(row.cells.size(), 3u);
    ASSERT_EQ(row.cells[0], std::to_string(i));
    ASSERT_EQ(row.cells[1], "行政复议第" + std::to_string(i) + "号\r\n\"决定\"");
    ASSERT_EQ(row.cells[2], i % 7 == 0 ? std::string("") : std::string("备注") + std::string(i % 13, 'x'));
  }
  Result<bool> end = reader.next(row);
  ASSERT_TRUE(end.has_value());
  EXPECT_FALSE(*end);
}

TEST(CsvReader, ChunkBoundariesUtf8) {
  const int rows = 60000;  // ~3 MiB
  auto reader = open_csv_reader_from_memory(big_table(rows), "big.csv");
  ASSERT_THAT(reader, fazhi::testing::IsOk());
  expect_big_table(**reader, rows);
}

TEST(CsvReader, ChunkBoundariesGb18030) {
  const int rows = 60000;
  std::string utf8 = big_table(rows);
  std::string gb = to_gb18030(utf8);
  ScratchDir dir;
  write_file(dir / "big.csv", gb);
  auto reader = open_table_reader(dir / "big.csv");
  ASSERT_THAT(reader, fazhi::testing::IsOk());
  expect_big_table(**reader, rows);
}

TEST(CsvReader, GbErrorLateInFileNamesRowAndOffset) {
  std::string data = "名称\n";
  for (int i = 0; i < 100000; ++i) data += "第" + std::to_string(i) + "行\n";
  // Now make it GB18030 and spoil one byte far past the first chunk.
  std::string gb = to_gb18030(data);
  size_t line_start = 0;
  for (int line = 1; line < 90000; ++line) line_start = gb.find('\n', line_start) + 1;
  gb[line_start] = '\xFF';  // the first byte of file line 90000 = row 90000
  std::string rendered = render_table(open_csv_reader_from_memory(gb, "late.csv"));
  EXPECT_THAT(rendered, HasSubstr(fmt::format("第 90000 行（文件第 90000 行，字节偏移 {}）", line_start)));
  EXPECT_THAT(rendered, HasSubstr("字节 0xFF 无法识别"));
}

// Thousands of valid UTF-8 characters settle the encoding; a bad byte far after them is a
// UTF-8 error of that row (a file pasted together from two encodings), not a reason to
// reinterpret the whole file.
TEST(CsvReader, Utf8ErrorAfterEvidenceNamesRow) {
  std::string data = "名称\n";
  for (int i = 0; i < 3000; ++i) data += "复议" + std::to_string(i) + "\n";
  size_t offset = data.size() + 3;
  data += "甲\xD5\xC5\n";  // row 3002: 甲 then 张 in GBK
  std::string rendered = render_table(open_csv_reader_from_memory(data, "mixed.csv"));
  EXPECT_THAT(
      rendered,
      HasSubstr(fmt::format(
          "第 3002 行（文件第 3002 行，字节偏移 {}）: 文件前面的内容是 UTF-8 编码，这里却不是有效的 UTF-8", offset)));
  EXPECT_THAT(rendered, HasSubstr("字节 0xD5 无法识别"));
}

TEST(CsvReader, OverlongRecordSaysUnclosedQuote) {
  std::string data = "a\n\"" + std::string(kMaxCsvRecordBytes + 10, 'x');
  EXPECT_THAT(render_table(open_csv_reader_from_memory(data, "q.csv")),
              HasSubstr("第 2 行: 这一行超过 64 MB，多半是某个单元格的引号没有闭合"));
}

TEST(OpenTableReader, ChoosesByExtensionAndExplainsOthers) {
  ScratchDir dir;
  write_file(dir / "A.CSV", "名称\n甲\n");
  EXPECT_EQ(render_table(open_table_reader(dir / "A.CSV")), "H1⟨名称⟩ 2⟨甲⟩");
  write_file(dir / "old.xls", "whatever");
  EXPECT_THAT(
      open_table_reader(dir / "old.xls"),
      ErrorIs(
          ErrorCode::kInvalidInput,
          "文件 old.xls: 不支持 .xls 格式，请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）或 CSV（.csv）后重新导入"));
  EXPECT_THAT(open_table_reader(dir / "notes.txt"),
              ErrorIs(ErrorCode::kInvalidInput, "文件 notes.txt: 只能导入 .xlsx 或 .csv 文件（这个文件是 .txt）"));
  EXPECT_THAT(open_table_reader(dir / "missing.csv"), ErrorIs(ErrorCode::kNotFound, "文件 missing.csv: 文件不存在"));
  EXPECT_THAT(open_table_reader(dir / "missing.xlsx"), ErrorIs(ErrorCode::kNotFound, "文件 missing.xlsx: 文件不存在"));
}

}  // namespace
}  // namespace fazhi::tabular
