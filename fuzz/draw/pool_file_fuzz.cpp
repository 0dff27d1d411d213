// Fuzzes the pool-file scanner (target_pool.h: line boundaries, header, CR/LF, quotes, long
// lines) and the chunked SM3 binding it (pool_digest.h) on whole files. Oracle: a file whose
// scan succeeds has exactly as many records as it has data lines. Seeds: seeds/pool_line/.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "draw/draw_plan.h"
#include "draw/pool_digest.h"
#include "draw/target_pool.h"

namespace {

fazhi::draw::DrawPlan fuzz_plan(const std::filesystem::path& path, std::string_view bytes) {
  using namespace fazhi::draw;
  DrawPlan plan;
  plan.id = "FUZZ";
  plan.as_of = "2026-11-20";
  plan.departments = {{"scjg", "市场监管"}, {"sthj", "生态环境"}};
  Stratum a, b;
  a.id = "A";
  a.credit_risk_classes = {"A"};
  a.count = 1;
  b.id = "B";
  b.credit_risk_classes = {"B", "C"};
  b.count = 1;
  plan.strata = {a, b};
  plan.inspected_within_months = 12;
  plan.targets_file =
      TargetPoolFile{path.filename().string(), pool_digest_hex(bytes), path, TargetPoolFile::Hash::kChunks};
  return plan;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("fazhi-pool-fuzz-" + std::to_string(::getpid()) + ".csv");
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
  }
  auto scan = fazhi::draw::scan_pool(fuzz_plan(path, bytes));
  if (scan) {
    // Lines are separated by '\n'; a final '\n' ends the last line rather than starting one.
    std::size_t lines = std::size_t(std::count(bytes.begin(), bytes.end(), '\n'));
    if (!bytes.empty() && bytes.back() != '\n') ++lines;
    if (scan->total + 1 != lines) std::abort();
  }
  return 0;
}
