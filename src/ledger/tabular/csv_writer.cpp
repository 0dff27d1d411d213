// The CSV half of table_writer.h.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "ledger/tabular/partial_file.h"
#include "ledger/tabular/table_reader.h"
#include "ledger/tabular/table_writer.h"
#include "ledger/tabular/text_encoding.h"

namespace fazhi::tabular {
namespace {

bool needs_quotes(std::string_view cell) {
  if (cell.empty()) return false;
  if (cell.front() == ' ' || cell.back() == ' ') return true;
  return cell.find_first_of(",\"\r\n") != std::string_view::npos;
}

class CsvWriter final : public TableWriter {
 public:
  CsvWriter(std::filesystem::path path, std::vector<Column> columns)
      : file_(std::move(path)), columns_(std::move(columns)) {}
  ~CsvWriter() override {
    if (out_ != nullptr) std::fclose(out_);
  }

  Result<void> open() {
    out_ = std::fopen(file_.partial().c_str(), "wb");
    if (out_ == nullptr) return io_error(errno);
    std::setvbuf(out_, nullptr, _IOFBF, 1 << 20);
    line_.assign(kUtf8Bom);
    std::vector<std::string_view> header;
    for (const Column& c : columns_) header.push_back(c.label);
    append_line(header);
    return flush_line();
  }

  Result<void> write_row(std::span<const std::string_view> cells) override {
    if (out_ == nullptr) return internal_error(subject(), "写入器已关闭或出错");
    if (cells.size() > columns_.size()) {
      return internal_error(subject(), fmt::format("第 {} 行有 {} 个单元格，多于 {} 列", rows_written_ + 2,
                                                   cells.size(), columns_.size()));
    }
    FAZHI_TRY(check_text(cells, columns_, subject(), rows_written_ + 2));
    line_.clear();
    append_line(cells);
    FAZHI_TRY(flush_line());
    ++rows_written_;
    return ok();
  }

  Result<void> close() override {
    if (out_ == nullptr) return internal_error(subject(), "写入器已关闭或出错");
    std::FILE* f = std::exchange(out_, nullptr);
    if (std::fflush(f) != 0 || std::ferror(f)) {
      int err = errno;
      std::fclose(f);
      return io_error(err);
    }
    if (std::fclose(f) != 0) return io_error(errno);
    return file_.commit();
  }

 private:
  std::string subject() const { return file_subject(file_.target().filename().string()); }

  Error io_error(int err) {
    if (out_ != nullptr) {
      std::fclose(out_);
      out_ = nullptr;
    }
    return invalid_input(subject(), "", fmt::format("无法写入文件：{}", std::strerror(err)));
  }

  void append_line(std::span<const std::string_view> cells) {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) line_.push_back(',');
      std::string_view cell = i < cells.size() ? cells[i] : std::string_view();
      if (!needs_quotes(cell)) {
        line_.append(cell);
        continue;
      }
      line_.push_back('"');
      for (char c : cell) {
        if (c == '"') line_.push_back('"');
        line_.push_back(c);
      }
      line_.push_back('"');
    }
    line_.append("\r\n");
  }

  Result<void> flush_line() {
    if (std::fwrite(line_.data(), 1, line_.size(), out_) != line_.size()) return io_error(errno);
    return ok();
  }

  PartialFile file_;
  std::vector<Column> columns_;
  std::FILE* out_ = nullptr;
  std::string line_;
};

}  // namespace

Result<std::unique_ptr<TableWriter>> open_csv_writer(const std::filesystem::path& path, std::vector<Column> columns) {
  auto writer = std::make_unique<CsvWriter>(path, std::move(columns));
  FAZHI_TRY(writer->open());
  return std::unique_ptr<TableWriter>(std::move(writer));
}

}  // namespace fazhi::tabular
