#include "ledger/attachment_media_type.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace fazhi {
namespace {

enum class Kind { kPdf, kOfd, kDocx, kXlsx, kDoc, kXls, kJpg, kPng, kMp3, kMp4, kZip, kUnknown };

struct KindFacts {
  Kind kind;
  const char* media_type;
  const char* label;
  std::vector<std::string> extensions;  // lower case, without the dot
};

const std::vector<KindFacts>& kinds() {
  static const std::vector<KindFacts> kKinds = {
      {Kind::kPdf, "application/pdf", "PDF 文件", {"pdf"}},
      {Kind::kOfd, "application/ofd", "OFD 版式文件", {"ofd"}},
      {Kind::kDocx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档", {"docx"}},
      {Kind::kXlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格", {"xlsx"}},
      {Kind::kDoc, "application/msword", "Word 文档（doc）", {"doc"}},
      {Kind::kXls, "application/vnd.ms-excel", "Excel 表格（xls）", {"xls"}},
      {Kind::kJpg, "image/jpeg", "JPG 图片", {"jpg", "jpeg"}},
      {Kind::kPng, "image/png", "PNG 图片", {"png"}},
      {Kind::kMp3, "audio/mpeg", "MP3 音频", {"mp3"}},
      {Kind::kMp4, "video/mp4", "MP4 视频", {"mp4"}},
      {Kind::kZip, "application/zip", "ZIP 压缩包", {"zip"}},
  };
  return kKinds;
}

const KindFacts* facts(Kind k) {
  for (const auto& f : kinds())
    if (f.kind == k) return &f;
  return nullptr;
}

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

std::uint32_t le16(std::string_view b, size_t at) {
  return static_cast<std::uint8_t>(b[at]) | (static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 1])) << 8);
}
std::uint32_t le32(std::string_view b, size_t at) {
  return le16(b, at) | (le16(b, at + 2) << 16);
}

// The entry names of a ZIP file's central directory (APPNOTE.TXT 4.3.12, 4.3.16), or
// empty when there is no readable directory.
std::vector<std::string_view> zip_entry_names(std::string_view b) {
  std::vector<std::string_view> names;
  if (b.size() < 22) return names;
  // The end-of-central-directory record is within the last 65,557 bytes (22 + comment).
  size_t lowest = b.size() > 65557 ? b.size() - 65557 : 0;
  size_t eocd = std::string_view::npos;
  for (size_t i = b.size() - 22 + 1; i-- > lowest;) {
    if (b.compare(i, 4, "PK\x05\x06") == 0) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string_view::npos) return names;
  std::uint32_t count = le16(b, eocd + 10);
  std::uint32_t offset = le32(b, eocd + 16);
  size_t at = offset;
  for (std::uint32_t n = 0; n < count && n < 100000; ++n) {
    if (at + 46 > b.size() || b.compare(at, 4, "PK\x01\x02") != 0) break;
    size_t name_len = le16(b, at + 28), extra_len = le16(b, at + 30), comment_len = le16(b, at + 32);
    if (at + 46 + name_len > b.size()) break;
    names.push_back(b.substr(at + 46, name_len));
    at += 46 + name_len + extra_len + comment_len;
  }
  return names;
}

Kind zip_kind(std::string_view bytes) {
  auto names = zip_entry_names(bytes);
  auto has = [&](std::string_view n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  if (has("OFD.xml")) return Kind::kOfd;
  if (has("word/document.xml")) return Kind::kDocx;
  if (has("xl/workbook.xml")) return Kind::kXlsx;
  return Kind::kZip;
}

// An OLE2 compound file (MS-CFB) names its streams in UTF-16LE in its directory sectors.
bool contains_utf16(std::string_view bytes, std::string_view ascii) {
  std::string wide;
  for (char c : ascii) {
    wide.push_back(c);
    wide.push_back('\0');
  }
  return bytes.find(wide) != std::string_view::npos;
}

Kind sniff(std::string_view b) {
  if (starts_with(b, "%PDF-")) return Kind::kPdf;
  if (starts_with(b, "\xFF\xD8\xFF")) return Kind::kJpg;
  if (starts_with(b, "\x89PNG\r\n\x1A\n")) return Kind::kPng;
  if (starts_with(b, "PK\x03\x04") || starts_with(b, "PK\x05\x06")) return zip_kind(b);
  if (starts_with(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    if (contains_utf16(b, "WordDocument")) return Kind::kDoc;
    if (contains_utf16(b, "Workbook") || contains_utf16(b, "Book")) return Kind::kXls;
    return Kind::kUnknown;
  }
  if (b.size() >= 12 && b.compare(4, 4, "ftyp") == 0) return Kind::kMp4;
  if (starts_with(b, "ID3")) return Kind::kMp3;
  // An MPEG audio frame header: 11 sync bits, layer III (ISO/IEC 11172-3 2.4.1.3).
  if (b.size() >= 4 && static_cast<std::uint8_t>(b[0]) == 0xFF && (static_cast<std::uint8_t>(b[1]) & 0xE6) == 0xE2)
    return Kind::kMp3;
  return Kind::kUnknown;
}

std::string extension_of(std::string_view name) {
  auto dot = name.find_last_of('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

const std::string& accepted_attachment_kinds() {
  static const std::string kText =
      "PDF、OFD、Word（doc/docx）、Excel（xls/xlsx）、JPG/PNG 图片、MP3 音频、MP4 视频、ZIP 压缩包";
  return kText;
}

Result<AttachmentMediaType> sniff_attachment_media_type(std::string_view file_name, std::string_view bytes) {
  std::string subject = "文件「" + std::string(file_name) + "」";
  Kind kind = sniff(bytes);
  std::string ext = extension_of(file_name);
  if (kind == Kind::kUnknown)
    return invalid_input(subject, "", "文件内容不是可上传的类型，可上传：" + accepted_attachment_kinds());
  // A Word, Excel or OFD file is a ZIP container: named .zip it is kept as a ZIP bundle.
  if (ext == "zip" && (kind == Kind::kDocx || kind == Kind::kXlsx || kind == Kind::kOfd)) kind = Kind::kZip;
  const KindFacts* f = facts(kind);
  if (std::find(f->extensions.begin(), f->extensions.end(), ext) == f->extensions.end())
    return invalid_input(subject, "",
                         std::string("文件内容是") + f->label + "，与扩展名「" + (ext.empty() ? "（无）" : "." + ext) +
                             "」不符，请核对后重新上传");
  return AttachmentMediaType{f->media_type, f->label};
}

}  // namespace fazhi
