// What an import would make of a file's columns, shown before importing (the web import
// dialog): for each header of the export, the ledger field it fills — through the chosen
// import mapping (import_mapping.h) or by the ledger's own label — or why it fills none, and
// a few of its values, so that a clerk sees that the city's 工单号 lands in 工单编号 and a
// coordinator can write a new mapping from a real export. The rules are the import's
// (ledger_import.h): label or code name, 所属单位 and 状态, the export's system columns.
#pragma once

#include <string>
#include <vector>

#include "ledger/import_mapping.h"
#include "ledger/ledger_declaration.h"
#include "ledger/tabular/table_reader.h"

namespace fazhi {

struct ImportColumnPreview {
  // How a header is read: "mapping" (the mapping names it), "label" (the ledger's own label
  // or code name), "org" (所属单位), "state" (状态), "system" (an export's system column,
  // skipped), "ignored" (the mapping ignores it, or no header), "duplicate" (a second
  // column for one field), "unknown" (no field: the import would refuse the file).
  struct Column {
    std::string header;  // as in the file
    std::string how;
    std::string field;                  // the field it fills, when it fills one
    std::vector<std::string> samples;   // distinct values, in order of appearance
    bool more_samples = false;          // more distinct values than listed
    std::vector<std::string> unmapped;  // samples outside the mapping's value map
    std::string format;                 // the mapping's date format, if any
  };
  std::vector<Column> columns;
  std::vector<std::string> computed;  // fields the mapping computes (due, on_time)
  std::vector<std::string> missing;   // required fields no column fills
  int rows_read = 0;                  // rows the samples were taken from
};

// Reads the header of `reader` and up to `max_rows` rows for samples (at most `max_samples`
// distinct values a column). A malformed row ends the sampling without failing: the preview
// may be given only the start of a file. `mapping`, when given, must be for `ledger`.
ImportColumnPreview preview_import_columns(tabular::TableReader& reader, const LedgerDeclaration& ledger,
                                           const ImportMapping* mapping, int max_rows = 500, int max_samples = 30);

}  // namespace fazhi
