#include "http/server/http_response.h"

#include <fmt/format.h>

#include "core/json_text.h"

namespace fazhi::http {

std::string set_cookie_value(const Cookie& cookie) {
  std::string out = fmt::format("{}={}", cookie.name, cookie.value);
  if (!cookie.path.empty()) out += fmt::format("; Path={}", cookie.path);
  if (cookie.max_age_seconds) out += fmt::format("; Max-Age={}", *cookie.max_age_seconds);
  if (cookie.http_only) out += "; HttpOnly";
  if (cookie.secure) out += "; Secure";
  if (!cookie.same_site.empty()) out += fmt::format("; SameSite={}", cookie.same_site);
  return out;
}

std::string http_date(std::time_t time) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm tm{};
  gmtime_r(&time, &tm);
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} GMT", kDays[tm.tm_wday], tm.tm_mday, kMonths[tm.tm_mon],
                     tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string json_escape(std::string_view text) {
  return fazhi::json_escape(text);
}

HttpResponse HttpResponse::json(int status, std::string body) {
  HttpResponse response(status);
  response.set_json_content_type();
  response.body_ = std::move(body);
  return response;
}

HttpResponse HttpResponse::text(int status, std::string body) {
  HttpResponse response(status);
  response.set_header("Content-Type", "text/plain; charset=utf-8");
  response.body_ = std::move(body);
  return response;
}

HttpResponse HttpResponse::error(int status, std::string_view code, std::string_view message) {
  return json(status,
              fmt::format(R"({{"error":{{"code":"{}","message":"{}"}}}})", json_escape(code), json_escape(message)));
}

std::string_view HttpResponse::header(std::string_view name) const {
  auto it = headers_.find(name);
  return it == headers_.end() ? std::string_view() : std::string_view(it->second);
}

void HttpResponse::set_header(std::string_view name, std::string value) {
  remove_header(name);
  headers_.emplace(std::string(name), std::move(value));
}

void HttpResponse::add_header(std::string name, std::string value) {
  headers_.emplace(std::move(name), std::move(value));
}

void HttpResponse::remove_header(std::string_view name) {
  auto [begin, end] = headers_.equal_range(name);
  headers_.erase(begin, end);
}

void HttpResponse::set_json_content_type() {
  set_header("Content-Type", "application/json; charset=utf-8");
}

void HttpResponse::set_cookie(const Cookie& cookie) {
  add_header("Set-Cookie", set_cookie_value(cookie));
}

void HttpResponse::clear_cookie(std::string_view name, std::string_view path) {
  Cookie gone{.name = std::string(name), .value = "", .path = std::string(path), .max_age_seconds = 0};
  set_cookie(gone);
}

}  // namespace fazhi::http
