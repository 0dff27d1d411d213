// The emergency indicators (src/indicator/declarations/emergency.cpp) on a small data set whose
// right figures are written in cases/emergency.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class EmergencyIndicatorsTest : public AreaIndicatorTest {};

TEST_P(EmergencyIndicatorsTest, FiguresAndDrillDown) {
  run_cases("emergency.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, EmergencyIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
