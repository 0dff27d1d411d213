#include "http/server/router.h"

#include <algorithm>
#include <cassert>

#include <fmt/format.h>

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
  Route route{.method = std::move(method), .pattern = std::string(pattern), .segments = {},
              .handler = std::move(handler)};
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
  assert(std::none_of(routes_.begin(), routes_.end(), [&](const Route& r) {
    return r.method == route.method && r.pattern == route.pattern;
  }));
  routes_.push_back(std::move(route));
  return *this;
}

Router::Match Router::match(std::string_view method, std::string_view raw_path) const {
  std::vector<std::string_view> parts = split_path(raw_path);
  Match result;
  // Rank of the best route found so far: per segment 2 = literal, 1 = parameter, 0 = rest.
  std::vector<int> best_rank;
  const Route* best = nullptr;
  const Route* best_head_fallback = nullptr;
  std::vector<int> best_head_rank;

  for (const Route& route : routes_) {
    std::vector<int> rank;
    bool matched = true;
    std::size_t i = 0;
    for (; i < route.segments.size(); ++i) {
      const Segment& segment = route.segments[i];
      if (segment.kind == Segment::Kind::kRest) {
        rank.push_back(0);
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
        rank.push_back(2);
      } else {
        if (parts[i].empty()) {  // a parameter never matches an empty segment
          matched = false;
          break;
        }
        rank.push_back(1);
      }
    }
    if (!matched || i != parts.size()) continue;

    if (route.method != method) {
      if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), route.method) ==
          result.allowed_methods.end()) {
        result.allowed_methods.push_back(route.method);
      }
      if (method == "HEAD" && route.method == "GET" && (!best_head_fallback || rank > best_head_rank)) {
        best_head_fallback = &route;
        best_head_rank = rank;
      }
      continue;
    }
    if (!best || rank > best_rank) {
      best = &route;
      best_rank = std::move(rank);
    }
  }
  if (!best) best = best_head_fallback;
  if (!best) return result;

  result.handler = &best->handler;
  result.allowed_methods.clear();
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
