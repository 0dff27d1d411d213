#include "core/sm3_lanes.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace fazhi {
namespace {

// GB/T 32905-2016 §4.1: the initial value.
constexpr std::uint32_t kIv[8] = {0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600,
                                  0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e};

constexpr std::uint32_t rotl32(std::uint32_t x, int n) {
  n &= 31;
  return n == 0 ? x : (x << n) | (x >> (32 - n));
}

// §5.3.3: T_j <<< (j mod 32), with T_j = 79cc4519 for j < 16, else 7a879d8a.
constexpr std::array<std::uint32_t, 64> make_round_constants() {
  std::array<std::uint32_t, 64> t{};
  for (int j = 0; j < 64; ++j) t[j] = rotl32(j < 16 ? 0x79cc4519u : 0x7a879d8au, j);
  return t;
}
constexpr std::array<std::uint32_t, 64> kRoundConstants = make_round_constants();

#if defined(__x86_64__)
// The kernel twice: AVX2 rotates with two shifts and an or; AVX-512VL has a rotate
// instruction for the same 256-bit registers. Only these functions use those instruction
// sets; sm3_eight checks the CPU before calling them, so the program runs on any x86-64.
namespace avx2 {
#define FAZHI_SM3_TARGET __attribute__((target("avx2")))
#define FAZHI_SM3_ROTL(x, n) _mm256_or_si256(_mm256_slli_epi32(x, n), _mm256_srli_epi32(x, 32 - (n)))
#include "core/sm3_lanes_kernel.inc"
#undef FAZHI_SM3_TARGET
#undef FAZHI_SM3_ROTL
}  // namespace avx2
namespace avx512 {
#define FAZHI_SM3_TARGET __attribute__((target("avx2,avx512f,avx512vl")))
#define FAZHI_SM3_ROTL(x, n) _mm256_rol_epi32(x, n)
#include "core/sm3_lanes_kernel.inc"
#undef FAZHI_SM3_TARGET
#undef FAZHI_SM3_ROTL
}  // namespace avx512
#endif

void one_at_a_time(const std::array<const std::uint8_t*, kSm3Lanes>& messages,
                   const std::array<std::size_t, kSm3Lanes>& lengths, std::array<Sm3Digest, kSm3Lanes>& out) {
  for (std::size_t k = 0; k < kSm3Lanes; ++k) {
    out[k] = sm3(std::string_view(reinterpret_cast<const char*>(messages[k]), lengths[k]));
  }
}

}  // namespace

Sm3LanesUnit sm3_eight_unit() {
#if defined(__x86_64__)
  static const Sm3LanesUnit unit = __builtin_cpu_supports("avx512vl") ? Sm3LanesUnit::kAvx512
                                   : __builtin_cpu_supports("avx2")   ? Sm3LanesUnit::kAvx2
                                                                      : Sm3LanesUnit::kOneAtATime;
  return unit;
#else
  return Sm3LanesUnit::kOneAtATime;
#endif
}

void sm3_eight_on(Sm3LanesUnit unit, const std::array<const std::uint8_t*, kSm3Lanes>& messages,
                  const std::array<std::size_t, kSm3Lanes>& lengths, std::array<Sm3Digest, kSm3Lanes>& out) {
#if defined(__x86_64__)
  const Sm3LanesUnit here = sm3_eight_unit();
  if (unit == Sm3LanesUnit::kAvx512 && here == Sm3LanesUnit::kAvx512) {
    avx512::sm3_eight_lanes(messages, lengths, out);
    return;
  }
  if (unit == Sm3LanesUnit::kAvx2 && here != Sm3LanesUnit::kOneAtATime) {
    avx2::sm3_eight_lanes(messages, lengths, out);
    return;
  }
#endif
  one_at_a_time(messages, lengths, out);
}

void sm3_eight(const std::array<const std::uint8_t*, kSm3Lanes>& messages,
               const std::array<std::size_t, kSm3Lanes>& lengths, std::array<Sm3Digest, kSm3Lanes>& out) {
  sm3_eight_on(sm3_eight_unit(), messages, lengths, out);
}

void sm3_eight(const std::array<const std::uint8_t*, kSm3Lanes>& messages, std::size_t length,
               std::array<Sm3Digest, kSm3Lanes>& out) {
  std::array<std::size_t, kSm3Lanes> lengths;
  lengths.fill(length);
  sm3_eight(messages, lengths, out);
}

void sm3_each(std::span<const std::string_view> messages, std::span<Sm3Digest> out) {
  std::size_t i = 0;
  std::array<const std::uint8_t*, kSm3Lanes> pointers;
  std::array<std::size_t, kSm3Lanes> lengths;
  std::array<Sm3Digest, kSm3Lanes> digests;
  for (; i + kSm3Lanes <= messages.size(); i += kSm3Lanes) {
    for (std::size_t k = 0; k < kSm3Lanes; ++k) {
      pointers[k] = reinterpret_cast<const std::uint8_t*>(messages[i + k].data());
      lengths[k] = messages[i + k].size();
    }
    sm3_eight(pointers, lengths, digests);
    std::copy(digests.begin(), digests.end(), out.begin() + static_cast<std::ptrdiff_t>(i));
  }
  for (; i < messages.size(); ++i) out[i] = sm3(messages[i]);
}

}  // namespace fazhi
