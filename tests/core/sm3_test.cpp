#include "core/sm3.h"

#include <gtest/gtest.h>

namespace fazhi {
namespace {

// GB/T 32905-2016 Appendix A, examples 1 and 2.
TEST(Sm3, MatchesStandardVectors) {
  EXPECT_EQ(sm3_hex("abc"), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  std::string block;
  for (int i = 0; i < 16; ++i) block += "abcd";
  EXPECT_EQ(sm3_hex(block), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
}

TEST(Sm3, IncrementalEqualsOneShot) {
  Sm3 h;
  h.update("ab");
  h.update("c");
  EXPECT_EQ(to_hex(h.finish()), sm3_hex("abc"));
  h.update("abc");  // reusable after finish()
  EXPECT_EQ(to_hex(h.finish()), sm3_hex("abc"));
}

}  // namespace
}  // namespace fazhi
