// Maps a method and a path to a handler. Patterns are paths whose segments are literals
// or parameters: "/api/ledgers/:name/records/:id" matches "/api/ledgers/petition/records/7"
// with name=petition, id=7; a last segment "*rest" takes the remainder of the path
// (possibly empty, slashes included). Segments are matched before percent-decoding, so
// "%2F" inside a parameter stays in that parameter; parameter values are then decoded.
// When several patterns match, the one with a literal at the first differing segment wins
// ("/api/ledgers/schema" before "/api/ledgers/:name"); at equal rank, the earlier one.
// A path matched by some pattern but not for this method answers 405 with Allow; HEAD is
// served by a GET route when no HEAD route exists.
// Build it before HttpServer starts; afterwards it is only read, so it is safe to share.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/server/http_request.h"
#include "http/server/http_response.h"

namespace fazhi::http {

// A route handler runs on the server's handler thread pool, never on an io thread, so it
// may block on the database. An exception escaping it becomes a 500 JSON error.
using Handler = std::function<HttpResponse(const HttpRequest&)>;

class Router {
 public:
  // Registers `handler` for `method` ("GET", …) and `pattern` (see above). Registering the
  // same method and pattern twice is a programmer error (asserted); the first one wins.
  Router& add(std::string method, std::string_view pattern, Handler handler);
  Router& get(std::string_view pattern, Handler handler) { return add("GET", pattern, std::move(handler)); }
  Router& post(std::string_view pattern, Handler handler) { return add("POST", pattern, std::move(handler)); }
  Router& put(std::string_view pattern, Handler handler) { return add("PUT", pattern, std::move(handler)); }
  Router& patch(std::string_view pattern, Handler handler) { return add("PATCH", pattern, std::move(handler)); }
  Router& del(std::string_view pattern, Handler handler) { return add("DELETE", pattern, std::move(handler)); }

  // What `route` found for a request.
  struct Match {
    const Handler* handler = nullptr;                        // set when a route matched path and method
    std::map<std::string, std::string, std::less<>> params;  // decoded path parameters
    std::vector<std::string> allowed_methods;                // when only the path matched: for Allow
  };
  // Matches `method` and `raw_path` (not yet percent-decoded). No handler and no allowed
  // methods means no pattern matched the path.
  Match match(std::string_view method, std::string_view raw_path) const;

  // Runs the matching handler with the path parameters set on `request`. Answers 405 JSON
  // (code "method_not_allowed") when only the path matched; nullopt when nothing matched,
  // so the caller may serve a static file or a 404.
  std::optional<HttpResponse> dispatch(HttpRequest& request) const;

  std::size_t size() const { return routes_.size(); }

 private:
  struct Segment {
    std::string text;  // literal text, or the parameter's name
    enum class Kind { kLiteral, kParam, kRest } kind = Kind::kLiteral;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace fazhi::http
