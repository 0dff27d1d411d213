// A column mapping (导入映射): how one system's export — a city's 12345 hotline tickets, a
// province's 好差评 ratings — maps onto a ledger, declared as data so that a city's own
// headers import without code. A mapping is a JSON file:
//
//   {"name": "示例市12345工单", "ledger": "hotline_ticket",
//    "columns": {"工单号": "ticket_number",
//                "工单类型": {"field": "kind", "values": {"咨询类": "consultation", …}},
//                "受理时间": {"field": "received_at", "format": "%Y/%m/%d %H:%M"}},
//    "ignore": ["坐席工号"],
//    "due": {"field": "due_at", "from": "received_at", "by": "kind",
//            "working_days": {"consultation": 1, "complaint": 5}, "default_working_days": 5},
//    "on_time": {"field": "on_time", "done": "closed_at", "due": "due_at"}}
//
// `columns` maps a source header to a ledger field, with an optional value map (source
// value → the field's stored value or label; a value outside the map is refused) and an
// optional date/time format (%Y %m %d %H %M %S, other characters literal). Headers the
// mapping does not name pass through unchanged (the ledger's own labels still work);
// `ignore` drops columns. `due` computes an empty due field: the `from` field's date plus the
// working days of the row's `by` value (the city's ticket time limits by kind; 12345 has no
// national day count, RULES.md §9), ending at 23:59:59 for a date-time field. `on_time`
// computes a boolean: done on or before due (empty while not done).
//
// The mapping is a layer in front of the import (ledger_import.h): it wraps the file's
// TableReader, so rows still stream, memory stays flat, and the import's checks, its one
// transaction and its one audit entry are unchanged. A value the mapping refuses fails the
// whole import naming file, row, column, value and reason; nothing is imported.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/ledger_declaration.h"
#include "ledger/tabular/table_reader.h"

namespace fazhi {

struct MappedColumn {
  std::string source;                         // the header in the export
  std::string field;                          // the ledger field it fills
  std::map<std::string, std::string> values;  // value map; empty: values pass through
  std::string format;                         // date/time pattern; empty: as the ledger reads it
};

struct ComputedDue {
  std::string field;  // the due field, filled when the row leaves it empty
  std::string from;   // the date or date-time field the period starts from
  std::string by;     // the field whose (stored) value picks the period
  std::map<std::string, int> working_days;
  int default_working_days = 0;  // 0: no period for values not listed
};

struct ComputedOnTime {
  std::string field;  // boolean field to fill
  std::string done;   // when the work was done
  std::string due;    // its due date or date-time
};

struct ImportMapping {
  std::string name;
  std::string ledger;
  std::vector<MappedColumn> columns;
  std::vector<std::string> ignored;
  std::optional<ComputedDue> due;
  std::optional<ComputedOnTime> on_time;

  // Parses and checks a mapping against its ledger's declaration; `origin` names it in
  // errors. Fails naming the key and reason: unknown ledger or field, a value map entry
  // that is not one of an enum's values, a bad format, a computed field of the wrong type.
  static Result<ImportMapping> parse(std::string_view json_text, const std::string& origin);
  // `name_or_file`: a path to a .json file, or the name of one in the mapping folder
  // (mapping_folder()). Fails when missing or invalid.
  static Result<ImportMapping> load(const std::string& name_or_file);
  // A mapping by name only (letters, digits, '-', '_'), from the mapping folder: what the web
  // import dialog may select, never a path.
  static Result<ImportMapping> load_named(const std::string& name);
};

// The folder of named mappings: $FAZHI_MAPPINGS_DIR, else /etc/fazhi/mappings.
std::string mapping_folder();
// The names of the mappings in the folder, sorted (for the import dialog).
std::vector<std::string> mapping_names();
// Whether `name` may name a mapping in the folder: 1–100 letters, digits, '-', '_'.
bool is_mapping_name(const std::string& name);
// Saves `json_text` as the folder's mapping `name` (NAME.json), creating the folder. Checks
// the name and parses the text first (the errors of parse()); fails with kConflict when the
// name is taken — an existing mapping is never overwritten — and kUnavailable when the
// folder cannot be written. Either the whole file appears or none.
Result<ImportMapping> create_named_mapping(const std::string& name, std::string_view json_text);
// Removes the folder's mapping `name` (undoing create_named_mapping when its audit entry could
// not be committed). A missing file is not an error.
void remove_named_mapping(const std::string& name);

// `reader` seen through `mapping`: headers renamed to the ledger's labels, values mapped and
// reformatted, computed columns appended. `ledger` must be the mapping's ledger.
std::unique_ptr<tabular::TableReader> map_table(std::unique_ptr<tabular::TableReader> reader,
                                                const ImportMapping& mapping, const LedgerDeclaration& ledger);

// Reformats `text` read with `pattern` (%Y %m %d %H %M %S) as ISO: "YYYY-MM-DD" when the
// pattern has no time, else "YYYY-MM-DDTHH:MM:SS". Empty on mismatch.
std::string reformat_date(std::string_view text, std::string_view pattern);

}  // namespace fazhi
