#include "ledger/tabular/xlsx_reader.h"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <optional>

#include "ledger/tabular/excel_values.h"

namespace fazhi::tabular {
namespace {

constexpr size_t kChunkBytes = 256u << 10;
constexpr int kMaxColumns = 16384;    // XFD, Excel's last column
constexpr int64_t kMaxRows = 1048576;
constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

Error broken(const std::string& name, std::string detail) {
  return invalid_input(file_subject(name), "", "不是有效的 Excel 文件：" + std::move(detail));
}

// ---- the archive ---------------------------------------------------------------------------

class ZipArchive {
 public:
  ZipArchive() = default;
  ZipArchive(ZipArchive&& o) noexcept : zip_(std::exchange(o.zip_, nullptr)), bytes_(std::move(o.bytes_)) {}
  ZipArchive& operator=(ZipArchive&&) = delete;
  ~ZipArchive() {
    if (zip_ != nullptr) zip_discard(zip_);
  }

  // `bytes` is null for a file on disk; otherwise the archive lives in *bytes.
  static Result<ZipArchive> open(const std::filesystem::path& path, std::unique_ptr<std::string> bytes,
                                 const std::string& name) {
    ZipArchive a;
    a.bytes_ = std::move(bytes);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = a.bytes_ != nullptr
                               ? zip_source_buffer_create(a.bytes_->data(), a.bytes_->size(), 0, &error)
                               : zip_source_file_create(path.c_str(), 0, -1, &error);
    if (source != nullptr) {
      a.zip_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
      if (a.zip_ == nullptr) zip_source_free(source);
    }
    if (a.zip_ == nullptr) {
      int code = zip_error_code_zip(&error);
      std::string detail = zip_error_strerror(&error);
      zip_error_fini(&error);
      if (code == ZIP_ER_NOENT || (code == ZIP_ER_OPEN && !std::filesystem::exists(path))) {
        return not_found(file_subject(name), "文件不存在");
      }
      if (code == ZIP_ER_OPEN || code == ZIP_ER_READ) {
        return invalid_input(file_subject(name), "", "无法读取文件：" + detail);
      }
      if (a.starts_with_ole2(path)) {
        return broken(name, "这是旧版 Excel 97-2003（.xls）文件或加密的工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后重新导入");
      }
      return broken(name, "文件不是完整的 xlsx 压缩包，可能已损坏、被截断，或是改了扩展名的其他文件（" + detail + "）");
    }
    zip_error_fini(&error);
    return a;
  }

  bool has(const std::string& part) const { return zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE) >= 0; }

  zip_t* get() const { return zip_; }

 private:
  bool starts_with_ole2(const std::filesystem::path& path) const {
    std::string head;
    if (bytes_ != nullptr) {
      head = bytes_->substr(0, kOle2Magic.size());
    } else {
      std::ifstream in(path, std::ios::binary);
      head.resize(kOle2Magic.size());
      in.read(head.data(), static_cast<std::streamsize>(head.size()));
      head.resize(static_cast<size_t>(in.gcount()));
    }
    return head == kOle2Magic;
  }

  zip_t* zip_ = nullptr;
  std::unique_ptr<std::string> bytes_;
};

// One part of the archive, read in chunks.
class ZipPart {
 public:
  ZipPart() = default;
  ZipPart(ZipPart&& o) noexcept : file_(std::exchange(o.file_, nullptr)), buffer_size_(o.buffer_size_) {}
  ZipPart& operator=(ZipPart&& o) noexcept {
    std::swap(file_, o.file_);
    buffer_size_ = o.buffer_size_;
    return *this;
  }
  // A buffer worth reading this part with: its size (as the archive states it) up to a chunk.
  size_t buffer_size() const { return buffer_size_; }
  ~ZipPart() {
    if (file_ != nullptr) zip_fclose(file_);
  }

  static Result<ZipPart> open(const ZipArchive& archive, const std::string& part, const std::string& name) {
    ZipPart p;
    zip_int64_t index = zip_name_locate(archive.get(), part.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return broken(name, "缺少 " + part);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
        (stat.valid & ZIP_STAT_SIZE) != 0) {
      p.buffer_size_ = static_cast<size_t>(std::min<zip_uint64_t>(stat.size, kChunkBytes)) + 1;
    }
    p.file_ = zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(index), 0);
    if (p.file_ == nullptr) {
      return broken(name, fmt::format("无法打开 {}（{}）", part, zip_strerror(archive.get())));
    }
    return p;
  }

