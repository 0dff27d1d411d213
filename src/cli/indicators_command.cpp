// fazhi indicators --db DB [--org CODE] --year YYYY [--json] [--records ID]
// Prints the year's figures for an organisation (default the root: the whole region) beside
// the year before; or, with --records, the records behind one figure, one per line.
#include <fmt/format.h>

#include <cmath>
#include <iostream>

#include "cli/command_registry.h"
#include "cli/open_database.h"
#include "indicator/indicator_engine.h"
#include "ledger/ledger_rules.h"

namespace fazhi::cli {
namespace {

struct IndicatorsOptions {
  std::string db;
  std::string org;
  int year = 0;
  bool json = false;
  std::string records;
};

int print_records(LedgerService& service, const IndicatorsOptions& o) {
  IndicatorEngine engine(service);
  auto r = engine.records(UserContext::system_context(), {.org = o.org, .period = Period::year(o.year), .ids = {}},
                          o.records);
  if (!r) return report_error(r.error());
  const LedgerDeclaration& ledger = *r->ledger;
  if (o.json) {
    auto orgs = service.orgs();
    if (!orgs) return report_error(orgs.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& record : r->records)
      out.push_back(service.to_json(UserContext::system_context(), ledger, record, **orgs));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const auto& record : r->records) {
    std::string title = ledger.title_field.empty() ? "" : sql_text(field_of(ledger, record, ledger.title_field));
    std::cout << fmt::format("{}\t{}\t{}\t{}\n", record.id, title, record.org_code, record.state);
  }
  return 0;
}

int run(const IndicatorsOptions& o) {
  auto store = open_database(o.db);
  if (!store) return report_error(store.error());
  LedgerService service(**store);
  if (!o.records.empty()) return print_records(service, o);
  IndicatorEngine engine(service);
  auto values =
      engine.compute(UserContext::system_context(), {.org = o.org, .period = Period::year(o.year), .ids = {}});
  if (!values) return report_error(values.error());
  std::string org = o.org;
  if (org.empty()) {
    auto orgs = service.orgs();
    if (orgs && !(*orgs)->roots().empty()) org = (*orgs)->roots().front()->code;
  }
  if (o.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : *values)
      list.push_back({{"id", v.indicator->id},
                      {"label", v.indicator->label},
                      {"value", figure_json(v.current.value)},
                      {"unit", v.indicator->unit},
                      {"previous", figure_json(v.previous.value)},
                      {"change", figure_json(v.change())}});
    std::cout << nlohmann::json{{"org", org}, {"year", o.year}, {"indicators", std::move(list)}}.dump(2) << "\n";
    return 0;
  }
  std::cout << fmt::format("{} 年度指标（单位 {}，与 {} 年比较）\n", o.year, org, o.year - 1);
  for (const auto& v : *values) {
    const IndicatorDeclaration& d = *v.indicator;
    auto shown = [&](const std::optional<double>& x) { return x ? format_figure(d, *x) : std::string("—"); };
    std::string change = "—";
    if (auto c = v.change()) change = (*c > 0 ? "+" : "") + format_figure(d, *c);
    std::cout << fmt::format("{}\t{}\t{}{}\t上年 {}\t变化 {}\n", d.id, d.label, shown(v.current.value),
                             d.unit == "%" ? "%" : d.unit, shown(v.previous.value), change);
  }
  return 0;
}

const CommandRegistration kIndicators("indicators", [](CLI::App& app, CommandStatus& status) {
  auto o = std::make_shared<IndicatorsOptions>();
  auto* cmd =
      app.add_subcommand("indicators", "计算年度指标及其明细 / compute a year's indicators and list their records");
  cmd->add_option("--db", o->db, "数据库")->required();
  cmd->add_option("--org", o->org, "单位代码（默认：本级政府，即整个行政区域）");
  cmd->add_option("--year", o->year, "年度")->required()->check(CLI::Range(2000, 2100));
  cmd->add_flag("--json", o->json, "以 JSON 输出");
  cmd->add_option("--records", o->records, "列出该指标背后的记录（指标编号）");
  cmd->callback([o, &status] { status.exit_code = run(*o); });
});

}  // namespace
}  // namespace fazhi::cli
