#include "ledger/tabular/table_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "ledger/tabular/partial_file.h"
#include "ledger/tabular/table_reader.h"
#include "ledger/tabular/text_encoding.h"

namespace fazhi::tabular {

Result<void> PartialFile::commit() {
  std::error_code error;
  std::filesystem::rename(partial_, target_, error);
  if (error) {
    return invalid_input(file_subject(target_.filename().string()), "",
                         fmt::format("无法写入文件：{}", error.message()));
  }
  committed_ = true;
  return ok();
}

Result<void> check_text(std::span<const std::string_view> cells, const std::vector<Column>& columns,
                        const std::string& subject, int64_t row_number) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!is_valid_utf8(cells[i])) {
      return internal_error(subject, fmt::format("第 {} 行，列“{}”：内容不是有效的 UTF-8 文本", row_number,
                                                 i < columns.size() ? columns[i].label : std::string()));
    }
  }
  return ok();
}

Result<void> TableWriter::write_row(std::span<const std::string> cells) {
  std::vector<std::string_view> views(cells.begin(), cells.end());
  return write_row(std::span<const std::string_view>(views));
}

Result<std::unique_ptr<TableWriter>> open_table_writer(const std::filesystem::path& path, std::vector<Column> columns,
                                                       const WriteOptions& options) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".csv") return open_csv_writer(path, std::move(columns));
  if (ext == ".xlsx") return open_xlsx_writer(path, std::move(columns), options);
  return invalid_input(file_subject(path.filename().string()), "", "只能导出为 .xlsx 或 .csv 文件");
}

}  // namespace fazhi::tabular
