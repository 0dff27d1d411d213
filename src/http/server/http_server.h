// The HTTP/1.1 server the JSON API and the web UI stand on (Boost.Beast; see STACK.md,
// "Server"). N io threads, each with its own io_context and its own acceptor on the same
// port (SO_REUSEPORT: the kernel spreads connections), keep-alive, TCP_NODELAY. The io
// threads only read and write: every request is handed to a thread pool, where the
// Router's handler (or the static files) runs, and the response is posted back to the
// connection's io thread. Bodies above the limit get 413 JSON; a client that stalls
// longer than the read timeout is disconnected. Responses of JSON or text over
// `compress_min_bytes` are gzipped when the client accepts gzip.
// Request order per connection: one at a time (no pipelining in parallel).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/server/http_request.h"
#include "http/server/http_response.h"
#include "http/server/router.h"

namespace fazhi::http {

// A host and port to listen on.
struct ListenAddress {
  std::string host = "127.0.0.1";  // an IPv4 or IPv6 literal, or "localhost"
  std::uint16_t port = 8080;       // 0 picks a free port
};

// Parses "127.0.0.1:8080", "[::1]:8080", "localhost:0" or ":8080" (host 127.0.0.1).
// Fails with kInvalidInput naming the text when the port is missing or out of range.
Result<ListenAddress> parse_listen_address(std::string_view text);

struct HttpServerOptions {
  ListenAddress listen;
  int io_threads = 2;                                // io_contexts, one thread each
  int handler_threads = 4;                           // the pool that runs handlers
  std::size_t body_limit = 64u << 20;                // bytes; larger bodies get 413
  std::chrono::milliseconds read_timeout{30'000};    // per request, and for idle keep-alive
  std::chrono::milliseconds stop_timeout{10'000};    // stop() waits this long for in-flight work
  std::size_t compress_min_bytes = 1024;             // gzip JSON/text bodies at least this long
  std::optional<std::filesystem::path> static_root;  // serve this directory (web/dist)
  // Called on the pool thread after each response is built (access log, metrics).
  std::function<void(const HttpRequest&, const HttpResponse&, std::chrono::microseconds)> on_response;
};

class HttpServer {
 public:
  // Serves `router` with `options`; nothing listens until start().
  HttpServer(Router router, HttpServerOptions options);
  // Stops the server if it still runs.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds every acceptor and starts the io threads and the pool; returns once the server
  // accepts connections. Fails with kUnavailable naming the address when it cannot be
  // bound (in use, no permission), with kInvalidInput for a host that is no IP address.
  Result<void> start();

  // The bound port (the one the kernel chose for port 0); 0 before start().
  std::uint16_t port() const;

  // Graceful stop: stops accepting, closes idle connections, lets requests in flight
  // finish and be answered (with Connection: close) for up to stop_timeout, then closes
  // everything and joins all threads. Idempotent; safe from any thread except the
  // server's own (not from inside a handler).
  void stop();

  // Blocks until SIGINT or SIGTERM arrives (or stop() is called elsewhere), then stops
  // gracefully. For `fazhi serve`: the caller decides that signals end the server.
  void wait_for_signal();

  class Impl;  // the Beast machinery, in http_server.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace fazhi::http
