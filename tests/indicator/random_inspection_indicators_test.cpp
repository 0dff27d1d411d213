// The random inspection indicators (src/indicator/declarations/random_inspection.cpp) on a small
// data set whose right figures are written in cases/random_inspection.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class RandomInspectionIndicatorsTest : public AreaIndicatorTest {};

TEST_P(RandomInspectionIndicatorsTest, FiguresAndDrillDown) {
  run_cases("random_inspection.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, RandomInspectionIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
