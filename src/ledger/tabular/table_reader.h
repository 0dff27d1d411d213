// A table as ledger import reads it: a header row, then data rows of text cells, one row at a
// time, from a .csv or .xlsx file of any size. Each row carries the row number the clerk sees
// in Excel (or WPS) when opening the same file, so that import errors can point at it.
// Cells are UTF-8 whatever the file's encoding; XLSX numbers and dates arrive as the text
// Excel shows (`42`, `3.5`, `2024-01-05`), see xlsx_reader.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace fazhi::tabular {

// One data row. The views point into the reader's buffers and stay valid only until the
// next call to TableReader::next().
struct Row {
  int64_t number = 0;                   // 1-based row as the clerk sees it in the file
  std::string_view sheet;               // worksheet name (XLSX); empty for CSV
  std::vector<std::string_view> cells;  // in column order; see each reader for the width
};

struct ReadOptions {
  // XLSX only: read every worksheet in workbook order, not just the first. Each following
  // sheet must start with the same header row (as TableWriter writes when it splits a big
  // export across sheets); a different header fails naming the sheet.
  bool all_sheets = false;
};

// A stream of rows from one file. Rows in which every cell is empty are skipped (their
// numbers are skipped too, so later rows keep the numbers the clerk sees).
// Not thread-safe: one reader belongs to one thread at a time.
class TableReader {
 public:
  virtual ~TableReader() = default;

  // The first non-blank row of the file, read when the reader was opened (XLSX: without
  // formatted but empty cells after the last label).
  const std::vector<std::string>& header() const { return header_; }
  // Its 1-based row number (1 unless blank rows precede it).
  int64_t header_row_number() const { return header_row_number_; }
  // The file name used in error messages ("cases.xlsx").
  const std::string& file_name() const { return file_name_; }

  // Reads the next data row into `row`. Returns true when a row was read and false at the
  // end of the table. Fails for a malformed file naming row and reason; after a failure the
  // rows already returned must not be treated as the file's content.
  virtual Result<bool> next(Row& row) = 0;

 protected:
  std::vector<std::string> header_;
  int64_t header_row_number_ = 0;
  std::string file_name_;
};

// Opens `path` by its extension (.csv or .xlsx, in any case) and reads its header row.
// Fails when the file is missing or unreadable, has another extension (.xls, .et, .txt …
// with a message telling the clerk to save as .xlsx or .csv), is malformed, or has no
// non-blank row at all.
Result<std::unique_ptr<TableReader>> open_table_reader(const std::filesystem::path& path,
                                                       const ReadOptions& options = {});

// "文件 cases.xlsx", the subject of every error about that file.
std::string file_subject(std::string_view file_name);
// "第 12 行" or, for a named sheet, "工作表 数据2 第 12 行".
std::string row_place(int64_t row_number, std::string_view sheet = {});

}  // namespace fazhi::tabular
