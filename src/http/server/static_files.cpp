#include "http/server/static_files.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <system_error>

namespace fazhi::http {
namespace fs = std::filesystem;
namespace {

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Whether `path` (decoded) may name a file under the root: no "." or ".." segment, no
// backslash (a separator elsewhere), no NUL.
bool is_safe_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return false;
  std::string_view rest = path.substr(1);
  while (true) {
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (segment == "." || segment == "..") return false;
    if (slash == std::string_view::npos) return true;
    rest.remove_prefix(slash + 1);
  }
}

// Whether `path` lies strictly inside `root` (both canonical).
bool is_inside(const fs::path& root, const fs::path& path) {
  const std::string& r = root.native();
  const std::string& p = path.native();
  return p.size() > r.size() && p.compare(0, r.size(), r) == 0 && p[r.size()] == '/';
}

struct FileInfo {
  fs::path path;
  std::uintmax_t size = 0;
  long long mtime = 0;
};

// The regular file at `path` if it exists and lies inside `root`.
std::optional<FileInfo> find_file(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  if (ec || !is_inside(root, canonical)) return std::nullopt;
  auto status = fs::status(canonical, ec);
  if (ec || !fs::is_regular_file(status)) return std::nullopt;
  FileInfo info{.path = canonical};
  info.size = fs::file_size(canonical, ec);
  if (ec) return std::nullopt;
  auto mtime = fs::last_write_time(canonical, ec);
  if (ec) return std::nullopt;
  info.mtime = static_cast<long long>(mtime.time_since_epoch().count());
  return info;
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(out).str();
}

// Whether an If-None-Match value lists `etag` (weak comparison, RFC 9110 §13.1.2).
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    std::size_t comma = if_none_match.find(',');
    std::string_view tag = trim(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
  }
  return false;
}

}  // namespace

std::string_view content_type_for(std::string_view file_name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "application/javascript; charset=utf-8"},
      {".mjs", "application/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".xml", "application/xml"},
      {".wasm", "application/wasm"},
      {".pdf", "application/pdf"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
  };
  std::size_t dot = file_name.rfind('.');
  std::size_t slash = file_name.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  std::string_view extension = file_name.substr(dot);
  for (const auto& [ext, type] : kTypes) {
    if (iequals(ext, extension)) return type;
  }
  return "application/octet-stream";
}

bool accepts_encoding(std::string_view accept_encoding, std::string_view coding) {
  std::optional<bool> by_name;
  std::optional<bool> by_star;
  while (!accept_encoding.empty()) {
    std::size_t comma = accept_encoding.find(',');
    std::string_view item = trim(accept_encoding.substr(0, comma));
    accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    std::size_t semi = item.find(';');
    std::string_view name = trim(item.substr(0, semi));
    bool allowed = true;
    if (semi != std::string_view::npos) {
      std::string_view param = trim(item.substr(semi + 1));
      if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        std::string_view q = trim(param.substr(2));
        // q=0, q=0.0, q=0.000 refuse; anything else allows.
        allowed = q.find_first_not_of("0.") != std::string_view::npos;
      }
    }
    if (iequals(name, coding)) by_name = allowed;
    if (name == "*") by_star = allowed;
  }
  if (by_name) return *by_name;
  return by_star.value_or(false);
}

StaticFiles::StaticFiles(fs::path root) {
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  root_ = ec ? std::move(root) : std::move(canonical);
}

std::optional<HttpResponse> StaticFiles::serve(const HttpRequest& request) const {
  const std::string& path = request.path();
  if (!is_safe_path(path)) {
    return HttpResponse::error(400, "invalid_path", fmt::format("路径不合法：{}", path));
  }
  std::string relative = path.substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  if (auto response = serve_file(request, relative)) return response;

  bool plain_miss = path == "/api" || path.starts_with("/api/") || path.starts_with("/assets/");
  if (plain_miss) return std::nullopt;
  return serve_file(request, "index.html");
}

std::optional<HttpResponse> StaticFiles::serve_file(const HttpRequest& request, const std::string& relative) const {
  fs::path full = root_ / fs::path(relative);
  std::optional<FileInfo> file = find_file(root_, full);
  if (!file) return std::nullopt;

  std::string_view accept = request.header("Accept-Encoding");
  std::string_view coding;
  if (accepts_encoding(accept, "br")) {
    if (auto br = find_file(root_, fs::path(full.native() + ".br"))) {
      file = std::move(br);
      coding = "br";
    }
  }
  if (coding.empty() && accepts_encoding(accept, "gzip")) {
    if (auto gz = find_file(root_, fs::path(full.native() + ".gz"))) {
      file = std::move(gz);
      coding = "gzip";
    }
  }

  std::string etag = fmt::format("\"{:x}-{:x}{}{}\"", file->size, file->mtime, coding.empty() ? "" : "-", coding);
  HttpResponse response(200);
  response.set_header("Content-Type", std::string(content_type_for(relative)));
  response.set_header("Vary", "Accept-Encoding");
  response.set_header("ETag", etag);
  response.set_header("Cache-Control",
                      relative.starts_with("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  if (!coding.empty()) response.set_header("Content-Encoding", std::string(coding));

  std::string_view if_none_match = request.header("If-None-Match");
  if (!if_none_match.empty() && etag_matches(if_none_match, etag)) {
    response.set_status(304);
    return response;
  }
  std::optional<std::string> body = read_file(file->path);
  if (!body) {
    return HttpResponse::error(500, "internal", fmt::format("无法读取文件 {}", relative));
  }
  response.set_body(std::move(*body));
  return response;
}

}  // namespace fazhi::http
