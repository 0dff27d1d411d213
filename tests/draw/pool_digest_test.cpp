// The pool file's chunked SM3 (pool_digest.h): the definition written out by hand. The
// eight-lane SM3 under it is tested in tests/core/sm3_lanes_test.cpp.
#include "draw/pool_digest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "draw_test_support.h"
#include "harness/result_matchers.h"

namespace fazhi::draw {
namespace {

using ::fazhi::testing::IsOkAndHolds;

// Random bytes from the test plans' fixed stream, identical on every machine.
std::string random_bytes(std::size_t n, std::uint32_t seed) {
  testing::PlanDice dice(seed);
  std::string out(n, '\0');
  for (auto& c : out) c = char(dice.below(256));
  return out;
}

// The definition by hand: SM3 of the concatenated SM3 digests of the 1 MiB pieces.
std::string by_hand(std::string_view bytes) {
  std::string digests;
  for (std::size_t at = 0; at < bytes.size(); at += kPoolChunkBytes) {
    Sm3Digest d = sm3(bytes.substr(at, kPoolChunkBytes));
    digests.append(reinterpret_cast<const char*>(d.data()), d.size());
  }
  return sm3_hex(digests);
}

TEST(PoolDigest, IsTheSm3OfThePiecesDigests) {
  // An empty file has no pieces: the SM3 of nothing.
  EXPECT_EQ(pool_digest_hex(""), "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
  // A file of one short piece is not its plain SM3: the digest is hashed once more.
  EXPECT_EQ(pool_digest_hex("abc"), sm3_hex(std::string(reinterpret_cast<const char*>(sm3("abc").data()), 32)));
  // Piece edges, and 9 pieces and a bit: eight through the lanes, the rest one by one.
  const std::size_t sizes[] = {1, kPoolChunkBytes - 1, kPoolChunkBytes, kPoolChunkBytes + 1, 9 * kPoolChunkBytes + 123};
  for (std::size_t size : sizes) {
    std::string bytes = random_bytes(size, std::uint32_t(size));
    EXPECT_EQ(pool_digest_hex(bytes), by_hand(bytes)) << size;
  }
}

TEST(PoolDigest, OfAFileEqualsOfItsBytesAndSeesOneChangedByte) {
  testing::TempDir dir;
  std::string bytes = random_bytes(8 * kPoolChunkBytes + 5000, 77);
  testing::write_text(dir.path() / "pool.csv", bytes);
  const std::string digest = by_hand(bytes);
  EXPECT_THAT(pool_file_digest_hex(dir.path() / "pool.csv"), IsOkAndHolds(digest));
  bytes[3 * kPoolChunkBytes + 17] ^= 1;
  testing::write_text(dir.path() / "pool.csv", bytes);
  auto changed = pool_file_digest_hex(dir.path() / "pool.csv");
  ASSERT_TRUE(changed.has_value());
  EXPECT_NE(*changed, digest);
  EXPECT_FALSE(pool_file_digest_hex(dir.path() / "missing.csv").has_value());
}

}  // namespace
}  // namespace fazhi::draw
