// SM3 (GB/T 32905-2016) of eight messages of the same length at once, one message per 32-bit
// lane of the CPU's 256-bit vector registers (AVX2), for hashing a pool file's chunks on
// both cores (pool_digest.h). The digests are exactly core/sm3.h's: where the CPU lacks
// AVX2 (or is not x86-64), each message goes through core/sm3.h in turn.
// Stateless; safe to call from several threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "core/sm3.h"

namespace fazhi::draw {

inline constexpr std::size_t kSm3Lanes = 8;

// out[k] = SM3 of the `length` bytes at messages[k], for k < 8. The messages may overlap.
void sm3_eight(const std::array<const std::uint8_t*, kSm3Lanes>& messages, std::size_t length,
               std::array<Sm3Digest, kSm3Lanes>& out);

// Whether sm3_eight runs on the vector unit here (else it falls back to one at a time).
bool sm3_eight_is_vectorised();

}  // namespace fazhi::draw
