#include "ledger/tabular/xlsx_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <deque>

#include "ledger/tabular/excel_values.h"
#include "ledger/tabular/xlsx_package.h"
#include "ledger/tabular/xlsx_workbook_parts.h"
#include "ledger/tabular/xlsx_xml.h"

namespace fazhi::tabular {
namespace {

using namespace xlsx;

constexpr int kMaxColumns = 16384;  // XFD, Excel's last column
constexpr int64_t kMaxRows = 1048576;

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
        if (time.starts_with("00:00:00"))
          v.resize(t);
        else
          v.resize(std::min(v.size(), t + 9));  // drop fractions and zone
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
      return invalid_input(file_subject(file_name_), "", fmt::format("工作表“{}”是空的，没有表头行", sheets_[0].name));
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
        return invalid_input(
            file_subject(file_name_), row_place(current_.number, sheets_[sheet_index_].name),
            fmt::format("工作表“{}”的表头与第一个工作表“{}”的表头不同", sheets_[sheet_index_].name, sheets_[0].name));
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
      current_views_[i] =
          std::string_view(current_.data).substr(current_.ends[i], current_.ends[i + 1] - current_.ends[i]);
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

Result<std::unique_ptr<TableReader>> open_archive(const std::filesystem::path& path, std::unique_ptr<std::string> bytes,
                                                  std::string name, const ReadOptions& options) {
  FAZHI_ASSIGN_OR_RETURN(ZipArchive archive, ZipArchive::open(path, std::move(bytes), name));
  auto reader = std::make_unique<XlsxReader>(std::move(archive), std::move(name), options);
  FAZHI_TRY(reader->open());
  return std::unique_ptr<TableReader>(std::move(reader));
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_xlsx_reader(const std::filesystem::path& path, const ReadOptions& options) {
  return open_archive(path, nullptr, path.filename().string(), options);
}

Result<std::unique_ptr<TableReader>> open_xlsx_reader_from_memory(std::string_view bytes, std::string file_name,
                                                                  const ReadOptions& options) {
  return open_archive({}, std::make_unique<std::string>(bytes), std::move(file_name), options);
}

}  // namespace fazhi::tabular
