#include "ledger/import_mapping.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/date.h"
#include "core/working_day_calendar.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi {
namespace {

Error mapping_error(const std::string& origin, const std::string& place, const std::string& reason) {
  return invalid_input("导入映射 " + origin, place, reason);
}

bool is_date_type(FieldType t) {
  return t == FieldType::kDate || t == FieldType::kDateTime;
}

// The field's stored value for an enum value or label, or empty.
std::string enum_value(const FieldDeclaration& f, const std::string& v) {
  for (const auto& o : f.options)
    if (o.value == v || o.label == v) return o.value;
  return "";
}

Result<const FieldDeclaration*> field_of(const LedgerDeclaration& ledger, const std::string& origin,
                                         const std::string& place, const std::string& name) {
  const FieldDeclaration* f = ledger.field(name);
  if (!f) return mapping_error(origin, place, "「" + ledger.label + "」没有字段 " + name);
  return f;
}

// A text member of `obj`: `fallback` when absent, an error when present but not text.
Result<std::string> text_member(const nlohmann::json& obj, const char* key, const std::string& fallback,
                                const std::string& origin, const std::string& place) {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  if (!it->is_string()) return mapping_error(origin, place, "应为文本");
  return it->get<std::string>();
}

// A count of working days (`low` … kMaxWorkingDays): a city's time limits are days or weeks.
constexpr int kMaxWorkingDays = 1000;
Result<int> working_days_of(const nlohmann::json& v, int low, const std::string& origin, const std::string& place) {
  if (!v.is_number_integer() || v.get<std::int64_t>() < low || v.get<std::int64_t>() > kMaxWorkingDays)
    return mapping_error(origin, place, fmt::format("应为 {} 至 {} 的工作日数", low, kMaxWorkingDays));
  return static_cast<int>(v.get<std::int64_t>());
}

// One output column of the mapped table.
struct OutColumn {
  int source = -1;                     // column of the file; -1 for computed ones
  const MappedColumn* rule = nullptr;  // how to transform it
  const FieldDeclaration* field = nullptr;
};

class MappedTableReader : public tabular::TableReader {
 public:
  MappedTableReader(std::unique_ptr<tabular::TableReader> inner, const ImportMapping& mapping,
                    const LedgerDeclaration& ledger)
      : inner_(std::move(inner)), mapping_(mapping), ledger_(ledger) {
    file_name_ = inner_->file_name();
    header_row_number_ = inner_->header_row_number();
    const auto& in = inner_->header();
    for (size_t c = 0; c < in.size(); ++c) {
      std::string h = in[c];
      while (!h.empty() && (h.back() == ' ' || h.back() == '*')) h.pop_back();
      OutColumn out{static_cast<int>(c), nullptr, nullptr};
      std::string label = in[c];
      if (std::find(mapping.ignored.begin(), mapping.ignored.end(), h) != mapping.ignored.end()) {
        label = "";  // the import ignores a column without header
      } else {
        for (const auto& rule : mapping.columns)
          if (rule.source == h) {
            out.rule = &rule;
            out.field = ledger.field(rule.field);
            label = out.field->label;
          }
      }
      header_.push_back(label);
      sources_.push_back(in[c]);
      columns_.push_back(out);
    }
    // Computed columns go after the file's, unless the file already fills that field.
    auto add_computed = [&](const std::string& field, int& index) {
      const FieldDeclaration* f = ledger.field(field);
      for (size_t c = 0; c < header_.size(); ++c)
        if (header_[c] == f->label || header_[c] == f->name) {
          index = static_cast<int>(c);
          return;
        }
      index = static_cast<int>(header_.size());
      header_.push_back(f->label);
      sources_.push_back(f->label);
      columns_.push_back(OutColumn{-1, nullptr, f});
    };
    if (mapping.due) add_computed(mapping.due->field, due_column_);
    if (mapping.on_time) add_computed(mapping.on_time->field, on_time_column_);
    cells_.resize(header_.size());
  }

