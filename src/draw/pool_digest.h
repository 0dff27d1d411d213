// The pool file's chunked SM3 (`targets_file.sm3_chunks` in a plan, docs/draw-plan.md): the
// file is cut into consecutive pieces of kPoolChunkBytes (1 MiB) bytes, the last one
// possibly shorter (an empty file has none); each piece is hashed with SM3 (GB/T 32905), and
// the pool digest is the SM3 of those 32-byte digests concatenated in file order. The pieces
// hash independently, so both cores share the work; anyone can recompute the value with
//   split -b 1048576 --filter='openssl dgst -sm3 -binary' FILE | openssl dgst -sm3
// Pure functions; safe to call from several threads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/sm3.h"

namespace fazhi::draw {

inline constexpr std::size_t kPoolChunkBytes = std::size_t(1) << 20;

// Appends the SM3 of each kPoolChunkBytes piece of `bytes` (the last may be shorter) to `out`.
// `bytes` must start on a piece boundary of the file; eight full pieces at a time go through
// sm3_eight (core/sm3_lanes.h).
void append_chunk_digests(std::string_view bytes, std::vector<Sm3Digest>& out);

// The pool digest (lower-case hex) from the pieces' digests in file order.
std::string pool_digest_from_chunks(std::span<const Sm3Digest> chunk_digests);

// The pool digest of bytes in memory.
std::string pool_digest_hex(std::string_view bytes);

// The pool digest of a file, read in pieces (memory stays flat); fails naming the file.
Result<std::string> pool_file_digest_hex(const std::filesystem::path& path);

}  // namespace fazhi::draw
