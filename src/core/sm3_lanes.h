// SM3 (GB/T 32905-2016) of eight messages at once, one message per 32-bit lane of the CPU's
// 256-bit vector registers (AVX2 or AVX-512VL): for hashing a pool file's chunks on both cores
// (draw/pool_digest.h) and the rows of a bulk import (ledger/audit_verification.h). The digests
// are exactly core/sm3.h's: where the CPU lacks AVX2 (or is not x86-64), each message goes
// through core/sm3.h in turn. Stateless; safe to call from several threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "core/sm3.h"

namespace fazhi {

inline constexpr std::size_t kSm3Lanes = 8;

// out[k] = SM3 of the `length` bytes at messages[k], for k < 8. The messages may overlap.
void sm3_eight(const std::array<const std::uint8_t*, kSm3Lanes>& messages, std::size_t length,
               std::array<Sm3Digest, kSm3Lanes>& out);

// out[k] = SM3 of the lengths[k] bytes at messages[k]: lanes of different lengths cost as
// much as eight of the longest.
void sm3_eight(const std::array<const std::uint8_t*, kSm3Lanes>& messages,
               const std::array<std::size_t, kSm3Lanes>& lengths, std::array<Sm3Digest, kSm3Lanes>& out);

// out[i] = SM3 of messages[i], for every i (out.size() >= messages.size()); eight at a time,
// so messages of similar length are hashed about as fast as the lanes allow.
void sm3_each(std::span<const std::string_view> messages, std::span<Sm3Digest> out);

// How sm3_eight computes: eight lanes in AVX-512VL or AVX2 registers, or (another CPU) each
// message through core/sm3.h in turn.
enum class Sm3LanesUnit { kOneAtATime, kAvx2, kAvx512 };

// The fastest unit this CPU has; sm3_eight uses it.
Sm3LanesUnit sm3_eight_unit();

// sm3_eight on a chosen unit, so that tests check each one the CPU has against the others; a
// unit the CPU lacks falls back to the next it has.
void sm3_eight_on(Sm3LanesUnit unit, const std::array<const std::uint8_t*, kSm3Lanes>& messages,
                  const std::array<std::size_t, kSm3Lanes>& lengths, std::array<Sm3Digest, kSm3Lanes>& out);

}  // namespace fazhi
