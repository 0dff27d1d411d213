// A blocking HTTP/1.1 client over a raw loopback socket, for the server tests: it sends
// bytes exactly as given (so tests can send "/../x" or half a request) and reads one
// response at a time (Content-Length bodies, as fazhi always sends).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/server/http_request.h"

namespace fazhi::http::testing {

struct TestResponse {
  int status = 0;
  HttpHeaders headers;
  std::string body;
  std::string_view header(std::string_view name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string_view() : std::string_view(it->second);
  }
};

class TestConnection {
 public:
  // Connects to host:port; `connected()` tells whether it worked.
  TestConnection(const std::string& host, std::uint16_t port);
  ~TestConnection();
  TestConnection(TestConnection&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  TestConnection(const TestConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  // Sends all of `bytes`; false when the peer is gone.
  bool send(std::string_view bytes);
  // Reads one response; nullopt when the connection closes or 5 s pass first. `head`:
  // the request was HEAD, so no body follows whatever Content-Length says.
  std::optional<TestResponse> read_response(bool head = false);
  // Sends a request built from the parts and reads its response.
  std::optional<TestResponse> request(std::string_view method, std::string_view target,
                                      std::vector<std::pair<std::string, std::string>> headers = {},
                                      std::string_view body = "");
  // Whether the server closes the connection within `timeout_ms` (reads and drops data).
  bool closed_within(int timeout_ms);

 private:
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace fazhi::http::testing
