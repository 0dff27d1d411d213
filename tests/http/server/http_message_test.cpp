#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/server/gzip.h"
#include "http/server/http_request.h"
#include "http/server/http_response.h"

namespace fazhi::http {
namespace {

using ::testing::ElementsAre;

TEST(PercentDecode, DecodesEscapesAndKeepsMalformedOnes) {
  EXPECT_EQ(percent_decode("/a%20b/%E5%A4%8D%E8%AE%AE"), "/a b/复议");
  EXPECT_EQ(percent_decode("a+b"), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("%2e%2E"), "..");
  EXPECT_EQ(percent_decode("100%"), "100%");
  EXPECT_EQ(percent_decode("%zz%4"), "%zz%4");
  EXPECT_EQ(percent_encode("复 a/b"), "%E5%A4%8D%20a%2Fb");
}

TEST(HttpRequest, SplitsTargetIntoPathAndQuery) {
  HttpRequest request("GET", "/api/ledgers/%E4%BF%A1%E8%AE%BF?q=%E5%A4%8D+%E8%AE%AE&tag=b&tag=a&empty&=x");
  EXPECT_EQ(request.path(), "/api/ledgers/信访");
  EXPECT_EQ(request.raw_path(), "/api/ledgers/%E4%BF%A1%E8%AE%BF");
  EXPECT_EQ(request.query("q"), "复 议");
  EXPECT_THAT(request.query_all("tag"), ElementsAre("b", "a"));
  EXPECT_EQ(request.query("empty"), "");
  EXPECT_EQ(request.query("missing"), std::nullopt);
  EXPECT_EQ(request.query(""), "x");
}

TEST(HttpRequest, HeadersIgnoreCaseAndCookiesParse) {
  HttpRequest request("GET", "/");
  request.add_header("Content-Type", "application/json");
  request.add_header("Cookie", "theme=dark; fazhi_session=\"abc123\" ; x=1");
  request.add_header("cookie", "late=2");
  EXPECT_EQ(request.header("content-type"), "application/json");
  EXPECT_EQ(request.header("CONTENT-TYPE"), "application/json");
  EXPECT_TRUE(request.has_header("COOKIE"));
  EXPECT_EQ(request.header("Accept"), "");
  EXPECT_EQ(request.cookie("fazhi_session"), "abc123");
  EXPECT_EQ(request.cookie("theme"), "dark");
  EXPECT_EQ(request.cookie("late"), "2");
  EXPECT_EQ(request.cookie("fazhi"), std::nullopt);
}

TEST(HttpResponse, ErrorIsJsonWithEscapedMessage) {
  HttpResponse response = HttpResponse::error(404, "not_found", "找不到 \"a\\b\"\n");
  EXPECT_EQ(response.status(), 404);
  EXPECT_EQ(response.header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(response.body(), R"({"error":{"code":"not_found","message":"找不到 \"a\\b\"\n"}})");
}

TEST(HttpResponse, SetCookieCarriesTheFlags) {
  HttpResponse response;
  response.set_cookie({.name = "sid", .value = "abc", .max_age_seconds = 3600, .secure = true});
  response.clear_cookie("old");
  auto [begin, end] = response.headers().equal_range("set-cookie");
  std::vector<std::string> values;
  for (auto it = begin; it != end; ++it) values.push_back(it->second);
  EXPECT_THAT(values, ElementsAre("sid=abc; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax",
                                  "old=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"));
  response.set_header("X-A", "1");
  response.set_header("x-a", "2");
  EXPECT_EQ(response.headers().count("X-A"), 1u);
  EXPECT_EQ(response.header("X-A"), "2");
}

TEST(HttpDate, FormatsRfc9110) {
  EXPECT_EQ(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(http_date(1732521600), "Mon, 25 Nov 2024 08:00:00 GMT");
}

TEST(Gzip, RoundTrips) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += R"({"id":1,"name":"行政复议"})";
  std::optional<std::string> packed = gzip_compress(text);
  ASSERT_TRUE(packed);
  EXPECT_LT(packed->size(), text.size() / 10);
  EXPECT_EQ(gzip_decompress(*packed), text);
  EXPECT_EQ(gzip_decompress("not gzip"), std::nullopt);
  EXPECT_EQ(gzip_decompress(packed->substr(0, packed->size() / 2)), std::nullopt);
}

}  // namespace
}  // namespace fazhi::http