  Result<bool> next(tabular::Row& row) override {
    FAZHI_ASSIGN_OR_RETURN(bool more, inner_->next(inner_row_));
    if (!more) return false;
    for (size_t c = 0; c < columns_.size(); ++c) {
      const OutColumn& col = columns_[c];
      std::string& cell = cells_[c];
      cell.clear();
      if (col.source >= 0 && static_cast<size_t>(col.source) < inner_row_.cells.size())
        cell.assign(inner_row_.cells[col.source]);
      if (!col.rule || cell.empty()) continue;
      if (!col.rule->values.empty()) {
        std::string key = cell;
        while (!key.empty() && key.back() == ' ') key.pop_back();
        auto it = col.rule->values.find(key);
        if (it == col.rule->values.end())
          return refuse(c, cell, "不在映射「" + mapping_.name + "」的取值对照中" + allowed(*col.rule));
        cell = it->second;
      }
      if (!col.rule->format.empty()) {
        std::string iso = reformat_date(cell, col.rule->format);
        if (iso.empty()) return refuse(c, cell, "不符合映射规定的日期格式 " + col.rule->format);
        cell = std::move(iso);
      }
    }
    if (mapping_.due) FAZHI_TRY(compute_due());
    if (mapping_.on_time) compute_on_time();
    row.number = inner_row_.number;
    row.sheet = inner_row_.sheet;
    row.cells.assign(cells_.begin(), cells_.end());
    return true;
  }

 private:
  Error refuse(size_t column, const std::string& value, const std::string& reason) const {
    Error e =
        invalid_input(tabular::file_subject(file_name_),
                      tabular::row_place(inner_row_.number, inner_row_.sheet) + "，列「" + sources_[column] + "」",
                      "值「" + value + "」" + reason + "，未导入任何记录");
    if (columns_[column].field) e.field = columns_[column].field->name;
    return e;
  }

  static std::string allowed(const MappedColumn& rule) {
    std::string out;
    int n = 0;
    for (const auto& [k, v] : rule.values) {
      if (++n > 12) {
        out += "…";
        break;
      }
      out += (out.empty() ? "" : "、") + k;
    }
    return "（可填：" + out + "）";
  }

  // The cell holding field `name` in this row, or null.
  const std::string* cell_of(const std::string& name) const {
    const FieldDeclaration* f = name.empty() ? nullptr : ledger_.field(name);
    if (!f) return nullptr;
    for (size_t c = 0; c < header_.size(); ++c)
      if (header_[c] == f->label || header_[c] == f->name) return &cells_[c];
    return nullptr;
  }

  Result<void> compute_due() {
    std::string& due = cells_[due_column_];
    if (!due.empty()) return ok();
    const ComputedDue& rule = *mapping_.due;
    const std::string* from = cell_of(rule.from);
    const std::string* by = cell_of(rule.by);
    if (!from || from->size() < 10) return ok();
    int days = rule.default_working_days;
    if (by) {
      std::string key = *by;
      if (const FieldDeclaration* f = ledger_.field(rule.by); f && f->type == FieldType::kEnum) {
        std::string v = enum_value(*f, key);
        if (!v.empty()) key = v;
      }
      auto it = rule.working_days.find(key);
      if (it != rule.working_days.end()) days = it->second;
    }
    if (days <= 0) return ok();
    auto start = parse_date_lenient(std::string_view(*from).substr(0, 10));
    if (!start) return ok();  // the ledger's own check names the bad start date
    auto end = default_calendar().add_working_days(*start, days);
    if (!end) return ok();  // beyond the calendar: left empty rather than guessed
    due = end->iso();
    if (ledger_.field(rule.field)->type == FieldType::kDateTime) due += "T23:59:59";
    return ok();
  }

