// Fuzzes the pool-file line splitter and the core 统一社会信用代码 check it relies on. Seeds: seeds/pool_line/.
#include <cstdint>
#include <string_view>

#include "core/credit_code.h"
#include "draw/target_pool.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)fazhi::draw::parse_pool_line(text);
  (void)fazhi::validate_credit_code(text);
  return 0;
}
