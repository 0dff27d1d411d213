// The only translation unit that sees Boost.Beast and Asio (they take ~20 s to compile).
#include "http/server/http_server.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "http/server/gzip.h"
#include "http/server/static_files.h"

namespace fazhi::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using ReusePort = net::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

constexpr std::size_t kHeaderLimit = 64 * 1024;
// How long a connection being closed after its last response may keep sending (the rest
// of a refused body) before we close it hard; lets the client read our answer first.
constexpr std::chrono::milliseconds kLingerTimeout{1000};

class Session;

// One io thread: its io_context, its acceptor, and the connections it owns.
struct Worker {
  std::unordered_set<Session*> sessions;  // touched only on this worker's thread; declared
                                          // before ctx so it outlives handlers ctx destroys
  net::io_context ctx{1};
  std::optional<tcp::acceptor> acceptor;
  std::thread thread;
};

std::string describe_limit(std::size_t bytes) {
  if (bytes % (1u << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  return fmt::format("{} 字节", bytes);
}

std::string describe_bind_error(const boost::system::error_code& ec) {
  if (ec == net::error::address_in_use) return "端口已被占用";
  if (ec == net::error::access_denied) return "没有权限使用该端口";
  if (ec == boost::system::errc::address_not_available) return "本机没有这个地址";
  return ec.message();
}

// The Date header for now, formatted once a second per io thread.
const std::string& current_http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local std::string cached;
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    cached_second = now;
    cached = http_date(now);
  }
  return cached;
}

bool is_compressible(std::string_view content_type) {
  return content_type.starts_with("application/json") || content_type.starts_with("text/") ||
         content_type.starts_with("application/javascript") || content_type.starts_with("image/svg+xml");
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(Router router, HttpServerOptions options) : router_(std::move(router)), options_(std::move(options)) {
    if (options_.static_root) static_files_.emplace(*options_.static_root);
    options_.io_threads = std::max(1, options_.io_threads);
    options_.handler_threads = std::max(1, options_.handler_threads);
  }

  Result<void> start();
  void stop();
  void wait_for_signal();
  std::uint16_t port() const { return port_; }

  // Runs on a pool thread: the handler, static file or error for `request`, compressed
  // when that pays. Never throws.
  HttpResponse respond(HttpRequest& request);

  const HttpServerOptions& options() const { return options_; }
  bool stopping() const { return stopping_.load(std::memory_order_relaxed); }
  net::thread_pool& pool() { return *pool_; }

 private:
  void accept(Worker& worker);
  void maybe_compress(const HttpRequest& request, HttpResponse& response) const;

  Router router_;
  HttpServerOptions options_;
  std::optional<StaticFiles> static_files_;
  std::optional<net::thread_pool> pool_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::atomic<bool> stopping_{false};
  std::uint16_t port_ = 0;

  std::mutex stop_mutex_;
  std::mutex mutex_;  // guards the fields below
  std::condition_variable io_threads_done_;
  int running_io_threads_ = 0;
  bool started_ = false;
  bool stopped_ = false;

  net::io_context signal_ctx_{1};
};

namespace {

// One connection: reads a request, hands it to the pool, writes the answer, repeats while
// keep-alive holds. Lives on its worker's io thread; the pool only carries it across.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, HttpServer::Impl& server, Worker& worker)
      : stream_(std::move(socket)), server_(server), worker_(worker) {}
  ~Session() {
    remove_sent_file();
    worker_.sessions.erase(this);
  }

  void start() {
    worker_.sessions.insert(this);
    boost::system::error_code ec;
    tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
    if (!ec) {
      client_address_ = peer.address().to_string();
      client_port_ = peer.port();
    }
    stream_.socket().set_option(tcp::no_delay(true), ec);
    read_header();
  }

  // On the io thread when the server stops: a connection waiting for a request closes
  // now; one whose request is being handled closes after answering it.
  void on_server_stop() {
    if (state_ == State::kReading) {
      close();
    } else {
      close_after_write_ = true;
    }
  }

 private:
  enum class State { kReading, kHandling, kWriting, kClosing, kClosed };