  // Reads up to `n` bytes; 0 at the end. Fails for damaged data (CRC, deflate errors).
  Result<size_t> read(char* out, size_t n, const std::string& part, const std::string& name) {
    zip_int64_t got = zip_fread(file_, out, n);
    if (got < 0) {
      return broken(name, fmt::format("读取 {} 时出错，文件可能已损坏（{}）", part, zip_file_strerror(file_)));
    }
    return static_cast<size_t>(got);
  }

 private:
  zip_file_t* file_ = nullptr;
  size_t buffer_size_ = kChunkBytes;
};

// ---- XML -----------------------------------------------------------------------------------

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
std::string_view local_name(const char* qualified) {
  const char* local = qualified;
  for (const char* p = qualified; *p != '\0'; ++p) {
    if (*p == ':') local = p + 1;
  }
  return std::string_view(local);
}

// The attribute with local name `name`, or nullptr.
const char* attribute(const char** attributes, std::string_view name) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (local_name(attributes[i]) == name) return attributes[i + 1];
  }
  return nullptr;
}

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

// Excel escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
void unescape_ooxml(std::string& s, size_t from) {
  if (s.find("_x", from) == std::string::npos) return;
  std::string out = s.substr(0, from);
  for (size_t i = from; i < s.size();) {
    unsigned code = 0;
    if (s[i] == '_' && i + 7 <= s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::from_chars(s.data() + i + 2, s.data() + i + 6, code, 16).ptr == s.data() + i + 6) {
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

// ---- workbook, relationships, styles, shared strings --------------------------------------

struct SheetEntry {
  std::string name;
  std::string relationship_id;
  std::string part;  // resolved from the relationships
  bool hidden = false;
};

class WorkbookHandler : public XmlHandler {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  void start(std::string_view name, const char** attributes) override {
    if (name == "sheet") {
      const char* n = attribute(attributes, "name");
      const char* id = attribute(attributes, "id");
      const char* state = attribute(attributes, "state");
      bool hidden = state != nullptr && std::string_view(state) != "visible";
      sheets.push_back({n != nullptr ? n : "", id != nullptr ? id : "", "", hidden});
    } else if (name == "workbookPr") {
      const char* v = attribute(attributes, "date1904");
      date1904 = v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
    }
  }
  void end(std::string_view) override {}
};

struct Relationship {
  std::string target;
  std::string type;
};

class RelationshipsHandler : public XmlHandler {
 public:
  std::map<std::string, Relationship> by_id;
  void start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const char* id = attribute(attributes, "Id");
    const char* target = attribute(attributes, "Target");
    const char* type = attribute(attributes, "Type");
    if (id != nullptr && target != nullptr) by_id[id] = {target, type != nullptr ? type : ""};
  }
  void end(std::string_view) override {}
};

// A relationship target relative to the folder "xl/" (or absolute from the package root).
std::string resolve_target(const std::string& base_dir, const std::string& target) {
  std::string path = target.starts_with('/') ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string seg = path.substr(start, slash - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

class StylesHandler : public XmlHandler {
 public:
  std::map<int, std::string> custom_formats;
  std::vector<int> xf_format_ids;  // cellXfs, in order: a cell's s="" indexes this
  void start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      const char* id = attribute(attributes, "numFmtId");
      const char* code = attribute(attributes, "formatCode");
      if (id != nullptr && code != nullptr) custom_formats[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = attribute(attributes, "numFmtId");
      xf_format_ids.push_back(id != nullptr ? std::atoi(id) : 0);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

 private:
  bool in_cell_xfs_ = false;
};

// All strings back to back in one arena: a million of them cost one allocation, not a million.
class SharedStrings : public XmlHandler {
 public:
  size_t size() const { return ends_.size(); }
  std::string_view at(size_t i) const {
    size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(arena_).substr(begin, ends_[i] - begin);
  }

  void start(std::string_view name, const char**) override {
    if (name == "si") {
      si_start_ = arena_.size();
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_phonetic_ == 0) {
      in_text_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      unescape_ooxml(arena_, si_start_);
      ends_.push_back(arena_.size());
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "t") {
      in_text_ = false;
    }
  }
  void text(std::string_view t) override {
    if (in_text_) arena_.append(t);
  }

 private:
  std::string arena_;
  std::vector<size_t> ends_;
  size_t si_start_ = 0;
  int in_phonetic_ = 0;
  bool in_text_ = false;
};

// "C5" → column 2 (0-based); -1 when there are no letters or too many.
int column_of(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > kMaxColumns) return -1;
  }
  return i == 0 ? -1 : col - 1;
}

// ---- the worksheet -------------------------------------------------------------------------

struct OwnedRow {
  int64_t number = 0;
  std::string data;
  std::vector<uint32_t> ends{0};  // cell i is data[ends[i], ends[i+1])
  bool blank = true;

  void clear() {
    data.clear();
    ends.assign(1, 0);
    blank = true;
  }
  size_t cell_count() const { return ends.size() - 1; }
};

struct WorkbookFacts {
  const SharedStrings* strings = nullptr;
  std::vector<NumberFormatKind> xf_kinds;
  bool date1904 = false;
};

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const WorkbookFacts& facts, std::deque<OwnedRow>& ready, std::vector<OwnedRow>& spare)
      : facts_(facts), ready_(ready), spare_(spare) {}

  bool finished() const { return finished_; }

  void start(std::string_view name, const char** attributes) override {
    if (name == "row") {
      const char* r = attribute(attributes, "r");
      int64_t number = last_row_ + 1;
      if (r != nullptr) {
        auto [p, ec] = std::from_chars(r, r + std::strlen(r), number);
        if (ec != std::errc() || number <= last_row_ || number > kMaxRows) {
          failure = fmt::format("行号“{}”无效或顺序错乱", r);
          return;
        }
      }
      last_row_ = number;
      if (spare_.empty()) {
        row_ = OwnedRow{};
      } else {
        row_ = std::move(spare_.back());
        spare_.pop_back();
        row_.clear();
      }
      row_.number = number;
      next_column_ = 0;
      in_row_ = true;
    } else if (name == "c" && in_row_) {
      const char* r = attribute(attributes, "r");
      column_ = r != nullptr ? column_of(r) : next_column_;
      if (column_ < 0 || column_ >= kMaxColumns) {
        failure = fmt::format("第 {} 行的单元格引用“{}”无效", row_.number, r != nullptr ? r : "");
        return;
      }
      const char* t = attribute(attributes, "t");
      type_ = t != nullptr ? t : "n";
      const char* s = attribute(attributes, "s");
      style_ = s != nullptr ? std::atoi(s) : 0;
      value_.clear();
      in_cell_ = true;
      has_value_ = false;
    } else if (in_cell_) {
      if (name == "v") {
        capture_ = true;
        has_value_ = true;
      } else if (name == "rPh") {
        ++in_phonetic_;
      } else if (name == "t" && in_phonetic_ == 0) {
        capture_ = true;
        has_value_ = true;
      }
    }
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") {
      capture_ = false;
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      finish_cell();
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      if (row_.blank) {
        spare_.push_back(std::move(row_));
      } else {
        ready_.push_back(std::move(row_));
      }
    } else if (name == "sheetData") {
      finished_ = true;
    }
  }

  void text(std::string_view t) override {
    if (capture_) value_.append(t);
  }

 private:
  void finish_cell() {
    if (static_cast<size_t>(column_) < row_.cell_count()) {
      failure = fmt::format("第 {} 行的单元格 {}{} 重复或顺序错乱", row_.number, column_letters(column_), row_.number);
      return;
    }
    while (row_.cell_count() < static_cast<size_t>(column_)) row_.ends.push_back(row_.ends.back());
    if (has_value_) append_value();
    if (row_.data.size() > row_.ends.back()) row_.blank = false;
    row_.ends.push_back(static_cast<uint32_t>(row_.data.size()));
    next_column_ = column_ + 1;
  }

  void append_value() {
    std::string& out = row_.data;
    if (type_ == "s") {
      size_t index = 0;
      auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc() || p != value_.data() + value_.size() || facts_.strings == nullptr ||
          index >= facts_.strings->size()) {
        failure = fmt::format("单元格 {}{} 引用的共享字符串“{}”不存在", column_letters(column_), row_.number, value_);
        return;
      }
      out.append(facts_.strings->at(index));
    } else if (type_ == "inlineStr" || type_ == "str") {
      size_t from = out.size();
      out.append(value_);
      unescape_ooxml(out, from);
    } else if (type_ == "b") {
      out.append(value_ == "1" || value_ == "true" ? "TRUE" : "FALSE");
    } else if (type_ == "e") {
      out.append(value_);
    } else if (type_ == "d") {
      // ISO 8601 in the file: "2024-01-05T13:45:00" → "2024-01-05 13:45:00"; midnight dropped.
      std::string v = value_;
      if (size_t t = v.find('T'); t != std::string::npos) {
        v[t] = ' ';
        std::string_view time = std::string_view(v).substr(t + 1);
        if (time.starts_with("00:00:00")) v.resize(t);
        else v.resize(std::min(v.size(), t + 9));  // drop fractions and zone
      }
      out.append(v);
    } else {
      NumberFormatKind kind = style_ >= 0 && static_cast<size_t>(style_) < facts_.xf_kinds.size()
                                  ? facts_.xf_kinds[style_]
                                  : NumberFormatKind::kNumber;
      if (kind != NumberFormatKind::kNumber && !value_.empty()) {
        double serial = 0;
        auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), serial);
        if (ec == std::errc() && p == value_.data() + value_.size()) {
          if (auto iso = excel_serial_to_iso(serial, kind, facts_.date1904)) {
            out.append(*iso);
            return;
          }
        }
      }
      out.append(excel_number_text(value_));
    }
  }

  const WorkbookFacts& facts_;
  std::deque<OwnedRow>& ready_;
  std::vector<OwnedRow>& spare_;
  OwnedRow row_;
  int64_t last_row_ = 0;
  int next_column_ = 0;
  int column_ = 0;
  std::string type_;
  int style_ = 0;
  std::string value_;
  int in_phonetic_ = 0;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool capture_ = false;
  bool has_value_ = false;
  bool finished_ = false;
};

