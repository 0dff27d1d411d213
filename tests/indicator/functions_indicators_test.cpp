// 政务服务、热线、好差评、信用和公平竞争审查 indicators on a small data set whose right
// figures are written in cases/functions.txt, on both backends.
#include "area_indicator_test.h"

namespace fazhi::testing {
namespace {

class FunctionIndicatorsTest : public AreaIndicatorTest {};

TEST_P(FunctionIndicatorsTest, FiguresAndDrillDown) {
  run_cases("functions.txt");
}

INSTANTIATE_TEST_SUITE_P(Backends, FunctionIndicatorsTest, ::testing::ValuesIn(all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi::testing
