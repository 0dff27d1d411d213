#include "http/server/http_server.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "harness/result_matchers.h"
#include "http/server/gzip.h"
#include "test_client.h"
#include "web_root.h"

namespace fazhi::http {
namespace {

using fazhi::testing::ErrorIs;
using fazhi::testing::IsOk;
using ::testing::HasSubstr;
using testing::TestConnection;
using testing::TestResponse;
using namespace std::chrono_literals;

std::string big_json(int rows) {
  std::string out = "[";
  for (int i = 0; i < rows; ++i) out += fmt::format(R"({}{{"id":{},"name":"行政复议案件 {}"}})", i ? "," : "", i, i);
  return out + "]";
}

Router test_router(std::atomic<int>* slow_started = nullptr) {
  Router router;
  router.get("/api/health", [](const HttpRequest&) { return HttpResponse::json(200, R"({"ok":true})"); });
  router.get("/api/ledgers/:name/records/:id", [](const HttpRequest& r) {
    return HttpResponse::json(200,
                              fmt::format(R"({{"ledger":"{}","id":"{}","q":"{}","client":"{}"}})", r.path_param("name"),
                                          r.path_param("id"), r.query("q").value_or("-"), r.client_address()));
  });
  router.post("/api/echo", [](const HttpRequest& r) {
    HttpResponse response = HttpResponse::text(200, r.body());
    response.set_cookie({.name = "seen", .value = std::string(r.cookie("sid").value_or("none"))});
    return response;
  });
  router.get("/api/export", [](const HttpRequest& r) {
    // A 3 MB export written to a temporary file, sent from disk and then removed.
    auto path = std::filesystem::temp_directory_path() / fmt::format("fazhi-export-{}.csv", r.query("n").value_or("0"));
    {
      std::ofstream out(path, std::ios::binary);
      for (int i = 0; i < 100000; ++i) out << fmt::format("{:09},行政复议\n", i);
    }
    HttpResponse response(200);
    response.set_header("Content-Type", "text/csv; charset=utf-8");
    response.set_body_file(path, true);
    return response;
  });
  router.get("/api/missing-file", [](const HttpRequest&) {
    HttpResponse response(200);
    response.set_body_file("/nonexistent/fazhi/export.xlsx");
    return response;
  });
  router.get("/api/big", [](const HttpRequest&) { return HttpResponse::json(200, big_json(200)); });
  router.get("/api/throw", [](const HttpRequest&) -> HttpResponse { throw std::runtime_error("secret detail"); });
  router.get("/api/slow", [slow_started](const HttpRequest&) {
    if (slow_started) ++*slow_started;
    std::this_thread::sleep_for(300ms);
    return HttpResponse::json(200, R"({"slow":true})");
  });
  return router;
}

class HttpServerTest : public ::testing::Test {
 protected:
  void start(HttpServerOptions options = {}) {
    options.listen.port = 0;
    server_ = std::make_unique<HttpServer>(test_router(&slow_started_), std::move(options));
    ASSERT_THAT(server_->start(), IsOk());
    ASSERT_NE(server_->port(), 0);
  }
  TestConnection connect(const std::string& host = "127.0.0.1") { return TestConnection(host, server_->port()); }

  std::atomic<int> slow_started_{0};
  std::unique_ptr<HttpServer> server_;
};

TEST(ParseListenAddress, AcceptsHostPortForms) {
  auto v4 = parse_listen_address("127.0.0.1:8080");
  ASSERT_THAT(v4, IsOk());
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 8080);
  auto v6 = parse_listen_address("[::1]:0");
  ASSERT_THAT(v6, IsOk());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 0);
  EXPECT_EQ(parse_listen_address(":9000")->host, "127.0.0.1");
  EXPECT_THAT(parse_listen_address("127.0.0.1"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("缺少端口")));
  EXPECT_THAT(parse_listen_address("127.0.0.1:70000"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("70000")));
}

TEST_F(HttpServerTest, RoutesWithParamsAndQuery) {
  start();
  TestConnection c = connect();
  ASSERT_TRUE(c.connected());
  auto r = c.request("GET", "/api/ledgers/%E4%BF%A1%E8%AE%BF/records/42?q=a+b");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(r->body, R"({"ledger":"信访","id":"42","q":"a b","client":"127.0.0.1"})");
  EXPECT_EQ(r->header("Server"), "fazhi");
  EXPECT_THAT(std::string(r->header("Date")),
              ::testing::MatchesRegex("[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} 20[0-9]{2} [0-9:]{8} GMT"));
  EXPECT_EQ(r->header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r->header("X-Frame-Options"), "DENY");
}

