// A stand-in for `fazhi serve` until the API exists: the HTTP transport with a Router
// answering GET of one ledger record (/api/ledgers/NAME/ID) and of a 50-row list page
// (/api/ledgers/NAME?page_size=50) — the API's paths — with fixed JSON, so
// bench/api/run.sh can measure the server itself beside nginx.
//   fazhi_api_hello_server [--listen 127.0.0.1:8080] [--io-threads 2] [--handler-threads 2]
// Prints "listening on HOST:PORT" once it accepts; stops on SIGINT/SIGTERM.
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/server/http_server.h"

namespace {

using fazhi::http::HttpRequest;
using fazhi::http::HttpResponse;

// A record shaped like a reconsideration case (made-up content).
std::string record_json(std::string_view ledger, int id) {
  return fmt::format(
      R"({{"ledger":"{}","id":{},"version":3,"state":"accepted","fields":{{"case_no":"示复〔2024〕{}号",)"
      R"("applicant":"申请人{}","respondent":"示例市市场监督管理局","received_on":"2024-03-{:02}",)"
      R"("accepted_on":"2024-03-{:02}","category":"行政处罚","amount":"5000.00","organisation":"110101",)"
      R"("handler":"复议工作人员{}","decision_due":"2024-05-{:02}","closed":false}},)"
      R"("created_at":"2024-03-01T09:30:00+08:00","updated_at":"2024-03-05T16:12:41+08:00"}})",
      ledger, id, id, id % 100, id % 28 + 1, id % 28 + 1, id % 7, id % 28 + 1);
}

std::string list_json(std::string_view ledger, int rows) {
  std::string out = fmt::format(R"({{"total":1234,"page":1,"page_size":{},"rows":[)", rows);
  for (int i = 1; i <= rows; ++i) {
    if (i > 1) out += ',';
    out += record_json(ledger, i);
  }
  return out + "]}";
}

}  // namespace

int main(int argc, char** argv) {
  fazhi::http::HttpServerOptions options;
  options.listen = {"127.0.0.1", 8080};
  options.io_threads = 2;
  options.handler_threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    std::string value = argv[i + 1];
    if (flag == "--listen") {
      auto listen = fazhi::http::parse_listen_address(value);
      if (!listen) {
        std::fprintf(stderr, "%s\n", listen.error().message().c_str());
        return 2;
      }
      options.listen = *listen;
    } else if (flag == "--io-threads") {
      options.io_threads = std::atoi(value.c_str());
    } else if (flag == "--handler-threads") {
      options.handler_threads = std::atoi(value.c_str());
    } else {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
  }

  fazhi::http::Router router;
  router.get("/api/ledgers/:name/:id", [](const HttpRequest& request) {
    return HttpResponse::json(200, record_json(request.path_param("name"), std::atoi(request.path_param("id").data())));
  });
  // The list page is built once: this program measures the transport, and a 23 KB body
  // formatted per request would mostly measure fmt. The record is formatted per request.
  router.get("/api/ledgers/:name",
             [page = list_json("reconsideration", 50)](const HttpRequest&) { return HttpResponse::json(200, page); });

  fazhi::http::HttpServer server(std::move(router), options);
  if (auto started = server.start(); !started) {
    std::fprintf(stderr, "%s\n", started.error().message().c_str());
    return 1;
  }
  std::printf("listening on %s:%u\n", options.listen.host.c_str(), static_cast<unsigned>(server.port()));
  std::fflush(stdout);
  server.wait_for_signal();
  return 0;
}
