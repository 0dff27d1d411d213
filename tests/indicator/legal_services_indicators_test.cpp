// The legal services indicators (src/indicator/declarations/legal_services.cpp) on a small data set
// whose right figures are written in cases/legal_services.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class LegalServiceIndicatorsTest : public AreaIndicatorTest {};

TEST_P(LegalServiceIndicatorsTest, FiguresAndDrillDown) {
  run_cases("legal_services.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, LegalServiceIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