  void read_header() {
    if (server_.stopping()) return close();
    state_ = State::kReading;
    parser_.emplace();
    parser_->body_limit(server_.options().body_limit);
    parser_->header_limit(kHeaderLimit);
    stream_.expires_after(server_.options().read_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) {
                               if (ec) return self->on_read_error(ec);
                               self->on_header();
                             });
  }

  void on_header() {
    if (parser_->is_done()) return dispatch();
    auto& message = parser_->get();
    if (beast::iequals(message[bhttp::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         if (ec) return self->close();
                         self->read_body();
                       });
      return;
    }
    read_body();
  }

  // The header must arrive within the read timeout as a whole (no slow drip of bytes);
  // the body only may not pause that long, so a 64 MiB import over a slow line gets in.
  void read_body() {
    stream_.expires_after(server_.options().read_timeout);
    bhttp::async_read_some(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->on_read_error(ec);
      if (self->parser_->is_done()) return self->dispatch();
      self->read_body();
    });
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) {
      return write_error(413, "payload_too_large",
                         fmt::format("请求内容超过上限 {}", describe_limit(server_.options().body_limit)));
    }
    if (ec == bhttp::error::header_limit) {
      return write_error(431, "header_too_large", fmt::format("请求头超过上限 {}", describe_limit(kHeaderLimit)));
    }
    // A malformed request (but not a client that went away or stalled) gets a 400.
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      return write_error(400, "bad_request", fmt::format("请求格式不正确：{}", ec.message()));
    }
    close();
  }

  void write_error(int status, std::string_view code, std::string message) {
    close_after_write_ = true;
    version_ = 11;
    write(HttpResponse::error(status, code, message), std::nullopt, false, false);
  }

  void dispatch() {
    state_ = State::kHandling;
    stream_.expires_never();
    bhttp::request<bhttp::string_body> message = parser_->release();
    HttpRequest request(std::string(message.method_string()), std::string(message.target()));
    for (const auto& field : message) request.add_header(std::string(field.name_string()), std::string(field.value()));
    request.set_body(std::move(message.body()));
    request.set_client(client_address_, client_port_);
    request.set_version(static_cast<int>(message.version()));
    version_ = message.version();
    bool keep_alive = message.keep_alive();
    bool head = message.method() == bhttp::verb::head;

    auto executor = stream_.get_executor();
    net::post(server_.pool(), [self = shared_from_this(), request = std::move(request), keep_alive, head, executor,
                               guard = net::make_work_guard(worker_.ctx)]() mutable {
      HttpResponse response = self->server_.respond(request);
      std::optional<bhttp::file_body::value_type> file = open_body_file(request, response);
      // The io thread takes over `self`: the last reference must never die on this thread.
      net::post(executor, [self = std::move(self), response = std::move(response), file = std::move(file), keep_alive,
                           head]() mutable { self->write(std::move(response), std::move(file), head, keep_alive); });
    });
  }

  // On the pool thread: opens the response's body file, if any. When it cannot be opened
  // the response becomes a 500 error (and a file meant to be removed is removed).
  static std::optional<bhttp::file_body::value_type> open_body_file(const HttpRequest& request,
                                                                    HttpResponse& response) {
    if (!response.body_file()) return std::nullopt;
    bhttp::file_body::value_type file;
    beast::error_code ec;
    file.open(response.body_file()->c_str(), beast::file_mode::scan, ec);
    if (!ec) return file;
    std::error_code ignored;
    if (response.remove_body_file_after()) std::filesystem::remove(*response.body_file(), ignored);
    response = HttpResponse::error(500, "internal",
                                   fmt::format("处理 {} {} 时无法读取要发送的文件", request.method(), request.path()));
    return std::nullopt;
  }

  // Copies status and headers of `response` onto `message`, with the server's own.
  template <typename Message>
  void fill_head(Message& message, const HttpResponse& response, bool keep_alive) {
    message.version(version_);
    message.result(static_cast<unsigned>(response.status()));
    for (const auto& [name, value] : response.headers()) message.insert(name, value);
    message.set(bhttp::field::server, "fazhi");
    message.set(bhttp::field::date, current_http_date());
    // Browsers must not guess a type (a JSON string rendered as HTML), nor frame the UI.
    if (message.find("X-Content-Type-Options") == message.end()) message.set("X-Content-Type-Options", "nosniff");
    if (message.find("X-Frame-Options") == message.end()) message.set("X-Frame-Options", "DENY");
    message.keep_alive(keep_alive);
  }

  void write(HttpResponse response, std::optional<bhttp::file_body::value_type> file, bool head, bool keep_alive) {
    if (response.body_file() && response.remove_body_file_after()) remove_after_write_ = *response.body_file();
    if (state_ == State::kClosed) return remove_sent_file();
    state_ = State::kWriting;
    keep_alive = keep_alive && !close_after_write_ && !server_.stopping();
    int status = response.status();
    bool bodiless = status < 200 || status == 204 || status == 304;
    std::size_t size = file ? static_cast<std::size_t>(file->size()) : response.body().size();
    auto on_written = [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
      self->remove_sent_file();
      if (ec) return self->close();
      if (!keep_alive) return self->linger_close();
      self->read_header();
    };
    stream_.expires_after(server_.options().read_timeout);
    if (file && !head && !bodiless) {
      file_response_ = {};
      fill_head(file_response_, response, keep_alive);
      file_response_.body() = std::move(*file);
      file_response_.content_length(size);
      bhttp::async_write(stream_, file_response_, std::move(on_written));
      return;
    }
    response_ = {};
    fill_head(response_, response, keep_alive);
    if (!bodiless) {
      if (!head && !file) response_.body() = std::move(response.mutable_body());
      response_.content_length(size);
    }
    bhttp::async_write(stream_, response_, std::move(on_written));
  }

  void remove_sent_file() {
    file_response_ = {};  // closes the file
    if (!remove_after_write_) return;
    std::error_code ignored;
    std::filesystem::remove(*remove_after_write_, ignored);
    remove_after_write_.reset();
  }

  // Closes after a last response: stop sending, then drain what the client still sends
  // (e.g. the rest of a refused body) until it closes or kLingerTimeout passes, so that
  // it reads our answer instead of a reset.
  void linger_close() {
    state_ = State::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    // While the server stops, don't hold it up for long.
    stream_.expires_after(server_.stopping() ? kLingerTimeout / 10 : kLingerTimeout);
    drain();
  }

  void drain() {
    stream_.async_read_some(net::buffer(drain_buffer_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->drain();
    });
  }

  void close() {
    if (state_ == State::kClosed) return;
    state_ = State::kClosed;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  HttpServer::Impl& server_;
  Worker& worker_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> response_;
  bhttp::response<bhttp::file_body> file_response_;
  std::optional<std::filesystem::path> remove_after_write_;
  std::array<char, 4096> drain_buffer_{};
  std::string client_address_;
  std::uint16_t client_port_ = 0;
  unsigned version_ = 11;
  State state_ = State::kReading;
  bool close_after_write_ = false;
};

}  // namespace

