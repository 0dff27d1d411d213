// The pool file's chunked SM3 (pool_digest.h) and the eight-lane SM3 under it (sm3_lanes.h):
// GB/T 32905-2016 vectors, agreement with core/sm3.h (OpenSSL) on random inputs, and the
// definition written out by hand.
#include "draw/pool_digest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "draw/sm3_lanes.h"
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

// Every unit is checked that this CPU has (a unit it lacks falls back, and is checked again).
const Sm3LanesUnit kUnits[] = {Sm3LanesUnit::kOneAtATime, Sm3LanesUnit::kAvx2,
                               Sm3LanesUnit::kAvx512};

std::array<Sm3Digest, kSm3Lanes> eight_of(Sm3LanesUnit unit,
                                          const std::array<std::string, kSm3Lanes>& messages) {
  std::array<const std::uint8_t*, kSm3Lanes> pointers;
  for (std::size_t k = 0; k < kSm3Lanes; ++k) {
    pointers[k] = reinterpret_cast<const std::uint8_t*>(messages[k].data());
  }
  std::array<Sm3Digest, kSm3Lanes> out;
  sm3_eight_on(unit, pointers, messages[0].size(), out);
  return out;
}

TEST(Sm3Eight, StandardVectorsInEveryLane) {
  // GB/T 32905-2016 Appendix A: "abc" and "abcd" x 16.
  std::array<std::string, kSm3Lanes> abc, abcd;
  abc.fill("abc");
  std::string sixteen;
  for (int i = 0; i < 16; ++i) sixteen += "abcd";
  abcd.fill(sixteen);
  for (Sm3LanesUnit unit : kUnits) {
    for (const Sm3Digest& d : eight_of(unit, abc)) {
      EXPECT_EQ(to_hex(d), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
          << int(unit);
    }
    for (const Sm3Digest& d : eight_of(unit, abcd)) {
      EXPECT_EQ(to_hex(d), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
          << int(unit);
    }
  }
}

TEST(Sm3Eight, AgreesWithCoreSm3OnRandomMessagesOfEveryPaddingCase) {
  // 55/56 and 119/120 bytes: the length fits in the last block or needs one more.
  const std::size_t lengths[] = {0,   1,   3,   55,  56,   63,   64,       65,
                                 119, 120, 127, 128, 1000, 4097, 65536 + 7};
  std::uint32_t seed = 1;
  for (std::size_t length : lengths) {
    std::array<std::string, kSm3Lanes> messages;
    for (auto& m : messages) m = random_bytes(length, seed++);
    for (Sm3LanesUnit unit : kUnits) {
      auto digests = eight_of(unit, messages);
      for (std::size_t k = 0; k < kSm3Lanes; ++k) {
        EXPECT_EQ(to_hex(digests[k]), sm3_hex(messages[k]))
            << "length " << length << ", lane " << k << ", unit " << int(unit);
      }
    }
  }
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
  EXPECT_EQ(pool_digest_hex(""),
            "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
  // A file of one short piece is not its plain SM3: the digest is hashed once more.
  EXPECT_EQ(pool_digest_hex("abc"),
            sm3_hex(std::string(reinterpret_cast<const char*>(sm3("abc").data()), 32)));
  // Piece edges, and 9 pieces and a bit: eight through the lanes, the rest one by one.
  const std::size_t sizes[] = {1, kPoolChunkBytes - 1, kPoolChunkBytes, kPoolChunkBytes + 1,
                               9 * kPoolChunkBytes + 123};
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
