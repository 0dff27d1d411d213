#include "http/server/static_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "web_root.h"

namespace fazhi::http {
namespace {

using ::testing::HasSubstr;
using testing::WebRoot;

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

TEST(AcceptsEncoding, MatchesCaseTable) {
  std::ifstream in(FAZHI_TEST_CASES_DIR "/accept_encoding.txt");
  ASSERT_TRUE(in);
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols;
    std::string_view rest = line;
    for (std::size_t bar; (bar = rest.find('|')) != std::string_view::npos; rest.remove_prefix(bar + 1)) {
      cols.push_back(trim(rest.substr(0, bar)));
    }
    cols.push_back(trim(rest));
    ASSERT_EQ(cols.size(), 4u) << line;
    ++cases;
    EXPECT_EQ(accepts_encoding(cols[1], cols[2]), cols[3] == "yes") << cols[0];
  }
  EXPECT_EQ(cases, 12);
}

TEST(ContentType, ByExtension) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/app.JS"), "application/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("a/font.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("logo.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("v1.2/README"), "application/octet-stream");
}

class StaticFilesTest : public ::testing::Test {
 protected:
  std::optional<HttpResponse> get(std::string target, std::string accept_encoding = "",
                                  std::string if_none_match = "") {
    HttpRequest request("GET", std::move(target));
    if (!accept_encoding.empty()) request.add_header("Accept-Encoding", accept_encoding);
    if (!if_none_match.empty()) request.add_header("If-None-Match", if_none_match);
    return files_.serve(request);
  }
  WebRoot web_;
  StaticFiles files_{web_.root()};
};

TEST_F(StaticFilesTest, ServesIndexWithNoCache) {
  auto response = get("/");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status(), 200);
  EXPECT_EQ(response->body(), testing::kIndexHtml);
  EXPECT_EQ(response->header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(response->header("Cache-Control"), "no-cache");
  EXPECT_FALSE(response->header("ETag").empty());
}

TEST_F(StaticFilesTest, PicksPrecompressedSiblingByAcceptEncoding) {
  auto br = get("/assets/app-1a2b3c.js", "gzip, deflate, br");
  ASSERT_TRUE(br);
  EXPECT_EQ(br->body(), testing::kAppJsBr);
  EXPECT_EQ(br->header("Content-Encoding"), "br");
  EXPECT_EQ(br->header("Content-Type"), "application/javascript; charset=utf-8");
  EXPECT_EQ(br->header("Vary"), "Accept-Encoding");
  EXPECT_EQ(br->header("Cache-Control"), "public, max-age=31536000, immutable");

  auto gz = get("/assets/app-1a2b3c.js", "gzip");
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->body(), testing::kAppJsGz);
  EXPECT_EQ(gz->header("Content-Encoding"), "gzip");

  auto plain = get("/assets/app-1a2b3c.js", "identity");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->body(), testing::kAppJs);
  EXPECT_EQ(plain->header("Content-Encoding"), "");
  EXPECT_EQ(plain->header("Vary"), "Accept-Encoding");

  // Each variant has its own ETag.
  EXPECT_NE(br->header("ETag"), gz->header("ETag"));
  EXPECT_NE(gz->header("ETag"), plain->header("ETag"));
}

TEST_F(StaticFilesTest, MatchingETagAnswers304) {
  auto first = get("/assets/app-1a2b3c.js", "br");
  ASSERT_TRUE(first);
  std::string etag(first->header("ETag"));
  auto again = get("/assets/app-1a2b3c.js", "br", etag);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status(), 304);
  EXPECT_EQ(again->body(), "");
  EXPECT_EQ(again->header("ETag"), etag);
  auto weak_in_list = get("/assets/app-1a2b3c.js", "br", "\"other\", W/" + etag);
  EXPECT_EQ(weak_in_list->status(), 304);
  // The br ETag does not validate the gzip variant.
  auto other_variant = get("/assets/app-1a2b3c.js", "gzip", etag);
  EXPECT_EQ(other_variant->status(), 200);
}

TEST_F(StaticFilesTest, UnknownPathsFallBackToIndexExceptApiAndAssets) {
  auto spa = get("/ledgers/petition/records/7?tab=history");
  ASSERT_TRUE(spa);
  EXPECT_EQ(spa->status(), 200);
  EXPECT_EQ(spa->body(), testing::kIndexHtml);
  EXPECT_EQ(spa->header("Cache-Control"), "no-cache");
  EXPECT_FALSE(get("/api/unknown"));
  EXPECT_FALSE(get("/api"));
  EXPECT_FALSE(get("/assets/missing-123.js"));
  EXPECT_EQ(get("/docs/guide.txt")->body(), "guide");
  EXPECT_EQ(get("/logo.svg")->header("Content-Type"), "image/svg+xml");
}

TEST_F(StaticFilesTest, RefusesTraversal) {
  for (std::string target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2F..%2Fsecret.txt", "/assets/%2E%2E/%2e%2e/secret.txt",
        "/./index.html", "/..%5csecret.txt", "/index.html%00.js"}) {
    auto response = get(target);
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->status(), 400) << target;
    EXPECT_THAT(response->body(), HasSubstr(R"("code":"invalid_path")")) << target;
    EXPECT_THAT(response->body(), ::testing::Not(HasSubstr(testing::kSecret))) << target;
  }
  // A symlink pointing out of the root is not followed: the SPA fallback answers instead.
  auto link = get("/escape.txt");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->body(), testing::kIndexHtml);
}

}  // namespace
}  // namespace fazhi::http
