// The .xlsx package as libzip sees it: a zip archive of parts ("xl/workbook.xml",
// "xl/worksheets/sheet1.xml" …), each streamed out in chunks (ECMA-376 Part 2, Open Packaging
// Conventions). Internal to xlsx_reader.cpp.
#pragma once

#include <fmt/format.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"
#include "ledger/tabular/table_reader.h"

namespace fazhi::tabular::xlsx {

// Bytes read from a part at a time.
inline constexpr size_t kChunkBytes = 256u << 10;
// What an .xls (or an encrypted .xlsx) starts with: an OLE2 compound document.
inline constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// "文件 x.xlsx: 不是有效的 Excel 文件：<detail>", the one message for any damage.
inline Error broken(const std::string& name, std::string detail) {
  return invalid_input(file_subject(name), "", "不是有效的 Excel 文件：" + std::move(detail));
}

// An open archive, from a file or from bytes it owns. Opening checks the central directory
// against the local headers (ZIP_CHECKCONS), so a truncated file fails here, not later.
class ZipArchive {
 public:
  ZipArchive() = default;
  ZipArchive(ZipArchive&& o) noexcept : zip_(std::exchange(o.zip_, nullptr)), bytes_(std::move(o.bytes_)) {}
  ZipArchive& operator=(ZipArchive&&) = delete;
  ~ZipArchive() {
    if (zip_ != nullptr) zip_discard(zip_);
  }

  // `bytes` is null for a file on disk; otherwise the archive lives in *bytes.
  static Result<ZipArchive> open(const std::filesystem::path& path, std::unique_ptr<std::string> bytes,
                                 const std::string& name) {
    ZipArchive a;
    a.bytes_ = std::move(bytes);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = a.bytes_ != nullptr ? zip_source_buffer_create(a.bytes_->data(), a.bytes_->size(), 0, &error)
                                               : zip_source_file_create(path.c_str(), 0, -1, &error);
    if (source != nullptr) {
      a.zip_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
      if (a.zip_ == nullptr) zip_source_free(source);
    }
    if (a.zip_ == nullptr) {
      int code = zip_error_code_zip(&error);
      std::string detail = zip_error_strerror(&error);
      zip_error_fini(&error);
      if (code == ZIP_ER_NOENT || (code == ZIP_ER_OPEN && !std::filesystem::exists(path))) {
        return not_found(file_subject(name), "文件不存在");
      }
      if (code == ZIP_ER_OPEN || code == ZIP_ER_READ) {
        return invalid_input(file_subject(name), "", "无法读取文件：" + detail);
      }
      if (a.starts_with_ole2(path)) {
        return broken(name,
                      "这是旧版 Excel 97-2003（.xls）文件或加密的工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后重新导入");
      }
      return broken(name, "文件不是完整的 xlsx 压缩包，可能已损坏、被截断，或是改了扩展名的其他文件（" + detail + "）");
    }
    zip_error_fini(&error);
    return a;
  }

  bool has(const std::string& part) const { return zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE) >= 0; }

  zip_t* get() const { return zip_; }

 private:
  bool starts_with_ole2(const std::filesystem::path& path) const {
    std::string head;
    if (bytes_ != nullptr) {
      head = bytes_->substr(0, kOle2Magic.size());
    } else {
      std::ifstream in(path, std::ios::binary);
      head.resize(kOle2Magic.size());
      in.read(head.data(), static_cast<std::streamsize>(head.size()));
      head.resize(static_cast<size_t>(in.gcount()));
    }
    return head == kOle2Magic;
  }

  zip_t* zip_ = nullptr;
  std::unique_ptr<std::string> bytes_;
};

// One part of the archive, read in chunks; CRC and inflate errors surface from read().
class ZipPart {
 public:
  ZipPart() = default;
  ZipPart(ZipPart&& o) noexcept : file_(std::exchange(o.file_, nullptr)), buffer_size_(o.buffer_size_) {}
  ZipPart& operator=(ZipPart&& o) noexcept {
    std::swap(file_, o.file_);
    buffer_size_ = o.buffer_size_;
    return *this;
  }
  // A buffer worth reading this part with: its size (as the archive states it) up to a chunk.
  size_t buffer_size() const { return buffer_size_; }
  ~ZipPart() {
    if (file_ != nullptr) zip_fclose(file_);
  }

  static Result<ZipPart> open(const ZipArchive& archive, const std::string& part, const std::string& name) {
    ZipPart p;
    zip_int64_t index = zip_name_locate(archive.get(), part.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return broken(name, "缺少 " + part);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
        (stat.valid & ZIP_STAT_SIZE) != 0) {
      p.buffer_size_ = static_cast<size_t>(std::min<zip_uint64_t>(stat.size, kChunkBytes)) + 1;
    }
    p.file_ = zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(index), 0);
    if (p.file_ == nullptr) {
      return broken(name, fmt::format("无法打开 {}（{}）", part, zip_strerror(archive.get())));
    }
    return p;
  }

  // Reads up to `n` bytes; 0 at the end. Fails for damaged data (CRC, deflate errors).
  Result<size_t> read(char* out, size_t n, const std::string& part, const std::string& name) {
    zip_int64_t got = zip_fread(file_, out, n);
    if (got < 0) {
      return broken(name, fmt::format("读取 {} 时出错，文件可能已损坏（{}）", part, zip_file_strerror(file_)));
    }
    return static_cast<size_t>(got);
  }

 private:
  zip_file_t* file_ = nullptr;
  size_t buffer_size_ = kChunkBytes;
};

}  // namespace fazhi::tabular::xlsx
