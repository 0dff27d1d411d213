#include "ledger/import_column_preview.h"

#include <algorithm>
#include <set>

#include "ledger/ledger_table.h"

namespace fazhi {
namespace {

// A reader of a header only: what map_table makes of the header, without reading rows.
class HeaderOnlyReader : public tabular::TableReader {
 public:
  explicit HeaderOnlyReader(const tabular::TableReader& from) {
    header_ = from.header();
    header_row_number_ = from.header_row_number();
    file_name_ = from.file_name();
  }
  Result<bool> next(tabular::Row&) override { return false; }
};

std::string trimmed(std::string h) {
  while (!h.empty() && (h.back() == ' ' || h.back() == '*')) h.pop_back();
  return h;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

ImportColumnPreview preview_import_columns(tabular::TableReader& reader, const LedgerDeclaration& ledger,
                                           const ImportMapping* mapping, int max_rows, int max_samples) {
  ImportColumnPreview out;
  const std::vector<std::string>& raw = reader.header();
  // The headers as the import sees them: through the mapping, computed columns appended.
  std::vector<std::string> seen_as = raw;
  if (mapping) seen_as = map_table(std::make_unique<HeaderOnlyReader>(reader), *mapping, ledger)->header();

  std::vector<bool> filled(ledger.fields.size(), false);
  auto field_index = [&](const std::string& h) -> int {
    for (size_t i = 0; i < ledger.fields.size(); ++i)
      if (ledger.fields[i].label == h || ledger.fields[i].name == h) return static_cast<int>(i);
    return -1;
  };
  std::vector<const MappedColumn*> rules(raw.size(), nullptr);
  for (size_t c = 0; c < seen_as.size(); ++c) {
    const bool computed = c >= raw.size();
    std::string h = trimmed(seen_as[c]);
    ImportColumnPreview::Column col;
    col.header = computed ? "" : raw[c];
    const std::string source = computed ? "" : trimmed(raw[c]);
    bool by_mapping = false;
    if (mapping && !computed) {
      if (contains(mapping->ignored, source)) {
        col.how = "ignored";
      } else {
        for (const auto& rule : mapping->columns)
          if (rule.source == source) {
            rules[c] = &rule;
            by_mapping = true;
            col.format = rule.format;
          }
      }
    }
    if (col.how.empty()) {
      if (int i = field_index(h); i >= 0) {
        col.field = ledger.fields[i].name;
        col.how = filled[i] ? "duplicate" : by_mapping ? "mapping" : "label";
        filled[i] = true;
        if (computed) {
          out.computed.push_back(col.field);
          continue;
        }
      } else if (h == "所属单位" || h == "org_code" || h == "所属单位编码") {
        col.how = "org";
      } else if (h == "状态" || h == "state") {
        col.how = "state";
      } else if (contains(system_column_labels(), h) || contains(system_columns(), h) || h == "所属单位名称" ||
                 h == "状态名称") {
        col.how = "system";
      } else if (h.empty()) {
        col.how = "ignored";
      } else {
        col.how = "unknown";
      }
    }
    out.columns.push_back(std::move(col));
  }
  for (size_t i = 0; i < ledger.fields.size(); ++i)
    if (ledger.fields[i].required && !filled[i]) out.missing.push_back(ledger.fields[i].name);

  // Samples: the file's own values, before any mapping, as the clerk knows them.
  std::vector<std::set<std::string>> distinct(raw.size());
  tabular::Row row;
  while (out.rows_read < max_rows) {
    auto more = reader.next(row);
    if (!more || !*more) break;
    ++out.rows_read;
    for (size_t c = 0; c < raw.size() && c < row.cells.size(); ++c) {
      std::string v(row.cells[c]);
      while (!v.empty() && v.back() == ' ') v.pop_back();
      if (v.empty() || distinct[c].count(v)) continue;
      ImportColumnPreview::Column& col = out.columns[c];
      if (static_cast<int>(col.samples.size()) >= max_samples) {
        col.more_samples = true;
        continue;
      }
      distinct[c].insert(v);
      col.samples.push_back(v);
      if (rules[c] && !rules[c]->values.empty() && !rules[c]->values.count(v)) col.unmapped.push_back(v);
    }
  }
  return out;
}

}  // namespace fazhi
