// The enforcement indicators (src/indicator/declarations/enforcement.cpp) on a small data set whose
// right figures are written in cases/enforcement.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class EnforcementIndicatorsTest : public AreaIndicatorTest {};

TEST_P(EnforcementIndicatorsTest, FiguresAndDrillDown) {
  run_cases("enforcement.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, EnforcementIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
