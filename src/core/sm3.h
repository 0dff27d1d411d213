// SM3 (GB/T 32905-2016), the Chinese national hash, through OpenSSL 3's default provider.
// Used for the audit chain, draw plans and proofs. Safe to use from several threads, one
// Sm3 object per thread.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace fazhi {

using Sm3Digest = std::array<std::uint8_t, 32>;

// Incremental SM3. update() may be called any number of times before finish().
class Sm3 {
 public:
  Sm3();
  ~Sm3();
  Sm3(const Sm3&) = delete;
  Sm3& operator=(const Sm3&) = delete;

  void update(std::string_view bytes);
  // The digest of everything updated so far; the object is then reset for reuse.
  Sm3Digest finish();

 private:
  void* ctx_;  // EVP_MD_CTX
};

// SM3 of `bytes`.
Sm3Digest sm3(std::string_view bytes);
// Lower-case hex of a digest (64 characters).
std::string to_hex(const Sm3Digest& digest);
// Lower-case hex SM3 of `bytes`.
std::string sm3_hex(std::string_view bytes);

}  // namespace fazhi
