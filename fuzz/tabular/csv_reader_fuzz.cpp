// libFuzzer: any bytes as a CSV file. Run: fuzz_tabular_csv_reader -max_total_time=30 seeds/csv
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_rows.h"
#include "ledger/tabular/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fazhi::tabular::drain(fazhi::tabular::open_csv_reader_from_memory(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.csv"));
  return 0;
}