Result<ListenAddress> parse_listen_address(std::string_view text) {
  ListenAddress address;
  std::string_view host;
  std::string_view port;
  if (text.starts_with('[')) {
    std::size_t close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return invalid_input(fmt::format("监听地址 {}", text), "", "应写成 [IPv6地址]:端口，例如 [::1]:8080");
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      return invalid_input(fmt::format("监听地址 {}", text), "", "缺少端口，应写成 地址:端口，例如 127.0.0.1:8080");
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value > 65535) {
    return invalid_input(fmt::format("监听地址 {}", text), "", fmt::format("端口 {} 不是 0 到 65535 之间的数", port));
  }
  if (!host.empty()) address.host = std::string(host);
  address.port = static_cast<std::uint16_t>(value);
  return address;
}

Result<void> HttpServer::Impl::start() {
  std::lock_guard lock(mutex_);
  if (started_) return ok();
  const ListenAddress& listen = options_.listen;
  std::string subject = fmt::format("监听地址 {}:{}", listen.host, listen.port);
  boost::system::error_code ec;
  net::ip::address address = net::ip::make_address(listen.host == "localhost" ? "127.0.0.1" : listen.host, ec);
  if (ec) return invalid_input(subject, "", fmt::format("{} 不是 IP 地址", listen.host));

  std::uint16_t port = listen.port;
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < options_.io_threads; ++i) {
    auto worker = std::make_unique<Worker>();
    tcp::endpoint endpoint(address, port);
    tcp::acceptor& acceptor = worker->acceptor.emplace(worker->ctx);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.set_option(ReusePort(true), ec);
    if (!ec && address.is_v6()) acceptor.set_option(net::ip::v6_only(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) return unavailable(subject, fmt::format("无法监听：{}", describe_bind_error(ec)));
    // With port 0 the first acceptor learns the port; the others share it.
    port = acceptor.local_endpoint().port();
    workers.push_back(std::move(worker));
  }
  port_ = port;
  workers_ = std::move(workers);
  pool_.emplace(static_cast<std::size_t>(options_.handler_threads));
  running_io_threads_ = static_cast<int>(workers_.size());
  for (auto& worker : workers_) {
    accept(*worker);
    worker->thread = std::thread([this, w = worker.get()] {
      while (true) {
        try {
          w->ctx.run();
          break;
        } catch (const std::exception&) {
          // A bug in a completion handler must not take the whole server down.
        }
      }
      std::lock_guard done(mutex_);
      if (--running_io_threads_ == 0) io_threads_done_.notify_all();
    });
  }
  started_ = true;
  return ok();
}

