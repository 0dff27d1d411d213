// The institutions indicators (src/indicator/declarations/institutions.cpp) on a small data set
// whose right figures are written in cases/institutions.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class InstitutionIndicatorsTest : public AreaIndicatorTest {};

TEST_P(InstitutionIndicatorsTest, FiguresAndDrillDown) {
  run_cases("institutions.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, InstitutionIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
