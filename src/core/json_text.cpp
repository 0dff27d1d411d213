#include "core/json_text.h"

namespace fazhi {
namespace {

bool needs_escape(char c) {
  return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

void append_escaped(std::string& out, std::string_view text) {
  static const char* kHex = "0123456789abcdef";
  // Runs of characters that need no escape (nearly all text) are copied at once.
  size_t start = 0;
  while (start < text.size()) {
    size_t end = start;
    while (end < text.size() && !needs_escape(text[end])) ++end;
    out.append(text.data() + start, end - start);
    if (end == text.size()) return;
    start = end + 1;
    const char c = text[end];
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:  // the other control characters
        out += "\\u00";
        out.push_back(kHex[(c >> 4) & 0xf]);
        out.push_back(kHex[c & 0xf]);
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  append_escaped(out, text);
  out.push_back('"');
}

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  append_escaped(out, text);
  return out;
}

}  // namespace fazhi
