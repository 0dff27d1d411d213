// Shared by the tabular tests: a scratch folder, file helpers, and a one-line rendering of a
// table ("H1⟨a⟩⟨b⟩ 2⟨1⟩⟨2⟩") that tests compare against expectations written in the same form.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ledger/tabular/table_reader.h"

namespace fazhi::tabular::testing {

// A fresh folder under the system temp dir, removed at destruction.
class ScratchDir {
 public:
  ScratchDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() / (std::string("fazhi_tabular_") + info->test_suite_name() + "_" +
                                                      info->name() + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string render_cell(std::string_view cell) {
  std::string out = "⟨";
  for (char c : cell) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else
      out += c;
  }
  return out + "⟩";
}

// Renders the header and every row, or "error: <full message>" when reading fails.
inline std::string render_table(Result<std::unique_ptr<TableReader>> opened) {
  if (!opened) return "error: " + opened.error().full_message();
  TableReader& reader = **opened;
  std::string out = "H" + std::to_string(reader.header_row_number());
  for (const std::string& cell : reader.header()) out += render_cell(cell);
  Row row;
  for (;;) {
    Result<bool> got = reader.next(row);
    if (!got) return "error: " + got.error().full_message();
    if (!*got) break;
    out += " " + std::to_string(row.number);
    if (!row.sheet.empty()) out += "@" + std::string(row.sheet);
    for (std::string_view cell : row.cells) out += render_cell(cell);
  }
  return out;
}

}  // namespace fazhi::tabular::testing
