// The eight-lane SM3 (core/sm3_lanes.h): GB/T 32905-2016 vectors in every lane, and agreement
// with core/sm3.h (OpenSSL) on random messages of every padding case, lanes of equal and of
// different lengths, on every unit this CPU has.
#include "core/sm3_lanes.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace fazhi {
namespace {

// Random bytes from a fixed seed, identical on every machine.
std::string random_bytes(std::size_t n, std::uint32_t seed) {
  std::mt19937 gen(seed);
  std::string out(n, '\0');
  for (auto& c : out) c = char(gen() & 0xff);
  return out;
}

// Every unit is checked that this CPU has (a unit it lacks falls back, and is checked again).
const Sm3LanesUnit kUnits[] = {Sm3LanesUnit::kOneAtATime, Sm3LanesUnit::kAvx2, Sm3LanesUnit::kAvx512};

std::array<Sm3Digest, kSm3Lanes> eight_of(Sm3LanesUnit unit, const std::array<std::string, kSm3Lanes>& messages) {
  std::array<const std::uint8_t*, kSm3Lanes> pointers;
  std::array<std::size_t, kSm3Lanes> lengths;
  for (std::size_t k = 0; k < kSm3Lanes; ++k) {
    pointers[k] = reinterpret_cast<const std::uint8_t*>(messages[k].data());
    lengths[k] = messages[k].size();
  }
  std::array<Sm3Digest, kSm3Lanes> out;
  sm3_eight_on(unit, pointers, lengths, out);
  return out;
}

TEST(Sm3Eight, StandardVectorsInEveryLane) {
  // GB/T 32905-2016 Appendix A: "abc" and "abcd" x 16.
  std::array<std::string, kSm3Lanes> abc, abcd, mixed;
  abc.fill("abc");
  std::string sixteen;
  for (int i = 0; i < 16; ++i) sixteen += "abcd";
  abcd.fill(sixteen);
  for (std::size_t k = 0; k < kSm3Lanes; ++k) mixed[k] = k % 2 ? sixteen : "abc";
  for (Sm3LanesUnit unit : kUnits) {
    for (const Sm3Digest& d : eight_of(unit, abc))
      EXPECT_EQ(to_hex(d), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0") << int(unit);
    for (const Sm3Digest& d : eight_of(unit, abcd))
      EXPECT_EQ(to_hex(d), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732") << int(unit);
    auto m = eight_of(unit, mixed);
    for (std::size_t k = 0; k < kSm3Lanes; ++k)
      EXPECT_EQ(to_hex(m[k]), k % 2 ? "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
                                    : "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
          << "lane " << k << ", unit " << int(unit);
  }
}

TEST(Sm3Eight, AgreesWithCoreSm3OnRandomMessagesOfEveryPaddingCase) {
  // 55/56 and 119/120 bytes: the length fits in the last block or needs one more.
  const std::size_t lengths[] = {0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 4097, 65536 + 7};
  std::uint32_t seed = 1;
  for (std::size_t length : lengths) {
    std::array<std::string, kSm3Lanes> messages;
    for (auto& m : messages) m = random_bytes(length, seed++);
    for (Sm3LanesUnit unit : kUnits) {
      auto digests = eight_of(unit, messages);
      for (std::size_t k = 0; k < kSm3Lanes; ++k)
        EXPECT_EQ(to_hex(digests[k]), sm3_hex(messages[k]))
            << "length " << length << ", lane " << k << ", unit " << int(unit);
    }
  }
}

TEST(Sm3Eight, LanesOfDifferentLengthsEachGetTheirOwnDigest) {
  // 500 random draws of eight lengths between 0 and 300 bytes: every lane ends at its own block,
  // including lanes that end while others go on for several blocks.
  std::mt19937 gen(20261126);
  for (int round = 0; round < 500; ++round) {
    std::array<std::string, kSm3Lanes> messages;
    for (auto& m : messages) m = random_bytes(gen() % 301, gen());
    for (Sm3LanesUnit unit : kUnits) {
      auto digests = eight_of(unit, messages);
      for (std::size_t k = 0; k < kSm3Lanes; ++k)
        ASSERT_EQ(to_hex(digests[k]), sm3_hex(messages[k]))
            << "round " << round << ", length " << messages[k].size() << ", lane " << k << ", unit " << int(unit);
    }
  }
}

TEST(Sm3Each, HashesAnyNumberOfMessagesInOrder) {
  // 0 to 20 messages: whole groups of eight through the lanes, the rest one by one.
  for (std::size_t n = 0; n <= 20; ++n) {
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < n; ++i) texts.push_back(random_bytes(40 + 37 * i, std::uint32_t(n * 100 + i)));
    std::vector<std::string_view> views(texts.begin(), texts.end());
    std::vector<Sm3Digest> out(n);
    sm3_each(views, out);
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(to_hex(out[i]), sm3_hex(texts[i])) << n << " messages, #" << i;
  }
}

}  // namespace
}  // namespace fazhi
