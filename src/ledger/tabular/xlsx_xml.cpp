#include "ledger/tabular/xlsx_xml.h"

#include <charconv>

namespace fazhi::tabular::xlsx {

Result<void> parse_part(const ZipArchive& archive, const std::string& part, XmlHandler& handler,
                        const std::string& name) {
  FAZHI_ASSIGN_OR_RETURN(ZipPart file, ZipPart::open(archive, part, name));
  XmlParser parser(handler);
  std::string chunk(file.buffer_size(), '\0');
  for (;;) {
    FAZHI_ASSIGN_OR_RETURN(size_t got, file.read(chunk.data(), chunk.size(), part, name));
    FAZHI_TRY(parser.feed(std::string_view(chunk.data(), got), got == 0, part, name));
    if (got == 0) return ok();
  }
}

void unescape_ooxml(std::string& s, size_t from) {
  if (s.find("_x", from) == std::string::npos) return;
  std::string out = s.substr(0, from);
  for (size_t i = from; i < s.size();) {
    unsigned code = 0;
    if (s[i] == '_' && i + 7 <= s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::from_chars(s.data() + i + 2, s.data() + i + 6, code, 16).ptr == s.data() + i + 6) {
      if (code >= 0xD800 && code <= 0xDFFF) code = 0xFFFD;  // half a pair: not a character
      if (code < 0x80) {
        out.push_back(static_cast<char>(code));
      } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
      }
      i += 7;
    } else {
      out.push_back(s[i++]);
    }
  }
  s = std::move(out);
}

}  // namespace fazhi::tabular::xlsx
