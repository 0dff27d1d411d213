// The technology indicators (src/indicator/declarations/technology.cpp) on a small data set
// whose right figures are written in cases/technology.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class TechnologyIndicatorsTest : public AreaIndicatorTest {};

TEST_P(TechnologyIndicatorsTest, FiguresAndDrillDown) {
  run_cases("technology.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, TechnologyIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
