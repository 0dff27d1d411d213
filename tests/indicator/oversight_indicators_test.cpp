// The oversight indicators (src/indicator/declarations/oversight.cpp) on a small data set whose
// right figures are written in cases/oversight.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class OversightIndicatorsTest : public AreaIndicatorTest {};

TEST_P(OversightIndicatorsTest, FiguresAndDrillDown) {
  run_cases("oversight.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, OversightIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
