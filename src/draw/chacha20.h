// The draw's random number generator, specified exactly so that every machine and compiler
// gives the same numbers: the ChaCha20 block function of RFC 8439 §2.3 (20 rounds, 32-bit
// block counter, 96-bit nonce), its key stream read as little-endian 32-bit words, and
// integers in [0, n) by rejection sampling (no modulo bias). Nothing here uses <random>.
// Not thread-safe: one ChaCha20Stream per thread.
#pragma once

#include <array>
#include <cstdint>

namespace fazhi::draw {

using ChaCha20Key = std::array<std::uint8_t, 32>;
using ChaCha20Nonce = std::array<std::uint8_t, 12>;

// One 64-byte key-stream block, RFC 8439 §2.3 (the block function's serialized output).
std::array<std::uint8_t, 64> chacha20_block(const ChaCha20Key& key, std::uint32_t counter, const ChaCha20Nonce& nonce);

// The key stream from block counter 0, consumed word by word.
class ChaCha20Stream {
 public:
  ChaCha20Stream(const ChaCha20Key& key, const ChaCha20Nonce& nonce);

  // The next 32-bit little-endian word of the key stream.
  std::uint32_t next_u32();
  // A uniform integer in [0, n), n >= 1 (n == 0 is a programmer error): draws words x until
  // x < 2^32 - (2^32 mod n) and returns x mod n. Always consumes at least one word.
  std::uint32_t uniform(std::uint32_t n);
  // Words consumed so far (for tests and the proof's description).
  std::uint64_t words_used() const { return words_used_; }

 private:
  ChaCha20Key key_;
  ChaCha20Nonce nonce_;
  std::uint32_t counter_ = 0;
  std::array<std::uint32_t, 16> block_{};
  int next_word_ = 16;
  std::uint64_t words_used_ = 0;
};

}  // namespace fazhi::draw
