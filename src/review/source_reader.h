// Reading a published report from a file: detecting its format (.txt/.md, .html/.htm,
// .docx, .pdf) and text encoding (UTF-8, GB18030, UTF-16 with a byte-order mark), and
// decoding it to Unicode characters. The decoded text is "the original" that every span
// in a ReviewedReport counts in: for .html the markup itself, for .docx the paragraphs
// of word/document.xml one per line, for .pdf poppler's text layer, pages one after the
// other. Pure functions: no state, safe from any thread.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace fazhi::review {

struct SourceText {
  std::string file;      // the path as given
  std::string format;    // "text", "html", "docx", "pdf"
  std::string encoding;  // "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"
  std::u32string text;   // the decoded original
};

// Reads and decodes one file. Fails (kInvalidInput / kNotFound) naming the file when it
// cannot be opened, has an unsupported extension, is not decodable or is empty.
Result<SourceText> read_source(const std::filesystem::path& path);

// Decodes bytes already in memory; `format` is "text", "html", "docx" or "pdf".
Result<SourceText> decode_source(std::string_view bytes, std::string_view format, std::string file_name);

// Decodes text bytes: a BOM decides UTF-8/UTF-16; otherwise valid UTF-8 is UTF-8 and
// anything else is tried as GB18030. Sets `encoding`. Fails when GB18030 fails too.
Result<std::u32string> decode_text_bytes(std::string_view bytes, std::string& encoding);

// The format for a file name by its extension, or empty when unsupported.
std::string format_for_path(const std::filesystem::path& path);

// The files to review: each path as given, directories expanded (recursively, sorted) to
// their files with supported extensions. Fails naming a path that does not exist, or a
// directory without any report file.
Result<std::vector<std::filesystem::path>> list_sources(const std::vector<std::string>& paths);

}  // namespace fazhi::review
