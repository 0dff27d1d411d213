#include "draw/sm3_lanes.h"

#include <cstring>
#include <string_view>

#if defined(__x86_64__)
#include <immintrin.h>
// Only these functions use AVX2; the rest of the program runs on any x86-64, and
// sm3_eight checks the CPU before calling them.
#define FAZHI_AVX2 __attribute__((target("avx2")))
#endif

namespace fazhi::draw {
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

template <int N>
FAZHI_AVX2 inline __m256i rotl(__m256i x) {
  return _mm256_or_si256(_mm256_slli_epi32(x, N), _mm256_srli_epi32(x, 32 - N));
}
FAZHI_AVX2 inline __m256i xor3(__m256i a, __m256i b, __m256i c) {
  return _mm256_xor_si256(_mm256_xor_si256(a, b), c);
}
FAZHI_AVX2 inline __m256i add(__m256i a, __m256i b) {
  return _mm256_add_epi32(a, b);
}
FAZHI_AVX2 inline __m256i p0(__m256i x) {
  return xor3(x, rotl<9>(x), rotl<17>(x));
}
FAZHI_AVX2 inline __m256i p1(__m256i x) {
  return xor3(x, rotl<15>(x), rotl<23>(x));
}

// rows[k] holds 8 words of lane k; afterwards rows[j] holds word j of every lane.
FAZHI_AVX2 inline void transpose(__m256i* rows) {
  __m256i t[8], u[8];
  for (int i = 0; i < 8; i += 2) {
    t[i] = _mm256_unpacklo_epi32(rows[i], rows[i + 1]);
    t[i + 1] = _mm256_unpackhi_epi32(rows[i], rows[i + 1]);
  }
  for (int i = 0; i < 8; i += 4) {
    u[i] = _mm256_unpacklo_epi64(t[i], t[i + 2]);
    u[i + 1] = _mm256_unpackhi_epi64(t[i], t[i + 2]);
    u[i + 2] = _mm256_unpacklo_epi64(t[i + 1], t[i + 3]);
    u[i + 3] = _mm256_unpackhi_epi64(t[i + 1], t[i + 3]);
  }
  for (int j = 0; j < 4; ++j) {
    rows[j] = _mm256_permute2x128_si256(u[j], u[j + 4], 0x20);
    rows[j + 4] = _mm256_permute2x128_si256(u[j], u[j + 4], 0x31);
  }
}

// One round j of §5.3.3, given FF_j(A,B,C), GG_j(E,F,G), T_j <<< j, W_j and W_{j+4}.
FAZHI_AVX2 inline void one_round(__m256i& a, __m256i& b, __m256i& c, __m256i& d, __m256i& e,
                                 __m256i& f, __m256i& g, __m256i& h, __m256i ff, __m256i gg,
                                 std::uint32_t t, __m256i wj, __m256i wj4) {
  const __m256i a12 = rotl<12>(a);
  const __m256i ss1 = rotl<7>(add(add(a12, e), _mm256_set1_epi32(int(t))));
  const __m256i ss2 = _mm256_xor_si256(ss1, a12);
  const __m256i tt1 = add(add(ff, d), add(ss2, _mm256_xor_si256(wj, wj4)));
  const __m256i tt2 = add(add(gg, h), add(ss1, wj));
  d = c;
  c = rotl<9>(b);
  b = a;
  a = tt1;
  h = g;
  g = rotl<19>(f);
  f = e;
  e = p0(tt2);
}

// The compression function (§5.3) on one 64-byte block of each lane.
FAZHI_AVX2 void compress(__m256i* v, const std::uint8_t* const* blocks) {
  const __m256i big_endian = _mm256_setr_epi8(3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12,
                                              3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
  __m256i w[68];
  for (int half = 0; half < 2; ++half) {
    __m256i rows[8];
    for (int k = 0; k < 8; ++k) {
      rows[k] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(blocks[k] + 32 * half));
    }
    transpose(rows);
    for (int j = 0; j < 8; ++j) w[8 * half + j] = _mm256_shuffle_epi8(rows[j], big_endian);
  }
  // §5.3.2 message expansion; W'_j = W_j ^ W_{j+4} is formed in the rounds.
  for (int j = 16; j < 68; ++j) {
    w[j] = xor3(p1(xor3(w[j - 16], w[j - 9], rotl<15>(w[j - 3]))), rotl<7>(w[j - 13]), w[j - 6]);
  }
  __m256i a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
  for (int j = 0; j < 16; ++j) {
    one_round(a, b, c, d, e, f, g, h, xor3(a, b, c), xor3(e, f, g), kRoundConstants[j], w[j],
              w[j + 4]);
  }
  for (int j = 16; j < 64; ++j) {
    const __m256i majority =
        _mm256_or_si256(_mm256_and_si256(a, _mm256_or_si256(b, c)), _mm256_and_si256(b, c));
    const __m256i choose = _mm256_or_si256(_mm256_and_si256(e, f), _mm256_andnot_si256(e, g));
    one_round(a, b, c, d, e, f, g, h, majority, choose, kRoundConstants[j], w[j], w[j + 4]);
  }
  v[0] = _mm256_xor_si256(v[0], a);
  v[1] = _mm256_xor_si256(v[1], b);
  v[2] = _mm256_xor_si256(v[2], c);
  v[3] = _mm256_xor_si256(v[3], d);
  v[4] = _mm256_xor_si256(v[4], e);
  v[5] = _mm256_xor_si256(v[5], f);
  v[6] = _mm256_xor_si256(v[6], g);
  v[7] = _mm256_xor_si256(v[7], h);
}

FAZHI_AVX2 void sm3_eight_avx2(const std::array<const std::uint8_t*, kSm3Lanes>& messages,
                               std::size_t length, std::array<Sm3Digest, kSm3Lanes>& out) {
  __m256i v[8];
  for (int i = 0; i < 8; ++i) v[i] = _mm256_set1_epi32(int(kIv[i]));
  const std::uint8_t* blocks[kSm3Lanes];
  const std::size_t full = length / 64;
  for (std::size_t n = 0; n < full; ++n) {
    for (std::size_t k = 0; k < kSm3Lanes; ++k) blocks[k] = messages[k] + 64 * n;
    compress(v, blocks);
  }
  // §5.2 padding: the rest, 0x80, zeros, and the length in bits as 64-bit big-endian.
  const std::size_t rest = length % 64;
  const std::size_t tail_size = rest + 9 <= 64 ? 64 : 128;
  const std::uint64_t bits = std::uint64_t(length) * 8;
  alignas(32) std::uint8_t tail[kSm3Lanes][128];
  for (std::size_t k = 0; k < kSm3Lanes; ++k) {
    std::memset(tail[k], 0, sizeof tail[k]);
    if (rest > 0) std::memcpy(tail[k], messages[k] + 64 * full, rest);
    tail[k][rest] = 0x80;
    for (int i = 0; i < 8; ++i) tail[k][tail_size - 1 - i] = std::uint8_t(bits >> (8 * i));
  }
  for (std::size_t offset = 0; offset < tail_size; offset += 64) {
    for (std::size_t k = 0; k < kSm3Lanes; ++k) blocks[k] = tail[k] + offset;
    compress(v, blocks);
  }
  alignas(32) std::uint32_t words[8][kSm3Lanes];
  for (int i = 0; i < 8; ++i) _mm256_store_si256(reinterpret_cast<__m256i*>(words[i]), v[i]);
  for (std::size_t k = 0; k < kSm3Lanes; ++k) {
    for (int i = 0; i < 8; ++i) {
      for (int b = 0; b < 4; ++b) out[k][4 * i + b] = std::uint8_t(words[i][k] >> (24 - 8 * b));
    }
  }
}

#endif

}  // namespace

bool sm3_eight_is_vectorised() {
#if defined(__x86_64__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
#else
  return false;
#endif
}

void sm3_eight(const std::array<const std::uint8_t*, kSm3Lanes>& messages, std::size_t length,
               std::array<Sm3Digest, kSm3Lanes>& out) {
#if defined(__x86_64__)
  if (sm3_eight_is_vectorised()) {
    sm3_eight_avx2(messages, length, out);
    return;
  }
#endif
  for (std::size_t k = 0; k < kSm3Lanes; ++k) {
    out[k] = sm3(std::string_view(reinterpret_cast<const char*>(messages[k]), length));
  }
}

}  // namespace fazhi::draw
