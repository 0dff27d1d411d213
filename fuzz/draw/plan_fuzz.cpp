// Fuzzes plan parsing; when a small inline plan parses, draws from it and checks the oracle
// that verification accepts the engine's own result. Seeds: seeds/plan/.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "draw/draw_plan.h"
#include "draw/draw_result.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto plan = fazhi::draw::parse_plan(text, "/nonexistent", "fuzz");
  if (!plan || plan->targets_file || plan->targets.size() > 300 || plan->inspectors.size() > 60) return 0;
  fazhi::draw::DrawInputs inputs{"fuzz", {}};
  if (plan->randomness.kind == fazhi::draw::RandomnessSource::Kind::kCommitReveal) return 0;
  auto result = fazhi::draw::run_draw(*plan, inputs);
  if (!result) return 0;
  auto finding = fazhi::draw::verify_result(fazhi::draw::result_to_json(*result), *plan);
  if (!finding || finding->has_value()) std::abort();  // the engine must verify its own result
  return 0;
}