// ---- the reader ----------------------------------------------------------------------------

class XlsxReader final : public TableReader {
 public:
  XlsxReader(ZipArchive archive, std::string name, ReadOptions options)
      : archive_(std::move(archive)), options_(options) {
    file_name_ = std::move(name);
  }

  Result<void> open() {
    const std::string workbook_part = "xl/workbook.xml";
    if (!archive_.has(workbook_part)) {
      return broken(file_name_, "缺少 xl/workbook.xml，这不是 Excel 工作簿（可能是其他 Office 文件改了扩展名）");
    }
    WorkbookHandler workbook;
    FAZHI_TRY(parse_part(archive_, workbook_part, workbook, file_name_));
    RelationshipsHandler rels;
    FAZHI_TRY(parse_part(archive_, "xl/_rels/workbook.xml.rels", rels, file_name_));
    facts_.date1904 = workbook.date1904;

    std::string strings_part = "xl/sharedStrings.xml";
    std::string styles_part = "xl/styles.xml";
    for (const auto& [id, rel] : rels.by_id) {
      if (rel.type.ends_with("/sharedStrings")) strings_part = resolve_target("xl/", rel.target);
      if (rel.type.ends_with("/styles")) styles_part = resolve_target("xl/", rel.target);
    }
    for (SheetEntry& sheet : workbook.sheets) {
      auto rel = rels.by_id.find(sheet.relationship_id);
      if (rel == rels.by_id.end()) continue;
      // Chart sheets and dialog sheets hold no cells; hidden sheets (a template's lists for
      // drop-downs) are not what the clerk filled in.
      if (!rel->second.type.empty() && !rel->second.type.ends_with("/worksheet")) continue;
      if (sheet.hidden) continue;
      sheet.part = resolve_target("xl/", rel->second.target);
      sheets_.push_back(sheet);
    }
    if (sheets_.empty()) return broken(file_name_, "工作簿里没有可见的工作表");

    if (archive_.has(strings_part)) {
      FAZHI_TRY(parse_part(archive_, strings_part, strings_, file_name_));
    }
    facts_.strings = &strings_;
    if (archive_.has(styles_part)) {
      StylesHandler styles;
      FAZHI_TRY(parse_part(archive_, styles_part, styles, file_name_));
      for (int id : styles.xf_format_ids) {
        auto custom = styles.custom_formats.find(id);
        facts_.xf_kinds.push_back(custom != styles.custom_formats.end() ? custom_number_format_kind(custom->second)
                                                                        : builtin_number_format_kind(id));
      }
    }

    FAZHI_TRY(open_sheet(0));
    FAZHI_ASSIGN_OR_RETURN(bool got, pull());
    if (!got) {
      return invalid_input(file_subject(file_name_), "",
                           fmt::format("工作表“{}”是空的，没有表头行", sheets_[0].name));
    }
    header_.assign(current_views_.begin(), current_views_.end());
    // Formatted but empty cells after the last label are not columns.
    while (!header_.empty() && header_.back().empty()) header_.pop_back();
    header_row_number_ = current_.number;
    return ok();
  }

