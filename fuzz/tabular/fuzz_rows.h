// Drains a TableReader the way an import does, checking what every reader promises: row
// numbers rise, cells are valid UTF-8, and an error carries a subject and a reason.
#pragma once

#include <cstdlib>

#include "ledger/tabular/table_reader.h"
#include "ledger/tabular/text_encoding.h"

namespace fazhi::tabular {

inline void check(bool condition) {
  if (!condition) std::abort();
}

inline void drain(Result<std::unique_ptr<TableReader>> opened) {
  if (!opened) {
    check(!opened.error().subject.empty() && !opened.error().reason.empty());
    return;
  }
  TableReader& reader = **opened;
  for (const std::string& cell : reader.header()) check(is_valid_utf8(cell));
  int64_t last = reader.header_row_number();
  std::string_view last_sheet;
  Row row;
  for (;;) {
    Result<bool> got = reader.next(row);
    if (!got) {
      check(!got.error().subject.empty() && !got.error().reason.empty());
      return;
    }
    if (!*got) return;
    // Within one sheet, numbers rise; a new sheet starts over.
    if (row.sheet == last_sheet) check(row.number > last);
    last = row.number;
    last_sheet = row.sheet;
    check(row.cells.size() >= reader.header().size() || row.sheet.empty());
    for (std::string_view cell : row.cells) check(is_valid_utf8(cell));
  }
}

}  // namespace fazhi::tabular