TEST_F(HttpServerTest, ListensOnIpv6Loopback) {
  HttpServerOptions options;
  options.listen.host = "::1";
  start(options);
  TestConnection c = connect("::1");
  ASSERT_TRUE(c.connected());
  auto r = c.request("GET", "/api/ledgers/a/records/1");
  ASSERT_TRUE(r);
  EXPECT_THAT(r->body, HasSubstr(R"("client":"::1")"));
}

TEST_F(HttpServerTest, BindFailureNamesTheAddress) {
  start();
  HttpServerOptions options;
  options.listen.port = server_->port();
  // Our acceptors use SO_REUSEPORT, so a second fazhi could share the port; a socket
  // without it cannot. Use an address that is not local to make binding fail instead.
  options.listen.host = "192.0.2.1";
  HttpServer other(Router{}, options);
  EXPECT_THAT(other.start(), ErrorIs(ErrorCode::kUnavailable, HasSubstr("192.0.2.1")));
  HttpServerOptions bad;
  bad.listen.host = "not-an-ip";
  HttpServer third(Router{}, bad);
  EXPECT_THAT(third.start(), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("not-an-ip")));
}

TEST_F(HttpServerTest, KeepsTheConnectionAliveAcrossRequests) {
  start();
  TestConnection c = connect();
  for (int i = 0; i < 5; ++i) {
    auto r = c.request("GET", fmt::format("/api/ledgers/x/records/{}", i));
    ASSERT_TRUE(r) << i;
    EXPECT_EQ(r->status, 200);
    EXPECT_THAT(r->body, HasSubstr(fmt::format(R"("id":"{}")", i)));
    EXPECT_NE(r->header("Connection"), "close");
  }
  // Two requests sent back to back (pipelined) are answered in order.
  ASSERT_TRUE(
      c.send("GET /api/ledgers/p/records/1 HTTP/1.1\r\nHost: x\r\n\r\n"
             "GET /api/ledgers/p/records/2 HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_THAT(c.read_response()->body, HasSubstr(R"("id":"1")"));
  EXPECT_THAT(c.read_response()->body, HasSubstr(R"("id":"2")"));
  // Connection: close is honoured.
  auto last = c.request("GET", "/api/health", {{"Connection", "close"}});
  ASSERT_TRUE(last);
  EXPECT_EQ(last->header("Connection"), "close");
  EXPECT_TRUE(c.closed_within(2000));
}

TEST_F(HttpServerTest, AnswersNotFoundAndMethodNotAllowedAsJson) {
  start();
  TestConnection c = connect();
  auto missing = c.request("GET", "/api/nothing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(missing->body, R"({"error":{"code":"not_found","message":"找不到 /api/nothing"}})");
  auto wrong = c.request("DELETE", "/api/health");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->header("Allow"), "GET, HEAD");
  EXPECT_THAT(wrong->body, HasSubstr(R"({"error":{"code":"method_not_allowed",)"));
  // Without a static root, non-API paths are 404 too; the connection survives errors.
  auto page = c.request("GET", "/ledgers");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 404);
}

TEST_F(HttpServerTest, HeadHasLengthButNoBody) {
  start();
  TestConnection c = connect();
  auto r = c.request("HEAD", "/api/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("Content-Length"), "11");
  auto next = c.request("GET", "/api/health");  // nothing stray was left on the wire
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, R"({"ok":true})");
}

TEST_F(HttpServerTest, HandlerExceptionBecomes500WithoutItsText) {
  start();
  TestConnection c = connect();
  auto r = c.request("GET", "/api/throw");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_THAT(r->body, HasSubstr(R"("code":"internal")"));
  EXPECT_THAT(r->body, ::testing::Not(HasSubstr("secret detail")));
}

TEST_F(HttpServerTest, BodiesCookiesAndExpectContinue) {
  start();
  TestConnection c = connect();
  auto r = c.request("POST", "/api/echo", {{"Cookie", "sid=s1; other=2"}}, "你好，法治");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "你好，法治");
  EXPECT_EQ(r->header("Set-Cookie"), "seen=s1; Path=/; HttpOnly; SameSite=Lax");
  // curl sends Expect: 100-continue for large uploads and waits for the interim answer.
  ASSERT_TRUE(c.send("POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
  auto interim = c.read_response();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(c.send("hello"));
  auto final_response = c.read_response();
  ASSERT_TRUE(final_response);
  EXPECT_EQ(final_response->body, "hello");
}

TEST_F(HttpServerTest, RefusesBodiesOverTheLimitWith413) {
  HttpServerOptions options;
  options.body_limit = 1024;
  start(options);
  {
    TestConnection c = connect();
    auto ok = c.request("POST", "/api/echo", {}, std::string(1024, 'a'));
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200);
    auto r = c.request("POST", "/api/echo", {}, std::string(4096, 'a'));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_EQ(r->body, R"({"error":{"code":"payload_too_large","message":"请求内容超过上限 1024 字节"}})");
    EXPECT_EQ(r->header("Connection"), "close");
    EXPECT_TRUE(c.closed_within(3000));
  }
  {  // A chunked body is cut off when it passes the limit.
    TestConnection c = connect();
    std::string chunk(800, 'b');
    ASSERT_TRUE(
        c.send(fmt::format("POST /api/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "{:x}\r\n{}\r\n{:x}\r\n{}\r\n0\r\n\r\n",
                           chunk.size(), chunk, chunk.size(), chunk)));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
  }
  // The default is 64 MiB, for imports.
  EXPECT_EQ(HttpServerOptions{}.body_limit, 64u << 20);
}

TEST_F(HttpServerTest, MalformedRequestGets400) {
  start();
  TestConnection c = connect();
  ASSERT_TRUE(c.send("GARBAGE\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_THAT(r->body, HasSubstr(R"("code":"bad_request")"));
}

TEST_F(HttpServerTest, DisconnectsAClientThatStalls) {
  HttpServerOptions options;
  options.read_timeout = 200ms;
  start(options);
  TestConnection c = connect();
  ASSERT_TRUE(c.send("GET /api/health HTTP/1.1\r\nHost:"));  // and then nothing
  auto began = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.closed_within(3000));
  EXPECT_LT(std::chrono::steady_clock::now() - began, 2s);
  // An idle keep-alive connection is closed after the same timeout.
  TestConnection idle = connect();
  ASSERT_TRUE(idle.request("GET", "/api/health"));
  EXPECT_TRUE(idle.closed_within(3000));
}

TEST_F(HttpServerTest, ABodyMayTakeLongerThanTheReadTimeoutWhileItKeepsComing) {
  HttpServerOptions options;
  options.read_timeout = 300ms;
  start(options);
  TestConnection c = connect();
  ASSERT_TRUE(c.send("POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\n"));
  for (std::string_view piece : {"ab", "cd", "ef", "gh"}) {
    std::this_thread::sleep_for(150ms);
    ASSERT_TRUE(c.send(piece));
  }
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "abcdefgh");
}

std::string export_text() {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += fmt::format("{:09},行政复议\n", i);
  return text;
}

bool gone_within(const std::filesystem::path& path, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::filesystem::exists(path)) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

TEST_F(HttpServerTest, SendsABodyFileFromDiskAndRemovesIt) {
  start();
  TestConnection c = connect();
  auto r = c.request("GET", "/api/export?n=get", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("Content-Encoding"), "");
  EXPECT_EQ(r->body, export_text());
  EXPECT_TRUE(gone_within(std::filesystem::temp_directory_path() / "fazhi-export-get.csv", 2000ms));
  auto head = c.request("HEAD", "/api/export?n=head");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->header("Content-Length"), std::to_string(export_text().size()));
  EXPECT_TRUE(gone_within(std::filesystem::temp_directory_path() / "fazhi-export-head.csv", 2000ms));
  auto missing = c.request("GET", "/api/missing-file");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 500);
  EXPECT_THAT(missing->body, HasSubstr("无法读取要发送的文件"));
  EXPECT_EQ(c.request("GET", "/api/health")->body, R"({"ok":true})");  // still in step
}

