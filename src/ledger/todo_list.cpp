#include "ledger/todo_list.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "core/sm3.h"
#include "ledger/field_value.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_table.h"
#include "ledger/region_time_limits.h"
#include "ledger/working_day_table.h"

namespace fazhi {
namespace {

std::string index_name(const LedgerDeclaration& ledger, const TimeLimitDeclaration& limit) {
  return quote_identifier(ledger.name + "_todo_" + limit.name);
}

// The partial index's columns: the start field first (ranges and order), then what the
// count needs besides (scope, the predicate's fields), so that counting reads the index only.
std::string index_columns(const LedgerDeclaration& ledger, const TimeLimitDeclaration& limit) {
  std::vector<std::string> cols = {limit.from, "org_path"};
  for (const std::string& c : {ledger.also_visible_to_field, limit.until, limit.applies_if_field,
                               std::string(ledger.states.empty() ? "" : "state")})
    if (!c.empty() && std::find(cols.begin(), cols.end(), c) == cols.end()) cols.push_back(c);
  std::string out;
  for (const auto& c : cols) out += (out.empty() ? "" : ", ") + quote_identifier(c);
  return out;
}

// The due date of a period of `limit` starting on `from`, as compute_deadlines counts it
// (without an extension); empty where the calendar cannot tell.
std::optional<Date> due_of(const TimeLimitDeclaration& limit, Date from) {
  if (limit.days == 0) return from;
  const WorkingDayCalendar& calendar = default_calendar();
  auto due = limit.count == DayCount::kWorkingDays ? calendar.add_working_days(from, limit.days)
                                                   : calendar.calendar_deadline(from, limit.days);
  if (!due) return std::nullopt;
  return *due;
}

// The first day in [lo, hi] for which `holds` is true (it is false before and true after),
// or hi + 1.
template <typename Pred>
Date first_day_where(Date lo, Date hi, Pred holds) {
  std::int64_t a = lo.days_since_epoch(), b = hi.days_since_epoch() + 1;
  while (a < b) {
    std::int64_t mid = a + (b - a) / 2;
    if (holds(Date::from_days_since_epoch(mid)))
      b = mid;
    else
      a = mid + 1;
  }
  return Date::from_days_since_epoch(a);
}

// For a limit without extension the due date never decreases with the start date, so each
// state is a range of start dates: [first, overdue_end) overdue, [overdue_end, today_end) due
// today, [today_end, soon_end) due soon; starts before `first` have no computable due date.
struct StartRanges {
  Date first, overdue_end, today_end, soon_end;
};

StartRanges start_ranges(const TimeLimitDeclaration& limit, Date today) {
  const WorkingDayCalendar& calendar = default_calendar();
  const Date last_shown = today.add_days(limit.due_soon_days);
  const Date hi = last_shown.add_days(1);  // due >= start: no later start is shown
  Date lo = limit.days == 0 ? Date::from_ymd(1900, 1, 1).value() : calendar.first_day().add_days(-limit.days - 2);
  StartRanges r;
  r.first = limit.days == 0 ? lo : first_day_where(lo, calendar.first_day(), [&](Date d) {
    return due_of(limit, d).has_value() || d >= calendar.first_day();
  });
  auto boundary = [&](auto past) {
    if (r.first > hi) return r.first;
    return first_day_where(r.first, hi, [&](Date d) {
      auto due = due_of(limit, d);
      return !due || past(*due);
    });
  };
  r.overdue_end = boundary([&](Date due) { return due >= today; });
  r.today_end = boundary([&](Date due) { return due > today; });
  r.soon_end = boundary([&](Date due) { return due > last_shown; });
  return r;
}

struct LimitRef {
  const LedgerDeclaration* ledger;
  const TimeLimitDeclaration* limit;
};

// Every (ledger, limit) pair in catalogue order; a query names a pair by its index here.
const std::vector<LimitRef>& all_limits() {
  static const std::vector<LimitRef> refs = [] {
    std::vector<LimitRef> out;
    for (const LedgerDeclaration* l : all_ledgers())
      for (const auto& t : l->time_limits) out.push_back({l, &t});
    return out;
  }();
  return refs;
}

Result<DeadlineState> parse_state(const std::string& s) {
  if (s == "due_soon") return DeadlineState::kDueSoon;
  if (s == "due_today") return DeadlineState::kDueToday;
  if (s == "overdue") return DeadlineState::kOverdue;
  return invalid_input("查询参数 state", "", "「" + s + "」应为 due_soon、due_today 或 overdue");
}

// One SELECT of the union: the running deadlines of `limit` (the region's version of a
// declared limit of `ledger`) due on or before today plus its due-soon days, as
// (todo_limit, todo_record, todo_title, todo_org, todo_due).
std::string limit_select(std::size_t index, const LedgerDeclaration& ledger, const TimeLimitDeclaration& limit,
                         const std::string& scope, const std::string& org_clause, SqlDialect dialect,
                         const std::string& extra) {
  const std::string from = quote_identifier(limit.from);
  std::string days = std::to_string(limit.days);
  if (!limit.extension_days_field.empty())
    days += " + COALESCE(" + quote_identifier(limit.extension_days_field) + ", 0)";
  const std::string title =
      ledger.title_field.empty() ? "CAST(id AS TEXT)" : "CAST(" + quote_identifier(ledger.title_field) + " AS TEXT)";
  std::string due;
  std::string join;
  if (limit.days == 0 && limit.extension_days_field.empty()) {
    // A limit of 0 days: the `from` field holds the due date itself (compute_deadlines).
    due = "substr(" + from + ", 1, 10)";
    join = "WHERE 1 = 1";
  } else if (limit.count == DayCount::kWorkingDays) {
    // CROSS JOIN keeps SQLite's join order: the ledger's partial index drives, the calendar
    // is looked up by key.
    due = "wd_due.wd_day";
    join = fmt::format(
        "CROSS JOIN {0} wd_from CROSS JOIN {0} wd_due WHERE wd_from.wd_day = substr({1}, 1, 10) "
        "AND "
        "wd_due.wd_working_ordinal = wd_from.wd_ordinal + {2}",
        kWorkingDayTable, from, days);
  } else {
    due = "wd_due.wd_roll_forward";
    join = fmt::format(
        "CROSS JOIN {0} wd_from CROSS JOIN {0} wd_due WHERE wd_from.wd_day = substr({1}, 1, 10) "
        "AND "
        "wd_due.wd_day_number = wd_from.wd_day_number + {2}",
        kWorkingDayTable, from, days);
  }
  // Without statistics SQLite would rather scan an index on `until` (NULL for most rows of a
  // million-row ledger) than the limit's partial index: name it.
  std::string table = quote_identifier(ledger.name);
  if (dialect == SqlDialect::kSqlite) table += " INDEXED BY " + index_name(ledger, limit);
  // `extra` speaks of the due date as todo_due_expr.
  std::string due_condition = extra;
  for (std::size_t at; (at = due_condition.find("todo_due_expr")) != std::string::npos;)
    due_condition.replace(at, 13, due);
  return fmt::format(
      "SELECT {} AS todo_limit, id AS todo_record, {} AS todo_title, org_code AS todo_org, {} AS "
      "todo_due, {} AS todo_from, 0 AS todo_done "
      "FROM {} {} AND {} AND {} >= ? AND {} < ? AND {}{}{}",
      index, title, due, from, table, join, running_limit_predicate(ledger, limit), from, from, scope, org_clause,
      due_condition);
}

}  // namespace

std::string running_limit_predicate(const LedgerDeclaration& ledger, const TimeLimitDeclaration& limit) {
  std::vector<std::string> terms;
  if (!limit.until.empty()) terms.push_back(quote_identifier(limit.until) + " IS NULL");
  if (!limit.active_states.empty()) {
    terms.push_back("state IN (" + declared_literal_list(limit.active_states) + ")");
  } else {
    std::vector<std::string> terminal;
    for (const auto& s : ledger.states)
      if (s.terminal) terminal.push_back(s.name);
    if (!terminal.empty()) terms.push_back("state NOT IN (" + declared_literal_list(terminal) + ")");
  }
  if (!limit.applies_if_field.empty()) {
    const FieldDeclaration* f = ledger.field(limit.applies_if_field);
    bool integer = f && stored_as_integer(*f);
    std::vector<std::string> values;
    bool empty_too = false;
    for (const auto& v : limit.applies_if_values) {
      if (v.empty())
        empty_too = true;
      else
        values.push_back(v);
    }
    const std::string col = quote_identifier(limit.applies_if_field);
    std::string in = values.empty() ? "" : col + " IN (" + declared_literal_list(values) + ")";
    // An empty value is stored as NULL; a text column may also hold ''.
    if (empty_too) {
      std::string empty = col + " IS NULL";
      if (!integer) empty = "(" + empty + " OR " + col + " = '')";
      in = in.empty() ? empty : in + " OR " + empty;
    }
    if (in.empty()) in = "1 = 0";
    terms.push_back("(" + in + ")");
  }
  if (terms.empty()) return "1 = 1";
  std::string out;
  for (const auto& t : terms) out += (out.empty() ? "" : " AND ") + t;
  return out;
}

std::string todo_rule(const LedgerDeclaration& ledger, const TimeLimitDeclaration& limit) {
  const FieldDeclaration* from = ledger.field(limit.from);
  std::string rule = fmt::format("{}：自{}起{}{}", limit.label, from ? from->label : limit.from, limit.days,
                                 limit.count == DayCount::kWorkingDays ? "个工作日" : "日");
  if (!limit.extension_days_field.empty()) rule += "（经批准可延长）";
  return rule;
}

std::string todo_step(const TodoItem& item) {
  return item.duty ? item.duty->duty->name : item.limit->name;
}

std::string todo_step_label(const TodoItem& item) {
  if (!item.duty) return item.limit->label;
  return fmt::format("{}年度{}", item.duty_year, item.duty->duty->label);
}

std::string todo_item_rule(const TodoItem& item) {
  return item.duty ? yearly_duty_rule(*item.duty) : todo_rule(*item.ledger, *item.limit);
}

std::string todo_source(const TodoItem& item) {
  return item.duty ? item.duty->source : item.limit->source;
}

namespace {

// What a duty item says of its year: "2025年度已记录1期，应不少于2期", "2024年度述法尚未记录".
std::string duty_note(const TodoItem& item) {
  const YearlyDutyDeclaration& d = *item.duty->duty;
  if (item.duty_done == 0 && item.duty->minimum == 1) return fmt::format("{}年度{}尚未记录", item.duty_year, d.label);
  return fmt::format("{}年度已记录{}{}，应不少于{}{}", item.duty_year, item.duty_done, d.unit, item.duty->minimum,
                     d.unit);
}

// One query per readable duty (its year on `today`): every owner short of it (a few hundred
// rows at most: they are all read, counted and merged into the page here), numbered from
// `first_index`. Separate queries, not a union: SQLite plans each arm better alone.
struct DutyQuery {
  std::string sql;
  std::vector<SqlValue> params;
};

Result<std::vector<DutyQuery>> duty_queries(SqlSession& sql, LedgerService& service, const UserContext& user,
                                            const OrgDirectory& orgs, const TodoQuery& query,
                                            const std::string& org_clause, const std::vector<SqlValue>& org_params,
                                            std::size_t first_index, std::vector<DutyInForce>& duties) {
  FAZHI_ASSIGN_OR_RETURN(duties, load_yearly_duties(sql, query.today));
  std::vector<DutyQuery> out;
  for (std::size_t k = 0; k < duties.size(); ++k) {
    const DutyInForce& d = duties[k];
    const LedgerDeclaration& owner = duty_owner_ledger(*d.duty);
    if (!query.ledger.empty() && d.ledger->name != query.ledger) continue;
    if (!user.system && !(d.ledger->can_read(user.role) && owner.can_read(user.role))) continue;
    DutyQuery q;
    std::string scope = service.scope_sql(user, owner, orgs, q.params);
    q.params.insert(q.params.end(), org_params.begin(), org_params.end());
    q.sql =
        duty_shortfall_sql(d, duty_year_on(*d.duty, query.today), first_index + k, scope, org_clause, sql.dialect());
    out.push_back(std::move(q));
  }
  return out;
}

// A row of the list as read: the limit (or duty) index, record, title, owner, due and start
// dates, and a duty's records so far.
struct TodoRow {
  std::size_t index = 0;
  std::int64_t record = 0;
  std::string title, org, due, from;
  std::int64_t done = 0;
};

TodoRow todo_row(const std::vector<SqlValue>& row) {
  return {static_cast<std::size_t>(sql_int(row[0]).value_or(0)),
          sql_int(row[1]).value_or(0),
          sql_text(row[2]),
          sql_text(row[3]),
          sql_text(row[4]),
          sql_text(row[5]),
          sql_int(row[6]).value_or(0)};
}

// The list's order: due date, then limit, start date and record.
bool todo_before(const TodoRow& a, const TodoRow& b) {
  return std::tie(a.due, a.index, a.from, a.record) < std::tie(b.due, b.index, b.from, b.record);
}

}  // namespace

Result<TodoPage> list_todo(LedgerService& service, const UserContext& user, const TodoQuery& query) {
  TodoPage page;
  page.page = query.page;
  page.page_size = query.page_size;
  std::optional<DeadlineState> only;
  if (!query.state.empty()) {
    FAZHI_ASSIGN_OR_RETURN(DeadlineState s, parse_state(query.state));
    only = s;
  }
  if (!query.ledger.empty()) {
    const LedgerDeclaration* l = find_ledger(query.ledger);
    if (!l) return invalid_input("查询参数 ledger", "", "台账「" + query.ledger + "」不存在");
    FAZHI_TRY(require_read(user, *l));
  }
  if (query.page < 1) return invalid_input("查询参数 page", "", "应为 1 以上的整数");
  FAZHI_ASSIGN_OR_RETURN(auto orgs, service.orgs());
  std::string org_clause;
  std::string org_from, org_to;
  std::vector<SqlValue> org_params;
  if (!query.org.empty()) {
    org_from = orgs->path_of(query.org);
    if (org_from.empty()) return invalid_input("查询参数 org", "", "单位「" + query.org + "」不存在");
    org_to = scope_path_end(org_from);
    org_clause = " AND org_path >= ? AND org_path < ?";
    org_params = {org_from, org_to};
  }

  const auto& refs = all_limits();
  // The region's periods where it sets its own (deadline.h reads the same table).
  std::shared_ptr<const RegionTimeLimits> region = current_region_time_limits();
  const SqlDialect dialect = service.store().dialect();
  const std::string today = query.today.iso();
  // Each readable limit gives one arm to count its items by state and one to fetch its
  // first page*page_size items in list order (none further can reach the page).
  std::string counts_sql, items_sql;
  std::vector<SqlValue> count_params, item_params;
  const std::int64_t per_arm = query.page_size > 0 ? std::int64_t{query.page} * query.page_size : 0;
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const LimitRef& ref = refs[i];
    const TimeLimitDeclaration& limit = region_time_limit(*region, *ref.ledger, *ref.limit);
    if (!query.ledger.empty() && ref.ledger->name != query.ledger) continue;
    if (!user.system && !ref.ledger->can_read(user.role)) continue;
    std::vector<SqlValue> scope_params;
    std::string scope = service.scope_sql(user, *ref.ledger, *orgs, scope_params);
    if (!org_clause.empty()) {
      scope_params.push_back(org_from);
      scope_params.push_back(org_to);
    }
    const std::string from = quote_identifier(limit.from);
    std::string table = quote_identifier(ref.ledger->name);
    if (dialect == SqlDialect::kSqlite) table += " INDEXED BY " + index_name(*ref.ledger, limit);
    std::string arm;
    std::vector<SqlValue> arm_params;
    if (limit.extension_days_field.empty()) {
      // Ranges of start dates (see StartRanges): counted from the index alone.
      StartRanges r = start_ranges(limit, query.today);
      if (r.first >= r.soon_end) continue;
      counts_sql += fmt::format(
          "{}SELECT {} AS todo_limit, SUM(CASE WHEN {} < ? THEN 1 ELSE 0 END) AS todo_overdue, "
          "SUM(CASE WHEN {} >= ? AND {} < ? THEN 1 ELSE 0 END) AS todo_today, "
          "SUM(CASE WHEN {} >= ? THEN 1 ELSE 0 END) AS todo_soon FROM {} WHERE {} AND {} >= ? AND "
          "{} < ? "
          "AND {}{}",
          counts_sql.empty() ? "" : " UNION ALL ", i, from, from, from, from, table,
          running_limit_predicate(*ref.ledger, limit), from, from, scope, org_clause);
      for (const Date& d : {r.overdue_end, r.overdue_end, r.today_end, r.today_end, r.first, r.soon_end})
        count_params.push_back(d.iso());
      count_params.insert(count_params.end(), scope_params.begin(), scope_params.end());
      Date lo = r.first, hi = r.soon_end;
      if (only == DeadlineState::kOverdue) hi = r.overdue_end;
      if (only == DeadlineState::kDueToday) lo = r.overdue_end, hi = r.today_end;
      if (only == DeadlineState::kDueSoon) lo = r.today_end;
      arm = limit_select(i, *ref.ledger, limit, scope, org_clause, dialect, "");
      arm_params.push_back(lo.iso());
      arm_params.push_back(hi.iso());
      arm_params.insert(arm_params.end(), scope_params.begin(), scope_params.end());
      if (per_arm > 0) arm += " ORDER BY " + from + ", id LIMIT " + std::to_string(per_arm);
    } else {
      // An approved extension moves each record's due date its own way: due dates in SQL.
      const Date last_shown = query.today.add_days(limit.due_soon_days);
      const std::string count_arm =
          limit_select(i, *ref.ledger, limit, scope, org_clause, dialect, " AND todo_due_expr <= ?");
      std::vector<SqlValue> base = {Date::from_ymd(1900, 1, 1).value().iso(),
                                    last_shown.add_days(1 - limit.days).iso()};
      base.insert(base.end(), scope_params.begin(), scope_params.end());
      base.push_back(last_shown.iso());
      counts_sql += fmt::format(
          "{}SELECT {} AS todo_limit, SUM(CASE WHEN todo_due < ? THEN 1 ELSE 0 END) AS "
          "todo_overdue, "
          "SUM(CASE WHEN todo_due = ? THEN 1 ELSE 0 END) AS todo_today, SUM(CASE WHEN todo_due > ? "
          "THEN 1 "
          "ELSE 0 END) AS todo_soon FROM ({}) c{}",
          counts_sql.empty() ? "" : " UNION ALL ", i, count_arm, i);
      count_params.insert(count_params.end(), {today, today, today});
      count_params.insert(count_params.end(), base.begin(), base.end());
      arm_params = base;
      std::string due_condition = " AND todo_due_expr <= ?";
      if (only) {
        due_condition += *only == DeadlineState::kOverdue    ? " AND todo_due_expr < ?"
                         : *only == DeadlineState::kDueToday ? " AND todo_due_expr = ?"
                                                             : " AND todo_due_expr > ?";
        arm_params.push_back(today);
      }
      arm = limit_select(i, *ref.ledger, limit, scope, org_clause, dialect, due_condition);
      if (per_arm > 0) arm += " ORDER BY todo_due, todo_from, id LIMIT " + std::to_string(per_arm);
    }
    items_sql += fmt::format("{}SELECT * FROM ({}) a{}", items_sql.empty() ? "" : " UNION ALL ", arm, i);
    item_params.insert(item_params.end(), arm_params.begin(), arm_params.end());
  }
  std::vector<DutyInForce> duties;
  FAZHI_TRY(service.store().read([&](SqlSession& s) -> Result<void> {
    std::vector<TodoRow> rows;
    // Duties: every owner short of one, counted here; those in the asked state join the rows.
    FAZHI_ASSIGN_OR_RETURN(auto owed_queries,
                           duty_queries(s, service, user, *orgs, query, org_clause, org_params, refs.size(), duties));
    for (const DutyQuery& q : owed_queries) {
      FAZHI_ASSIGN_OR_RETURN(auto owed, s.query(q.sql, q.params));
      for (const auto& r : owed.rows) {
        TodoRow row = todo_row(r);
        const OrgNode* owner = orgs->find(row.org);
        if (!owner || !owes_duty(*duties.at(row.index - refs.size()).duty, owner->kind)) continue;
        DeadlineState state = row.due < today    ? DeadlineState::kOverdue
                              : row.due == today ? DeadlineState::kDueToday
                                                 : DeadlineState::kDueSoon;
        ++(state == DeadlineState::kOverdue    ? page.overdue
           : state == DeadlineState::kDueToday ? page.due_today
                                               : page.due_soon);
        if (!only || *only == state) rows.push_back(std::move(row));
      }
    }
    if (!counts_sql.empty()) {
      FAZHI_ASSIGN_OR_RETURN(auto counts, s.query(counts_sql, count_params));
      for (const auto& row : counts.rows) {
        page.overdue += sql_int(row[1]).value_or(0);
        page.due_today += sql_int(row[2]).value_or(0);
        page.due_soon += sql_int(row[3]).value_or(0);
      }
    }
    page.total = !only                               ? page.overdue + page.due_today + page.due_soon
                 : *only == DeadlineState::kOverdue  ? page.overdue
                 : *only == DeadlineState::kDueToday ? page.due_today
                                                     : page.due_soon;
    if (!items_sql.empty()) {
      // The first page*page_size deadlines in list order: with the duties, every row that
      // can reach the page.
      std::string limit_clause;
      if (per_arm > 0) {
        limit_clause = " LIMIT ?";
        item_params.push_back(per_arm);
      }
      FAZHI_ASSIGN_OR_RETURN(auto deadlines,
                             s.query(fmt::format("SELECT todo_limit, todo_record, todo_title, todo_org, todo_due, "
                                                 "todo_from, todo_done FROM ({}) todo "
                                                 "ORDER BY todo_due, todo_limit, todo_from, todo_record{}",
                                                 items_sql, limit_clause),
                                     item_params));
      for (const auto& r : deadlines.rows) rows.push_back(todo_row(r));
    }
    std::sort(rows.begin(), rows.end(), todo_before);
    std::size_t first = 0, last = rows.size();
    if (query.page_size > 0) {
      first = std::min(rows.size(), static_cast<std::size_t>(per_arm - query.page_size));
      last = std::min(rows.size(), static_cast<std::size_t>(per_arm));
    }
    page.items.reserve(last - first);
    for (std::size_t k = first; k < last; ++k) {
      TodoRow& row = rows[k];
      TodoItem item;
      auto due = parse_date(row.due);
      if (!due) return internal_error("待办事项", "工作日表中的日期有误：" + row.due);
      item.due = *due;
      if (row.index < refs.size()) {
        const LimitRef& ref = refs[row.index];
        item.ledger = ref.ledger;
        item.limit = &region_time_limit(*region, *ref.ledger, *ref.limit);
      } else {
        const DutyInForce& d = duties.at(row.index - refs.size());
        item.duty = d;
        item.ledger = &duty_owner_ledger(*d.duty);
        item.duty_year = due->year() - (d.duty->due_next_year ? 1 : 0);
        item.duty_done = row.done;
      }
      item.record = row.record;
      item.record_title = std::move(row.title);
      item.org_code = std::move(row.org);
      item.state = item.due < query.today    ? DeadlineState::kOverdue
                   : item.due == query.today ? DeadlineState::kDueToday
                                             : DeadlineState::kDueSoon;
      if (const OrgNode* n = orgs->find(item.org_code)) item.org_name = n->name;
      page.items.push_back(std::move(item));
    }
    return ok();
  }));
  return page;
}