  void compute_on_time() {
    const ComputedOnTime& rule = *mapping_.on_time;
    std::string& out = cells_[on_time_column_];
    if (!out.empty()) return;
    const std::string* done = cell_of(rule.done);
    const std::string* due = cell_of(rule.due);
    if (!done || !due || done->empty() || due->empty()) return;
    // ISO texts compare in time order; a date due covers its whole day.
    std::string d = *due;
    if (d.size() == 10) d += "T23:59:59";
    std::string t = *done;
    if (t.size() > 10 && t[10] == ' ') t[10] = 'T';
    if (d.size() > 10 && d[10] == ' ') d[10] = 'T';
    out = t <= d ? "是" : "否";
  }

  std::unique_ptr<tabular::TableReader> inner_;
  const ImportMapping& mapping_;
  const LedgerDeclaration& ledger_;
  std::vector<OutColumn> columns_;
  std::vector<std::string> sources_;  // the file's own headers, for messages
  std::vector<std::string> cells_;
  tabular::Row inner_row_;
  int due_column_ = -1;
  int on_time_column_ = -1;
};

Result<ImportMapping> load_path(const std::filesystem::path& path, const std::string& origin) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found("导入映射 " + origin, "文件不存在或无法读取（" + path.string() + "）");
  std::stringstream text;
  text << in.rdbuf();
  return ImportMapping::parse(text.str(), origin);
}

}  // namespace

