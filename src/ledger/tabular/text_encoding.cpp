#include "ledger/tabular/text_encoding.h"

#include <cerrno>
#include <cstring>

namespace fazhi::tabular {
namespace {

// Length of the sequence a lead byte starts, or 0 for a byte that cannot lead one.
int sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

// Whether the second byte is allowed after `lead` (excludes overlongs, surrogates, >10FFFF).
bool second_byte_ok(unsigned char lead, unsigned char b) {
  switch (lead) {
    case 0xE0:
      return b >= 0xA0 && b <= 0xBF;
    case 0xED:
      return b >= 0x80 && b <= 0x9F;
    case 0xF0:
      return b >= 0x90 && b <= 0xBF;
    case 0xF4:
      return b >= 0x80 && b <= 0x8F;
    default:
      return b >= 0x80 && b <= 0xBF;
  }
}

// Checks a complete sequence of length n.
bool sequence_ok(const unsigned char* s, int n) {
  if (n == 1) return true;
  if (!second_byte_ok(s[0], s[1])) return false;
  for (int i = 2; i < n; ++i) {
    if ((s[i] & 0xC0) != 0x80) return false;
  }
  return true;
}

// Checks a possibly incomplete prefix of length n < full length.
bool prefix_ok(const unsigned char* s, int n) {
  if (n >= 2 && !second_byte_ok(s[0], s[1])) return false;
  for (int i = 2; i < n; ++i) {
    if ((s[i] & 0xC0) != 0x80) return false;
  }
  return true;
}

}  // namespace

bool Utf8Validator::feed(std::string_view chunk) {
  const auto* s = reinterpret_cast<const unsigned char*>(chunk.data());
  size_t n = chunk.size();
  size_t i = 0;
  // Complete a sequence carried over from the previous chunk.
  while (pending_len_ > 0 && i < n) {
    pending_[pending_len_++] = s[i++];
    int need = sequence_length(pending_[0]);
    if (pending_len_ < need) {
      if (!prefix_ok(pending_, pending_len_)) {
        bad_offset_ = offset_ + i - pending_len_;
        return false;
      }
      continue;
    }
    if (!sequence_ok(pending_, need)) {
      bad_offset_ = offset_ + i - pending_len_;
      return false;
    }
    pending_len_ = 0;
  }
  while (i < n) {
    // ASCII fast path, sixteen bytes at a time.
    while (i + 16 <= n) {
      uint64_t a, b;
      std::memcpy(&a, s + i, 8);
      std::memcpy(&b, s + i + 8, 8);
      if ((a | b) & 0x8080808080808080ULL) break;
      i += 16;
    }
    if (i >= n) break;
    unsigned char b = s[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    ++non_ascii_;
    // Most CJK: a 3-byte sequence whose second byte needs no special range.
    if (b >= 0xE1 && b != 0xED && b <= 0xEF && i + 3 <= n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    int len = sequence_length(b);
    if (len == 0) {
      bad_offset_ = offset_ + i;
      return false;
    }
    if (i + len > n) {
      // Incomplete at the end of the chunk: carry it.
      int have = static_cast<int>(n - i);
      if (!prefix_ok(s + i, have)) {
        bad_offset_ = offset_ + i;
        return false;
      }
      std::memcpy(pending_, s + i, have);
      pending_len_ = have;
      break;
    }
    if (!sequence_ok(s + i, len)) {
      bad_offset_ = offset_ + i;
      return false;
    }
    i += len;
  }
  offset_ += n;
  return true;
}

bool Utf8Validator::finish() {
  if (pending_len_ > 0) {
    bad_offset_ = offset_ - pending_len_;
    return false;
  }
  return true;
}

bool is_valid_utf8(std::string_view text) {
  Utf8Validator v;
  return v.feed(text) && v.finish();
}

Gb18030Decoder::Gb18030Decoder() : cd_(iconv_open("UTF-8", "GB18030")) {}

Gb18030Decoder::~Gb18030Decoder() {
  if (usable()) iconv_close(cd_);
}

Gb18030Decoder::Gb18030Decoder(Gb18030Decoder&& other) noexcept
    : cd_(other.cd_), carry_(std::move(other.carry_)), offset_(other.offset_), bad_offset_(other.bad_offset_) {
  other.cd_ = reinterpret_cast<iconv_t>(-1);
}

Gb18030Decoder::Status Gb18030Decoder::decode(std::string_view in, std::string& out) {
  // Decode the carried bytes together with the new chunk: join them only when needed.
  std::string joined;
  if (!carry_.empty()) {
    joined.reserve(carry_.size() + in.size());
    joined.append(carry_);
    joined.append(in);
    in = joined;  // carry_ bytes are not yet counted in offset_
  }
  carry_.clear();
  char* inbuf = const_cast<char*>(in.data());
  size_t inleft = in.size();
  size_t old_size = out.size();
  // A GB18030 sequence of n bytes gives at most n UTF-8 bytes, except 2-byte sequences
  // (up to 3): 2x is always enough.
  out.resize(old_size + in.size() * 2 + 16);
  char* outbuf = out.data() + old_size;
  size_t outleft = out.size() - old_size;
  size_t rc = iconv(cd_, &inbuf, &inleft, &outbuf, &outleft);
  int err = errno;
  out.resize(out.size() - outleft);
  size_t consumed = in.size() - inleft;
  if (rc == static_cast<size_t>(-1)) {
    if (err == EINVAL) {
      carry_.assign(inbuf, inleft);
      offset_ += consumed;
      return Status::kOk;
    }
    bad_offset_ = offset_ + consumed;
    return Status::kInvalid;
  }
  offset_ += consumed;
  return Status::kOk;
}

Gb18030Decoder::Status Gb18030Decoder::finish() {
  if (!carry_.empty()) {
    bad_offset_ = offset_;
    return Status::kInvalid;
  }
  return Status::kOk;
}

}  // namespace fazhi::tabular