void HttpServer::Impl::accept(Worker& worker) {
  worker.acceptor->async_accept(worker.ctx, [this, &worker](boost::system::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !worker.acceptor->is_open()) return;
    if (!ec) {
      if (stopping()) {
        socket.close(ec);
        return;
      }
      std::make_shared<Session>(std::move(socket), *this, worker)->start();
    }
    if (!ec) return accept(worker);
    // Out of file descriptors or similar: try again shortly rather than spin.
    auto timer = std::make_shared<net::steady_timer>(worker.ctx, std::chrono::milliseconds(100));
    timer->async_wait([this, &worker, timer](boost::system::error_code) {
      if (worker.acceptor->is_open()) accept(worker);
    });
  });
}

void HttpServer::Impl::stop() {
  // Held throughout, so that a second caller returns only once the server has stopped.
  std::lock_guard whole(stop_mutex_);
  std::unique_lock lock(mutex_);
  if (!started_ || stopped_) {
    signal_ctx_.stop();
    return;
  }
  stopped_ = true;
  stopping_ = true;
  for (auto& worker : workers_) {
    net::post(worker->ctx, [w = worker.get()] {
      boost::system::error_code ec;
      w->acceptor->close(ec);
      std::vector<Session*> sessions(w->sessions.begin(), w->sessions.end());
      for (Session* session : sessions) session->on_server_stop();
    });
  }
  bool drained = io_threads_done_.wait_for(lock, options_.stop_timeout, [this] { return running_io_threads_ == 0; });
  lock.unlock();
  if (!drained) {
    for (auto& worker : workers_) worker->ctx.stop();
  }
  for (auto& worker : workers_) {
    if (worker->thread.joinable()) worker->thread.join();
  }
  pool_->join();
  signal_ctx_.stop();
}

void HttpServer::Impl::wait_for_signal() {
  net::signal_set signals(signal_ctx_, SIGINT, SIGTERM);
  signals.async_wait([](const boost::system::error_code&, int) {});
  signal_ctx_.run();
  stop();
}

HttpResponse HttpServer::Impl::respond(HttpRequest& request) {
  auto started = std::chrono::steady_clock::now();
  HttpResponse response;
  try {
    std::optional<HttpResponse> routed = router_.dispatch(request);
    if (!routed && static_files_ && (request.method() == "GET" || request.method() == "HEAD")) {
      routed = static_files_->serve(request);
    }
    if (!routed) routed = HttpResponse::error(404, "not_found", fmt::format("找不到 {}", request.path()));
    response = std::move(*routed);
  } catch (...) {
    // The exception's text may hold internals; the client gets only what was attempted.
    response = HttpResponse::error(500, "internal",
                                   fmt::format("处理 {} {} 时服务器内部出错", request.method(), request.path()));
  }
  try {
    maybe_compress(request, response);
    if (options_.on_response) {
      options_.on_response(
          request, response,
          std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started));
    }
  } catch (...) {
  }
  return response;
}

void HttpServer::Impl::maybe_compress(const HttpRequest& request, HttpResponse& response) const {
  if (response.body().size() < options_.compress_min_bytes) return;
  if (!response.header("Content-Encoding").empty() || !response.header("ETag").empty()) return;
  if (!is_compressible(response.header("Content-Type"))) return;
  if (response.header("Vary").empty()) response.set_header("Vary", "Accept-Encoding");
  if (!accepts_encoding(request.header("Accept-Encoding"), "gzip")) return;
  std::optional<std::string> compressed = gzip_compress(response.body());
  if (!compressed || compressed->size() >= response.body().size()) return;
  response.set_body(std::move(*compressed));
  response.set_header("Content-Encoding", "gzip");
}

HttpServer::HttpServer(Router router, HttpServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(router), std::move(options))) {}

HttpServer::~HttpServer() {
  impl_->stop();
}

Result<void> HttpServer::start() {
  return impl_->start();
}

std::uint16_t HttpServer::port() const {
  return impl_->port();
}

void HttpServer::stop() {
  impl_->stop();
}

void HttpServer::wait_for_signal() {
  impl_->wait_for_signal();
}

}  // namespace fazhi::http
