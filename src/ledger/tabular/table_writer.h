// A table as ledger export writes it: one header row of Chinese column labels, then data
// rows of text, to a .csv or .xlsx file that the clerk opens in Excel or WPS and that
// imports back unchanged (open_table_reader reads every cell back as the same text).
// The file appears at its path only when close() succeeds: rows go to "<path>.partial"
// first and are renamed into place, so a failed or interrupted export leaves no half file.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace fazhi::tabular {

// How a column's text is stored in .xlsx (CSV is text throughout).
enum class ColumnKind {
  kText,    // always a text cell: codes, identity numbers and names keep their digits
  kNumber,  // a number cell when the text is a number in Excel's own form ("42", "3.5")
  kDate,    // a date cell when the text is "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS]"
};
// Text that does not fit its kind (e.g. "3.50", "2024-02-30", "") is written as text, so
// what is read back is always exactly what was written.

struct Column {
  std::string label;  // the header cell, e.g. "受理日期"
  ColumnKind kind = ColumnKind::kText;
};

struct WriteOptions {
  // XLSX: the first worksheet's name; further sheets (past 1,048,575 data rows each, Excel's
  // limit with the header) are named "<sheet_name>2", "<sheet_name>3" … and repeat the header.
  std::string sheet_name = "数据";
  // XLSX: data rows per sheet. Only tests lower it (to split small tables); above the
  // default, Excel cannot open the file.
  int64_t rows_per_sheet = 1048575;
};

// Writes rows in order. Not thread-safe.
class TableWriter {
 public:
  virtual ~TableWriter() = default;
  // Appends one row; fewer cells than columns are padded with empty cells. More cells, or
  // a cell that is not valid UTF-8, is the caller's bug (kInternal). Fails on a full disk
  // or a cell Excel cannot hold (over 32,767 characters).
  virtual Result<void> write_row(std::span<const std::string_view> cells) = 0;
  Result<void> write_row(std::span<const std::string> cells);
  Result<void> write_row(std::initializer_list<std::string_view> cells) {
    return write_row(std::span<const std::string_view>(cells.begin(), cells.size()));
  }
  // Finishes the file and moves it into place. Without close() (or after a failure) the
  // partial file is removed when the writer is destroyed.
  virtual Result<void> close() = 0;
  // Data rows written so far.
  int64_t rows_written() const { return rows_written_; }

 protected:
  int64_t rows_written_ = 0;
};

// Creates a writer by the extension of `path` (.csv or .xlsx); other extensions fail.
Result<std::unique_ptr<TableWriter>> open_table_writer(const std::filesystem::path& path, std::vector<Column> columns,
                                                       const WriteOptions& options = {});

// A CSV writer: UTF-8 with a byte-order mark (so that Excel on Chinese Windows does not
// read it as GBK), CRLF line ends, fields quoted only when they hold a comma, quote, CR or
// LF, or start or end with a space.
Result<std::unique_ptr<TableWriter>> open_csv_writer(const std::filesystem::path& path, std::vector<Column> columns);

// An XLSX writer over libxlsxwriter in constant-memory mode: bold header row, rows streamed
// to disk, a new sheet every 1,048,575 data rows.
Result<std::unique_ptr<TableWriter>> open_xlsx_writer(const std::filesystem::path& path, std::vector<Column> columns,
                                                      const WriteOptions& options = {});

// Data rows per XLSX sheet: Excel's 1,048,576 rows less the header.
inline constexpr int64_t kXlsxDataRowsPerSheet = 1048575;

}  // namespace fazhi::tabular
