// Fuzzes the import mapping (ledger/import_mapping.h): the JSON file `fazhi import --mapping
// FILE` reads and the web dialog saves, then the rows of an export read through it. Input: the
// mapping's text, optionally followed by a line "----" and a CSV table; without a table, one
// is made of the mapping's own headers and the first key of each value map.
// Oracles: parse answers a mapping or an Error naming its subject and reason, never throws;
// a parsed mapping names only its ledger's fields; every mapped row is as wide as the mapped
// header; a reformatted date is empty or ISO. Seeds: seeds/import_mapping/.
// Run: fuzz_ledger_import_mapping fuzz/ledger/seeds/import_mapping -max_total_time=300
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ledger/import_mapping.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/tabular/csv_reader.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

bool is_iso(std::string_view s) {
  if (s.size() != 10 && s.size() != 19) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool digit = c >= '0' && c <= '9';
    if (i == 4 || i == 7) {
      if (c != '-') return false;
    } else if (i == 10) {
      if (c != 'T') return false;
    } else if (i == 13 || i == 16) {
      if (c != ':') return false;
    } else if (!digit) {
      return false;
    }
  }
  return true;
}

std::string csv_cell(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The mapping's own headers and, per column, the first value its value map knows.
std::string table_of(const fazhi::ImportMapping& m) {
  std::string header, row;
  for (const auto& c : m.columns) {
    header += (header.empty() ? "" : ",") + csv_cell(c.source);
    std::string v = c.values.empty() ? (c.format.empty() ? "" : "2024/09/27 09:30") : c.values.begin()->first;
    row += (row.empty() ? "" : ",") + csv_cell(v);
  }
  return header + "\n" + row + "\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view json = input, table;
  if (auto cut = input.find("\n----\n"); cut != std::string_view::npos) {
    json = input.substr(0, cut);
    table = input.substr(cut + 6);
  }
  auto parsed = fazhi::ImportMapping::parse(json, "fuzz.json");
  if (!parsed) {
    check(!parsed.error().subject.empty() && !parsed.error().reason.empty());
    return 0;
  }
  const fazhi::ImportMapping& m = *parsed;
  const fazhi::LedgerDeclaration* ledger = fazhi::find_ledger(m.ledger);
  check(ledger != nullptr);
  for (const auto& c : m.columns) check(ledger->field(c.field) != nullptr);
  if (m.due) check(ledger->field(m.due->field) && ledger->field(m.due->from));
  if (m.on_time) check(ledger->field(m.on_time->field) != nullptr);

  std::string made = table.empty() ? table_of(m) : std::string();
  auto reader = fazhi::tabular::open_csv_reader_from_memory(table.empty() ? made : table, "fuzz.csv");
  if (!reader) return 0;
  auto mapped = fazhi::map_table(std::move(reader).value(), m, *ledger);
  const auto& header = mapped->header();
  fazhi::tabular::Row row;
  for (int n = 0; n < 10000; ++n) {
    auto more = mapped->next(row);
    if (!more) {
      check(!more.error().subject.empty() && !more.error().reason.empty());
      break;
    }
    if (!*more) break;
    check(row.cells.size() == header.size());
    // Any text read with any of the mapping's formats comes out ISO, or not at all.
    for (const auto& col : m.columns)
      if (!col.format.empty())
        for (std::string_view cell : row.cells) {
          std::string iso = fazhi::reformat_date(cell, col.format);
          check(iso.empty() || is_iso(iso));
        }
  }
  for (const auto& col : m.columns) {
    if (col.format.empty()) continue;
    for (const auto& [from, to] : col.values) {
      std::string iso = fazhi::reformat_date(to, col.format);
      check(iso.empty() || is_iso(iso));
    }
    std::string iso = fazhi::reformat_date("2024/09/27 09:30:05", col.format);
    check(iso.empty() || is_iso(iso));
  }
  return 0;
}