std::string reformat_date(std::string_view text, std::string_view pattern) {
  int parts[6] = {0, 0, 0, 0, 0, 0};  // Y m d H M S
  bool has_time = false;
  size_t i = 0;
  for (size_t p = 0; p < pattern.size(); ++p) {
    if (pattern[p] == '%' && p + 1 < pattern.size()) {
      char spec = pattern[++p];
      static const std::string kSpecs = "YmdHMS";
      auto k = kSpecs.find(spec);
      if (k == std::string::npos) return "";
      if (k >= 3) has_time = true;
      size_t max_digits = k == 0 ? 4 : 2;
      size_t start = i;
      int v = 0;
      while (i < text.size() && i - start < max_digits && std::isdigit(static_cast<unsigned char>(text[i])))
        v = v * 10 + (text[i++] - '0');
      if (i == start || (k == 0 && i - start != 4)) return "";
      parts[k] = v;
    } else {
      if (i >= text.size() || text[i] != pattern[p]) return "";
      ++i;
    }
  }
  while (i < text.size() && text[i] == ' ') ++i;
  if (i != text.size()) return "";
  auto date = Date::from_ymd(parts[0], parts[1], parts[2]);
  if (!date || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return "";
  if (!has_time) return date->iso();
  return DateTime::from_parts(*date, parts[3], parts[4], parts[5])->iso('T');
}

Result<ImportMapping> ImportMapping::parse(std::string_view json_text, const std::string& origin) {
  auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return mapping_error(origin, "", "不是有效的 JSON 对象");
  ImportMapping m;
  FAZHI_ASSIGN_OR_RETURN(m.name, text_member(j, "name", origin, origin, "name"));
  FAZHI_ASSIGN_OR_RETURN(m.ledger, text_member(j, "ledger", "", origin, "ledger"));
  const LedgerDeclaration* ledger = find_ledger(m.ledger);
  if (!ledger) return mapping_error(origin, "ledger", "台账「" + m.ledger + "」不存在");
  if (!j.contains("columns") || !j["columns"].is_object())
    return mapping_error(origin, "columns", "应为对象：表头 → 字段");
  for (const auto& [source, spec] : j["columns"].items()) {
    MappedColumn c;
    c.source = source;
    const std::string place = "columns." + source;
    if (spec.is_string()) {
      c.field = spec.get<std::string>();
    } else if (spec.is_object() && spec.contains("field") && spec["field"].is_string()) {
      c.field = spec["field"].get<std::string>();
      FAZHI_ASSIGN_OR_RETURN(c.format, text_member(spec, "format", "", origin, place + ".format"));
      if (spec.contains("values")) {
        if (!spec["values"].is_object()) return mapping_error(origin, place + ".values", "应为对象：原值 → 台账取值");
        for (const auto& [from, to] : spec["values"].items()) {
          if (!to.is_string()) return mapping_error(origin, place + ".values." + from, "应为文本");
          c.values[from] = to.get<std::string>();
        }
      }
    } else {
      return mapping_error(origin, place, "应为字段名，或含 field 的对象");
    }
    FAZHI_ASSIGN_OR_RETURN(const FieldDeclaration* f, field_of(*ledger, origin, place, c.field));
    if (f->type == FieldType::kEnum)
      for (const auto& [from, to] : c.values)
        if (enum_value(*f, to).empty())
          return mapping_error(origin, place + ".values." + from, "「" + to + "」不是字段「" + f->label + "」的可选值");
    if (!c.format.empty()) {
      if (!is_date_type(f->type)) return mapping_error(origin, place + ".format", "字段「" + f->label + "」不是日期");
      if (c.format.find("%Y") == std::string::npos || c.format.find("%m") == std::string::npos ||
          c.format.find("%d") == std::string::npos)
        return mapping_error(origin, place + ".format", "格式「" + c.format + "」应含 %Y、%m、%d 等");
    }
    m.columns.push_back(std::move(c));
  }
  if (j.contains("ignore")) {
    if (!j["ignore"].is_array()) return mapping_error(origin, "ignore", "应为表头列表");
    for (const auto& h : j["ignore"]) {
      if (!h.is_string()) return mapping_error(origin, "ignore", "表头应为文本");
      m.ignored.push_back(h.get<std::string>());
    }
  }
  if (j.contains("due")) {
    const auto& d = j["due"];
    if (!d.is_object()) return mapping_error(origin, "due", "应为对象：field、from、by、working_days");
    ComputedDue due;
    FAZHI_ASSIGN_OR_RETURN(due.field, text_member(d, "field", "", origin, "due.field"));
    FAZHI_ASSIGN_OR_RETURN(due.from, text_member(d, "from", "", origin, "due.from"));
    FAZHI_ASSIGN_OR_RETURN(due.by, text_member(d, "by", "", origin, "due.by"));
    if (d.contains("default_working_days")) {
      FAZHI_ASSIGN_OR_RETURN(due.default_working_days,
                             working_days_of(d["default_working_days"], 0, origin, "due.default_working_days"));
    }
    FAZHI_ASSIGN_OR_RETURN(const FieldDeclaration* f, field_of(*ledger, origin, "due.field", due.field));
    if (!is_date_type(f->type)) return mapping_error(origin, "due.field", "字段「" + f->label + "」不是日期");
    FAZHI_ASSIGN_OR_RETURN(const FieldDeclaration* from, field_of(*ledger, origin, "due.from", due.from));
    if (!is_date_type(from->type)) return mapping_error(origin, "due.from", "字段「" + from->label + "」不是日期");
    if (!due.by.empty()) FAZHI_TRY(field_of(*ledger, origin, "due.by", due.by));
    if (d.contains("working_days")) {
      if (!d["working_days"].is_object()) return mapping_error(origin, "due.working_days", "应为对象：取值 → 工作日数");
      for (const auto& [k, v] : d["working_days"].items()) {
        FAZHI_ASSIGN_OR_RETURN(due.working_days[k], working_days_of(v, 1, origin, "due.working_days." + k));
      }
    }
    m.due = std::move(due);
  }
  if (j.contains("on_time")) {
    const auto& o = j["on_time"];
    if (!o.is_object()) return mapping_error(origin, "on_time", "应为对象：field、done、due");
    ComputedOnTime on;
    FAZHI_ASSIGN_OR_RETURN(on.field, text_member(o, "field", "", origin, "on_time.field"));
    FAZHI_ASSIGN_OR_RETURN(on.done, text_member(o, "done", "", origin, "on_time.done"));
    FAZHI_ASSIGN_OR_RETURN(on.due, text_member(o, "due", "", origin, "on_time.due"));
    FAZHI_ASSIGN_OR_RETURN(const FieldDeclaration* f, field_of(*ledger, origin, "on_time.field", on.field));
    if (f->type != FieldType::kBoolean)
      return mapping_error(origin, "on_time.field", "字段「" + f->label + "」不是是/否");
    FAZHI_TRY(field_of(*ledger, origin, "on_time.done", on.done));
    FAZHI_TRY(field_of(*ledger, origin, "on_time.due", on.due));
    m.on_time = std::move(on);
  }
  return m;
}

bool is_mapping_name(const std::string& name) {
  if (name.empty() || name.size() > 100) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

std::string mapping_folder() {
  const char* dir = std::getenv("FAZHI_MAPPINGS_DIR");
  return dir && *dir ? dir : "/etc/fazhi/mappings";
}

std::vector<std::string> mapping_names() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(mapping_folder(), ec)) {
    if (e.path().extension() != ".json") continue;
    std::string stem = e.path().stem().string();
    if (is_mapping_name(stem)) out.push_back(stem);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<ImportMapping> ImportMapping::load_named(const std::string& name) {
  if (!is_mapping_name(name)) return invalid_input("导入映射 " + name, "", "名称只能含字母、数字、- 和 _");
  return load_path(std::filesystem::path(mapping_folder()) / (name + ".json"), name);
}

Result<ImportMapping> ImportMapping::load(const std::string& name_or_file) {
  if (is_mapping_name(name_or_file) && !std::filesystem::exists(name_or_file)) return load_named(name_or_file);
  return load_path(name_or_file, std::filesystem::path(name_or_file).filename().string());
}

Result<ImportMapping> create_named_mapping(const std::string& name, std::string_view json_text) {
  if (!is_mapping_name(name))
    return invalid_input("导入映射 " + name, "name", "名称只能含字母、数字、- 和 _（至多 100 个）");
  FAZHI_ASSIGN_OR_RETURN(ImportMapping m, ImportMapping::parse(json_text, name));
  namespace fs = std::filesystem;
  const fs::path folder = mapping_folder();
  const fs::path target = folder / (name + ".json");
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return unavailable("导入映射文件夹 " + folder.string(), "无法创建：" + ec.message());
  if (fs::exists(target, ec)) return conflict("导入映射 " + name, "同名的映射已存在");
  // Written beside the target, then linked to its name: link() refuses an existing name, so
  // two saves of one name at once cannot overwrite each other, and readers never see half a file.
  const fs::path temp = folder / ("." + name + ".json.tmp" + std::to_string(::getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(json_text.data(), static_cast<std::streamsize>(json_text.size()));
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      return unavailable("导入映射文件夹 " + folder.string(), "无法写入映射文件");
    }
  }
  int linked = ::link(temp.c_str(), target.c_str());
  int link_errno = errno;
  fs::remove(temp, ec);
  if (linked != 0) {
    if (link_errno == EEXIST) return conflict("导入映射 " + name, "同名的映射已存在");
    return unavailable("导入映射文件夹 " + folder.string(),
                       std::string("无法保存映射文件：") + std::strerror(link_errno));
  }
  return m;
}

void remove_named_mapping(const std::string& name) {
  if (!is_mapping_name(name)) return;
  std::error_code ec;
  std::filesystem::remove(std::filesystem::path(mapping_folder()) / (name + ".json"), ec);
}

std::unique_ptr<tabular::TableReader> map_table(std::unique_ptr<tabular::TableReader> reader,
                                                const ImportMapping& mapping, const LedgerDeclaration& ledger) {
  return std::make_unique<MappedTableReader>(std::move(reader), mapping, ledger);
}

}  // namespace fazhi