  Result<bool> next(Row& row) override {
    for (;;) {
      FAZHI_ASSIGN_OR_RETURN(bool got, pull());
      if (got) break;
      if (!options_.all_sheets || sheet_index_ + 1 >= sheets_.size()) return false;
      FAZHI_TRY(open_sheet(sheet_index_ + 1));
      FAZHI_ASSIGN_OR_RETURN(bool header, pull());
      if (!header) continue;  // an empty sheet adds no rows
      std::vector<std::string_view> expected(header_.begin(), header_.end());
      std::vector<std::string_view> found = current_views_;
      while (found.size() > expected.size() && found.back().empty()) found.pop_back();
      if (found != expected) {
        return invalid_input(file_subject(file_name_), row_place(current_.number, sheets_[sheet_index_].name),
                             fmt::format("工作表“{}”的表头与第一个工作表“{}”的表头不同", sheets_[sheet_index_].name,
                                         sheets_[0].name));
      }
    }
    row.number = current_.number;
    row.sheet = sheets_[sheet_index_].name;
    row.cells = current_views_;
    if (row.cells.size() < header_.size()) row.cells.resize(header_.size());
    return true;
  }

 private:
  Result<void> open_sheet(size_t index) {
    sheet_index_ = index;
    const SheetEntry& sheet = sheets_[index];
    ready_.clear();
    parser_.reset();
    handler_.reset();
    FAZHI_ASSIGN_OR_RETURN(part_, ZipPart::open(archive_, sheet.part, file_name_));
    chunk_.resize(part_.buffer_size());
    handler_ = std::make_unique<SheetHandler>(facts_, ready_, spare_);
    parser_ = std::make_unique<XmlParser>(*handler_);
    part_done_ = false;
    return ok();
  }

