#include "ledger/tabular/csv_reader.h"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

#include "ledger/tabular/text_encoding.h"

namespace fazhi::tabular {
namespace {

constexpr size_t kChunkBytes = 1u << 20;

// Where the bytes come from: a file or a copy in memory. Read errors come back as Error.
class ByteSource {
 public:
  static Result<ByteSource> open_file(const std::filesystem::path& path, const std::string& name) {
    ByteSource s;
    s.file_ = std::fopen(path.c_str(), "rb");
    if (s.file_ == nullptr) {
      int err = errno;
      if (err == ENOENT) return not_found(file_subject(name), "文件不存在");
      return invalid_input(file_subject(name), "", fmt::format("无法打开文件：{}", std::strerror(err)));
    }
    s.name_ = name;
    std::error_code ignored;
    uintmax_t size = std::filesystem::file_size(path, ignored);
    s.size_hint_ = ignored ? kChunkBytes : static_cast<size_t>(std::min<uintmax_t>(size, kChunkBytes));
    return s;
  }
  static ByteSource from_memory(std::string_view bytes, const std::string& name) {
    ByteSource s;
    s.memory_.assign(bytes);
    s.name_ = name;
    s.size_hint_ = std::min(bytes.size(), kChunkBytes);
    return s;
  }
  ByteSource() = default;
  ByteSource(ByteSource&& o) noexcept
      : file_(std::exchange(o.file_, nullptr)), memory_(std::move(o.memory_)),
        memory_pos_(o.memory_pos_), name_(std::move(o.name_)), size_hint_(o.size_hint_) {}
  ByteSource& operator=(ByteSource&& o) noexcept {
    std::swap(file_, o.file_);
    memory_ = std::move(o.memory_);
    memory_pos_ = o.memory_pos_;
    name_ = std::move(o.name_);
    size_hint_ = o.size_hint_;
    return *this;
  }
  ~ByteSource() {
    if (file_ != nullptr) std::fclose(file_);
  }

  // Reads up to `n` bytes into `out`; 0 means the end.
  Result<size_t> read(char* out, size_t n) {
    if (file_ == nullptr) {
      size_t take = std::min(n, memory_.size() - memory_pos_);
      std::memcpy(out, memory_.data() + memory_pos_, take);
      memory_pos_ += take;
      return take;
    }
    size_t got = std::fread(out, 1, n, file_);
    if (got < n && std::ferror(file_)) {
      return invalid_input(file_subject(name_), "", fmt::format("读取文件出错：{}", std::strerror(errno)));
    }
    return got;
  }

  Result<void> rewind() {
    memory_pos_ = 0;
    if (file_ != nullptr && std::fseek(file_, 0, SEEK_SET) != 0) {
      return invalid_input(file_subject(name_), "", "读取文件出错：无法回到文件开头");
    }
    return ok();
  }

 private:
  std::FILE* file_ = nullptr;
  std::string memory_;
  size_t memory_pos_ = 0;
  std::string name_;
  size_t size_hint_ = kChunkBytes;

 public:
  // The buffer size worth reading with: the file's size up to one chunk (and at least 1),
  // so that a small file costs no megabyte buffers.
  size_t buffer_size() const { return std::max<size_t>(size_hint_ + 1, 64); }
};

enum class Encoding { kUtf8, kGb18030 };

std::string hex_byte(unsigned char b) { return fmt::format("0x{:02X}", b); }

// The byte at `offset` of the source, for messages; reads by seeking through the source.
// Bytes are kept from the detection pass instead: see detect_encoding.
struct Detection {
  Encoding encoding = Encoding::kUtf8;
  bool bom = false;
};

// Reads the whole source once: UTF-8 if it all validates, otherwise GB18030. A UTF-16 file
// (Excel's "Unicode 文本") fails with advice, since it is neither.
Result<Detection> detect_encoding(ByteSource& source, const std::string& name) {
  Detection d;
  std::string chunk(source.buffer_size(), '\0');
  Utf8Validator validator;
  bool first = true;
  for (;;) {
    FAZHI_ASSIGN_OR_RETURN(size_t got, source.read(chunk.data(), chunk.size()));
    if (got == 0) break;
    std::string_view view(chunk.data(), got);
    if (first) {
      first = false;
      if (view.size() >= 2 && ((view[0] == '\xFF' && view[1] == '\xFE') ||
                               (view[0] == '\xFE' && view[1] == '\xFF'))) {
        return invalid_input(file_subject(name), "",
                             "文件是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）");
      }
      d.bom = view.starts_with(kUtf8Bom);
    }
    if (!validator.feed(view)) {
      if (d.bom) {
        return invalid_input(file_subject(name),
                             fmt::format("文件第 {} 行（字节偏移 {}）", validator.newlines_before_bad() + 1,
                                         validator.bad_offset()),
                             "文件开头标明是 UTF-8 编码，但这里的字节不是有效的 UTF-8");
      }
      d.encoding = Encoding::kGb18030;
      break;
    }
  }
  if (d.encoding == Encoding::kUtf8 && !validator.finish()) {
    if (d.bom) {
      return invalid_input(file_subject(name),
                           fmt::format("文件末尾（字节偏移 {}）", validator.bad_offset()),
                           "文件开头标明是 UTF-8 编码，但文件在一个字符的中间结束（可能被截断）");
    }
    d.encoding = Encoding::kGb18030;
  }
  FAZHI_TRY(source.rewind());
  return d;
}

// Bytes that end an unquoted field's plain run.
constexpr std::array<bool, 256> make_special() {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(',')] = true;
  t[static_cast<unsigned char>('\n')] = true;
  t[static_cast<unsigned char>('\r')] = true;
  t[static_cast<unsigned char>('"')] = true;
  return t;
}
constexpr std::array<bool, 256> kSpecial = make_special();

class CsvReader final : public TableReader {
 public:
  CsvReader(ByteSource source, Encoding encoding, std::string name)
      : source_(std::move(source)), encoding_(encoding) {
    file_name_ = std::move(name);
    raw_.resize(source_.buffer_size());
  }

