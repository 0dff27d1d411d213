// UTF-8 <-> UTF-32 conversion for the review engine. The engine works on UTF-32 text so
// that every offset it reports counts Unicode characters, as the JSON contract requires.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi::review {

// Decodes UTF-8; an invalid byte becomes U+FFFD (one per byte), so any bytes decode.
std::u32string utf8_to_u32(std::string_view bytes);
// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);
// Encodes to UTF-8 (code points above U+10FFFF and surrogates become U+FFFD).
std::string u32_to_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t c);

// UTF-8 encoding of `text` with, for every byte, the index of the character it belongs
// to (plus one entry past the end), so that RE2 byte matches map back to characters.
struct Utf8Index {
  std::string utf8;
  std::vector<uint32_t> char_at;  // size utf8.size() + 1
  explicit Utf8Index(std::u32string_view text);
};

inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FA1F);
}
inline bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
inline bool is_latin(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
inline bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF;
}

}  // namespace fazhi::review
