#include "indicator/indicator_engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "indicator/indicator_sql.h"
#include "ledger/deadline.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_rules.h"
#include "ledger/ledger_table.h"
#include "ledger/ledger_tally.h"

namespace fazhi {

Period Period::year(int year) {
  return Period{Date::from_ymd(year, 1, 1).value(), Date::from_ymd(year, 12, 31).value()};
}

Period Period::year_before() const {
  return Period{add_years(from, -1), add_years(to, -1)};
}

std::optional<double> IndicatorValue::change() const {
  if (!current.value || !previous.value) return std::nullopt;
  return *current.value - *previous.value;
}

std::string format_figure(const IndicatorDeclaration& indicator, double value) {
  double scale = std::pow(10.0, indicator.decimals);
  // Half away from zero on the decimal figure; the small nudge keeps 12.345 (stored as
  // 12.34499…) rounding the way a clerk rounds it by hand.
  double rounded = std::round(value * scale + (value >= 0 ? 1e-9 : -1e-9)) / scale;
  if (indicator.decimals == 0 || (indicator.aggregate != IndicatorAggregate::kRatio && rounded == std::floor(rounded)))
    return fmt::format("{:.0f}", rounded);
  return fmt::format("{:.{}f}", rounded, indicator.decimals);
}

nlohmann::json figure_json(const std::optional<double>& value) {
  if (!value) return nullptr;
  double rounded = std::round(*value * 100.0) / 100.0;
  if (rounded == std::floor(rounded) && std::abs(rounded) < 9e15) return static_cast<std::int64_t>(rounded);
  return rounded;
}

namespace {

// The organisation a figure is for, as a range condition on org_path.
struct FigureScope {
  const OrgNode* org = nullptr;
  std::string sql;
  std::vector<SqlValue> params;
};

Result<FigureScope> resolve_scope(const UserContext& user, const OrgDirectory& orgs, const std::string& asked) {
  std::string code = asked;
  if (code.empty()) {
    if (!user.system) {
      code = user.org_code;
    } else {
      auto roots = orgs.roots();
      if (roots.empty()) return not_found("单位目录", "尚未建立任何单位");
      code = roots.front()->code;
    }
  }
  const OrgNode* node = orgs.find(code);
  if (!node) return not_found("单位「" + code + "」");
  if (!user.system && !path_in_scope(orgs.path_of(user.org_code), node->path))
    return forbidden("单位「" + node->name + "」", "不在您的单位范围内，不能查看其指标");
  FigureScope scope{node, "(org_path >= ? AND org_path < ?)", {}};
  scope.params.emplace_back(node->path);
  scope.params.emplace_back(scope_path_end(node->path));
  return scope;
}

double number_of(const SqlValue& v) {
  if (is_null(v)) return 0;
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  return std::strtod(std::get<std::string>(v).c_str(), nullptr);
}

// "<conditions> AND <period>", its parameters appended in that order (the operands of `+` are
// not sequenced, so the two are built one after the other).
std::string filter_sql(const IndicatorDeclaration& d, const Period& p, std::vector<SqlValue>& params) {
  std::string sql = indicator_condition_sql(d, params);
  sql += " AND ";
  sql += indicator_period_sql(d, p.from, p.to, params);
  return sql;
}

// The widest date range that can hold a record of either period.
std::string prefilter_sql(const IndicatorDeclaration& d, const Period& current, const Period& previous,
                          std::vector<SqlValue>& params) {
  Period both{std::min(previous.from, current.from), std::max(previous.to, current.to)};
  if (d.period == PeriodRule::kStandingAtEnd) {
    // In force at either end: started by the later end, not ended before the earlier end.
    std::string start = quote_identifier(d.date_field), end = quote_identifier(d.end_field);
    params.emplace_back(both.to.iso());
    params.emplace_back(std::min(previous.to, current.to).iso());
    return "((" + start + " IS NULL OR " + start + " <= ?) AND (" + end + " IS NULL OR " + end + " > ?))";
  }
  return indicator_period_sql(d, both.from, both.to, params);
}

struct GroupKey {
  std::string ledger;
  PeriodRule period;
  std::string date_field;
  std::string end_field;
  const MonthlyTallyDeclaration* tally = nullptr;  // counted from this tally, not the records
  auto operator<=>(const GroupKey&) const = default;
};

bool whole_months(const Period& p) {
  return p.from.day() == 1 && p.to.day() == days_in_month(p.to.year(), p.to.month());
}

// The monthly tally that holds indicator `d`'s figures for `periods` exactly: a count by an
// event's month, over whole months, conditions and breakdown on the tally's columns only.
const MonthlyTallyDeclaration* tally_for(const IndicatorDeclaration& d, const LedgerDeclaration& ledger,
                                         std::initializer_list<const Period*> periods) {
  if (ledger.monthly_tallies.empty() || d.period != PeriodRule::kEvent || d.aggregate != IndicatorAggregate::kCount)
    return nullptr;
  for (const Period* p : periods)
    if (!whole_months(*p)) return nullptr;
  return find_monthly_tally(ledger, d.date_field, indicator_condition_fields(d));
}

// The months of `p` on a tally: "<conditions> AND <months>".
std::string tally_filter_sql(const IndicatorDeclaration& d, const Period& p, std::vector<SqlValue>& params) {
  std::string sql = indicator_condition_sql(d, params);
  params.emplace_back(p.from.iso().substr(0, 7));
  params.emplace_back(p.to.iso().substr(0, 7));
  return sql + " AND (month >= ? AND month <= ?)";
}

std::string enum_or_org_label(const FieldDeclaration& f, const OrgDirectory& orgs, const std::string& key) {
  if (key.empty()) return "未填写";
  if (f.type == FieldType::kEnum) {
    for (const auto& o : f.options)
      if (o.value == key) return o.label;
  }
  if (f.type == FieldType::kOrgRef) {
    if (const OrgNode* n = orgs.find(key)) return n->name;
  }
  if (f.type == FieldType::kBoolean) return key == "1" ? "是" : "否";
  return key;
}

// Whether `record` missed one of `d`'s time limits in a way that touches `period`.
bool missed_deadline(const IndicatorDeclaration& d, const LedgerDeclaration& ledger, const LedgerRecord& record,
                     const Period& period) {
  for (const Deadline& dl : compute_deadlines(ledger, record, period.to)) {
    if (std::find(d.time_limits.begin(), d.time_limits.end(), dl.limit->name) == d.time_limits.end()) continue;
    if (!dl.due || *dl.due >= period.to) continue;
    if (dl.state == DeadlineState::kOverdue) return true;
    if (dl.state == DeadlineState::kMetLate && dl.done_on >= period.from.iso()) return true;
  }
  return false;
}

bool in_period(const IndicatorDeclaration& d, const LedgerDeclaration& ledger, const LedgerRecord& r, const Period& p) {
  if (d.period == PeriodRule::kYear || d.period == PeriodRule::kYearOnOrBefore) {
    auto year = sql_int(field_of(ledger, r, d.date_field));
    if (!year) return false;
    return *year <= p.to.year() && (d.period == PeriodRule::kYearOnOrBefore || *year >= p.from.year());
  }
  std::string start = sql_text(field_of(ledger, r, d.date_field)).substr(0, 10);
  std::string end = d.end_field.empty() ? "" : sql_text(field_of(ledger, r, d.end_field)).substr(0, 10);
  switch (d.period) {
    case PeriodRule::kEvent:
      return !start.empty() && start >= p.from.iso() && start <= p.to.iso();
    case PeriodRule::kStandingAtEnd:
      return (start.empty() || start <= p.to.iso()) && (end.empty() || end > p.to.iso());
    case PeriodRule::kOverlapping:
      return !start.empty() && start <= p.to.iso() && (end.empty() || end >= p.from.iso());
    case PeriodRule::kAlways:
    case PeriodRule::kYear:
    case PeriodRule::kYearOnOrBefore:
      return true;
  }
  return false;
}

// Whether every time limit that `d` asks to have been met was met by `record` (the limit
// applies to it, its end date is filled and on or before the due date).
bool met_time_limits(const IndicatorDeclaration& d, const LedgerDeclaration& ledger, const LedgerRecord& record) {
  std::vector<Deadline> deadlines;
  bool computed = false;
  for (const auto& c : d.where) {
    if (c.op != IndicatorCondition::Op::kMetTimeLimit || c.values.empty()) continue;
    if (!computed) {
      deadlines = compute_deadlines(ledger, record, Date::from_ymd(9999, 12, 31).value());
      computed = true;
    }
    bool met = std::any_of(deadlines.begin(), deadlines.end(), [&](const Deadline& dl) {
      return dl.limit->name == c.values[0] && dl.state == DeadlineState::kMet;
    });
    if (!met) return false;
  }
  return true;
}

bool record_counts(const IndicatorDeclaration& d, const LedgerDeclaration& ledger, const LedgerRecord& r,
                   const Period& p) {
  if (!in_period(d, ledger, r, p)) return false;
  if (d.aggregate == IndicatorAggregate::kMissedDeadline) return missed_deadline(d, ledger, r, p);
  return met_time_limits(d, ledger, r);
}

// The records of an indicator checked record by record (needs_record_check) for `period`,
// in id order; with `previous_records`, also those of the year before.
Result<std::vector<LedgerRecord>> checked_records(SqlSession& sql, const IndicatorDeclaration& d,
                                                  const LedgerDeclaration& ledger, const FigureScope& scope,
                                                  const Period& current, const Period& previous,
                                                  std::vector<LedgerRecord>* previous_records) {
  std::vector<SqlValue> params = scope.params;
  std::string where = scope.sql + " AND " + indicator_condition_sql(d, params);
  where += " AND ";
  where += prefilter_sql(d, current, previous, params);
  FAZHI_ASSIGN_OR_RETURN(SqlResult rows,
                         sql.query(fmt::format("SELECT {} FROM {} WHERE {} ORDER BY id", ledger_column_list(ledger),
                                               quote_identifier(ledger.name), where),
                                   params));
  std::vector<LedgerRecord> out;
  for (auto& row : rows.rows) {
    LedgerRecord r = record_from_row(ledger, row);
    if (record_counts(d, ledger, r, current)) out.push_back(r);
    if (previous_records && record_counts(d, ledger, r, previous)) previous_records->push_back(r);
  }
  return out;
}

// The figure over records already selected: their count, the sum of the field, or its
// distinct values.
double aggregate_records(const IndicatorDeclaration& d, const LedgerDeclaration& ledger,
                         const std::vector<LedgerRecord>& records) {
  auto value_of = [&](const LedgerRecord& r) -> SqlValue {
    if (d.field == "org_code") return r.org_code;
    return field_of(ledger, r, d.field);
  };
  if (d.aggregate == IndicatorAggregate::kSum) {
    double sum = 0;
    for (const auto& r : records) sum += number_of(value_of(r));
    return sum;
  }
  if (d.aggregate == IndicatorAggregate::kCountDistinct) {
    std::set<std::string> seen;
    for (const auto& r : records) {
      SqlValue v = value_of(r);
      if (!is_null(v)) seen.insert(sql_text(v));
    }
    return static_cast<double>(seen.size());
  }
  return static_cast<double>(records.size());
}

}  // namespace

Result<std::vector<IndicatorValue>> IndicatorEngine::compute(const UserContext& user, const IndicatorQuery& query) {
  // The asked indicators, and the parts their ratios need.
  std::vector<const IndicatorDeclaration*> asked;
  if (query.ids.empty()) {
    for (const auto& d : indicator_catalogue()) asked.push_back(&d);
  } else {
    for (const auto& id : query.ids) {
      const IndicatorDeclaration* d = find_indicator(id);
      if (!d) return invalid_input("指标「" + id + "」", "查询参数 ids", "没有这个指标");
      asked.push_back(d);
    }
  }
  std::set<const IndicatorDeclaration*> needed(asked.begin(), asked.end());
  for (const auto* d : asked) {
    if (d->aggregate != IndicatorAggregate::kRatio) continue;
    needed.insert(find_indicator(d->numerator));
    needed.insert(find_indicator(d->denominator));
  }

  FAZHI_ASSIGN_OR_RETURN(auto orgs, ledgers_.orgs());
  FAZHI_ASSIGN_OR_RETURN(FigureScope scope, resolve_scope(user, *orgs, query.org));
  const Period current = query.period;
  const Period previous = current.year_before();

  std::map<GroupKey, std::vector<const IndicatorDeclaration*>> groups;
  std::vector<const IndicatorDeclaration*> missed;
  for (const auto* d : needed) {
    if (d->aggregate == IndicatorAggregate::kRatio) continue;
    const LedgerDeclaration* ledger = find_ledger(d->ledger);
    if (!ledger) return internal_error("指标「" + d->id + "」", "台账「" + d->ledger + "」不存在");
    FAZHI_TRY(require_read(user, *ledger));
    if (needs_record_check(*d))
      missed.push_back(d);
    else
      groups[{d->ledger, d->period, d->date_field, d->end_field, tally_for(*d, *ledger, {&current, &previous})}]
          .push_back(d);
  }

  std::map<const IndicatorDeclaration*, std::pair<IndicatorFigure, IndicatorFigure>> figures;
  FAZHI_TRY(ledgers_.store().read([&](SqlSession& sql) -> Result<void> {
    for (auto& [key, members] : groups) {
      std::sort(members.begin(), members.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
      const LedgerDeclaration& ledger = *find_ledger(key.ledger);
      const std::string table = quote_identifier(key.tally ? monthly_tally_table(ledger, *key.tally) : ledger.name);
      auto filter = [&](const IndicatorDeclaration& d, const Period& p, std::vector<SqlValue>& params) {
        return key.tally ? tally_filter_sql(d, p, params) : filter_sql(d, p, params);
      };
      auto summand = [&](const IndicatorDeclaration& d) {
        return key.tally ? std::string("records") : indicator_summand_sql(d, sql.dialect());
      };
      std::vector<SqlValue> params;
      std::string select;
      for (const auto* d : members) {
        for (const Period* p : {&current, &previous}) {
          std::string cond = filter(*d, *p, params);
          if (!select.empty()) select += ", ";
          if (d->aggregate == IndicatorAggregate::kCountDistinct)
            select += "COUNT(DISTINCT CASE WHEN " + cond + " THEN " + quote_identifier(d->field) + " END)";
          else
            select += "SUM(CASE WHEN " + cond + " THEN " + summand(*d) + " ELSE 0 END)";
        }
      }
      params.insert(params.end(), scope.params.begin(), scope.params.end());
      std::string where = scope.sql + " AND ";
      if (key.tally) {
        params.emplace_back(std::min(current.from, previous.from).iso().substr(0, 7));
        params.emplace_back(std::max(current.to, previous.to).iso().substr(0, 7));
        where += "(month >= ? AND month <= ?)";
      } else {
        where += prefilter_sql(*members.front(), current, previous, params);
      }
      FAZHI_ASSIGN_OR_RETURN(SqlResult r,
                             sql.query(fmt::format("SELECT {} FROM {} WHERE {}", select, table, where), params));
      for (size_t i = 0; i < members.size(); ++i) {
        double cur = r.rows.empty() ? 0 : number_of(r.rows[0][2 * i]);
        double prev = r.rows.empty() ? 0 : number_of(r.rows[0][2 * i + 1]);
        figures[members[i]] = {IndicatorFigure{cur, cur, 0, {}}, IndicatorFigure{prev, prev, 0, {}}};
      }
      // Breakdowns, for the current period only.
      for (const auto* d : members) {
        if (d->breakdown_field.empty()) continue;
        const FieldDeclaration* f = ledger.field(d->breakdown_field);
        std::vector<SqlValue> bp = scope.params;
        std::string col = quote_identifier(d->breakdown_field);
        std::string bwhere = scope.sql + " AND " + filter(*d, current, bp);
        std::string agg = d->aggregate == IndicatorAggregate::kCountDistinct
                              ? "COUNT(DISTINCT " + quote_identifier(d->field) + ")"
                              : "SUM(" + summand(*d) + ")";
        FAZHI_ASSIGN_OR_RETURN(
            SqlResult br,
            sql.query(fmt::format("SELECT {}, {} FROM {} WHERE {} GROUP BY {}", col, agg, table, bwhere, col), bp));
        auto& slices = figures[d].first.breakdown;
        for (auto& row : br.rows) {
          // A tally keeps a zero row for values whose records were all changed or deleted.
          if (key.tally && number_of(row[1]) == 0) continue;
          std::string k = sql_text(row[0]);
          slices.push_back({k, enum_or_org_label(*f, *orgs, k), number_of(row[1])});
        }
        std::sort(slices.begin(), slices.end(),
                  [](const auto& a, const auto& b) { return a.value != b.value ? a.value > b.value : a.key < b.key; });
      }
    }
    for (const auto* d : missed) {
      const LedgerDeclaration& ledger = *find_ledger(d->ledger);
      std::vector<LedgerRecord> prev;
      FAZHI_ASSIGN_OR_RETURN(auto cur, checked_records(sql, *d, ledger, scope, current, previous, &prev));
      double c = aggregate_records(*d, ledger, cur), p = aggregate_records(*d, ledger, prev);
      figures[d] = {IndicatorFigure{c, c, 0, {}}, IndicatorFigure{p, p, 0, {}}};
    }
    return ok();
  }));

  std::vector<IndicatorValue> out;
  for (const auto& d : indicator_catalogue()) {
    if (std::find(asked.begin(), asked.end(), &d) == asked.end()) continue;
    IndicatorValue v{&d, {}, {}};
    if (d.aggregate == IndicatorAggregate::kRatio) {
      const auto& num = figures[find_indicator(d.numerator)];
      const auto& den = figures[find_indicator(d.denominator)];
      auto ratio = [](const IndicatorFigure& n, const IndicatorFigure& m) {
        IndicatorFigure f{std::nullopt, n.numerator, m.numerator, {}};
        if (m.numerator > 0) f.value = n.numerator / m.numerator * 100.0;
        return f;
      };
      v.current = ratio(num.first, den.first);
      v.previous = ratio(num.second, den.second);
    } else {
      v.current = figures[&d].first;
      v.previous = figures[&d].second;
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<IndicatorRecords> IndicatorEngine::records(const UserContext& user, const IndicatorQuery& query,
                                                  std::string_view id, int page, int page_size) {
  const IndicatorDeclaration* asked = find_indicator(id);
  if (!asked) return not_found("指标「" + std::string(id) + "」");
  const IndicatorDeclaration* d =
      asked->aggregate == IndicatorAggregate::kRatio ? find_indicator(asked->numerator) : asked;
  const LedgerDeclaration* ledger = find_ledger(d->ledger);
  if (!ledger) return internal_error("指标「" + d->id + "」", "台账「" + d->ledger + "」不存在");
  FAZHI_TRY(require_read(user, *ledger));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, ledgers_.orgs());
  FAZHI_ASSIGN_OR_RETURN(FigureScope scope, resolve_scope(user, *orgs, query.org));
  if (page < 1) page = 1;
  IndicatorRecords out{d, ledger, 0, {}};
  FAZHI_TRY(ledgers_.store().read([&](SqlSession& sql) -> Result<void> {
    if (needs_record_check(*d)) {
      FAZHI_ASSIGN_OR_RETURN(auto all, checked_records(sql, *d, *ledger, scope, query.period, query.period, nullptr));
      out.total = static_cast<std::int64_t>(all.size());
      size_t begin = page_size > 0 ? static_cast<size_t>((page - 1) * page_size) : 0;
      size_t end = page_size > 0 ? std::min(all.size(), begin + static_cast<size_t>(page_size)) : all.size();
      for (size_t i = begin; i < end; ++i) out.records.push_back(std::move(all[i]));
      return ok();
    }
    std::vector<SqlValue> params = scope.params;
    std::string where = scope.sql + " AND " + filter_sql(*d, query.period, params);
    if (d->aggregate == IndicatorAggregate::kCountDistinct || d->aggregate == IndicatorAggregate::kSum)
      where += " AND " + quote_identifier(d->field) + " IS NOT NULL";
    std::string table = quote_identifier(ledger->name);
    FAZHI_ASSIGN_OR_RETURN(SqlResult count, sql.query("SELECT COUNT(*) FROM " + table + " WHERE " + where, params));
    out.total = count.rows.empty() ? 0 : sql_int(count.rows[0][0]).value_or(0);
    std::string select =
        fmt::format("SELECT {} FROM {} WHERE {} ORDER BY id", ledger_column_list(*ledger), table, where);
    if (page_size > 0) select += fmt::format(" LIMIT {} OFFSET {}", page_size, (page - 1) * page_size);
    FAZHI_ASSIGN_OR_RETURN(SqlResult rows, sql.query(select, params));
    for (auto& row : rows.rows) out.records.push_back(record_from_row(*ledger, row));
    return ok();
  }));
  return out;
}

namespace {

std::string inline_parameters(const std::string& sql, const std::vector<SqlValue>& params) {
  std::string out;
  size_t next = 0;
  for (char c : sql) {
    if (c != '?' || next >= params.size()) {
      out += c;
      continue;
    }
    const SqlValue& v = params[next++];
    if (std::holds_alternative<std::string>(v)) {
      out += '\'';
      for (char ch : std::get<std::string>(v)) out += ch == '\'' ? std::string("''") : std::string(1, ch);
      out += '\'';
    } else {
      out += sql_text(v);
    }
  }
  return out;
}

}  // namespace

Result<std::string> IndicatorEngine::reproducing_sql(const UserContext& user, const IndicatorQuery& query,
                                                     std::string_view id) {
  const IndicatorDeclaration* d = find_indicator(id);
  if (!d) return not_found("指标「" + std::string(id) + "」");
  if (d->aggregate == IndicatorAggregate::kRatio) {
    FAZHI_ASSIGN_OR_RETURN(std::string num, reproducing_sql(user, query, d->numerator));
    FAZHI_ASSIGN_OR_RETURN(std::string den, reproducing_sql(user, query, d->denominator));
    return num + "\n / \n" + den;
  }
  const LedgerDeclaration* ledger = find_ledger(d->ledger);
  if (!ledger) return internal_error("指标「" + d->id + "」", "台账「" + d->ledger + "」不存在");
  FAZHI_TRY(require_read(user, *ledger));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, ledgers_.orgs());
  FAZHI_ASSIGN_OR_RETURN(FigureScope scope, resolve_scope(user, *orgs, query.org));
  std::vector<SqlValue> params = scope.params;
  std::string where = scope.sql + " AND " + filter_sql(*d, query.period, params);
  std::string what;
  switch (d->aggregate) {
    case IndicatorAggregate::kSum:
      what = "SUM(" + indicator_summand_sql(*d, ledgers_.store().dialect()) + ")";
      break;
    case IndicatorAggregate::kCountDistinct:
      what = "COUNT(DISTINCT " + quote_identifier(d->field) + ")";
      break;
    case IndicatorAggregate::kMissedDeadline:
      what = "id";
      break;
    case IndicatorAggregate::kRatio:
      break;
    default:
      what = "COUNT(*)";
  }
  std::string sql =
      inline_parameters(fmt::format("SELECT {} FROM {} WHERE {}", what, quote_identifier(ledger->name), where), params);
  if (needs_record_check(*d)) {
    std::string limits;
    for (const auto& l : d->time_limits) limits += (limits.empty() ? "" : ", ") + l;
    for (const auto& c : d->where)
      if (c.op == IndicatorCondition::Op::kMetTimeLimit && !c.values.empty())
        limits += (limits.empty() ? "" : ", ") + c.values[0];
    sql += d->aggregate == IndicatorAggregate::kMissedDeadline
               ? fmt::format(" -- 再按工作日历计算期限（{}），计入在 {} 前届满而未按期完成的记录", limits,
                             query.period.to.iso())
               : fmt::format(" -- 再按工作日历计算期限（{}），只计入按期完成的记录", limits);
  }
  return sql;
}

}  // namespace fazhi
