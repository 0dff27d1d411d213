// The reconsideration and litigation indicators (issue "Reconsideration and litigation end to
// end …") for the whole demo city and for each county, computed by the indicator engine, beside
// the same figures written by hand as one SQL query per figure and period, run in the same
// database in the same process. Prints one line per scope and the total ratio.
//
// Usage: fazhi_indicator_bench DB [YEAR] [REPEATS]
// The hand-written queries compute the same figures for the year and the year before (as the
// engine does). The overdue figure's hand-written query compares day counts in SQL (60 days,
// or 30 simplified, plus the days added), without moving a last day off a rest day: it costs
// the same scan as the exact figure, which needs the working-day calendar.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "indicator/indicator_engine.h"
#include "ledger/ledger_table.h"
#include "store/store.h"

namespace fazhi {
namespace {

using Clock = std::chrono::steady_clock;

struct HandQuery {
  const char* id;
  const char* sql;  // ?1 ?2: scope path range; ?3 ?4: period from, to (ISO); see bind()
};

// Each figure as a hand-written query over one period. Parameters in order: path from, path
// to, then the period's dates as the query uses them.
std::vector<std::pair<std::string, int>> hand_queries(SqlDialect dialect, std::vector<std::string>& sqls) {
  const std::string scope = "org_path >= ? AND org_path < ?";
  const std::string days = dialect == SqlDialect::kPostgres
                               ? "(CAST(COALESCE(concluded_on, ?) AS date) - CAST(accepted_on AS date))"
                               : "(julianday(COALESCE(concluded_on, ?)) - julianday(accepted_on))";
  std::vector<std::pair<std::string, int>> ids;  // id, number of period parameters
  auto add = [&](const char* id, std::string sql, int period_params) {
    ids.emplace_back(id, period_params);
    sqls.push_back(std::move(sql));
  };
  auto event = [&](const char* id, const char* date, const std::string& cond) {
    add(id,
        fmt::format("SELECT COUNT(*) FROM reconsideration WHERE {} AND {} >= ? AND {} <= ?{}", scope, date, date,
                    cond.empty() ? "" : " AND " + cond),
        2);
  };
  event("reconsideration.received", "received_on", "");
  event("reconsideration.accepted", "accepted_on", "accepted_on IS NOT NULL");
  event("reconsideration.not_accepted", "examined_on", "examination_outcome IN ('not_accepted', 'redirected')");
  event("reconsideration.concluded", "concluded_on", "state = 'concluded'");
  event("reconsideration.maintained", "concluded_on", "state = 'concluded' AND decision_kind = 'maintained'");
  event("reconsideration.rejected", "concluded_on", "state = 'concluded' AND decision_kind = 'claim_rejected'");
  event("reconsideration.corrected", "concluded_on",
        "state = 'concluded' AND decision_kind IN ('revoked', 'changed', 'confirmed_unlawful', 'ordered_to_perform', "
        "'confirmed_invalid')");
  event("reconsideration.mediated", "concluded_on",
        "state = 'concluded' AND decision_kind IN ('mediated', 'settled_withdrawn')");
  event("reconsideration.withdrawn", "concluded_on",
        "state = 'concluded' AND (decision_kind = 'settled_withdrawn' OR termination_reason = 'withdrawn')");
  event("reconsideration.terminated", "concluded_on", "state = 'concluded' AND decision_kind = 'terminated'");
  event("reconsideration.resolved_without_suit", "concluded_on",
        "state = 'concluded' AND (sued_after IS NULL OR sued_after <> 1)");
  add("reconsideration.on_hand",
      fmt::format("SELECT COUNT(*) FROM reconsideration WHERE {} AND accepted_on IS NOT NULL AND accepted_on <= ? AND "
                  "(concluded_on IS NULL OR concluded_on >= ?)",
                  scope),
      2);
  auto rate = [&](const char* id, const char* date, const std::string& num, const std::string& den) {
    add(id,
        fmt::format("SELECT 100.0 * SUM(CASE WHEN {} THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0) FROM reconsideration "
                    "WHERE {} AND {} >= ? AND {} <= ? AND {}",
                    num, scope, date, date, den),
        2);
  };
  rate("reconsideration.correction_rate", "concluded_on",
       "decision_kind IN ('revoked', 'changed', 'confirmed_unlawful', 'ordered_to_perform', 'confirmed_invalid')",
       "state = 'concluded'");
  rate("reconsideration.mediation_rate", "concluded_on", "decision_kind IN ('mediated', 'settled_withdrawn')",
       "state = 'concluded'");
  rate("reconsideration.substantive_resolution_rate", "concluded_on", "(sued_after IS NULL OR sued_after <> 1)",
       "state = 'concluded'");
  add("reconsideration.conclusion_rate",
      fmt::format("SELECT 100.0 * SUM(CASE WHEN concluded_on >= ? AND concluded_on <= ? AND state = 'concluded' THEN 1 "
                  "ELSE 0 END) / NULLIF(COUNT(*), 0) FROM reconsideration WHERE {} AND accepted_on IS NOT NULL AND "
                  "accepted_on <= ? AND (concluded_on IS NULL OR concluded_on >= ?)",
                  scope),
      4);
  add("reconsideration.overdue",
      fmt::format(
          "SELECT COUNT(*) FROM reconsideration WHERE {} AND received_on <= ? AND (concluded_on IS NULL OR "
          "concluded_on >= ?) AND accepted_on IS NOT NULL AND {} > CASE WHEN simplified = 1 THEN 30 ELSE 60 END "
          "+ COALESCE(added_days, 0)",
          scope, days),
      3);
  auto lit = [&](const char* id, const std::string& cond) {
    add(id,
        fmt::format("SELECT COUNT(*) FROM litigation WHERE {} AND filed_on <= ? AND (concluded_on IS NULL OR "
                    "concluded_on >= ?){}",
                    scope, cond.empty() ? "" : " AND " + cond),
        2);
  };
  lit("litigation.cases", "");
  lit("litigation.first_instance", "instance = 'first'");
  lit("litigation.second_instance", "instance = 'second'");
  lit("litigation.retrial", "instance = 'retrial'");
  auto concluded = [&](const char* id, const std::string& cond) {
    add(id,
        fmt::format("SELECT COUNT(*) FROM litigation WHERE {} AND concluded_on >= ? AND concluded_on <= ?{}", scope,
                    cond.empty() ? "" : " AND " + cond),
        2);
  };
  concluded("litigation.concluded", "");
  concluded("litigation.won", "outcome = 'won'");
  concluded("litigation.lost", "outcome = 'lost'");
  concluded("litigation.unperformed", "outcome = 'lost' AND (performed IS NULL OR performed <> 1)");
  auto lrate = [&](const char* id, const char* outcome) {
    add(id,
        fmt::format("SELECT 100.0 * SUM(CASE WHEN outcome = '{}' THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0) FROM "
                    "litigation WHERE {} AND concluded_on >= ? AND concluded_on <= ?",
                    outcome, scope),
        2);
  };
  lrate("litigation.win_rate", "won");
  lrate("litigation.loss_rate", "lost");
  auto head = [&](const char* id, const std::string& cond) {
    add(id,
        fmt::format("SELECT COUNT(*) FROM litigation WHERE {} AND hearing_on >= ? AND hearing_on <= ? AND "
                    "head_notified = 1{}",
                    scope, cond),
        2);
  };
  head("litigation.head_notified", "");
  head("litigation.head_appeared", " AND head_appeared IN ('principal', 'deputy')");
  add("litigation.head_appearance_rate",
      fmt::format("SELECT 100.0 * SUM(CASE WHEN head_appeared IN ('principal', 'deputy') THEN 1 ELSE 0 END) / "
                  "NULLIF(COUNT(*), 0) FROM litigation WHERE {} AND hearing_on >= ? AND hearing_on <= ? AND "
                  "head_notified = 1",
                  scope),
      2);
  return ids;
}

// The period parameters of a hand-written query, in the order its text uses them.
std::vector<SqlValue> period_params(const std::string& id, int count, const Period& p) {
  std::string from = p.from.iso(), to = p.to.iso();
  if (count == 4) return {from, to, to, from};                 // conclusion_rate
  if (id == "reconsideration.overdue") return {to, to, from};  // COALESCE day, then the period
  if (id == "reconsideration.on_hand" || id.rfind("litigation.", 0) == 0) {
    if (id == "litigation.cases" || id == "litigation.first_instance" || id == "litigation.second_instance" ||
        id == "litigation.retrial" || id == "reconsideration.on_hand")
      return {to, from};
  }
  return {from, to};
}

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

int run(const std::string& db, int year, int repeats) {
  auto opened = Store::open(db, {});
  if (!opened) {
    std::fprintf(stderr, "%s\n", opened.error().full_message().c_str());
    return 1;
  }
  Store& store = **opened;
  if (auto t = ensure_ledger_tables(store); !t) {
    std::fprintf(stderr, "%s\n", t.error().full_message().c_str());
    return 1;
  }
  LedgerService service(store);
  IndicatorEngine engine(service);
  auto orgs = service.orgs();
  if (!orgs) return 1;
  std::vector<const OrgNode*> scopes;
  for (const OrgNode* root : (*orgs)->roots()) {
    scopes.push_back(root);
    for (const OrgNode* child : (*orgs)->children(root->code))
      if (child->kind == "government") scopes.push_back(child);
  }
  std::vector<std::string> ids;
  for (const auto& d : indicator_catalogue())
    if (d.area == "disputes" && (d.ledger == "reconsideration" || d.ledger == "litigation")) ids.push_back(d.id);
  std::vector<std::string> sqls;
  auto hand = hand_queries(store.dialect(), sqls);
  const Period current = Period::year(year), previous = current.year_before();
  const UserContext system = UserContext::system_context();

  double engine_total = 0, hand_total = 0;
  std::int64_t checksum = 0;
  std::printf("%-12s %-24s %10s %10s %7s\n", "scope", "name", "engine ms", "SQL ms", "ratio");
  for (const OrgNode* org : scopes) {
    const IndicatorQuery q{.org = org->code, .period = current, .ids = ids};
    double e = 1e9, h = 1e9;
    for (int r = 0; r < repeats; ++r) {
      auto t = Clock::now();
      auto values = engine.compute(system, q);
      if (!values) {
        std::fprintf(stderr, "%s\n", values.error().full_message().c_str());
        return 1;
      }
      e = std::min(e, seconds_since(t));
      checksum += static_cast<std::int64_t>(values->size());
    }
    std::string path = org->path, end = scope_path_end(org->path);
    for (int r = 0; r < repeats; ++r) {
      auto t = Clock::now();
      auto done = store.read([&](SqlSession& sql) -> Result<void> {
        for (size_t i = 0; i < sqls.size(); ++i) {
          for (const Period* p : {&current, &previous}) {
            std::vector<SqlValue> params = {path, end};
            for (auto& v : period_params(hand[i].first, hand[i].second, *p)) params.push_back(v);
            FAZHI_ASSIGN_OR_RETURN(SqlResult res, sql.query(sqls[i], params));
            checksum += static_cast<std::int64_t>(res.rows.size());
          }
        }
        return ok();
      });
      if (!done) {
        std::fprintf(stderr, "%s\n", done.error().full_message().c_str());
        return 1;
      }
      h = std::min(h, seconds_since(t));
    }
    engine_total += e;
    hand_total += h;
    std::printf("%-12s %-24s %10.2f %10.2f %7.2f\n", org->code.c_str(), org->name.c_str(), e * 1000, h * 1000, e / h);
  }
  std::printf(
      "total (%zu scopes, %zu indicators, best of %d): engine %.1f ms, hand-written SQL %.1f ms, ratio %.2f "
      "(target <= 1.5)  [%lld]\n",
      scopes.size(), ids.size(), repeats, engine_total * 1000, hand_total * 1000, engine_total / hand_total,
      static_cast<long long>(checksum % 7));
  return 0;
}

}  // namespace
}  // namespace fazhi

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB [YEAR] [REPEATS]\n", argv[0]);
    return 2;
  }
  return fazhi::run(argv[1], argc > 2 ? std::atoi(argv[2]) : 2024, argc > 3 ? std::atoi(argv[3]) : 5);
}
