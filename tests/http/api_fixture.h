// A real `fazhi serve` stack on loopback (port 0) over a fresh database of either backend,
// with the organisation tree of ledger_fixture.h and one user per role at the county
// government 370102, plus a clerk at the city's 司法局 (370100.sfj).
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/api_context.h"
#include "http/server/http_server.h"
#include "ledger_fixture.h"
#include "test_client.h"

namespace fazhi::testing {

constexpr const char* kPassword = "Passw0rd2025";

struct ApiSession {
  std::string cookie;
  std::string csrf;
};

struct ApiResult {
  int status = 0;
  nlohmann::json body;
  std::string raw;
};

class ApiFixture : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    for (const char* role : {"admin", "coordinator", "clerk", "leader", "reader"}) {
      auto u = create_user(*store_, UserContext::system_context(), role, std::string(role) + "用户", *parse_role(role),
                           "370102", kPassword);
      ASSERT_TRUE(u.has_value()) << u.error().full_message();
    }
    auto c = create_user(*store_, UserContext::system_context(), "cityclerk", "市局经办人", Role::kClerk, "370100.sfj",
                         kPassword);
    ASSERT_TRUE(c.has_value());
    sessions_ = std::make_unique<http::SessionStore>(*store_);
    records_ = std::make_unique<RecordJsonCache>(*service_);
    api_ = std::make_unique<http::ApiContext>(http::ApiContext{*store_, *service_, *sessions_, *records_});
    http::HttpServerOptions options;
    options.listen.port = 0;
    server_ = std::make_unique<http::HttpServer>(http::build_api_router(*api_), options);
    auto started = server_->start();
    ASSERT_TRUE(started.has_value()) << started.error().full_message();
  }
  void TearDown() override {
    if (server_) server_->stop();
  }

  ApiResult call(const std::string& method, const std::string& target, const ApiSession* s = nullptr,
                 const std::string& body = "", bool send_csrf = true,
                 const std::string& content_type = "application/json") {
    http::testing::TestConnection c("127.0.0.1", server_->port());
    std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", content_type}};
    if (s) {
      headers.emplace_back("Cookie", s->cookie);
      if (send_csrf) headers.emplace_back("X-CSRF-Token", s->csrf);
    }
    auto r = c.request(method, target, headers, body);
    ApiResult out;
    if (!r) return out;
    out.status = r->status;
    out.raw = r->body;
    out.body = nlohmann::json::parse(r->body, nullptr, false);
    return out;
  }

  ApiSession login(const std::string& login, const std::string& password = kPassword) {
    http::testing::TestConnection c("127.0.0.1", server_->port());
    auto r = c.request("POST", "/api/login", {{"Content-Type", "application/json"}},
                       nlohmann::json{{"login", login}, {"password", password}}.dump());
    ApiSession s;
    if (!r || r->status != 200) return s;
    std::string set = std::string(r->header("Set-Cookie"));
    s.cookie = set.substr(0, set.find(';'));
    s.csrf = nlohmann::json::parse(r->body)["csrf_token"];
    return s;
  }

  std::unique_ptr<http::SessionStore> sessions_;
  std::unique_ptr<RecordJsonCache> records_;
  std::unique_ptr<http::ApiContext> api_;
  std::unique_ptr<http::HttpServer> server_;
};

}  // namespace fazhi::testing
