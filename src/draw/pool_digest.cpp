#include "draw/pool_digest.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>

#include "core/sm3_lanes.h"

namespace fazhi::draw {

void append_chunk_digests(std::string_view bytes, std::vector<Sm3Digest>& out) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  std::size_t at = 0;
  while (bytes.size() - at >= kSm3Lanes * kPoolChunkBytes) {
    std::array<const std::uint8_t*, kSm3Lanes> pieces;
    for (std::size_t k = 0; k < kSm3Lanes; ++k) pieces[k] = data + at + k * kPoolChunkBytes;
    std::array<Sm3Digest, kSm3Lanes> digests;
    sm3_eight(pieces, kPoolChunkBytes, digests);
    out.insert(out.end(), digests.begin(), digests.end());
    at += kSm3Lanes * kPoolChunkBytes;
  }
  while (at < bytes.size()) {
    const std::size_t n = std::min(kPoolChunkBytes, bytes.size() - at);
    out.push_back(sm3(bytes.substr(at, n)));
    at += n;
  }
}

std::string pool_digest_from_chunks(std::span<const Sm3Digest> chunk_digests) {
  Sm3 top;
  for (const Sm3Digest& d : chunk_digests) {
    top.update(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
  }
  return to_hex(top.finish());
}

std::string pool_digest_hex(std::string_view bytes) {
  std::vector<Sm3Digest> digests;
  append_chunk_digests(bytes, digests);
  return pool_digest_from_chunks(digests);
}

Result<std::string> pool_file_digest_hex(const std::filesystem::path& path) {
  const std::string subject = "名录文件 " + path.string();
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return not_found(subject, "文件不存在或无法读取");
  std::vector<char> buf(kSm3Lanes * kPoolChunkBytes);
  std::vector<Sm3Digest> digests;
  for (;;) {
    // Fill the buffer whole, so that every read but the last ends on a piece boundary.
    std::size_t held = 0;
    while (held < buf.size()) {
      ssize_t n = ::read(fd, buf.data() + held, buf.size() - held);
      if (n < 0) {
        ::close(fd);
        return unavailable(subject, "读取失败");
      }
      if (n == 0) break;
      held += std::size_t(n);
    }
    append_chunk_digests(std::string_view(buf.data(), held), digests);
    if (held < buf.size()) break;
  }
  ::close(fd);
  return pool_digest_from_chunks(digests);
}

}  // namespace fazhi::draw
