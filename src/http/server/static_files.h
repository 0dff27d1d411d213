// Serves the built web UI (web/dist) for GET and HEAD requests no route took.
// - A precompressed sibling (`app.js.br`, `app.js.gz`) is sent when the client's
//   Accept-Encoding allows it (br before gzip), always with `Vary: Accept-Encoding`.
// - Content-Type from the file extension; ETag from size, mtime and encoding; a matching
//   If-None-Match answers 304.
// - Cache-Control: a year and immutable under /assets/ (Vite's hashed names), no-cache
//   for everything else, index.html included, so a new build shows at once.
// - A path that names no file falls back to /index.html (the SPA's router takes it),
//   except under /api/ and /assets/, where it is a plain miss (the caller answers 404).
// - A path with a ".." or "." segment, a backslash or a NUL byte — after percent-decoding —
//   is refused with 400, and a file is served only if its canonical path lies inside the
//   root, so neither "/../x" nor "/%2e%2e/x" nor a symlink leads out of the directory.
// Reads the disk on every call (the page cache makes that cheap); safe to share.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "http/server/http_request.h"
#include "http/server/http_response.h"

namespace fazhi::http {

// The Content-Type for a file name by its extension ("application/javascript; charset=utf-8"
// for "x.js"); "application/octet-stream" when unknown.
std::string_view content_type_for(std::string_view file_name);

// Whether `accept_encoding` (an Accept-Encoding header value) allows `coding` ("gzip",
// "br"): listed, or covered by "*", with a q-value above 0.
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding);

class StaticFiles {
 public:
  // Serves files under `root`, which should exist (a missing root serves nothing).
  explicit StaticFiles(std::filesystem::path root);

  // The response for `request` (GET or HEAD), or nullopt when no file and no fallback
  // applies (the caller then answers 404).
  std::optional<HttpResponse> serve(const HttpRequest& request) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::optional<HttpResponse> serve_file(const HttpRequest& request, const std::string& relative) const;

  std::filesystem::path root_;  // canonical
};

}  // namespace fazhi::http