  Result<void> read_header() {
    Row row;
    FAZHI_ASSIGN_OR_RETURN(bool got, read_nonblank(row));
    if (!got) return invalid_input(file_subject(file_name_), "", "文件是空的，没有表头行");
    header_.assign(row.cells.begin(), row.cells.end());
    header_row_number_ = row.number;
    return ok();
  }

  Result<bool> next(Row& row) override { return read_nonblank(row); }

 private:
  Result<bool> read_nonblank(Row& row) {
    for (;;) {
      FAZHI_ASSIGN_OR_RETURN(bool got, read_record());
      if (!got) return false;
      bool blank = true;
      for (size_t i = 0; i + 1 < ends_.size(); ++i) {
        if (ends_[i + 1] != ends_[i]) {
          blank = false;
          break;
        }
      }
      if (blank) continue;
      row.number = record_;
      row.sheet = {};
      row.cells.resize(ends_.size() - 1);
      for (size_t i = 0; i + 1 < ends_.size(); ++i) {
        row.cells[i] = std::string_view(record_buf_.data() + ends_[i], ends_[i + 1] - ends_[i]);
      }
      return true;
    }
  }

  // Makes at least one byte available at pos_; false at the end of input.
  Result<bool> ensure() {
    if (pos_ < buf_.size()) return true;
    return refill();
  }

  Result<bool> refill() {
    buf_.clear();
    pos_ = 0;
    while (buf_.empty()) {
      if (decode_failed_) return decode_error();
      if (at_end_) return false;
      size_t got = 0;
      if (encoding_ == Encoding::kUtf8) {
        buf_.resize(raw_.size());
        FAZHI_ASSIGN_OR_RETURN(got, source_.read(buf_.data(), buf_.size()));
        buf_.resize(got);
      } else {
        FAZHI_ASSIGN_OR_RETURN(got, source_.read(raw_.data(), raw_.size()));
      }
      if (got == 0) at_end_ = true;
      if (encoding_ == Encoding::kUtf8) {
        // Detection validated every byte already.
      } else if (got > 0) {
        if (decoder_.decode(std::string_view(raw_.data(), got), buf_) ==
            Gb18030Decoder::Status::kInvalid) {
          uint64_t bad = decoder_.bad_offset();
          if (bad >= bytes_read_) bad_byte_ = static_cast<unsigned char>(raw_[bad - bytes_read_]);
          decode_failed_ = true;
        }
      } else if (decoder_.finish() == Gb18030Decoder::Status::kInvalid) {
        decode_failed_ = true;
        truncated_ = true;
      }
      bytes_read_ += got;
      if (first_chunk_ && !buf_.empty()) {
        first_chunk_ = false;
        // Excel's UTF-8 byte-order mark (or GB18030's, which decodes to the same U+FEFF).
        if (std::string_view(buf_).starts_with(kUtf8Bom)) pos_ = 3;
        if (pos_ == buf_.size()) {
          buf_.clear();
          pos_ = 0;
        }
      }
    }
    return true;
  }

  Error decode_error() const {
    std::string reason =
        truncated_      ? std::string("文件在一个字符的中间结束（可能被截断）")
        : bad_byte_ >= 0 ? fmt::format("字节 {} 无法识别", hex_byte(static_cast<unsigned char>(bad_byte_)))
                         : std::string("这里的字节无法识别");
    return invalid_input(
        file_subject(file_name_),
        fmt::format("第 {} 行（文件第 {} 行，字节偏移 {}）", record_, line_,
                    decoder_.bad_offset()),
        "文件既不是有效的 UTF-8 编码，也不是有效的 GB18030（GBK）编码：" + reason +
            "。请用 Excel 或 WPS 另存为“CSV UTF-8（逗号分隔）”后重新导入");
  }

  Error error_at(int64_t record, int64_t line, std::string reason) const {
    std::string place = record == line ? row_place(record)
                                       : fmt::format("第 {} 行（文件第 {} 行）", record, line);
    return invalid_input(file_subject(file_name_), std::move(place), std::move(reason));
  }

  void end_field() { ends_.push_back(static_cast<uint32_t>(record_buf_.size())); }

