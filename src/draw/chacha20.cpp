#include "draw/chacha20.h"

#include <cassert>

namespace fazhi::draw {
namespace {

constexpr std::uint32_t rotl(std::uint32_t v, int c) {
  return (v << c) | (v >> (32 - c));
}

void quarter_round(std::array<std::uint32_t, 16>& x, int a, int b, int c, int d) {
  x[a] += x[b];
  x[d] ^= x[a];
  x[d] = rotl(x[d], 16);
  x[c] += x[d];
  x[b] ^= x[c];
  x[b] = rotl(x[b], 12);
  x[a] += x[b];
  x[d] ^= x[a];
  x[d] = rotl(x[d], 8);
  x[c] += x[d];
  x[b] ^= x[c];
  x[b] = rotl(x[b], 7);
}

std::uint32_t load_le(const std::uint8_t* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

// The block function's 16 output words (before serialization).
std::array<std::uint32_t, 16> block_words(const ChaCha20Key& key, std::uint32_t counter, const ChaCha20Nonce& nonce) {
  std::array<std::uint32_t, 16> state{0x61707865u, 0x3320646eu, 0x79622d32u, 0x6b206574u};
  for (int i = 0; i < 8; ++i) state[4 + i] = load_le(&key[4 * i]);
  state[12] = counter;
  for (int i = 0; i < 3; ++i) state[13 + i] = load_le(&nonce[4 * i]);
  std::array<std::uint32_t, 16> x = state;
  for (int round = 0; round < 10; ++round) {
    quarter_round(x, 0, 4, 8, 12);
    quarter_round(x, 1, 5, 9, 13);
    quarter_round(x, 2, 6, 10, 14);
    quarter_round(x, 3, 7, 11, 15);
    quarter_round(x, 0, 5, 10, 15);
    quarter_round(x, 1, 6, 11, 12);
    quarter_round(x, 2, 7, 8, 13);
    quarter_round(x, 3, 4, 9, 14);
  }
  for (int i = 0; i < 16; ++i) x[i] += state[i];
  return x;
}

}  // namespace

std::array<std::uint8_t, 64> chacha20_block(const ChaCha20Key& key, std::uint32_t counter, const ChaCha20Nonce& nonce) {
  auto words = block_words(key, counter, nonce);
  std::array<std::uint8_t, 64> out{};
  for (int i = 0; i < 16; ++i) {
    for (int b = 0; b < 4; ++b) out[4 * i + b] = std::uint8_t(words[i] >> (8 * b));
  }
  return out;
}

ChaCha20Stream::ChaCha20Stream(const ChaCha20Key& key, const ChaCha20Nonce& nonce) : key_(key), nonce_(nonce) {}

std::uint32_t ChaCha20Stream::next_u32() {
  if (next_word_ == 16) {
    // 2^32 blocks (256 GiB of key stream) is far beyond any draw; wrapping would repeat.
    block_ = block_words(key_, counter_++, nonce_);
    next_word_ = 0;
  }
  ++words_used_;
  return block_[next_word_++];
}

std::uint32_t ChaCha20Stream::uniform(std::uint32_t n) {
  assert(n >= 1);
  // limit = 2^32 - (2^32 mod n), computed in 64 bits; words at or above it are rejected.
  const std::uint64_t limit = (std::uint64_t(1) << 32) - ((std::uint64_t(1) << 32) % n);
  for (;;) {
    std::uint64_t x = next_u32();
    if (x < limit) return std::uint32_t(x % n);
  }
}

}  // namespace fazhi::draw
