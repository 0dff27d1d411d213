// The XLSX half of table_writer.h, over libxlsxwriter in constant-memory mode: each row is
// written to a temporary file as it comes, so memory stays flat however many rows there are.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "ledger/tabular/excel_values.h"
#include "ledger/tabular/partial_file.h"
#include "ledger/tabular/table_reader.h"
#include "ledger/tabular/table_writer.h"

namespace fazhi::tabular {
namespace {

constexpr int kExcelMaxCellChars = 32767;

// Whether `s` starts with an _xHHHH_ escape.
bool looks_escaped(std::string_view s) {
  if (s.size() < 7 || s[1] != 'x' || s[6] != '_') return false;
  for (size_t i = 2; i < 6; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

class XlsxWriter final : public TableWriter {
 public:
  XlsxWriter(std::filesystem::path path, std::vector<Column> columns, WriteOptions options)
      : file_(std::move(path)), columns_(std::move(columns)), options_(std::move(options)) {}
  ~XlsxWriter() override {
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
  }

  Result<void> open() {
    if (columns_.empty() || columns_.size() > 16384) {
      return internal_error(subject(), fmt::format("列数 {} 不在 1 到 16384 之间", columns_.size()));
    }
    path_text_ = file_.partial().string();
    lxw_workbook_options opts{};
    opts.constant_memory = LXW_TRUE;
    // No ZIP64: minizip's ZIP64 records fail libzip's consistency check (and so our own
    // reader), and a full sheet (1,048,575 rows) of a ledger stays far below 4 GB of XML.
    opts.use_zip64 = LXW_FALSE;
    workbook_ = workbook_new_opt(path_text_.c_str(), &opts);
    if (workbook_ == nullptr) return internal_error(subject(), "无法创建 Excel 工作簿（内存不足？）");
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
    date_ = workbook_add_format(workbook_);
    format_set_num_format(date_, "yyyy-mm-dd");
    date_time_ = workbook_add_format(workbook_);
    format_set_num_format(date_time_, "yyyy-mm-dd hh:mm:ss");
    return add_sheet();
  }

  Result<void> write_row(std::span<const std::string_view> cells) override {
    if (workbook_ == nullptr) return internal_error(subject(), "写入器已关闭或出错");
    if (cells.size() > columns_.size()) {
      return internal_error(subject(), fmt::format("第 {} 行有 {} 个单元格，多于 {} 列", rows_written_ + 2,
                                                   cells.size(), columns_.size()));
    }
    FAZHI_TRY(check_text(cells, columns_, subject(), rows_written_ + 2));
    if (row_in_sheet_ > std::min(options_.rows_per_sheet, kXlsxDataRowsPerSheet)) FAZHI_TRY(add_sheet());
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      FAZHI_TRY(write_cell(static_cast<lxw_col_t>(c), cells[c]));
    }
    ++row_in_sheet_;
    ++rows_written_;
    return ok();
  }

  Result<void> close() override {
    if (workbook_ == nullptr) return internal_error(subject(), "写入器已关闭或出错");
    lxw_error error = workbook_close(std::exchange(workbook_, nullptr));  // frees the workbook
    if (error != LXW_NO_ERROR) {
      return invalid_input(subject(), "", fmt::format("无法写入文件：{}", lxw_strerror(error)));
    }
    return file_.commit();
  }

 private:
  std::string subject() const { return file_subject(file_.target().filename().string()); }

  Result<void> add_sheet() {
    ++sheet_count_;
    sheet_name_ = sheet_count_ == 1 ? options_.sheet_name : fmt::format("{}{}", options_.sheet_name, sheet_count_);
    sheet_ = workbook_add_worksheet(workbook_, sheet_name_.c_str());
    if (sheet_ == nullptr) return internal_error(subject(), fmt::format("无法新建工作表“{}”", sheet_name_));
    worksheet_freeze_panes(sheet_, 1, 0);
    for (size_t c = 0; c < columns_.size(); ++c) {
      const Column& column = columns_[c];
      double width = column.kind == ColumnKind::kDate ? 20 : 16;
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
    }
    row_in_sheet_ = 0;
    for (size_t c = 0; c < columns_.size(); ++c) {
      FAZHI_TRY(write_string(static_cast<lxw_col_t>(c), columns_[c].label, bold_));
    }
    row_in_sheet_ = 1;
    return ok();
  }

  Result<void> write_cell(lxw_col_t column, std::string_view text) {
    switch (columns_[column].kind) {
      case ColumnKind::kNumber: {
        double value = 0;
        auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc() && p == text.data() + text.size() && excel_number_text(text) == text) {
          return check(worksheet_write_number(sheet_, row(), column, value, nullptr), column);
        }
        break;
      }
      case ColumnKind::kDate:
        if (auto serial = iso_to_excel_serial(text)) {
          return check(worksheet_write_number(sheet_, row(), column, *serial, text.size() == 10 ? date_ : date_time_),
                       column);
        }
        break;
      case ColumnKind::kText:
        break;
    }
    return write_string(column, text, nullptr);
  }

  Result<void> write_string(lxw_col_t column, std::string_view text, lxw_format* format) {
    // libxlsxwriter wants NUL-terminated text, and escapes control characters as _xHHHH_ but
    // not text that already looks like such an escape: escape its underscore, as Excel does.
    scratch_.clear();
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '_' && looks_escaped(text.substr(i))) scratch_ += "_x005F";
      scratch_ += text[i];
    }
    return check(worksheet_write_string(sheet_, row(), column, scratch_.c_str(), format), column);
  }

  Result<void> check(lxw_error error, lxw_col_t column) {
    if (error == LXW_NO_ERROR) return ok();
    std::string place =
        fmt::format("{}，列“{}”", row_place(row() + 1, sheet_count_ > 1 ? sheet_name_ : ""), columns_[column].label);
    if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
      return invalid_input(subject(), place,
                           fmt::format("内容超过 Excel 单元格上限 {} 个字符，请改为导出 CSV", kExcelMaxCellChars));
    }
    return invalid_input(subject(), place, fmt::format("无法写入单元格：{}", lxw_strerror(error)));
  }

  lxw_row_t row() const { return static_cast<lxw_row_t>(row_in_sheet_); }

  PartialFile file_;
  std::vector<Column> columns_;
  WriteOptions options_;
  std::string path_text_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* date_time_ = nullptr;
  int sheet_count_ = 0;
  std::string sheet_name_;
  int64_t row_in_sheet_ = 0;  // 0-based row the next data row goes to
  std::string scratch_;
};

}  // namespace

Result<std::unique_ptr<TableWriter>> open_xlsx_writer(const std::filesystem::path& path, std::vector<Column> columns,
                                                      const WriteOptions& options) {
  auto writer = std::make_unique<XlsxWriter>(path, std::move(columns), options);
  FAZHI_TRY(writer->open());
  return std::unique_ptr<TableWriter>(std::move(writer));
}

}  // namespace fazhi::tabular
