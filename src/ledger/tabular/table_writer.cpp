#include "ledger/tabular/table_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "ledger/tabular/partial_file.h"
#include "ledger/tabular/table_reader.h"

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

Result<void> TableWriter::write_row(std::span<const std::string> cells) {
  std::vector<std::string_view> views(cells.begin(), cells.end());
  return write_row(std::span<const std::string_view>(views));
}

Result<std::unique_ptr<TableWriter>> open_table_writer(const std::filesystem::path& path,
                                                       std::vector<Column> columns,
                                                       const WriteOptions& options) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".csv") return open_csv_writer(path, std::move(columns));
  if (ext == ".xlsx") return open_xlsx_writer(path, std::move(columns), options);
  return invalid_input(file_subject(path.filename().string()), "", "只能导出为 .xlsx 或 .csv 文件");
}

}  // namespace fazhi::tabular
