#include "ledger/declarations/leadership_rules.h"

#include <fmt/format.h>

#include <cstdlib>

#include "core/clock.h"
#include "ledger/declarations/record_checks.h"

namespace fazhi {
namespace {

std::string label_of(const LedgerDeclaration& l, std::string_view field) {
  const FieldDeclaration* f = l.field(field);
  return f ? f->label : std::string(field);
}

// Refuses a date in field `name` later than today (in China): what is recorded has happened.
Result<void> require_not_future(const RuleContext& c, const LedgerRecord& r, const TransitionDeclaration* step,
                                std::string_view name) {
  auto d = date_field(c.ledger, r, name);
  auto today = parse_date(china_today());
  if (!d || !today || !(*today < *d)) return ok();
  return rule_refusal(c, r, step,
                      fmt::format("「{}」（{}）晚于今天（{}），不能登记尚未发生的事项", label_of(c.ledger, name),
                                  d->iso(), today->iso()),
                      std::string(name));
}

// Refuses a date in field `name` outside the year held in field `year_field`.
Result<void> require_in_year(const RuleContext& c, const LedgerRecord& r, const TransitionDeclaration* step,
                             std::string_view name, std::string_view year_field) {
  auto d = date_field(c.ledger, r, name);
  auto year = sql_int(field_of(c.ledger, r, year_field));
  if (!d || !year || d->year() == *year) return ok();
  return rule_refusal(c, r, step, fmt::format("「{}」（{}）不在{}年内", label_of(c.ledger, name), d->iso(), *year),
                      std::string(name));
}

std::optional<std::int64_t> int_field(const LedgerDeclaration& l, const LedgerRecord& r, std::string_view name) {
  const SqlValue& v = field_of(l, r, name);
  if (is_null(v)) return std::nullopt;
  return sql_int(v);
}

}  // namespace

Result<void> law_study_session_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                    const TransitionDeclaration* step) {
  return require_not_future(c, r, step, "held_on");
}

Result<void> rule_of_law_meeting_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                      const TransitionDeclaration* step) {
  return require_not_future(c, r, step, "held_on");
}

Result<void> pre_appointment_exam_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                       const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_future(c, r, step, "exam_on"));
  if (!has_field(l, r, "pass_line")) set_field(l, r, "pass_line", fmt::format("{}", kPreAppointmentPassLine));
  std::string score_text = text_field(l, r, "score");
  if (score_text.empty()) return ok();
  const std::string line_text = text_field(l, r, "pass_line");
  const double score = std::strtod(score_text.c_str(), nullptr);
  const double line = std::strtod(line_text.c_str(), nullptr);
  const bool passed = score >= line;
  const std::string given = text_field(l, r, "passed");
  if (!given.empty() && (given == "1") != passed)
    return rule_refusal(c, r, step,
                        fmt::format("考试成绩{}分{}合格分数线{}分，「是否合格」应为「{}」", score_text,
                                    passed ? "达到" : "低于", line_text, passed ? "是" : "否"),
                        "passed");
  set_field(l, r, "passed", std::int64_t{passed ? 1 : 0});
  return ok();
}

Result<void> law_report_by_leaders_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                        const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_future(c, r, step, "reported_on"));
  auto reported = date_field(l, r, "reported_on");
  auto year = int_field(l, r, "year");
  if (reported && year) {
    // The year-end 述职 of year Y: from 1 January of Y to 31 March of Y + 1.
    auto first = Date::from_ymd(static_cast<int>(*year), 1, 1);
    auto last = Date::from_ymd(static_cast<int>(*year) + 1, 3, 31);
    if (first && last && (*reported < *first || *last < *reported))
      return rule_refusal(c, r, step,
                          fmt::format("{}年度的述法应在{}至{}之间（年终述职，次年第一季度内完成），"
                                      "述法日期为{}",
                                      *year, first->iso(), last->iso(), reported->iso()),
                          "reported_on");
  }
  return ok();
}

Result<void> law_exam_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                           const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_future(c, r, step, "held_on"));
  FAZHI_TRY(require_in_year(c, r, step, "held_on", "year"));
  auto sat = int_field(l, r, "sat_count");
  auto passed = int_field(l, r, "passed_count");
  if (sat && passed && *passed > *sat)
    return rule_refusal(c, r, step, fmt::format("合格人数（{}）不能多于实际参考人次（{}）", *passed, *sat),
                        "passed_count");
  return ok();
}

}  // namespace fazhi
