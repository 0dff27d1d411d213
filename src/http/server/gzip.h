// Dynamic gzip (RFC 1952) of response bodies, with zlib at a fast level: large JSON
// answers shrink ~5–10× for a few hundred microseconds of CPU. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fazhi::http {

// `data` gzip-compressed at `level` (1 fastest … 9 smallest); nullopt if zlib fails.
std::optional<std::string> gzip_compress(std::string_view data, int level = 1);
// The inverse, for tests and uploads; nullopt for data that is not valid gzip.
std::optional<std::string> gzip_decompress(std::string_view data);

}  // namespace fazhi::http
