// Fuzzes result-file verification against a fixed small plan: any input must give a finding
// or an error, never a crash. Seeds: seeds/result/.
#include <cstdint>
#include <string_view>

#include "draw/draw_plan.h"
#include "draw/draw_result.h"

namespace {

const fazhi::draw::DrawPlan& plan() {
  static const fazhi::draw::DrawPlan p = [] {
    auto parsed = fazhi::draw::parse_plan(R"({"format":"fazhi-draw-plan/1","id":"F","title":"t","organizer":"o",
      "as_of":"2026-11-20","inspection_items":["i"],"departments":[{"id":"d","name":"甲局"}],
      "strata":[{"id":"A","label":"A类","credit_risk_classes":["A"],"count":2}],"team":{"size":2},
      "randomness":{"kind":"public_value","description":"x"},
      "targets":[
       {"id":"T1","name":"甲","uscc":"91350100M000100Y43","region_code":"350100","industry_code":"F5123","credit_risk_class":"A","departments":["d"]},
       {"id":"T2","name":"乙","uscc":"911101080000000007","region_code":"110108","industry_code":"F5123","credit_risk_class":"A","departments":["d"]},
       {"id":"T3","name":"丙","uscc":"12100000400000717B","region_code":"100000","industry_code":"F5123","credit_risk_class":"A","departments":["d"]}],
      "inspectors":[{"id":"I1","name":"a","department":"d","region_code":"350100","certificate_valid":true},
       {"id":"I2","name":"b","department":"d","region_code":"350100","certificate_valid":true}]})",
                                          "/nonexistent", "fuzz");
    return std::move(parsed).value();
  }();
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)fazhi::draw::verify_result(text, plan());
  return 0;
}
