#include "indicator/indicator_sql.h"

#include <algorithm>
#include <functional>

#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_table.h"

namespace fazhi {

namespace {

// The test `test(column)` on field `name` of `ledger`: a column of its own table, or, for
// "<ref field>.<field>", the referred record's column through a subquery.
std::string on_column(const LedgerDeclaration* ledger, const std::string& name,
                      const std::function<std::string(const std::string&)>& test) {
  auto dot = name.find('.');
  if (dot == std::string::npos || !ledger) return test(quote_identifier(name));
  std::string ref = name.substr(0, dot);
  const FieldDeclaration* f = ledger->field(ref);
  std::string table = f ? f->ref_ledger : ref;
  return "(" + quote_identifier(ref) + " IN (SELECT id FROM " + quote_identifier(table) + " WHERE " +
         test(quote_identifier(name.substr(dot + 1))) + "))";
}

bool is_integer_text(const std::string& v) {
  return !v.empty() && std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

std::string condition_sql(const LedgerDeclaration* ledger, const IndicatorCondition& c, std::vector<SqlValue>& params) {
  using Op = IndicatorCondition::Op;
  auto placeholders = [&] {
    std::string list;
    for (const auto& v : c.values) {
      list += list.empty() ? "?" : ", ?";
      // Booleans and integers are stored as integers; compare them as such on both backends.
      if (is_integer_text(v) && c.field != "state" && c.field != "org_code")
        params.emplace_back(static_cast<std::int64_t>(std::stoll(v)));
      else
        params.emplace_back(v);
    }
    return list;
  };
  switch (c.op) {
    case Op::kIn:
      return on_column(ledger, c.field, [&](const std::string& col) { return col + " IN (" + placeholders() + ")"; });
    case Op::kNotIn:
      return on_column(ledger, c.field, [&](const std::string& col) {
        return "(" + col + " IS NULL OR " + col + " NOT IN (" + placeholders() + "))";
      });
    case Op::kIsNull:
      return on_column(ledger, c.field, [](const std::string& col) { return col + " IS NULL"; });
    case Op::kNotNull:
    // The time limit itself is checked on each record by the engine (the calendar is not in
    // SQL); SQL keeps the records whose end date is filled.
    case Op::kMetTimeLimit:
      return on_column(ledger, c.field, [](const std::string& col) { return col + " IS NOT NULL"; });
    case Op::kBefore:
    case Op::kAfter: {
      std::string col = quote_identifier(c.field);
      std::string other = quote_identifier(c.values.empty() ? "" : c.values[0]);
      return "(" + col + " IS NOT NULL AND " + other + " IS NOT NULL AND " + col +
             (c.op == Op::kBefore ? " <= " : " > ") + other + ")";
    }
  }
  return "1 = 1";
}

std::string any_of_sql(const LedgerDeclaration* ledger, const std::vector<IndicatorCondition>& group,
                       std::vector<SqlValue>& params) {
  std::string any;
  for (const auto& c : group) any += (any.empty() ? "" : " OR ") + condition_sql(ledger, c, params);
  return "(" + any + ")";
}

}  // namespace

std::string indicator_condition_sql(const IndicatorDeclaration& indicator, std::vector<SqlValue>& params) {
  const LedgerDeclaration* ledger = find_ledger(indicator.ledger);
  std::string sql;
  for (const auto& c : indicator.where) sql += (sql.empty() ? "" : " AND ") + condition_sql(ledger, c, params);
  if (!indicator.any.empty()) sql += (sql.empty() ? "" : " AND ") + any_of_sql(ledger, indicator.any, params);
  for (const auto& group : indicator.any_groups)
    if (!group.empty()) sql += (sql.empty() ? "" : " AND ") + any_of_sql(ledger, group, params);
  return sql.empty() ? "1 = 1" : "(" + sql + ")";
}

std::string indicator_period_sql(const IndicatorDeclaration& indicator, Date from, Date to,
                                 std::vector<SqlValue>& params) {
  const LedgerDeclaration* ledger = find_ledger(indicator.ledger);
  std::string start = quote_identifier(indicator.date_field);
  switch (indicator.period) {
    case PeriodRule::kEvent:
      // A date-time field compares by its day: every time of the last day is within.
      return on_column(ledger, indicator.date_field, [&](const std::string& col) {
        params.emplace_back(from.iso());
        params.emplace_back(to.iso() + "T99");
        return "(" + col + " >= ? AND " + col + " <= ?)";
      });
    case PeriodRule::kYear:
      params.emplace_back(std::int64_t{from.year()});
      params.emplace_back(std::int64_t{to.year()});
      return "(" + start + " >= ? AND " + start + " <= ?)";
    case PeriodRule::kYearOnOrBefore:
      params.emplace_back(std::int64_t{to.year()});
      return "(" + start + " <= ?)";
    case PeriodRule::kStandingAtEnd: {
      std::string end = quote_identifier(indicator.end_field);
      params.emplace_back(to.iso() + "T99");
      params.emplace_back(to.iso() + "T99");
      return "((" + start + " IS NULL OR " + start + " <= ?) AND (" + end + " IS NULL OR " + end + " > ?))";
    }
    case PeriodRule::kOverlapping: {
      std::string end = quote_identifier(indicator.end_field);
      params.emplace_back(to.iso() + "T99");
      params.emplace_back(from.iso());
      return "(" + start + " <= ? AND (" + end + " IS NULL OR " + end + " >= ?))";
    }
    case PeriodRule::kAlways:
      return "1 = 1";
  }
  return "1 = 1";
}

std::string indicator_summand_sql(const IndicatorDeclaration& indicator, SqlDialect dialect) {
  if (indicator.aggregate != IndicatorAggregate::kSum) return "1";
  std::string col = quote_identifier(indicator.field);
  return dialect == SqlDialect::kPostgres ? "CAST(" + col + " AS NUMERIC)" : "CAST(" + col + " AS REAL)";
}

namespace {

// The declaration of field `name` of `ledger`, following "<ref field>.<field>" into the
// referred ledger; "org_code" is the owner column every ledger has.
const FieldDeclaration* resolve_field(const LedgerDeclaration& ledger, const std::string& name) {
  static const FieldDeclaration kOwner{.name = "org_code", .label = "填报单位", .type = FieldType::kOrgRef};
  if (name == "org_code") return &kOwner;
  auto dot = name.find('.');
  if (dot == std::string::npos) return ledger.field(name);
  const FieldDeclaration* ref = ledger.field(name.substr(0, dot));
  if (!ref || ref->type != FieldType::kRecordRef) return nullptr;
  const LedgerDeclaration* other = find_ledger(ref->ref_ledger);
  return other ? other->field(name.substr(dot + 1)) : nullptr;
}

}  // namespace

bool needs_record_check(const IndicatorDeclaration& d) {
  auto met = [](const IndicatorCondition& c) { return c.op == IndicatorCondition::Op::kMetTimeLimit; };
  if (d.aggregate == IndicatorAggregate::kMissedDeadline) return true;
  if (std::any_of(d.where.begin(), d.where.end(), met) || std::any_of(d.any.begin(), d.any.end(), met)) return true;
  for (const auto& g : d.any_groups)
    if (std::any_of(g.begin(), g.end(), met)) return true;
  return false;
}

std::vector<std::string> indicator_condition_fields(const IndicatorDeclaration& d) {
  std::vector<std::string> used;
  if (!d.breakdown_field.empty()) used.push_back(d.breakdown_field);
  auto use = [&](const IndicatorCondition& c) {
    used.push_back(c.field);
    if (c.op == IndicatorCondition::Op::kBefore || c.op == IndicatorCondition::Op::kAfter)
      used.insert(used.end(), c.values.begin(), c.values.end());
  };
  for (const auto& c : d.where) use(c);
  for (const auto& c : d.any) use(c);
  for (const auto& group : d.any_groups)
    for (const auto& c : group) use(c);
  return used;
}

Result<void> check_indicator_declaration(const IndicatorDeclaration& d) {
  auto fail = [&](const std::string& reason) -> Result<void> {
    return Error{
        .code = ErrorCode::kInternal, .subject = "指标「" + d.id + "」", .place = "指标声明", .reason = reason};
  };
  if (d.aggregate == IndicatorAggregate::kRatio) {
    const IndicatorDeclaration* num = find_indicator(d.numerator);
    const IndicatorDeclaration* den = find_indicator(d.denominator);
    if (!num) return fail("分子指标「" + d.numerator + "」不存在");
    if (!den) return fail("分母指标「" + d.denominator + "」不存在");
    if (num->aggregate == IndicatorAggregate::kRatio || den->aggregate == IndicatorAggregate::kRatio)
      return fail("比率的分子和分母不能又是比率");
    if (num->ledger != d.ledger) return fail("比率的台账应与分子指标的台账一致");
    return ok();
  }
  const LedgerDeclaration* ledger = find_ledger(d.ledger);
  if (!ledger) return fail("台账「" + d.ledger + "」不存在");
  auto check_date = [&](const std::string& name, const char* what) -> Result<void> {
    const FieldDeclaration* f = resolve_field(*ledger, name);
    if (!f) return fail(std::string(what) + "「" + name + "」不是台账「" + d.ledger + "」的字段");
    bool year = d.period == PeriodRule::kYear || d.period == PeriodRule::kYearOnOrBefore;
    if (year ? f->type != FieldType::kInteger : (f->type != FieldType::kDate && f->type != FieldType::kDateTime))
      return fail(std::string(what) + "「" + name + "」不是" + (year ? "年度（整数）" : "日期") + "字段");
    return ok();
  };
  if (d.period != PeriodRule::kAlways) FAZHI_TRY(check_date(d.date_field, "期间日期字段"));
  if (d.period == PeriodRule::kStandingAtEnd || d.period == PeriodRule::kOverlapping)
    FAZHI_TRY(check_date(d.end_field, "截止日期字段"));
  auto check_condition = [&](const IndicatorCondition& c) -> Result<void> {
    using Op = IndicatorCondition::Op;
    if (c.field == "state") {
      for (const auto& v : c.values)
        if (!ledger->state(v)) return fail("台账「" + d.ledger + "」没有状态「" + v + "」");
      return ok();
    }
    const FieldDeclaration* f = resolve_field(*ledger, c.field);
    if (!f) return fail("条件字段「" + c.field + "」不是台账「" + d.ledger + "」的字段");
    if (c.op == Op::kMetTimeLimit) {
      const TimeLimitDeclaration* limit = nullptr;
      for (const auto& t : ledger->time_limits)
        if (!c.values.empty() && t.name == c.values[0]) limit = &t;
      if (!limit) return fail("台账「" + d.ledger + "」没有期限「" + (c.values.empty() ? "" : c.values[0]) + "」");
      if (limit->until != c.field)
        return fail("期限「" + limit->name + "」的完成日期字段是「" + limit->until + "」，而不是「" + c.field + "」");
      return ok();
    }
    if (c.op == Op::kBefore || c.op == Op::kAfter) {
      if (c.values.size() != 1 || !ledger->field(c.values[0]))
        return fail("条件字段「" + c.field + "」比较的日期字段不存在");
      return ok();
    }
    if (c.op != Op::kIn && c.op != Op::kNotIn) return ok();
    for (const auto& v : c.values) {
      if (f->type == FieldType::kEnum) {
        bool known =
            std::any_of(f->options.begin(), f->options.end(), [&](const EnumOption& o) { return o.value == v; });
        if (!known) return fail("字段「" + c.field + "」没有选项「" + v + "」");
      } else if (f->type == FieldType::kBoolean && v != "0" && v != "1") {
        return fail("是否字段「" + c.field + "」的条件值应为 0 或 1，而不是「" + v + "」");
      }
    }
    return ok();
  };
  for (const auto& c : d.where) FAZHI_TRY(check_condition(c));
  for (const auto& c : d.any) FAZHI_TRY(check_condition(c));
  for (const auto& group : d.any_groups)
    for (const auto& c : group) FAZHI_TRY(check_condition(c));
  if (d.aggregate == IndicatorAggregate::kSum || d.aggregate == IndicatorAggregate::kCountDistinct) {
    if (!resolve_field(*ledger, d.field)) return fail("汇总字段「" + d.field + "」不是台账「" + d.ledger + "」的字段");
  }
  if (d.aggregate == IndicatorAggregate::kMissedDeadline) {
    for (const auto& name : d.time_limits) {
      bool known = std::any_of(ledger->time_limits.begin(), ledger->time_limits.end(),
                               [&](const TimeLimitDeclaration& t) { return t.name == name; });
      if (!known) return fail("台账「" + d.ledger + "」没有期限「" + name + "」");
    }
  }
  if (!d.breakdown_field.empty() && !ledger->field(d.breakdown_field))
    return fail("分组字段「" + d.breakdown_field + "」不是台账「" + d.ledger + "」的字段");
  return ok();
}

}  // namespace fazhi
