// ChaCha20 against RFC 8439 and OpenSSL; the unbiased integer method.
#include "draw/chacha20.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <cstring>

namespace fazhi::draw {
namespace {

std::string hex(const std::uint8_t* p, std::size_t n) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(kHex[p[i] >> 4]);
    out.push_back(kHex[p[i] & 15]);
  }
  return out;
}

// RFC 8439 §2.3.2: key 00..1f, nonce 000000090000004a00000000, counter 1.
TEST(ChaCha20, Rfc8439BlockTestVector) {
  ChaCha20Key key;
  for (int i = 0; i < 32; ++i) key[i] = std::uint8_t(i);
  ChaCha20Nonce nonce{0, 0, 0, 9, 0, 0, 0, 0x4a, 0, 0, 0, 0};
  auto block = chacha20_block(key, 1, nonce);
  EXPECT_EQ(hex(block.data(), 64),
            "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
            "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e");
}

// The stream equals OpenSSL's ChaCha20 (IV = 32-bit LE counter 0 || nonce) for many keys.
TEST(ChaCha20, StreamMatchesOpenSsl) {
  for (int trial = 0; trial < 20; ++trial) {
    ChaCha20Key key;
    ChaCha20Nonce nonce;
    for (int i = 0; i < 32; ++i) key[i] = std::uint8_t(trial * 31 + i * 7);
    for (int i = 0; i < 12; ++i) nonce[i] = std::uint8_t(trial + i * 13);
    ChaCha20Stream stream(key, nonce);
    std::vector<std::uint8_t> mine(64 * 5);
    for (std::size_t w = 0; w < mine.size() / 4; ++w) {
      std::uint32_t x = stream.next_u32();
      for (int b = 0; b < 4; ++b) mine[4 * w + b] = std::uint8_t(x >> (8 * b));
    }
    std::uint8_t iv[16] = {0};
    std::memcpy(iv + 4, nonce.data(), 12);
    std::vector<std::uint8_t> zeros(mine.size(), 0), theirs(mine.size());
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    ASSERT_EQ(EVP_EncryptInit_ex(ctx, EVP_chacha20(), nullptr, key.data(), iv), 1);
    int len = 0;
    ASSERT_EQ(EVP_EncryptUpdate(ctx, theirs.data(), &len, zeros.data(), int(zeros.size())), 1);
    EVP_CIPHER_CTX_free(ctx);
    EXPECT_EQ(mine, theirs) << "trial " << trial;
  }
}

TEST(ChaCha20, UniformStaysInRangeAndRejectsTheBiasedTail) {
  ChaCha20Key key{};
  ChaCha20Nonce nonce{};
  // Replaying the raw words shows exactly which were rejected.
  ChaCha20Stream raw(key, nonce), stream(key, nonce);
  const std::uint32_t n = 3000000000u;  // limit = 3e9: words >= 3e9 (30%) are rejected
  for (int i = 0; i < 1000; ++i) {
    std::uint32_t x;
    do x = raw.next_u32();
    while (x >= n);
    EXPECT_EQ(stream.uniform(n), x);
  }
  EXPECT_EQ(stream.words_used(), raw.words_used());
  ChaCha20Stream one(key, nonce);
  EXPECT_EQ(one.uniform(1), 0u);
  EXPECT_EQ(one.words_used(), 1u);
}

}  // namespace
}  // namespace fazhi::draw
