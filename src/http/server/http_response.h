// An HTTP response a route handler returns: status, headers, body. HttpServer adds
// Content-Length, Connection and Server, and gzips large JSON/text bodies for clients
// that accept it. Errors leave fazhi as `{"error":{"code":"…","message":"…"}}`.
// A plain value; not synchronised.
#pragma once

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "http/server/http_request.h"

namespace fazhi::http {

// A Set-Cookie header (RFC 6265 §4.1). Defaults suit a session cookie: HttpOnly,
// SameSite=Lax, Path=/, no Max-Age (ends with the browser session).
struct Cookie {
  std::string name;
  std::string value;  // sent as is: keep it to cookie-octets (no ; , space or quotes)
  std::string path = "/";
  std::optional<long long> max_age_seconds;  // 0 deletes the cookie
  bool http_only = true;
  bool secure = false;            // set when fazhi sits behind HTTPS
  std::string same_site = "Lax";  // "Strict", "Lax", "None" or "" to omit
};

// The Set-Cookie header value for `cookie`, e.g. "sid=abc; Path=/; Max-Age=3600; HttpOnly;
// SameSite=Lax".
std::string set_cookie_value(const Cookie& cookie);

// `time` as an HTTP date (RFC 9110 §5.6.7): "Wed, 25 Nov 2026 08:00:00 GMT".
std::string http_date(std::time_t time);

// `text` as the contents of a JSON string literal, without the quotes (RFC 8259 §7).
std::string json_escape(std::string_view text);

class HttpResponse {
 public:
  HttpResponse() = default;
  explicit HttpResponse(int status) : status_(status) {}

  // A response with `body` and Content-Type application/json; charset=utf-8.
  static HttpResponse json(int status, std::string body);
  // A response with `body` and Content-Type text/plain; charset=utf-8.
  static HttpResponse text(int status, std::string body);
  // `{"error":{"code":code,"message":message}}` with `status`; `code` is a stable
  // lower-case name ("not_found"), `message` words a clerk can act on.
  static HttpResponse error(int status, std::string_view code, std::string_view message);

  int status() const { return status_; }
  void set_status(int status) { status_ = status; }

  const HttpHeaders& headers() const { return headers_; }
  // The first value of header `name` (any case), or "" when absent.
  std::string_view header(std::string_view name) const;
  // Replaces every header `name` with one of `value`.
  void set_header(std::string_view name, std::string value);
  // Adds a header, keeping existing ones of the same name (for Set-Cookie).
  void add_header(std::string name, std::string value);
  void remove_header(std::string_view name);

  // Content-Type: application/json; charset=utf-8.
  void set_json_content_type();
  // Adds a Set-Cookie header for `cookie`.
  void set_cookie(const Cookie& cookie);
  // Adds a Set-Cookie header that deletes cookie `name` at `path` (Max-Age=0).
  void clear_cookie(std::string_view name, std::string_view path = "/");

  const std::string& body() const { return body_; }
  std::string& mutable_body() { return body_; }
  void set_body(std::string body) { body_ = std::move(body); }

  // Sends the file at `path` as the body instead of body(), streamed from disk (a large
  // export need not sit in memory). With `remove_after` the file is deleted once sent, or
  // when sending fails. Never compressed by the server. A file that cannot be opened
  // turns the response into a 500 JSON error.
  void set_body_file(std::filesystem::path path, bool remove_after = false) {
    body_file_ = std::move(path);
    remove_body_file_ = remove_after;
  }
  const std::optional<std::filesystem::path>& body_file() const { return body_file_; }
  bool remove_body_file_after() const { return remove_body_file_; }

 private:
  int status_ = 200;
  HttpHeaders headers_;
  std::string body_;
  std::optional<std::filesystem::path> body_file_;
  bool remove_body_file_ = false;
};

}  // namespace fazhi::http
