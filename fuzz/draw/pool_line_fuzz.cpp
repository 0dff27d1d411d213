// Fuzzes the pool-file line splitter and the 统一社会信用代码 check. Seeds: seeds/pool_line/.
#include <cstdint>
#include <string_view>

#include "draw/target_pool.h"
#include "draw/unified_social_credit_code.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)fazhi::draw::parse_pool_line(text);
  (void)fazhi::draw::unified_social_credit_code_problem(text);
  if (text.size() >= 17) (void)fazhi::draw::unified_social_credit_code_check_char(text.substr(0, 17));
  return 0;
}
