#include "http/server/router.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cstdint>

namespace fazhi::http {
namespace {

// Splits "/a/b/" into {"a","b",""}; the leading slash is dropped. "/" gives {""}.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    std::size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

}  // namespace

Router& Router::add(std::string method, std::string_view pattern, Handler handler) {
  Route route{
      .method = std::move(method), .pattern = std::string(pattern), .segments = {}, .handler = std::move(handler)};
  std::vector<std::string_view> parts = split_path(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    Segment segment;
    if (!part.empty() && part.front() == ':') {
      segment = {std::string(part.substr(1)), Segment::Kind::kParam};
    } else if (!part.empty() && part.front() == '*' && i + 1 == parts.size()) {
      segment = {std::string(part.substr(1)), Segment::Kind::kRest};
    } else {
      segment = {std::string(part), Segment::Kind::kLiteral};
    }
    route.segments.push_back(std::move(segment));
  }
  assert(std::none_of(routes_.begin(), routes_.end(),
                      [&](const Route& r) { return r.method == route.method && r.pattern == route.pattern; }));
  routes_.push_back(std::move(route));
  return *this;
}

Router::Match Router::match(std::string_view method, std::string_view raw_path) const {
  std::vector<std::string_view> parts = split_path(raw_path);
  // A route's rank packs 2 bits per segment, first segment highest: 2 = literal,
  // 1 = parameter, 0 = rest; so comparing ranks compares segment by segment. Paths are
  // far shorter than the 32 segments that fit.
  constexpr int kMaxRankedSegments = 32;
  const Route* best = nullptr;
  std::uint64_t best_rank = 0;
  const Route* head_fallback = nullptr;
  std::uint64_t head_fallback_rank = 0;
  std::vector<const std::string*> other_methods;

  for (const Route& route : routes_) {
    std::uint64_t rank = 0;
    bool matched = true;
    std::size_t i = 0;
    for (; i < route.segments.size(); ++i) {
      const Segment& segment = route.segments[i];
      int shift = 62 - 2 * static_cast<int>(std::min<std::size_t>(i, kMaxRankedSegments - 1));
      if (segment.kind == Segment::Kind::kRest) {
        i = parts.size();
        break;
      }
      if (i >= parts.size()) {
        matched = false;
        break;
      }
      if (segment.kind == Segment::Kind::kLiteral) {
        if (parts[i] != segment.text) {
          matched = false;
          break;
        }
        rank |= std::uint64_t{2} << shift;
      } else {
        if (parts[i].empty()) {  // a parameter never matches an empty segment
          matched = false;
          break;
        }
        rank |= std::uint64_t{1} << shift;
      }
    }
    if (!matched || i != parts.size()) continue;

    if (route.method != method) {
      other_methods.push_back(&route.method);
      if (method == "HEAD" && route.method == "GET" && (!head_fallback || rank > head_fallback_rank)) {
        head_fallback = &route;
        head_fallback_rank = rank;
      }
      continue;
    }
    if (!best || rank > best_rank) {
      best = &route;
      best_rank = rank;
    }
  }
  if (!best) best = head_fallback;

  Match result;
  if (!best) {
    for (const std::string* m : other_methods) {
      if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), *m) == result.allowed_methods.end()) {
        result.allowed_methods.push_back(*m);
      }
    }
    return result;
  }
  result.handler = &best->handler;
  for (std::size_t i = 0; i < best->segments.size(); ++i) {
    const Segment& segment = best->segments[i];
    if (segment.kind == Segment::Kind::kParam) {
      result.params.emplace(segment.text, percent_decode(parts[i]));
    } else if (segment.kind == Segment::Kind::kRest) {
      std::string rest;
      for (std::size_t j = i; j < parts.size(); ++j) {
        if (j > i) rest += '/';
        rest += parts[j];
      }
      result.params.emplace(segment.text, percent_decode(rest));
    }
  }
  return result;
}

std::optional<HttpResponse> Router::dispatch(HttpRequest& request) const {
  Match found = match(request.method(), request.raw_path());
  if (found.handler) {
    request.set_path_params(std::move(found.params));
    return (*found.handler)(request);
  }
  if (found.allowed_methods.empty()) return std::nullopt;
  std::vector<std::string> allowed = found.allowed_methods;
  if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end()) allowed.push_back("HEAD");
  HttpResponse response = HttpResponse::error(
      405, "method_not_allowed",
      fmt::format("{} 不支持 {} 请求，可用的方法：{}", request.path(), request.method(), fmt::join(allowed, ", ")));
  response.set_header("Allow", fmt::format("{}", fmt::join(allowed, ", ")));
  return response;
}

}  // namespace fazhi::http
