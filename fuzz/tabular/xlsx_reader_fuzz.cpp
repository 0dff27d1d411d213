// libFuzzer: any bytes as an .xlsx file, all sheets. Seeds: the test fixtures, e.g.
// fuzz_tabular_xlsx_reader -max_total_time=30 -max_len=65536 CORPUS tests/ledger/tabular/fixtures
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_rows.h"
#include "ledger/tabular/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fazhi::tabular::ReadOptions options;
  options.all_sheets = true;
  fazhi::tabular::drain(fazhi::tabular::open_xlsx_reader_from_memory(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xlsx", options));
  return 0;
}
