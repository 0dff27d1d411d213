// /api/indicators (figures for an organisation and a period, with the year before) and
// /api/indicators/:id/records (the records behind one figure). docs/api.md, "Indicators".
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/clock.h"
#include "http/api_context.h"
#include "indicator/indicator_engine.h"

namespace fazhi::http {
namespace {

// The organisation and period asked for: `org` (default the user's own), `from` and `to`
// (default the current year), or `year`.
Result<IndicatorQuery> indicator_query(const HttpRequest& request) {
  IndicatorQuery q;
  q.org = std::string(request.query("org").value_or(""));
  auto year = request.query("year");
  if (year && !year->empty()) {
    int y = std::atoi(std::string(*year).c_str());
    if (y < 2000 || y > 2100) return invalid_input("查询参数 year", "", "年度「" + std::string(*year) + "」无效");
    q.period = Period::year(y);
  } else {
    q.period = Period::year(std::atoi(china_today().substr(0, 4).c_str()));
  }
  for (const char* key : {"from", "to"}) {
    auto v = request.query(key);
    if (!v || v->empty()) continue;
    auto d = parse_date(*v);
    if (!d)
      return invalid_input(std::string("查询参数 ") + key, "", "日期「" + std::string(*v) + "」无效，应为 YYYY-MM-DD");
    (std::string_view(key) == "from" ? q.period.from : q.period.to) = *d;
  }
  if (q.period.to < q.period.from) return invalid_input("查询参数 from/to", "", "开始日期晚于结束日期");
  auto ids = request.query("ids");
  if (ids && !ids->empty()) {
    std::string list(*ids);
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      std::string id = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!id.empty()) q.ids.push_back(id);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return q;
}

}  // namespace

void add_indicator_routes(Router& router, ApiContext& api) {
  router.get(
      "/api/indicators", with_session(api, [&api](const HttpRequest& request, const Session& s) {
        auto q = indicator_query(request);
        if (!q) return error_response(q.error());
        UserContext user = s.user.context();
        IndicatorEngine engine(api.ledgers);
        auto values = engine.compute(user, *q);
        if (!values) return error_response(values.error());
        auto orgs = api.ledgers.orgs();
        if (!orgs) return error_response(orgs.error());
        std::string org = q->org.empty() ? user.org_code : q->org;
        if (org.empty() && !(*orgs)->roots().empty()) org = (*orgs)->roots().front()->code;
        const OrgNode* node = (*orgs)->find(org);
        Period previous = q->period.year_before();
        nlohmann::json list = nlohmann::json::array();
        for (const auto& v : *values) {
          const IndicatorDeclaration& d = *v.indicator;
          nlohmann::json item = {
              {"id", d.id},
              {"label", d.label},
              {"unit", d.unit},
              {"area", d.area},
              {"ledger", d.ledger},
              {"definition", d.definition},
              {"value", figure_json(v.current.value)},
              {"previous", figure_json(v.previous.value)},
              {"change", figure_json(v.change())},
              {"numerator", figure_json(v.current.numerator)},
              {"denominator", d.aggregate == IndicatorAggregate::kRatio ? figure_json(v.current.denominator)
                                                                        : nlohmann::json(nullptr)},
              {"text", v.current.value ? format_figure(d, *v.current.value) : ""}};
          if (!v.current.breakdown.empty()) {
            nlohmann::json slices = nlohmann::json::array();
            for (const auto& slice : v.current.breakdown)
              slices.push_back({{"key", slice.key}, {"label", slice.label}, {"value", figure_json(slice.value)}});
            item["breakdown"] = std::move(slices);
          }
          list.push_back(std::move(item));
        }
        return json_response(200, {{"org", org},
                                   {"org_name", node ? node->name : ""},
                                   {"from", q->period.from.iso()},
                                   {"to", q->period.to.iso()},
                                   {"previous_from", previous.from.iso()},
                                   {"previous_to", previous.to.iso()},
                                   {"indicators", std::move(list)}});
      }));

  router.get("/api/indicators/:id/records", with_session(api, [&api](const HttpRequest& request, const Session& s) {
               auto q = indicator_query(request);
               if (!q) return error_response(q.error());
               int page = std::max(1, std::atoi(std::string(request.query("page").value_or("1")).c_str()));
               int size = std::clamp(std::atoi(std::string(request.query("page_size").value_or("50")).c_str()), 1, 500);
               UserContext user = s.user.context();
               IndicatorEngine engine(api.ledgers);
               std::string id(request.path_param("id"));
               auto r = engine.records(user, *q, id, page, size);
               if (!r) return error_response(r.error());
               auto orgs = api.ledgers.orgs();
               if (!orgs) return error_response(orgs.error());
               nlohmann::json records = nlohmann::json::array();
               for (const auto& record : r->records)
                 records.push_back(api.ledgers.to_json(user, *r->ledger, record, **orgs));
               return json_response(200, {{"indicator", id},
                                          {"counted_indicator", r->indicator->id},
                                          {"ledger", r->ledger->name},
                                          {"ledger_label", r->ledger->label},
                                          {"from", q->period.from.iso()},
                                          {"to", q->period.to.iso()},
                                          {"total", r->total},
                                          {"page", page},
                                          {"page_size", size},
                                          {"records", std::move(records)}});
             }));
}

}  // namespace fazhi::http
