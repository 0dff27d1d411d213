// Small files of every accepted kind, built byte by byte for the attachment tests: the
// magic numbers and container entries the sniffer reads, and nothing more.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fazhi::testing {

inline void put16(std::string& s, std::uint32_t v) {
  s.push_back(static_cast<char>(v & 0xFF));
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
}
inline void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

// A ZIP file of empty stored entries named `names` (local headers, central directory, end
// record; APPNOTE.TXT 4.3).
inline std::string zip_with_entries(const std::vector<std::string>& names) {
  std::string out, central;
  for (const auto& n : names) {
    std::uint32_t offset = static_cast<std::uint32_t>(out.size());
    out += "PK\x03\x04";
    put16(out, 20);
    put16(out, 0);
    put16(out, 0);
    put16(out, 0);
    put16(out, 0);
    put32(out, 0);
    put32(out, 0);
    put32(out, 0);
    put16(out, static_cast<std::uint32_t>(n.size()));
    put16(out, 0);
    out += n;
    central += "PK\x01\x02";
    put16(central, 20);
    put16(central, 20);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, 0);
    put32(central, 0);
    put16(central, static_cast<std::uint32_t>(n.size()));
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, offset);
    central += n;
  }
  std::uint32_t cd_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  out += "PK\x05\x06";
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(names.size()));
  put16(out, static_cast<std::uint32_t>(names.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, cd_offset);
  put16(out, 0);
  return out;
}

// An OLE2 compound file header followed by a directory naming `stream` in UTF-16LE.
inline std::string compound_file_with_stream(const std::string& stream) {
  std::string out("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  out.resize(512, '\0');
  for (char c : stream) {
    out.push_back(c);
    out.push_back('\0');
  }
  out.resize(1024, '\0');
  return out;
}

inline std::string sample_pdf() {
  return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}
inline std::string sample_png() {
  return std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
}
inline std::string sample_jpg() {
  return std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11);
}
inline std::string sample_mp3() {
  return std::string("ID3\x04\0\0\0\0\0\0", 10);
}
inline std::string sample_mp3_frame() {
  return std::string("\xFF\xFB\x90\x44\0\0\0\0", 8);
}
inline std::string sample_mp4() {
  return std::string(
      "\0\0\0\x18"
      "ftypmp42\0\0\0\0mp42isom",
      24);
}

}  // namespace fazhi::testing