  Result<void> check_size(int64_t start_line) {
    if (record_buf_.size() > kMaxCsvRecordBytes) {
      return error_at(record_, start_line,
                      fmt::format("这一行超过 {} MB，多半是某个单元格的引号没有闭合", kMaxCsvRecordBytes >> 20));
    }
    return ok();
  }

  // Reads one record into record_buf_/ends_; false at the end of input.
  Result<bool> read_record() {
    record_buf_.clear();
    ends_.clear();
    ends_.push_back(0);
    ++record_;  // before reading, so that a decoding error names this record
    FAZHI_ASSIGN_OR_RETURN(bool any, ensure());
    if (!any) {
      --record_;
      return false;
    }
    const int64_t start_line = line_;
    for (;;) {  // one field per iteration
      FAZHI_ASSIGN_OR_RETURN(bool more, ensure());
      if (!more) {
        end_field();
        return true;
      }
      if (buf_[pos_] == '"') {
        ++pos_;
        const int64_t quote_line = line_;
        for (;;) {
          FAZHI_ASSIGN_OR_RETURN(bool have, ensure());
          if (!have) {
            return error_at(record_, quote_line,
                            fmt::format("第 {} 个单元格的引号没有闭合：从这里到文件末尾都没有找到结束的引号",
                                        ends_.size()));
          }
          const char* p = buf_.data() + pos_;
          const char* end = buf_.data() + buf_.size();
          const char* q = static_cast<const char*>(std::memchr(p, '"', end - p));
          const char* stop = q != nullptr ? q : end;
          for (const char* nl = p; (nl = static_cast<const char*>(std::memchr(nl, '\n', stop - nl))) != nullptr; ++nl) {
            ++line_;
          }
          record_buf_.append(p, stop);
          FAZHI_TRY(check_size(start_line));
          if (q == nullptr) {
            pos_ = buf_.size();
            continue;
          }
          pos_ = (q - buf_.data()) + 1;
          FAZHI_ASSIGN_OR_RETURN(bool after, ensure());
          if (after && buf_[pos_] == '"') {
            record_buf_.push_back('"');
            ++pos_;
            continue;
          }
          break;
        }
      }
      // Unquoted text (or, leniently, text after a closing quote) up to the delimiter.
      for (;;) {
        FAZHI_ASSIGN_OR_RETURN(bool have, ensure());
        if (!have) {
          end_field();
          return true;
        }
        const auto* p = reinterpret_cast<const unsigned char*>(buf_.data() + pos_);
        const auto* end = reinterpret_cast<const unsigned char*>(buf_.data() + buf_.size());
        const auto* s = p;
        while (s < end && !kSpecial[*s]) ++s;
        record_buf_.append(reinterpret_cast<const char*>(p), s - p);
        pos_ += s - p;
        if (s == end) {
          FAZHI_TRY(check_size(start_line));
          continue;
        }
        char c = static_cast<char>(*s);
        ++pos_;
        if (c == ',') {
          end_field();
          break;
        }
        if (c == '"') {
          record_buf_.push_back('"');
          continue;
        }
        // c is '\n' or '\r': the record ends.
        end_field();
        ++line_;
        if (c == '\r') {
          FAZHI_ASSIGN_OR_RETURN(bool after, ensure());
          if (after && buf_[pos_] == '\n') ++pos_;
        }
        return true;
      }
    }
  }

  ByteSource source_;
  Encoding encoding_;
  Gb18030Decoder decoder_;
  std::string raw_;          // bytes as read from the source (GB18030 only)
  std::string buf_;          // UTF-8 being parsed
  size_t pos_ = 0;
  bool at_end_ = false;
  bool first_chunk_ = true;
  bool decode_failed_ = false;
  bool truncated_ = false;
  int bad_byte_ = -1;         // the unreadable byte, when still at hand
  uint64_t bytes_read_ = 0;
  std::string record_buf_;   // the current record's cells, back to back
  std::vector<uint32_t> ends_;  // cell i is record_buf_[ends_[i], ends_[i+1])
  int64_t record_ = 0;       // records begun, blank ones included
  int64_t line_ = 1;         // physical line of the next byte
};

Result<std::unique_ptr<TableReader>> open_from_source(ByteSource source, std::string name) {
  FAZHI_ASSIGN_OR_RETURN(Detection d, detect_encoding(source, name));
  auto reader = std::make_unique<CsvReader>(std::move(source), d.encoding, std::move(name));
  FAZHI_TRY(reader->read_header());
  return std::unique_ptr<TableReader>(std::move(reader));
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_csv_reader(const std::filesystem::path& path) {
  std::string name = path.filename().string();
  FAZHI_ASSIGN_OR_RETURN(ByteSource source, ByteSource::open_file(path, name));
  return open_from_source(std::move(source), std::move(name));
}

Result<std::unique_ptr<TableReader>> open_csv_reader_from_memory(std::string_view bytes,
                                                                 std::string file_name) {
  return open_from_source(ByteSource::from_memory(bytes, file_name), std::move(file_name));
}

}  // namespace fazhi::tabular
