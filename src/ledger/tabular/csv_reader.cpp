#include "ledger/tabular/csv_reader.h"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
      : file_(std::exchange(o.file_, nullptr)),
        memory_(std::move(o.memory_)),
        memory_pos_(o.memory_pos_),
        name_(std::move(o.name_)),
        size_hint_(o.size_hint_) {}
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

std::string hex_byte(unsigned char b) {
  return fmt::format("0x{:02X}", b);
}

struct Detection {
  Encoding encoding = Encoding::kUtf8;
  bool bom = false;
};

// Multi-byte characters that, all valid UTF-8, settle a file as UTF-8. GB18030 text passes
// as UTF-8 only by accident, for a few characters ("联通"), never for thousands.
constexpr uint64_t kUtf8Evidence = 4096;

// Decides the encoding from the start of the file: a UTF-8 byte-order mark, or enough valid
// UTF-8 (or the whole file) means UTF-8; the first invalid sequence means GB18030. The rest
// of a UTF-8 file is validated while it is parsed. A UTF-16 file (Excel's "Unicode 文本")
// fails with advice, since it is neither.
Result<Detection> detect_encoding(ByteSource& source, const std::string& name) {
  Detection d;
  std::string chunk(source.buffer_size(), '\0');
  Utf8Validator validator;
  bool first = true;
  for (;;) {
    FAZHI_ASSIGN_OR_RETURN(size_t got, source.read(chunk.data(), chunk.size()));
    if (got == 0) {
      if (!validator.finish()) d.encoding = Encoding::kGb18030;
      break;
    }
    std::string_view view(chunk.data(), got);
    if (first) {
      first = false;
      if (view.size() >= 2 && ((view[0] == '\xFF' && view[1] == '\xFE') || (view[0] == '\xFE' && view[1] == '\xFF'))) {
        return invalid_input(
            file_subject(name), "",
            "文件是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）");
      }
      d.bom = view.starts_with(kUtf8Bom);
      if (d.bom) break;
    }
    if (!validator.feed(view)) {
      // Invalid after thousands of valid characters: a UTF-8 file with a bad patch, which
      // the parse reports at its row; otherwise GB18030.
      if (validator.non_ascii() < kUtf8Evidence) d.encoding = Encoding::kGb18030;
      break;
    }
    if (validator.non_ascii() >= kUtf8Evidence) break;
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

// The first of , " CR LF in [p, end), or end: sixteen bytes at a time where SSE2 is there.
inline const char* find_special(const char* p, const char* end) {
#ifdef __SSE2__
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
    int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < end && !kSpecial[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

class CsvReader final : public TableReader {
 public:
  CsvReader(ByteSource source, Detection detection, std::string name)
      : source_(std::move(source)), encoding_(detection.encoding), bom_(detection.bom) {
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
        if (got == 0) {
          if (!validator_.finish()) fail_at(validator_.bad_offset(), -1, true);
        } else if (!validator_.feed(buf_)) {
          uint64_t bad = validator_.bad_offset();
          // Parse what came before the bad byte, then fail (a sequence begun in the previous
          // chunk has been parsed already; the error still names the right row).
          size_t keep = bad >= bytes_read_ ? static_cast<size_t>(bad - bytes_read_) : 0;
          fail_at(bad, keep < buf_.size() ? static_cast<unsigned char>(buf_[keep]) : -1, false);
          buf_.resize(keep);
        }
      } else {
        FAZHI_ASSIGN_OR_RETURN(got, source_.read(raw_.data(), raw_.size()));
        if (got == 0) {
          if (decoder_.finish() == Gb18030Decoder::Status::kInvalid) fail_at(decoder_.bad_offset(), -1, true);
        } else if (decoder_.decode(std::string_view(raw_.data(), got), buf_) == Gb18030Decoder::Status::kInvalid) {
          uint64_t bad = decoder_.bad_offset();
          fail_at(bad, bad >= bytes_read_ ? static_cast<unsigned char>(raw_[bad - bytes_read_]) : -1, false);
        }
      }
      if (got == 0) at_end_ = true;
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

  // Records an encoding error at byte `offset`, reported once the bytes before it are parsed.
  void fail_at(uint64_t offset, int byte, bool truncated) {
    decode_failed_ = true;
    bad_offset_ = offset;
    bad_byte_ = byte;
    truncated_ = truncated;
  }

  Error decode_error() const {
    std::string what = truncated_ ? std::string("文件在一个字符的中间结束（可能被截断）")
                       : bad_byte_ >= 0
                           ? fmt::format("字节 {} 无法识别", hex_byte(static_cast<unsigned char>(bad_byte_)))
                           : std::string("这里的字节无法识别");
    std::string reason;
    if (encoding_ == Encoding::kGb18030) {
      reason = "文件既不是有效的 UTF-8 编码，也不是有效的 GB18030（GBK）编码：" + what;
    } else if (bom_) {
      reason = "文件开头标明是 UTF-8 编码，但这里不是有效的 UTF-8：" + what;
    } else {
      reason = "文件前面的内容是 UTF-8 编码，这里却不是有效的 UTF-8（文件可能由不同编码的内容拼接而成）：" + what;
    }
    return invalid_input(file_subject(file_name_),
                         fmt::format("第 {} 行（文件第 {} 行，字节偏移 {}）", record_, line_, bad_offset_),
                         reason + "。请用 Excel 或 WPS 另存为“CSV UTF-8（逗号分隔）”后重新导入");
  }

  Error error_at(int64_t record, int64_t line, std::string reason) const {
    std::string place = record == line ? row_place(record) : fmt::format("第 {} 行（文件第 {} 行）", record, line);
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

  // Whether a byte is available at pos_, refilling when needed. A read or decoding error
  // makes it false and is kept in failure_, for the caller to return.
  bool more() {
    if (pos_ < buf_.size()) return true;
    Result<bool> r = refill();
    if (!r) {
      failure_ = std::move(r).error();
      return false;
    }
    return *r;
  }

  // Reads one record into record_buf_/ends_; false at the end of input.
  Result<bool> read_record() {
    record_buf_.clear();
    ends_.resize(1);
    ++record_;  // before reading, so that a decoding error names this record
    if (!more()) {
      if (failure_) return *failure_;
      --record_;
      return false;
    }
    const int64_t start_line = line_;
    for (;;) {  // one field per iteration
      if (!more()) break;
      if (buf_[pos_] == '"') {
        ++pos_;
        const int64_t quote_line = line_;
        for (;;) {
          if (!more()) {
            if (failure_) return *failure_;
            return error_at(
                record_, quote_line,
                fmt::format("第 {} 个单元格的引号没有闭合：从这里到文件末尾都没有找到结束的引号", ends_.size()));
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
          if (more() && buf_[pos_] == '"') {
            record_buf_.push_back('"');
            ++pos_;
            continue;
          }
          break;
        }
      }
      // Unquoted text (or, leniently, text after a closing quote) up to the delimiter.
      for (;;) {
        if (!more()) {
          if (failure_) return *failure_;
          end_field();
          return true;
        }
        const char* p = buf_.data() + pos_;
        const char* end = buf_.data() + buf_.size();
        const char* s = find_special(p, end);
        record_buf_.append(p, s - p);
        pos_ += s - p;
        if (s == end) {
          FAZHI_TRY(check_size(start_line));
          continue;
        }
        char c = *s;
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
        if (c == '\r' && more() && buf_[pos_] == '\n') ++pos_;
        if (failure_) return *failure_;
        return true;
      }
    }
    if (failure_) return *failure_;
    end_field();
    return true;
  }

  ByteSource source_;
  Encoding encoding_;
  bool bom_;
  Gb18030Decoder decoder_;
  Utf8Validator validator_;  // UTF-8 files are validated as they are parsed
  std::string raw_;          // bytes as read from the source (GB18030 only)
  std::string buf_;          // UTF-8 being parsed
  size_t pos_ = 0;
  bool at_end_ = false;
  bool first_chunk_ = true;
  bool decode_failed_ = false;
  bool truncated_ = false;
  int bad_byte_ = -1;  // the unreadable byte, when still at hand
  uint64_t bad_offset_ = 0;
  uint64_t bytes_read_ = 0;
  std::string record_buf_;        // the current record's cells, back to back
  std::vector<uint32_t> ends_;    // cell i is record_buf_[ends_[i], ends_[i+1])
  int64_t record_ = 0;            // records begun, blank ones included
  int64_t line_ = 1;              // physical line of the next byte
  std::optional<Error> failure_;  // set by more() on a read or decoding error
};

Result<std::unique_ptr<TableReader>> open_from_source(ByteSource source, std::string name) {
  FAZHI_ASSIGN_OR_RETURN(Detection d, detect_encoding(source, name));
  auto reader = std::make_unique<CsvReader>(std::move(source), d, std::move(name));
  FAZHI_TRY(reader->read_header());
  return std::unique_ptr<TableReader>(std::move(reader));
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_csv_reader(const std::filesystem::path& path) {
  std::string name = path.filename().string();
  FAZHI_ASSIGN_OR_RETURN(ByteSource source, ByteSource::open_file(path, name));
  return open_from_source(std::move(source), std::move(name));
}

Result<std::unique_ptr<TableReader>> open_csv_reader_from_memory(std::string_view bytes, std::string file_name) {
  return open_from_source(ByteSource::from_memory(bytes, file_name), std::move(file_name));
}

}  // namespace fazhi::tabular
