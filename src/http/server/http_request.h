// An HTTP request as a route handler sees it: method, the raw target and its
// percent-decoded path, query parameters, headers (names compared case-insensitively),
// body, the client's address, and the parameters the Router took from the path.
// Built by HttpServer from the wire (RFC 9110, 9112; cookies per RFC 6265 §5.4); tests
// may build one by hand. A plain value: safe to read from several threads, not to write.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi::http {

// Orders header names ASCII case-insensitively, so "content-type" finds "Content-Type".
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

// Header name → value; a name may repeat (Set-Cookie), kept in insertion order.
using HttpHeaders = std::multimap<std::string, std::string, CaseInsensitiveLess>;
// Query parameter name → value, decoded; a name may repeat (`?tag=a&tag=b`), equal names
// kept in the order they came.
using QueryParams = std::multimap<std::string, std::string, std::less<>>;

// Decodes %XX escapes; with `plus_as_space` (query strings) also '+' → ' '. A malformed
// escape ("%zz", a trailing "%") is kept literally rather than rejected.
std::string percent_decode(std::string_view text, bool plus_as_space = false);
// Encodes every byte outside RFC 3986 unreserved characters as %XX.
std::string percent_encode(std::string_view text);
// Parses `a=1&b=x+y&c` (without the '?') into decoded pairs; "c" gets an empty value.
QueryParams parse_query(std::string_view query);

class HttpRequest {
 public:
  HttpRequest() = default;
  // A request for `target` ("/path?query"): splits and decodes path and query.
  HttpRequest(std::string method, std::string target);

  // Upper-case method as sent: "GET", "POST", …
  const std::string& method() const { return method_; }
  // The request target exactly as sent, e.g. "/api/x%20y?q=1".
  const std::string& target() const { return target_; }
  // The target's path, percent-decoded ("/api/x y"); '+' stays '+'.
  const std::string& path() const { return path_; }
  // The target's path before decoding ("/api/x%20y"); the Router matches segments of it.
  std::string_view raw_path() const;

  const QueryParams& query_params() const { return query_; }
  // The first value of query parameter `name`, or nullopt when absent.
  std::optional<std::string_view> query(std::string_view name) const;
  // Every value of query parameter `name`, in request order.
  std::vector<std::string_view> query_all(std::string_view name) const;

  const HttpHeaders& headers() const { return headers_; }
  // The first value of header `name` (any case), or "" when absent.
  std::string_view header(std::string_view name) const;
  bool has_header(std::string_view name) const { return headers_.contains(name); }
  void add_header(std::string name, std::string value);

  // The value of cookie `name` from the Cookie header(s), quotes removed; nullopt if absent.
  std::optional<std::string> cookie(std::string_view name) const;

  const std::string& body() const { return body_; }
  std::string& mutable_body() { return body_; }
  void set_body(std::string body) { body_ = std::move(body); }

  // The peer's IP address as text ("127.0.0.1", "::1") and port; empty/0 when built by hand.
  const std::string& client_address() const { return client_address_; }
  std::uint16_t client_port() const { return client_port_; }
  void set_client(std::string address, std::uint16_t port);

  // The value the matched route's pattern took for `:name`, decoded; "" when the pattern
  // has no such parameter.
  std::string_view path_param(std::string_view name) const;
  const std::map<std::string, std::string, std::less<>>& path_params() const { return params_; }
  void set_path_params(std::map<std::string, std::string, std::less<>> params) { params_ = std::move(params); }

  // HTTP version as 10 or 11; whether the client asked to keep the connection.
  int version() const { return version_; }
  void set_version(int version) { version_ = version; }

 private:
  std::string method_;
  std::string target_;
  std::string path_;
  QueryParams query_;
  HttpHeaders headers_;
  std::string body_;
  std::string client_address_;
  std::uint16_t client_port_ = 0;
  std::map<std::string, std::string, std::less<>> params_;
  int version_ = 11;
};

}  // namespace fazhi::http
