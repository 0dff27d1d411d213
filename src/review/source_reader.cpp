#include "review/source_reader.h"

#include <iconv.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <zip.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <pugixml.hpp>
#include <sstream>

#include "review/utf.h"

namespace fazhi::review {

namespace {

std::string lower_ext(const std::filesystem::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

Result<std::u32string> decode_gb18030(std::string_view bytes, const std::string& file) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return internal_error("文件 " + file, "系统缺少 GB18030 编码转换");
  }
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) {
    return invalid_input("文件 " + file, "第 " + std::to_string(bytes.size() - in_left) + " 字节",
                         "既不是 UTF-8 也不是 GB18030 编码的文本，无法读取");
  }
  out.resize(out.size() - out_left);
  return utf8_to_u32(out);
}

std::u32string decode_utf16(std::string_view bytes, bool big_endian) {
  std::u32string out;
  out.reserve(bytes.size() / 2);
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    auto b0 = static_cast<unsigned char>(bytes[i]), b1 = static_cast<unsigned char>(bytes[i + 1]);
    char32_t u = big_endian ? (b0 << 8 | b1) : (b1 << 8 | b0);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      auto c0 = static_cast<unsigned char>(bytes[i + 2]), c1 = static_cast<unsigned char>(bytes[i + 3]);
      char32_t lo = big_endian ? (c0 << 8 | c1) : (c1 << 8 | c0);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        out.push_back(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        i += 2;
        continue;
      }
    }
    out.push_back((u >= 0xD800 && u <= 0xDFFF) ? char32_t{0xFFFD} : u);
  }
  return out;
}

Result<std::string> read_zip_entry(std::string_view bytes, const char* name, const std::string& file) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) return invalid_input("文件 " + file, "", "不是有效的 .docx（zip）文件");
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!za) {
    zip_source_free(src);
    return invalid_input("文件 " + file, "", "不是有效的 .docx（zip）文件");
  }
  std::string out;
  zip_file_t* zf = zip_fopen(za, name, 0);
  if (!zf) {
    zip_close(za);
    return invalid_input("文件 " + file, "", std::string("缺少 ") + name + "，不是 Word 文档");
  }
  char buf[65536];
  zip_int64_t n;
  while ((n = zip_fread(zf, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  zip_fclose(zf);
  zip_discard(za);
  if (n < 0) return invalid_input("文件 " + file, "", std::string("读取 ") + name + " 失败");
  return out;
}

void docx_text(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    std::string_view name = child.name();
    if (name == "w:t")
      out += child.text().get();
    else if (name == "w:tab")
      out += '\t';
    else if (name == "w:br" || name == "w:cr")
      out += '\n';
    else if (name == "w:p") {
      docx_text(child, out);
      out += '\n';
    } else
      docx_text(child, out);
  }
}

Result<std::u32string> decode_docx(std::string_view bytes, const std::string& file) {
  FAZHI_ASSIGN_OR_RETURN(std::string xml, read_zip_entry(bytes, "word/document.xml", file));
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) {
    return invalid_input("文件 " + file, "word/document.xml", "XML 无法解析");
  }
  std::string text;
  docx_text(doc, text);
  return utf8_to_u32(text);
}

void quiet_poppler(const std::string&, void*) {}

Result<std::u32string> decode_pdf(std::string_view bytes, const std::string& file) {
  static const bool quiet = [] {
    poppler::set_debug_error_function(quiet_poppler, nullptr);
    return true;
  }();
  (void)quiet;
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) return invalid_input("文件 " + file, "", "PDF 过大");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc || doc->is_locked()) {
    return invalid_input("文件 " + file, "", "不是可读取的 PDF 文件（损坏或已加密）");
  }
  std::string text;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
    text.append(utf8.begin(), utf8.end());
    if (!text.empty() && text.back() != '\n') text += '\n';
  }
  return utf8_to_u32(text);
}

}  // namespace

Result<std::u32string> decode_text_bytes(std::string_view bytes, std::string& encoding) {
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF")) {
    encoding = "UTF-8";
    return utf8_to_u32(bytes.substr(3));
  }
  if (starts("\xFF\xFE")) {
    encoding = "UTF-16LE";
    return decode_utf16(bytes.substr(2), false);
  }
  if (starts("\xFE\xFF")) {
    encoding = "UTF-16BE";
    return decode_utf16(bytes.substr(2), true);
  }
  if (is_valid_utf8(bytes)) {
    encoding = "UTF-8";
    return utf8_to_u32(bytes);
  }
  encoding = "GB18030";
  return decode_gb18030(bytes, "");
}

std::string format_for_path(const std::filesystem::path& path) {
  std::string e = lower_ext(path);
  if (e == ".txt" || e == ".md" || e == ".text") return "text";
  if (e == ".html" || e == ".htm" || e == ".shtml" || e == ".xhtml") return "html";
  if (e == ".docx") return "docx";
  if (e == ".pdf") return "pdf";
  return "";
}

Result<SourceText> decode_source(std::string_view bytes, std::string_view format, std::string file_name) {
  SourceText src;
  src.file = std::move(file_name);
  src.format = std::string(format);
  if (format == "docx") {
    src.encoding = "UTF-8";
    FAZHI_ASSIGN_OR_RETURN(src.text, decode_docx(bytes, src.file));
  } else if (format == "pdf") {
    src.encoding = "UTF-8";
    FAZHI_ASSIGN_OR_RETURN(src.text, decode_pdf(bytes, src.file));
  } else {
    auto text = decode_text_bytes(bytes, src.encoding);
    if (!text) {
      Error e = text.error();
      e.subject = "文件 " + src.file;
      return e;
    }
    src.text = std::move(text).value();
  }
  return src;
}

Result<SourceText> read_source(const std::filesystem::path& path) {
  std::string name = path.string();
  std::string format = format_for_path(path);
  if (format.empty()) {
    return invalid_input("文件 " + name, "", "不支持的文件类型（可读取 .txt .md .html .htm .docx .pdf）");
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return not_found("文件 " + name, "不存在或不是普通文件");
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid_input("文件 " + name, "", "无法打开（权限不足？）");
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string bytes = buf.str();
  if (bytes.empty()) return invalid_input("文件 " + name, "", "文件为空");
  FAZHI_ASSIGN_OR_RETURN(SourceText src, decode_source(bytes, format, name));
  bool any = std::any_of(src.text.begin(), src.text.end(),
                         [](char32_t c) { return !is_space(c) && c != U'\n' && c != U'\r'; });
  if (!any) return invalid_input("文件 " + name, "", "没有可读取的文字（扫描件 PDF 需先做文字识别）");
  return src;
}

Result<std::vector<std::filesystem::path>> list_sources(const std::vector<std::string>& paths) {
  std::vector<std::filesystem::path> out;
  for (const std::string& p : paths) {
    std::filesystem::path path(p);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::filesystem::path> found;
      for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && !format_for_path(it->path()).empty()) found.push_back(it->path());
      }
      if (found.empty()) return invalid_input("目录 " + p, "", "其中没有可读取的报告文件（.txt .md .html .docx .pdf）");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(path, ec)) {
      out.push_back(path);
    } else {
      return not_found("文件 " + p, "不存在");
    }
  }
  return out;
}

}  // namespace fazhi::review
