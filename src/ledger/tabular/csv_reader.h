// CSV as RFC 4180 describes it and Excel/WPS write it: comma-separated, fields optionally in
// double quotes, "" for a quote inside quotes, line breaks inside quoted fields, CRLF or LF
// (or a lone CR) ending a record. The encoding is detected from the start of the file: a
// UTF-8 byte-order mark, or thousands of valid UTF-8 characters (or a whole file that is
// valid UTF-8), make it UTF-8; otherwise it is decoded as GB18030 (which includes GBK and
// GB2312). Bytes invalid in the chosen encoding fail naming the row, line and byte offset.
// The file is read once, in 1 MiB chunks, after a look at its first chunk(s).
//
// Row numbers count records as Excel shows them (a quoted field with line breaks is one
// row). A row has as many cells as the file has fields in that record; the caller decides
// what a short or long row means. Like Excel, a quote inside an unquoted field, or text
// after a closing quote, is kept as text rather than rejected.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "ledger/tabular/table_reader.h"

namespace fazhi::tabular {

// Opens a CSV file and reads its header row (see open_table_reader for failures).
Result<std::unique_ptr<TableReader>> open_csv_reader(const std::filesystem::path& path);

// The same over bytes in memory, named `file_name` in errors; `bytes` is copied.
Result<std::unique_ptr<TableReader>> open_csv_reader_from_memory(std::string_view bytes, std::string file_name);

// A record (all its fields) may not exceed this many bytes: past it the file almost
// certainly has an unterminated quote, and the error says so instead of exhausting memory.
inline constexpr size_t kMaxCsvRecordBytes = 64u << 20;

}  // namespace fazhi::tabular
