// The decisions indicators (src/indicator/declarations/decisions.cpp) on a small data set whose
// right figures are written in cases/decisions.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class DecisionIndicatorsTest : public AreaIndicatorTest {};

TEST_P(DecisionIndicatorsTest, FiguresAndDrillDown) {
  run_cases("decisions.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, DecisionIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
