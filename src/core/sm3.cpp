#include "core/sm3.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace fazhi {
namespace {

const EVP_MD* sm3_md() {
  // Fetched once: fetching per use costs a provider lookup.
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SM3", nullptr);
  if (md == nullptr) throw std::runtime_error("OpenSSL has no SM3 digest in its default provider");
  return md;
}

}  // namespace

Sm3::Sm3() : ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), sm3_md(), nullptr);
}

Sm3::~Sm3() {
  EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_));
}

void Sm3::update(std::string_view bytes) {
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), bytes.data(), bytes.size());
}

Sm3Digest Sm3::finish() {
  Sm3Digest out{};
  unsigned int len = 0;
  auto* ctx = static_cast<EVP_MD_CTX*>(ctx_);
  EVP_DigestFinal_ex(ctx, out.data(), &len);
  EVP_DigestInit_ex(ctx, sm3_md(), nullptr);
  return out;
}

Sm3Digest sm3(std::string_view bytes) {
  Sm3 h;
  h.update(bytes);
  return h.finish();
}

std::string to_hex(const Sm3Digest& digest) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (std::uint8_t b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::string sm3_hex(std::string_view bytes) {
  return to_hex(sm3(bytes));
}

}  // namespace fazhi
