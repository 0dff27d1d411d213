// SAX parsing of package parts with expat: a handler receives element starts and ends and
// text, with element and attribute names stripped of their prefix. Entity declarations are
// refused outright (no worksheet has any), which also shuts out entity-expansion bombs.
// Internal to xlsx_reader.cpp.
#pragma once

#include <expat.h>
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "ledger/tabular/xlsx_package.h"

namespace fazhi::tabular::xlsx {

// Receives SAX events with local names ("row", "c", "id").
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
  // Set by a handler to stop parsing with a reason.
  std::optional<std::string> failure;
};

// Element and attribute names without their prefix ("x:row" → "row", "r:id" → "id"). The
// parser runs without namespace processing: SpreadsheetML names are unique without their
// namespace, and expanding every name to its URI costs a tenth of the reading time.
inline std::string_view local_name(const char* qualified) {
  const char* local = qualified;
  for (const char* p = qualified; *p != '\0'; ++p) {
    if (*p == ':') local = p + 1;
  }
  return std::string_view(local);
}

// The attribute with local name `name`, or nullptr.
inline const char* attribute(const char** attributes, std::string_view name) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (local_name(attributes[i]) == name) return attributes[i + 1];
  }
  return nullptr;
}

// One expat parser feeding one handler; stops at the handler's first failure.
class XmlParser {
 public:
  explicit XmlParser(XmlHandler& handler) : handler_(handler), parser_(XML_ParserCreate("UTF-8")) {
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &XmlParser::on_start, &XmlParser::on_end);
    XML_SetCharacterDataHandler(parser_, &XmlParser::on_text);
    // A worksheet has no business declaring entities: refuse them outright.
    XML_SetEntityDeclHandler(parser_, &XmlParser::on_entity);
  }
  ~XmlParser() { XML_ParserFree(parser_); }
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  // Parses one chunk; `last` marks the end of the document.
  Result<void> feed(std::string_view chunk, bool last, const std::string& part, const std::string& name) {
    if (XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0) == XML_STATUS_OK) {
      return ok();
    }
    if (handler_.failure) return broken(name, fmt::format("{}：{}", part, *handler_.failure));
    return broken(name, fmt::format("{} 第 {} 行的 XML 有误（{}），文件可能已损坏或被截断", part,
                                    XML_GetCurrentLineNumber(parser_), XML_ErrorString(XML_GetErrorCode(parser_))));
  }

 private:
  static void on_start(void* data, const char* name, const char** attributes) {
    auto* self = static_cast<XmlParser*>(data);
    self->handler_.start(local_name(name), attributes);
    self->stop_if_failed();
  }
  static void on_end(void* data, const char* name) {
    auto* self = static_cast<XmlParser*>(data);
    self->handler_.end(local_name(name));
    self->stop_if_failed();
  }
  static void on_text(void* data, const char* text, int len) {
    static_cast<XmlParser*>(data)->handler_.text(std::string_view(text, static_cast<size_t>(len)));
  }
  static void on_entity(void* data, const char*, int, const char*, int, const char*, const char*, const char*,
                        const char*) {
    auto* self = static_cast<XmlParser*>(data);
    self->handler_.failure = "含有不允许的实体声明";
    XML_StopParser(self->parser_, XML_FALSE);
  }
  void stop_if_failed() {
    if (handler_.failure) XML_StopParser(parser_, XML_FALSE);
  }

  XmlHandler& handler_;
  XML_Parser parser_;
};

// Parses a whole (small) part with `handler`.
Result<void> parse_part(const ZipArchive& archive, const std::string& part, XmlHandler& handler,
                        const std::string& name);

// Decodes Excel's _xHHHH_ escapes in s[from…] (characters XML cannot hold; a literal "_x"
// followed by four hex digits is written _x005F_xHHHH_). A surrogate becomes U+FFFD.
void unescape_ooxml(std::string& s, size_t from);

}  // namespace fazhi::tabular::xlsx
