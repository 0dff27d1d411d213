// The whole-city annual report against the indicators alone, on one database (bench/report/run.sh
// builds the demo city and calls this once per measurement, so each gets its own peak memory):
//   fazhi_report_bench DB YEAR indicators   compute every indicator the report holds (the reference)
//   fazhi_report_bench DB YEAR md|html|docx|pdf|json
//                                           compose the report (with what the format needs) and render it
// Prints one line: what, wall seconds, bytes written (0 for the indicators).
#include <chrono>
#include <cstdio>
#include <string>

#include "indicator/indicator_engine.h"
#include "report/report_composer.h"
#include "report/report_format.h"
#include "report/report_template.h"

using namespace fazhi;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: fazhi_report_bench DB YEAR indicators|md|html|docx|pdf|json\n");
    return 2;
  }
  std::string what = argv[3];
  int year = std::atoi(argv[2]);
  auto store = Store::open(argv[1], {});
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().full_message().c_str());
    return 1;
  }
  LedgerService ledgers(**store);
  IndicatorEngine engine(ledgers);
  UserContext system = UserContext::system_context();
  auto start = std::chrono::steady_clock::now();
  size_t bytes = 0;
  if (what == "indicators") {
    // The same slots the report fills: every indicator of the outline's areas.
    IndicatorQuery query{"", Period::year(year), {}};
    auto orgs = ledgers.orgs();
    if (orgs && !(*orgs)->roots().empty()) query.org = (*orgs)->roots().front()->code;
    for (const auto& d : indicator_catalogue())
      for (const auto& c : report_outline().chapters)
        for (const auto& area : c.areas)
          if (area == d.area) query.ids.push_back(d.id);
    auto values = engine.compute(system, query);
    if (!values) {
      std::fprintf(stderr, "%s\n", values.error().full_message().c_str());
      return 1;
    }
  } else {
    auto format = parse_report_format(what);
    if (!format) return 2;
    ReportComposer composer(ledgers, engine);
    auto doc = composer.compose(
        system,
        {.year = year, .trace = report_format_needs_trace(*format), .trends = report_format_needs_trends(*format)});
    if (!doc) {
      std::fprintf(stderr, "%s\n", doc.error().full_message().c_str());
      return 1;
    }
    auto out = render_report(*doc, *format);
    if (!out) {
      std::fprintf(stderr, "%s\n", out.error().full_message().c_str());
      return 1;
    }
    bytes = out->size();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s %.3f %zu\n", what.c_str(), seconds, bytes);
  return 0;
}
