#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

// 突发事件应对体系 (INDICATORS.md, Emergencies): drills held and the people taking part.
std::vector<IndicatorDeclaration> emergency_indicators() {
  return {
      [] {
        auto d = event_count({"emergency.drills", "应急演练", "场", "emergency", "emergency_drill"}, "held_on", {},
                             "组织应急演练{value}{unit}", "演练日期在期间内的应急演练");
        d.breakdown_field = "drill_kind";
        return d;
      }(),
      event_sum({"emergency.drill_participants", "参加应急演练人数", "人", "emergency", "emergency_drill"}, "held_on",
                "participants", {}, "参演{value}{unit}", "演练日期在期间内的应急演练参演人数之和"),
  };
}

}  // namespace fazhi
