#include "ledger/tabular/table_reader.h"

#include <fmt/format.h>

#include <algorithm>

#include "ledger/tabular/csv_reader.h"
#include "ledger/tabular/xlsx_reader.h"

namespace fazhi::tabular {

std::string file_subject(std::string_view file_name) {
  return fmt::format("文件 {}", file_name);
}

std::string row_place(int64_t row_number, std::string_view sheet) {
  if (sheet.empty()) return fmt::format("第 {} 行", row_number);
  return fmt::format("工作表 {} 第 {} 行", sheet, row_number);
}

std::string lower_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

Result<std::unique_ptr<TableReader>> open_table_reader(const std::filesystem::path& path, const ReadOptions& options) {
  std::string ext = lower_extension(path);
  if (ext == ".csv") return open_csv_reader(path);
  if (ext == ".xlsx") return open_xlsx_reader(path, options);
  std::string name = path.filename().string();
  if (ext == ".xls" || ext == ".et" || ext == ".xlsm" || ext == ".xlsb" || ext == ".ods") {
    return invalid_input(
        file_subject(name), "",
        fmt::format("不支持 {} 格式，请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）或 CSV（.csv）后重新导入", ext));
  }
  return invalid_input(file_subject(name), "",
                       "只能导入 .xlsx 或 .csv 文件" +
                           (ext.empty() ? std::string("（文件没有扩展名）") : fmt::format("（这个文件是 {}）", ext)));
}

}  // namespace fazhi::tabular
