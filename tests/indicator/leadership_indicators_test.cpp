// The leadership indicators (src/indicator/declarations/leadership.cpp) on a small data set whose
// right figures are written in cases/leadership.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class LeadershipIndicatorsTest : public AreaIndicatorTest {};

TEST_P(LeadershipIndicatorsTest, FiguresAndDrillDown) {
  run_cases("leadership.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, LeadershipIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
