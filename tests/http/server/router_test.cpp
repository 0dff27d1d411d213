#include "http/server/router.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace fazhi::http {
namespace {

Handler named(std::string name) {
  return [name](const HttpRequest&) { return HttpResponse::text(200, name); };
}

Router test_router() {
  Router router;
  router.get("/api/health", named("health"))
      .get("/api/ledgers/:name/records/:id", named("record"))
      .put("/api/ledgers/:name/records/:id", named("record_put"))
      .get("/api/ledgers/:name", named("ledger"))
      .get("/api/ledgers/schema", named("schema"))  // registered after :name, still wins
      .get("/files/*rest", named("files"))
      .add("HEAD", "/api/probe", named("probe_head"));
  return router;
}

std::vector<std::string> split_words(const std::string& line) {
  std::istringstream in(line.substr(0, line.find('#')));
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

TEST(Router, MatchesCaseTable) {
  Router router = test_router();
  std::ifstream in(FAZHI_TEST_CASES_DIR "/routes.txt");
  ASSERT_TRUE(in) << "cases/routes.txt";
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> w = split_words(line);
    if (w.empty()) continue;
    ASSERT_GE(w.size(), 4u) << line;
    ++cases;
    const std::string& id = w[0];
    HttpRequest request(w[1], w[2]);
    std::optional<HttpResponse> response = router.dispatch(request);
    const std::string& expect = w[3];
    if (expect == "none") {
      EXPECT_FALSE(response.has_value()) << id;
      continue;
    }
    ASSERT_TRUE(response.has_value()) << id;
    if (expect == "405") {
      EXPECT_EQ(response->status(), 405) << id;
      EXPECT_THAT(response->body(), ::testing::HasSubstr(R"("code":"method_not_allowed")")) << id;
      std::string allow = w.at(4).substr(std::string("allow=").size());
      std::vector<std::string> methods;
      std::istringstream list(allow);
      for (std::string m; std::getline(list, m, ',');) methods.push_back(m);
      for (const std::string& m : methods)
        EXPECT_THAT(std::string(response->header("Allow")), ::testing::HasSubstr(m)) << id;
      continue;
    }
    ASSERT_EQ(expect.rfind("route=", 0), 0u) << id;
    EXPECT_EQ(response->status(), 200) << id;
    EXPECT_EQ(response->body(), expect.substr(6)) << id;
    for (std::size_t i = 4; i < w.size(); ++i) {
      std::size_t eq = w[i].find('=');
      EXPECT_EQ(request.path_param(w[i].substr(0, eq)), w[i].substr(eq + 1)) << id << " " << w[i];
    }
  }
  EXPECT_EQ(cases, 18);
}

TEST(Router, MethodNotAllowedNamesTheMethods) {
  Router router = test_router();
  HttpRequest request("DELETE", "/api/health");
  std::optional<HttpResponse> response = router.dispatch(request);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->header("Allow"), "GET, HEAD");
  EXPECT_EQ(response->header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(
      response->body(),
      R"({"error":{"code":"method_not_allowed","message":"/api/health 不支持 DELETE 请求，可用的方法：GET, HEAD"}})");
}

}  // namespace
}  // namespace fazhi::http