TEST_F(HttpServerTest, GzipsLargeJsonForClientsThatAcceptIt) {
  start();
  TestConnection c = connect();
  auto packed = c.request("GET", "/api/big", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(packed);
  EXPECT_EQ(packed->header("Content-Encoding"), "gzip");
  EXPECT_EQ(packed->header("Vary"), "Accept-Encoding");
  EXPECT_EQ(gzip_decompress(packed->body), big_json(200));
  auto plain = c.request("GET", "/api/big");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->header("Content-Encoding"), "");
  EXPECT_EQ(plain->body, big_json(200));
  auto small = c.request("GET", "/api/health", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(small->header("Content-Encoding"), "");  // under 1 KiB: not worth it
}

TEST_F(HttpServerTest, ServesStaticFilesWithNegotiationAnd304) {
  testing::WebRoot web;
  HttpServerOptions options;
  options.static_root = web.root();
  start(options);
  TestConnection c = connect();
  auto br = c.request("GET", "/assets/app-1a2b3c.js", {{"Accept-Encoding", "gzip, br"}});
  ASSERT_TRUE(br);
  EXPECT_EQ(br->status, 200);
  EXPECT_EQ(br->body, testing::kAppJsBr);
  EXPECT_EQ(br->header("Content-Encoding"), "br");
  EXPECT_EQ(br->header("Vary"), "Accept-Encoding");
  EXPECT_EQ(br->header("Cache-Control"), "public, max-age=31536000, immutable");
  auto gz = c.request("GET", "/assets/app-1a2b3c.js", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(gz->body, testing::kAppJsGz);
  EXPECT_EQ(gz->header("Content-Encoding"), "gzip");
  auto not_modified = c.request("GET", "/assets/app-1a2b3c.js",
                                {{"Accept-Encoding", "gzip, br"}, {"If-None-Match", std::string(br->header("ETag"))}});
  ASSERT_TRUE(not_modified);
  EXPECT_EQ(not_modified->status, 304);
  EXPECT_EQ(not_modified->body, "");
  auto index = c.request("GET", "/");
  EXPECT_EQ(index->body, testing::kIndexHtml);
  EXPECT_EQ(index->header("Cache-Control"), "no-cache");
  auto spa = c.request("GET", "/reports/2024");
  EXPECT_EQ(spa->status, 200);
  EXPECT_EQ(spa->body, testing::kIndexHtml);
  auto api_miss = c.request("GET", "/api/nothing");
  EXPECT_EQ(api_miss->status, 404);
  EXPECT_THAT(api_miss->body, HasSubstr(R"("code":"not_found")"));
  // Routes win over files; POST never reaches the files.
  EXPECT_EQ(c.request("GET", "/api/health")->body, R"({"ok":true})");
  EXPECT_EQ(c.request("POST", "/index.html")->status, 404);
}

TEST_F(HttpServerTest, NoPathLeadsOutOfTheStaticRoot) {
  testing::WebRoot web;
  HttpServerOptions options;
  options.static_root = web.root();
  start(options);
  for (std::string target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/secret.txt", "/assets/..%2f..%2fsecret.txt",
        "/assets/../../secret.txt", "/..%5csecret.txt", "/escape.txt", "//../secret.txt"}) {
    TestConnection c = connect();
    auto r = c.request("GET", target);
    ASSERT_TRUE(r) << target;
    EXPECT_THAT(r->body, ::testing::Not(HasSubstr(testing::kSecret))) << target;
    EXPECT_TRUE(r->status == 400 || r->body == testing::kIndexHtml) << target << " → " << r->status;
  }
}

TEST_F(HttpServerTest, ServesConcurrentClients) {
  HttpServerOptions options;
  options.io_threads = 2;
  options.handler_threads = 4;
  start(options);
  constexpr int kThreads = 8;
  constexpr int kRequests = 50;
  std::atomic<int> good{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t) {
    clients.emplace_back([&, t] {
      TestConnection c = connect();
      for (int i = 0; i < kRequests; ++i) {
        auto r = c.request("GET", fmt::format("/api/ledgers/t{}/records/{}", t, i));
        if (r && r->status == 200 &&
            r->body.find(fmt::format(R"("ledger":"t{}","id":"{}")", t, i)) != std::string::npos) {
          ++good;
        }
      }
    });
  }
  for (auto& thread : clients) thread.join();
  EXPECT_EQ(good.load(), kThreads * kRequests);
}

TEST_F(HttpServerTest, StopsGracefullyFinishingRequestsInFlight) {
  start();
  std::uint16_t port = server_->port();
  TestConnection idle = connect();
  ASSERT_TRUE(idle.request("GET", "/api/health"));
  TestConnection busy = connect();
  ASSERT_TRUE(busy.send("GET /api/slow HTTP/1.1\r\nHost: x\r\n\r\n"));
  while (slow_started_.load() == 0) std::this_thread::sleep_for(1ms);

  auto stopped = std::async(std::launch::async, [&] { server_->stop(); });
  auto r = busy.read_response();  // the request in flight still gets its answer
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"slow":true})");
  EXPECT_EQ(r->header("Connection"), "close");
  EXPECT_EQ(stopped.wait_for(5s), std::future_status::ready);
  EXPECT_TRUE(idle.closed_within(1000));
  TestConnection late("127.0.0.1", port);
  EXPECT_FALSE(late.connected());
  server_->stop();  // idempotent
}

TEST_F(HttpServerTest, WaitForSignalReturnsOnSigterm) {
  start();
  std::thread signaller([] {
    std::this_thread::sleep_for(100ms);
    ::kill(::getpid(), SIGTERM);
  });
  server_->wait_for_signal();
  signaller.join();
  TestConnection late("127.0.0.1", server_->port());
  EXPECT_FALSE(late.connected());
}

}  // namespace
}  // namespace fazhi::http
