// The mediation indicators (src/indicator/declarations/mediation.cpp) on a small data set whose
// right figures are written in cases/mediation.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class MediationIndicatorsTest : public AreaIndicatorTest {};

TEST_P(MediationIndicatorsTest, FiguresAndDrillDown) {
  run_cases("mediation.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, MediationIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
