// Reading .xlsx (Office Open XML workbooks, ECMA-376) without loading them whole: libzip
// streams the parts out of the archive and expat parses them as SAX events, so a sheet of a
// million rows costs memory for one decompression buffer and a few rows, plus the shared
// string table (xl/sharedStrings.xml), which the sheet refers to by index.
//
// Cells arrive as the text Excel shows: shared and inline strings as written; numbers in
// Excel's General form ("42", not "42.0"; 15 significant digits); cells whose number format
// is a date (built-in ids 14–22, the zh-CN ids 27–36 and 50–58, or a custom format with
// y/m/d) as "YYYY-MM-DD", with " HH:MM:SS" when the format or the value has a time of day;
// booleans as TRUE/FALSE; error values as Excel shows them (#N/A). Formula cells give their
// cached result. Cells missing from a sparse row (r="C5" after r="A5") are empty, and a row
// has at least as many cells as the header.
//
// Any damage (not a zip, truncated, a CRC mismatch, malformed XML, a shared string index
// out of range) fails with "不是有效的 Excel 文件：…" and the part concerned; a reader never
// returns rows of a file it could not read to the end without saying so.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "ledger/tabular/table_reader.h"

namespace fazhi::tabular {

// Opens an .xlsx file and reads the header row of its first visible worksheet (or, with
// options.all_sheets, reads every visible worksheet in turn). Chart sheets and hidden
// sheets (where templates keep the lists behind drop-downs) are passed over.
Result<std::unique_ptr<TableReader>> open_xlsx_reader(const std::filesystem::path& path,
                                                      const ReadOptions& options = {});

// The same over bytes in memory, named `file_name` in errors; `bytes` is copied.
Result<std::unique_ptr<TableReader>> open_xlsx_reader_from_memory(std::string_view bytes, std::string file_name,
                                                                  const ReadOptions& options = {});

}  // namespace fazhi::tabular