  // Makes the next non-blank row of the current sheet current_; false at its end.
  Result<bool> pull() {
    while (ready_.empty()) {
      if (part_done_) return false;
      const std::string& part = sheets_[sheet_index_].part;
      FAZHI_ASSIGN_OR_RETURN(size_t got, part_.read(chunk_.data(), chunk_.size(), part, file_name_));
      FAZHI_TRY(parser_->feed(std::string_view(chunk_.data(), got), got == 0, part, file_name_));
      if (got == 0) {
        part_done_ = true;
        if (!handler_->finished()) {
          return broken(file_name_, part + " 不完整（缺少 sheetData 的结尾），文件可能被截断");
        }
      }
    }
    spare_.push_back(std::move(current_));
    current_ = std::move(ready_.front());
    ready_.pop_front();
    current_views_.resize(current_.cell_count());
    for (size_t i = 0; i < current_views_.size(); ++i) {
      current_views_[i] = std::string_view(current_.data).substr(current_.ends[i], current_.ends[i + 1] - current_.ends[i]);
    }
    return true;
  }

  ZipArchive archive_;
  ReadOptions options_;
  std::vector<SheetEntry> sheets_;
  SharedStrings strings_;
  WorkbookFacts facts_;
  size_t sheet_index_ = 0;
  ZipPart part_;
  std::unique_ptr<SheetHandler> handler_;
  std::unique_ptr<XmlParser> parser_;
  bool part_done_ = false;
  std::string chunk_;
  std::deque<OwnedRow> ready_;
  std::vector<OwnedRow> spare_;
  OwnedRow current_;
  std::vector<std::string_view> current_views_;
};

Result<std::unique_ptr<TableReader>> open_archive(const std::filesystem::path& path,
                                                  std::unique_ptr<std::string> bytes, std::string name,
                                                  const ReadOptions& options) {
  FAZHI_ASSIGN_OR_RETURN(ZipArchive archive, ZipArchive::open(path, std::move(bytes), name));
  auto reader = std::make_unique<XlsxReader>(std::move(archive), std::move(name), options);
  FAZHI_TRY(reader->open());
  return std::unique_ptr<TableReader>(std::move(reader));
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_xlsx_reader(const std::filesystem::path& path,
                                                      const ReadOptions& options) {
  return open_archive(path, nullptr, path.filename().string(), options);
}

Result<std::unique_ptr<TableReader>> open_xlsx_reader_from_memory(std::string_view bytes, std::string file_name,
                                                                  const ReadOptions& options) {
  return open_archive({}, std::make_unique<std::string>(bytes), std::move(file_name), options);
}

}  // namespace fazhi::tabular