nlohmann::json todo_item_to_json(const TodoItem& item) {
  nlohmann::json j = {{"kind", item.duty ? "duty" : "deadline"},
                      {"ledger", item.ledger->name},
                      {"ledger_label", item.ledger->label},
                      {"record", item.record},
                      {"record_title", item.record_title},
                      {"step", todo_step(item)},
                      {"step_label", todo_step_label(item)},
                      {"due", item.due.iso()},
                      {"state", deadline_state_name(item.state)},
                      {"state_label", deadline_state_label(item.state)},
                      {"rule", todo_item_rule(item)},
                      {"source", todo_source(item)},
                      {"org_code", item.org_code},
                      {"org_name", item.org_name}};
  if (item.duty) {
    j["duty_ledger"] = item.duty->ledger->name;
    j["duty_ledger_label"] = item.duty->ledger->label;
    j["year"] = item.duty_year;
    j["minimum"] = item.duty->minimum;
    j["done"] = item.duty_done;
    j["note"] = duty_note(item);
  }
  return j;
}

nlohmann::json todo_page_to_json(const TodoPage& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : page.items) items.push_back(todo_item_to_json(i));
  return {{"total", page.total},
          {"page", page.page},
          {"page_size", page.page_size},
          {"totals", {{"due_soon", page.due_soon}, {"due_today", page.due_today}, {"overdue", page.overdue}}},
          {"items", std::move(items)}};
}

Result<void> ensure_todo_schema(Store& store) {
  FAZHI_TRY(ensure_working_day_table(store));
  std::string sql = yearly_duty_index_sql();
  for (const LimitRef& ref : all_limits())
    // Dropped first: a changed declaration changes the predicate under the same name.
    sql += fmt::format("DROP INDEX IF EXISTS {0};\nCREATE INDEX {0} ON {1} ({2}) WHERE {3};\n",
                       index_name(*ref.ledger, *ref.limit), quote_identifier(ref.ledger->name),
                       index_columns(*ref.ledger, *ref.limit), running_limit_predicate(*ref.ledger, *ref.limit));
  if (sql.empty()) return ok();
  const std::string id = "todo_indexes:" + sm3_hex(sql).substr(0, 16);
  FAZHI_ASSIGN_OR_RETURN(bool done, store.has_migration(id));
  if (done) return ok();
  return store.apply_migration(id, sql);
}

}  // namespace fazhi
