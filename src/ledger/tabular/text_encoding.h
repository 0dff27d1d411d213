// The two encodings Chinese CSV files come in: UTF-8 (with or without the byte-order mark
// Excel writes) and GB18030, the national standard that contains GBK and GB2312 and that
// Excel and WPS on Chinese Windows use for "CSV (逗号分隔)". GB18030 is decoded with glibc
// iconv, which needs no extra package.
#pragma once

#include <iconv.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fazhi::tabular {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Validates UTF-8 incrementally across chunks: feed() each chunk in order, then finish().
// Rejects overlong forms, surrogates and code points above U+10FFFF.
class Utf8Validator {
 public:
  // Validates `chunk`; returns false at the first invalid byte (see bad_offset()).
  bool feed(std::string_view chunk);
  // Returns false when the input ended inside a multi-byte sequence.
  bool finish();
  // Offset, from the start of all input fed, of the first byte of the bad sequence.
  uint64_t bad_offset() const { return bad_offset_; }
  // Lead bytes of multi-byte sequences seen so far (how much evidence the input gave).
  uint64_t non_ascii() const { return non_ascii_; }

 private:
  unsigned char pending_[4] = {};
  int pending_len_ = 0;  // bytes of an incomplete sequence carried from the last chunk
  uint64_t offset_ = 0;  // bytes fed so far
  uint64_t non_ascii_ = 0;
  uint64_t bad_offset_ = 0;
};

// True when the whole of `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

// Streams GB18030 bytes into UTF-8. Owns an iconv descriptor; movable, not copyable.
class Gb18030Decoder {
 public:
  Gb18030Decoder();
  ~Gb18030Decoder();
  Gb18030Decoder(Gb18030Decoder&& other) noexcept;
  Gb18030Decoder& operator=(Gb18030Decoder&&) = delete;
  Gb18030Decoder(const Gb18030Decoder&) = delete;
  Gb18030Decoder& operator=(const Gb18030Decoder&) = delete;

  enum class Status { kOk, kInvalid };
  // Appends the UTF-8 of `in` to `out`. An incomplete sequence at the end of `in` is kept
  // for the next call (or is invalid at finish()). On kInvalid, `out` holds everything
  // before the bad byte, and bad_offset() is its offset in all input fed so far.
  Status decode(std::string_view in, std::string& out);
  // Returns kInvalid when the input ended inside a multi-byte sequence.
  Status finish();
  uint64_t bad_offset() const { return bad_offset_; }
  bool usable() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

 private:
  iconv_t cd_;
  std::string carry_;    // incomplete sequence from the previous chunk
  uint64_t offset_ = 0;  // input bytes fully consumed before carry_
  uint64_t bad_offset_ = 0;
};

}  // namespace fazhi::tabular
