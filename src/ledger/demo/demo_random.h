// The demo city's one source of randomness: xoshiro256** (Blackman and Vigna, 2018) seeded
// through splitmix64, with our own range reductions, so that a seed gives the same numbers
// on every platform and standard library (std::uniform_*_distribution does not promise that).
// Not for anything secret. A value type; each thread or ledger takes its own stream.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace fazhi::demo {

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) {
    std::uint64_t sm = seed;
    for (auto& w : s_) w = splitmix64(sm);
  }
  // An independent stream for `name` (a ledger, a county), the same for the same seed.
  static DemoRandom stream(std::uint64_t seed, std::string_view name) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a over the name
    for (unsigned char c : name) h = (h ^ c) * 0x100000001b3ULL;
    std::uint64_t sm = seed ^ h;
    return DemoRandom(splitmix64(sm));
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [lo, hi] (inclusive; lo <= hi), by the 128-bit multiply (bias below 2^-40
  // for the ranges used here, and the same everywhere).
  std::int64_t uniform(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    unsigned __int128 span = static_cast<unsigned __int128>(static_cast<std::uint64_t>(hi - lo)) + 1;
    return lo + static_cast<std::int64_t>((static_cast<unsigned __int128>(next()) * span) >> 64);
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  // An index in [0, n).
  std::size_t index(std::size_t n) {
    return n ? static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(n) - 1)) : 0;
  }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[index(v.size())];
  }
  // An index drawn with the given (non-negative, not all zero) weights.
  std::size_t weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = unit() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace fazhi::demo
